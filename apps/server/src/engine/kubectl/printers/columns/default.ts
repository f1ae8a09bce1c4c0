// Kinds without a printer (Roles, ClusterRoles): the API server's default table convertor prints
// NAME and CREATED AT (RFC 3339).

import type { KubeObject } from '../../../api/types';
import { NAME_COLUMN, col, type ColumnSet } from '../table';
import { createdAt } from './format';

/** The API server's defaultTableConvertor, for kinds without a printer. */
export const defaultColumns: ColumnSet = {
  columns: [NAME_COLUMN, col('Created At', 'date')],
  row(obj: KubeObject) {
    return [obj.metadata.name ?? '', createdAt(obj.metadata.creationTimestamp)];
  },
};
