// Events (printers.go printEvent). The columns are listed in wide order; the non-wide ones are
// LAST SEEN, TYPE, REASON, OBJECT, MESSAGE.

import type { KubeEvent } from '../../../api/types';
import { col, wide, type ColumnSet } from '../table';
import { age } from './format';

/** formatEventSource: `component, host`, or `component` when there is no host. */
export function eventSource(ev: KubeEvent): string {
  const component = ev.source?.component || ev.reportingComponent || '';
  const instance = ev.source?.host || ev.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

interface EventSeries {
  count?: number;
  lastObservedTime?: string;
}

export const eventColumns: ColumnSet = {
  columns: [
    col('Last Seen'),
    col('Type'),
    col('Reason'),
    col('Object'),
    wide('Subobject'),
    wide('Source'),
    col('Message'),
    wide('First Seen'),
    wide('Count'),
    { name: 'Name', type: 'string', format: 'name', priority: 1 },
  ],
  row(ev: KubeEvent, now) {
    const firstSeen = ev.firstTimestamp ? age(ev.firstTimestamp, now) : age(ev.eventTime, now);
    let lastSeen = ev.lastTimestamp ? age(ev.lastTimestamp, now) : firstSeen;
    let count = ev.count ?? 0;
    const series = ev.series as EventSeries | undefined;
    if (series) {
      lastSeen = age(series.lastObservedTime, now);
      count = series.count ?? 0;
    } else if (count === 0) {
      count = 1; // singleton events carry no count in the new API
    }
    const kind = (ev.involvedObject?.kind ?? '').toLowerCase();
    const target = ev.involvedObject?.name ? `${kind}/${ev.involvedObject.name}` : kind;
    return [
      lastSeen,
      ev.type ?? '',
      ev.reason ?? '',
      target,
      ev.involvedObject?.fieldPath ?? '',
      eventSource(ev),
      (ev.message ?? '').trim(),
      firstSeen,
      count,
      ev.metadata.name ?? '',
    ];
  },
};
