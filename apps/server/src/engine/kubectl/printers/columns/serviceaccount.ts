// ServiceAccounts (printers.go printServiceAccount).

import type { KubeObject } from '../../../api/types';
import { AGE_COLUMN, NAME_COLUMN, col, type ColumnSet } from '../table';
import { age } from './format';

export const serviceAccountColumns: ColumnSet = {
  columns: [NAME_COLUMN, col('Secrets'), AGE_COLUMN],
  row(sa: KubeObject, now) {
    const secrets = sa.secrets as unknown[] | undefined;
    return [sa.metadata.name ?? '', (secrets ?? []).length, age(sa.metadata.creationTimestamp, now)];
  },
};
