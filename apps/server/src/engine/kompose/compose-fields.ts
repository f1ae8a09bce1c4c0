// Parsers for single compose fields: ports (short and long syntax, ranges), volumes (short and
// long syntax, Windows paths), environment and labels (map or list), healthchecks.

import { resolvePath } from '../shell/filesystem';
import { KomposeFatal } from './logrus';
import { PortSpec } from './compose-types';

type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : String(v);
}

function range(text: string): [number, number] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m) return undefined;
  const a = Number(m[1]);
  return [a, m[2] === undefined ? a : Number(m[2])];
}

/** one `ports:` entry, expanded (ranges give several ports) */
export function parsePortEntry(entry: unknown): PortSpec[] {
  if (isObj(entry)) {
    const target = Number(entry.target);
    const published = range(str(entry.published));
    const protocol = (str(entry.protocol) || 'tcp').toUpperCase();
    const hostIP = str(entry.host_ip);
    if (published && published[0] !== published[1]) {
      const out: PortSpec[] = [];
      for (let p = published[0]; p <= published[1]; p++) out.push({ hostPort: p, containerPort: target, hostIP, protocol });
      return out;
    }
    return [{ hostPort: published ? published[0] : 0, containerPort: target, hostIP, protocol }];
  }
  let spec = str(entry);
  let protocol = 'TCP';
  const slash = spec.lastIndexOf('/');
  if (slash >= 0) {
    protocol = spec.slice(slash + 1).toUpperCase();
    spec = spec.slice(0, slash);
  }
  let hostIP = '';
  if (spec.startsWith('[')) {
    const end = spec.indexOf(']:');
    if (end > 0) {
      hostIP = spec.slice(1, end);
      spec = spec.slice(end + 2);
    }
  }
  const parts = spec.split(':');
  let host = '';
  let container: string;
  if (parts.length === 1) container = parts[0];
  else if (parts.length === 2) [host, container] = parts;
  else {
    container = parts.pop()!;
    host = parts.pop()!;
    hostIP = parts.join(':');
  }
  const c = range(container);
  const h = host === '' ? undefined : range(host);
  if (!c || (host !== '' && !h)) throw new KomposeFatal(`Invalid containerPort: ${container}`);
  const out: PortSpec[] = [];
  const count = c[1] - c[0] + 1;
  if (h && h[1] - h[0] + 1 !== count) {
    if (count !== 1) throw new KomposeFatal(`Invalid ranges specified for container and host Ports: ${container}, ${host}`);
    return [{ hostPort: h[0] === h[1] ? h[0] : 0, containerPort: c[0], hostIP, protocol }];
  }
  for (let i = 0; i < count; i++) out.push({ hostPort: h ? h[0] + i : 0, containerPort: c[0] + i, hostIP, protocol });
  return out;
}

export interface RawVolume {
  type: 'volume' | 'bind' | 'tmpfs';
  source: string;
  target: string;
  readOnly: boolean;
}

function isPathSource(s: string): boolean {
  return s.startsWith('.') || s.startsWith('/') || s.startsWith('~') || s.startsWith('\\') || /^[a-zA-Z]:[\\/]/.test(s);
}

/** one `volumes:` entry of a service; bind sources become absolute as compose resolves them */
export function parseVolumeEntry(entry: unknown, workingDir: string, home: string): RawVolume {
  if (isObj(entry)) {
    const type = (str(entry.type) || 'volume') as RawVolume['type'];
    let source = str(entry.source);
    if (type === 'bind') source = resolveBind(source, workingDir, home);
    return { type, source, target: str(entry.target), readOnly: entry.read_only === true };
  }
  const tokens = str(entry).split(':');
  const parts: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // C:\path and C:/path are one token (Windows drive letters)
    if (/^[a-zA-Z]$/.test(tokens[i]) && i + 1 < tokens.length && /^[\\/]/.test(tokens[i + 1])) {
      parts.push(`${tokens[i]}:${tokens[i + 1]}`);
      i++;
    } else parts.push(tokens[i]);
  }
  if (parts.length === 1) return { type: 'volume', source: '', target: parts[0], readOnly: false };
  const [source, target, mode = ''] = parts;
  const readOnly = mode.split(',').includes('ro');
  if (isPathSource(source)) return { type: 'bind', source: resolveBind(source, workingDir, home), target, readOnly };
  return { type: 'volume', source, target, readOnly };
}

function resolveBind(source: string, workingDir: string, home: string): string {
  if (/^[a-zA-Z]:[\\/]/.test(source) || source.startsWith('\\')) return source;
  if (source === '~' || source.startsWith('~/')) return resolvePath(home, source.slice(2));
  return resolvePath(workingDir, source);
}

/** environment / labels given as a list (`K=V`) or a map; values stay undefined when absent */
export function keyValues(v: unknown): [string, string | undefined][] {
  if (Array.isArray(v)) {
    return v.map((item) => {
      const s = str(item);
      const eq = s.indexOf('=');
      return eq < 0 ? [s, undefined] : [s.slice(0, eq), s.slice(eq + 1)];
    });
  }
  if (isObj(v)) return Object.entries(v).map(([k, val]) => [k, val === null || val === undefined ? undefined : str(val)]);
  return [];
}

/** list-or-map fields turned into maps, so that files merge key by key */
export function toMap(v: unknown): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [k, val] of keyValues(v)) out[k] = val === undefined ? null : val;
  return out;
}

export function stringList(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v.map(str) : [str(v)];
}
