// ConfigMaps (printers.go printConfigMap): DATA counts data and binaryData keys.

import type { ConfigMap } from '../../../api/types';
import { AGE_COLUMN, NAME_COLUMN, col, type ColumnSet } from '../table';
import { age } from './format';

const count = (m: Record<string, unknown> | undefined | null): number => Object.keys(m ?? {}).length;

export const configMapColumns: ColumnSet = {
  columns: [NAME_COLUMN, col('Data'), AGE_COLUMN],
  row(cm: ConfigMap, now) {
    return [cm.metadata.name ?? '', count(cm.data) + count(cm.binaryData), age(cm.metadata.creationTimestamp, now)];
  },
};
