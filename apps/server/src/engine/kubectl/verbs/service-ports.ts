// `kubectl create service ... --tcp=port[:targetPort]`, read as kubectl's parsePorts does: the port
// with Go's strconv.ParseUint (16 bits, 0 allowed), the target as a number when Atoi takes it
// (then 1-65535) or else as a port name; the port's name is the spec with ':' made '-'.
import { isValidPortName, isValidPortNum } from '../../api/validation/names';
import { CommandError } from '../context';

export interface TcpPort {
  name: string;
  port: number;
  targetPort: number | string;
}

export function parseTcpSpec(spec: string): TcpPort {
  const parts = spec.split(':');
  const port = parseUint16(parts[0]);
  const name = spec.replace(/:/g, '-');
  if (parts.length === 1) return { name, port, targetPort: port };
  const target = parts[1];
  if (/^[+-]?\d+$/.test(target)) {
    const n = Number(target);
    const errs = isValidPortNum(n);
    if (errs.length) throw new CommandError(`error: ${errs.join(',')}`);
    return { name, port, targetPort: n };
  }
  const errs = isValidPortName(target);
  if (errs.length) throw new CommandError(`error: ${errs.join(',')}`);
  return { name, port, targetPort: target };
}

function parseUint16(s: string): number {
  if (!/^\d+$/.test(s)) throw new CommandError(`error: strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (n > 65535) throw new CommandError(`error: strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}
