// ComponentStatuses (printers.go printComponentStatus): the Healthy condition's status, message
// and error; no AGE, since a computed object has no creation time.

import type { ComponentStatus } from '../../../api/types';
import { NAME_COLUMN, col, type ColumnSet } from '../table';

export const componentStatusColumns: ColumnSet = {
  columns: [NAME_COLUMN, col('Status'), col('Message'), col('Error')],
  row(cs: ComponentStatus) {
    const healthy = (cs.conditions ?? []).find((c) => c.type === 'Healthy');
    const status = !healthy ? 'Unknown' : healthy.status === 'True' ? 'Healthy' : 'Unhealthy';
    return [cs.metadata.name ?? '', status, healthy?.message ?? '', healthy?.error ?? ''];
  },
};
