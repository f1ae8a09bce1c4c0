// Shared describe.go blocks: label/annotation/taint/toleration lists, the Events table, selectors,
// times and Go's %v of slices.
import type { KubeEvent, LabelSelector, Taint, Toleration } from '../../../api/types';
import { humanDuration, parseTime, rfc1123z } from '../../../time';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './describe-writer';

/** Go's zero time.Time formatted as RFC1123Z, what kubectl prints for an unset timestamp. */
export const ZERO_TIME_RFC1123Z = 'Mon, 01 Jan 0001 00:00:00 +0000';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION_LEN = 140;

/** `t.Format(time.RFC1123Z)`; a missing or zero time prints Go's zero time. */
export function formatTime(ts: string | null | undefined): string {
  const ms = parseTime(ts ?? undefined);
  return Number.isNaN(ms) ? ZERO_TIME_RFC1123Z : rfc1123z(ms);
}

/** translateTimestampSince: `<unknown>` for a zero time, else HumanDuration(now - t). */
export function since(ts: string | null | undefined, now: number): string {
  const ms = parseTime(ts ?? undefined);
  return Number.isNaN(ms) ? '<unknown>' : humanDuration(now - ms);
}

/** fmt's %v of a []string: `[a b c]`. */
export function goSlice(values: readonly unknown[] | undefined): string {
  return `[${(values ?? []).map(String).join(' ')}]`;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** labels.FormatLabels: sorted `k=v` joined by commas, `<none>` when empty. */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort(byString);
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** labels.Selector.String() of a LabelSelector: requirements sorted by key; '' when empty. */
export function selectorString(sel: LabelSelector | undefined): string {
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(sel?.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const e of sel?.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort(byString).join(',');
    const text =
      e.operator === 'In' ? `${e.key} in (${values})`
        : e.operator === 'NotIn' ? `${e.key} notin (${values})`
          : e.operator === 'Exists' ? e.key
            : `!${e.key}`;
    reqs.push({ key: e.key, text });
  }
  // sort.Sort(ByKey) is not stable, but keys are unique in practice
  return reqs
    .sort((a, b) => byString(a.key, b.key))
    .map((r) => r.text)
    .join(',');
}

/** metav1.FormatLabelSelector: like selectorString, with `<none>` for an empty selector. */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  return selectorString(sel) || '<none>';
}

/** printLabelsMultilineWithIndent */
export function printLabelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Readonly<Record<string, string>> | undefined,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort(byString);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}${innerIndent}`);
    w.write(LEVEL_0, `${k}=${labels![k]}\n`);
  });
}

/** printAnnotationsMultiline: last-applied-configuration hidden, long or multi-line values folded. */
export function printAnnotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations: Readonly<Record<string, string>> | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== LAST_APPLIED)
    .sort(byString);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key].replace(/\n$/, '');
    // Go measures bytes; annotation values are ASCII in practice
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) {
        w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
      }
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}

/** printTolerationsMultilineWithIndent: sorted by key. */
export function printTolerationsMultiline(
  w: PrefixWriter,
  title: string,
  tolerations: readonly Toleration[] | undefined,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const list = [...(tolerations ?? [])].sort((a, b) => byString(a.key ?? '', b.key ?? ''));
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}${innerIndent}`);
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${s}\n`);
  });
}

/** Taint.ToString(): `key=value:effect`, `key:effect`. */
export function taintString(t: Taint): string {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** printTaintsMultilineWithIndent: sorted by `effect,key`. */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: readonly Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const list = [...(taints ?? [])].sort((a, b) => byString(`${a.effect},${a.key}`, `${b.effect},${b.key}`));
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}

/** Event fields kubectl reads that the shared KubeEvent type leaves out. */
interface EventExtras {
  series?: { count?: number; lastObservedTime?: string };
}

/**
 * DescribeEvents. `events === undefined` means events were not requested (--show-events=false):
 * nothing is printed. An empty list prints `Events:\t<none>` (no flush, so it aligns with the block
 * above); otherwise the writer is flushed and the table is sorted by last timestamp.
 */
export function describeEvents(w: PrefixWriter, events: readonly KubeEvent[] | undefined, now: number): void {
  if (!events) return;
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = [...events].sort((a, b) => {
    const x = lastTime(a);
    const y = lastTime(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
    const series = (e as KubeEvent & EventExtras).series;
    let interval: string;
    if (series) interval = `${since(series.lastObservedTime, now)} (x${series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    else interval = first;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}

// SortableEvents orders by LastTimestamp; a missing one is Go's zero time, the earliest.
function lastTime(e: KubeEvent): number {
  const t = parseTime(e.lastTimestamp ?? undefined);
  return Number.isNaN(t) ? -Infinity : t;
}
