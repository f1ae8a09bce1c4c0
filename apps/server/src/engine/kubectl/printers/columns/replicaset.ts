// ReplicaSets (printers.go printReplicaSet).

import type { ReplicaSet } from '../../../api/types';
import { AGE_COLUMN, NAME_COLUMN, TEMPLATE_COLUMNS, col, type ColumnSet } from '../table';
import { age, formatLabelSelector, layoutContainerCells } from './format';

export const replicaSetColumns: ColumnSet = {
  columns: [NAME_COLUMN, col('Desired', 'integer'), col('Current', 'integer'), col('Ready', 'integer'), AGE_COLUMN, ...TEMPLATE_COLUMNS],
  row(rs: ReplicaSet, now) {
    const [names, images] = layoutContainerCells(rs.spec?.template?.spec?.containers);
    return [
      rs.metadata.name ?? '',
      rs.spec?.replicas ?? 0,
      rs.status?.replicas ?? 0,
      rs.status?.readyReplicas ?? 0,
      age(rs.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(rs.spec?.selector),
    ];
  },
};
