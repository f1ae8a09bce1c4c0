// DaemonSets (printers.go printDaemonSet).

import type { DaemonSet } from '../../../api/types';
import { AGE_COLUMN, NAME_COLUMN, TEMPLATE_COLUMNS, col, type ColumnSet } from '../table';
import { age, formatLabelSelector, formatLabels, layoutContainerCells } from './format';

export const daemonSetColumns: ColumnSet = {
  columns: [
    NAME_COLUMN,
    col('Desired', 'integer'),
    col('Current', 'integer'),
    col('Ready', 'integer'),
    col('Up-to-date', 'integer'),
    col('Available', 'integer'),
    col('Node Selector'),
    AGE_COLUMN,
    ...TEMPLATE_COLUMNS,
  ],
  row(ds: DaemonSet, now) {
    const s = ds.status;
    const [names, images] = layoutContainerCells(ds.spec?.template?.spec?.containers);
    return [
      ds.metadata.name ?? '',
      s?.desiredNumberScheduled ?? 0,
      s?.currentNumberScheduled ?? 0,
      s?.numberReady ?? 0,
      s?.updatedNumberScheduled ?? 0,
      s?.numberAvailable ?? 0,
      formatLabels(ds.spec?.template?.spec?.nodeSelector),
      age(ds.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(ds.spec?.selector),
    ];
  },
};
