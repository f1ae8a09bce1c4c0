// Which column set prints which kind (by API group and kind), as printers.go AddHandlers registers them.

import type { ColumnSet } from '../table';
import { componentStatusColumns } from './componentstatus';
import { configMapColumns } from './configmap';
import { daemonSetColumns } from './daemonset';
import { defaultColumns } from './default';
import { deploymentColumns } from './deployment';
import { endpointsColumns } from './endpoints';
import { endpointSliceColumns } from './endpointslice';
import { eventColumns } from './event';
import { leaseColumns } from './lease';
import { namespaceColumns } from './namespace';
import { nodeColumns } from './node';
import { persistentVolumeColumns } from './persistentvolume';
import { persistentVolumeClaimColumns } from './persistentvolumeclaim';
import { podColumns } from './pod';
import { replicaSetColumns } from './replicaset';
import { roleBindingColumns } from './rolebinding';
import { secretColumns } from './secret';
import { serviceColumns } from './service';
import { serviceAccountColumns } from './serviceaccount';
import { storageClassColumns } from './storageclass';

const BY_KIND: Record<string, ColumnSet> = {
  '/Pod': podColumns,
  '/Node': nodeColumns,
  '/Namespace': namespaceColumns,
  '/Service': serviceColumns,
  '/Endpoints': endpointsColumns,
  '/ComponentStatus': componentStatusColumns,
  '/ConfigMap': configMapColumns,
  '/Secret': secretColumns,
  '/ServiceAccount': serviceAccountColumns,
  '/Event': eventColumns,
  '/PersistentVolume': persistentVolumeColumns,
  '/PersistentVolumeClaim': persistentVolumeClaimColumns,
  'apps/ReplicaSet': replicaSetColumns,
  'apps/Deployment': deploymentColumns,
  'apps/DaemonSet': daemonSetColumns,
  'discovery.k8s.io/EndpointSlice': endpointSliceColumns,
  'storage.k8s.io/StorageClass': storageClassColumns,
  'coordination.k8s.io/Lease': leaseColumns,
  'rbac.authorization.k8s.io/RoleBinding': roleBindingColumns,
  'rbac.authorization.k8s.io/ClusterRoleBinding': roleBindingColumns,
};

/** The column set for a kind; kinds without a printer (Role, ClusterRole) get NAME and CREATED AT. */
export function columnsFor(group: string, kind: string): ColumnSet {
  return BY_KIND[`${group}/${kind}`] ?? defaultColumns;
}
