// Deployments (printers.go printDeployment).

import type { Deployment } from '../../../api/types';
import { AGE_COLUMN, NAME_COLUMN, TEMPLATE_COLUMNS, col, type ColumnSet } from '../table';
import { age, layoutContainerCells, selectorString } from './format';

export const deploymentColumns: ColumnSet = {
  columns: [NAME_COLUMN, col('Ready'), col('Up-to-date'), col('Available'), AGE_COLUMN, ...TEMPLATE_COLUMNS],
  row(d: Deployment, now) {
    const [names, images] = layoutContainerCells(d.spec?.template?.spec?.containers);
    return [
      d.metadata.name ?? '',
      `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`,
      d.status?.updatedReplicas ?? 0,
      d.status?.availableReplicas ?? 0,
      age(d.metadata.creationTimestamp, now),
      names,
      images,
      // printDeployment prints selector.String() as is: no `<none>` for an empty selector
      selectorString(d.spec?.selector),
    ];
  },
};
