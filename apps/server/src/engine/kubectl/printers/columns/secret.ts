// Secrets (printers.go printSecret).

import type { Secret } from '../../../api/types';
import { AGE_COLUMN, NAME_COLUMN, col, type ColumnSet } from '../table';
import { age } from './format';

const count = (m: Record<string, unknown> | undefined | null): number => Object.keys(m ?? {}).length;

export const secretColumns: ColumnSet = {
  columns: [NAME_COLUMN, col('Type'), col('Data'), AGE_COLUMN],
  row(s: Secret, now) {
    return [s.metadata.name ?? '', s.type ?? '', count(s.data), age(s.metadata.creationTimestamp, now)];
  },
};
