// Leases (printers.go printLease): the holder, as `kubectl get leases -n kube-node-lease` shows
// which kubelet holds each node's heartbeat.

import type { KubeObject } from '../../../api/types';
import { AGE_COLUMN, NAME_COLUMN, col, type ColumnSet } from '../table';
import { age } from './format';

export const leaseColumns: ColumnSet = {
  columns: [NAME_COLUMN, col('Holder'), AGE_COLUMN],
  row(lease: KubeObject, now) {
    const holder = (lease.spec as { holderIdentity?: string } | undefined)?.holderIdentity;
    return [lease.metadata.name ?? '', holder ?? '', age(lease.metadata.creationTimestamp, now)];
  },
};
