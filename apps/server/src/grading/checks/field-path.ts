// Reads a field path from an object: `spec.replicas`, `spec.containers[0].image`, every element
// with `[*]`, and list entries by key with `[name=db]` (containers, env, ports, volumes).

export function fieldValues(obj: unknown, path: string): unknown[] {
  let current: unknown[] = [obj];
  for (const seg of segments(path)) {
    const next: unknown[] = [];
    for (const v of current) {
      if (v === null || v === undefined) continue;
      if (seg.kind === 'key') {
        if (typeof v === 'object' && !Array.isArray(v)) next.push((v as Record<string, unknown>)[seg.key]);
      } else if (Array.isArray(v)) {
        if (seg.kind === 'index') next.push(v[seg.index]);
        else if (seg.kind === 'all') next.push(...v);
        else next.push(...v.filter((e) => e && typeof e === 'object' && String((e as Record<string, unknown>)[seg.key]) === seg.value));
      }
    }
    current = next;
  }
  return current.filter((v) => v !== undefined);
}

type Segment = { kind: 'key'; key: string } | { kind: 'index'; index: number } | { kind: 'all' } | { kind: 'where'; key: string; value: string };

function segments(path: string): Segment[] {
  const out: Segment[] = [];
  // keys may contain `/` and `.` inside brackets: metadata.labels[app.kubernetes.io/name]
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path))) {
    if (m[1] !== undefined) out.push({ kind: 'key', key: m[1] });
    else {
      const inner = m[2];
      if (inner === '*') out.push({ kind: 'all' });
      else if (/^\d+$/.test(inner)) out.push({ kind: 'index', index: Number(inner) });
      else if (inner.includes('=')) {
        const eq = inner.indexOf('=');
        out.push({ kind: 'where', key: inner.slice(0, eq), value: inner.slice(eq + 1) });
      } else out.push({ kind: 'key', key: inner });
    }
  }
  return out;
}

/** `/re/` in check data means a regular expression; anything else is compared as text. */
export function textMatches(pattern: string, value: string): boolean {
  if (pattern.length >= 2 && pattern.startsWith('/') && pattern.endsWith('/')) return new RegExp(pattern.slice(1, -1)).test(value);
  return pattern === value;
}

export function show(v: unknown): string {
  if (v === undefined) return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}
