// Namespaces (printers.go printNamespace).

import type { Namespace } from '../../../api/types';
import { AGE_COLUMN, NAME_COLUMN, col, type ColumnSet } from '../table';
import { age } from './format';

export const namespaceColumns: ColumnSet = {
  columns: [NAME_COLUMN, col('Status'), AGE_COLUMN],
  row(ns: Namespace, now) {
    return [ns.metadata.name ?? '', ns.status?.phase ?? '', age(ns.metadata.creationTimestamp, now)];
  },
};
