// Endpoints (printers.go printEndpoints, formatEndpoints).

import type { Endpoints } from '../../../api/types';
import { AGE_COLUMN, NAME_COLUMN, col, type ColumnSet } from '../table';
import { age, joinHostPort } from './format';

/** formatEndpoints: ready addresses × ports, at most 3 then ` + N more...`. */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    if (ports.length === 0) {
      // headless services may have no ports
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export const endpointsColumns: ColumnSet = {
  columns: [NAME_COLUMN, col('Endpoints'), AGE_COLUMN],
  row(ep: Endpoints, now) {
    return [ep.metadata.name ?? '', formatEndpoints(ep), age(ep.metadata.creationTimestamp, now)];
  },
};
