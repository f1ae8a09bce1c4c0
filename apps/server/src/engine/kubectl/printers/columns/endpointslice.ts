// EndpointSlices (printers.go printEndpointSlice, formatDiscoveryPorts, formatDiscoveryEndpoints).

import { AGE_COLUMN, NAME_COLUMN, col, type ColumnSet } from '../table';
import { age } from './format';

function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret || '<unset>';
}

interface EndpointSlice {
  metadata: { name?: string; creationTimestamp?: string | null };
  addressType?: string;
  ports?: { name?: string; port?: number; protocol?: string }[] | null;
  endpoints?: { addresses?: string[] }[] | null;
}

export const endpointSliceColumns: ColumnSet = {
  columns: [NAME_COLUMN, col('AddressType'), col('Ports'), col('Endpoints'), AGE_COLUMN],
  row(slice: EndpointSlice, now) {
    const max = 3;
    const ports: string[] = [];
    let portCount = 0;
    let morePorts = false;
    for (const p of slice.ports ?? []) {
      if (ports.length < max) ports.push(p.port !== undefined && p.port !== null ? String(p.port) : p.name !== undefined ? p.name : '*');
      else if (ports.length === max) morePorts = true;
      portCount++;
    }
    const addrs: string[] = [];
    let addrCount = 0;
    let moreAddrs = false;
    for (const e of slice.endpoints ?? []) {
      for (const a of e.addresses ?? []) {
        if (addrs.length < max) addrs.push(a);
        else if (addrs.length === max) moreAddrs = true;
        addrCount++;
      }
    }
    return [
      slice.metadata.name ?? '',
      slice.addressType ?? '',
      listWithMore(ports, morePorts, portCount, max),
      listWithMore(addrs, moreAddrs, addrCount, max),
      age(slice.metadata.creationTimestamp, now),
    ];
  },
};
