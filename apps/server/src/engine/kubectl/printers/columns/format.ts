// Small formatting helpers shared by the column definitions, each the Go helper it is named after.

import { humanDuration, parseTime, rfc3339 } from '../../../time';
import type { Container, KubeObject, LabelSelector } from '../../../api/types';

/** printers.go translateTimestampSince: `<unknown>` for a zero (absent) time. */
export function age(timestamp: string | null | undefined, now: number): string {
  const t = parseTime(timestamp);
  if (Number.isNaN(t)) return '<unknown>';
  return humanDuration(now - t);
}

/** Go's time.Format(time.RFC3339) of a UTC time: the default table's CREATED AT column. */
export function createdAt(timestamp: string | null | undefined): string {
  const t = parseTime(timestamp);
  return Number.isNaN(t) ? '0001-01-01T00:00:00Z' : rfc3339(t);
}

/** labels.FormatLabels: `k=v` pairs sorted as strings, joined by `,`, or `<none>`. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  // labels.Set.String sorts the `k=v` strings, so `app.kubernetes.io/name=x` comes before `app=y`
  const pairs = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`).sort(goLess);
  return pairs.length === 0 ? '<none>' : pairs.join(',');
}

/** Go's string order (bytes of UTF-8; code units give the same order outside astral planes). */
export function goLess(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * metav1.LabelSelectorAsSelector(...).String(): requirements sorted by key, `k=v`, `k in (a,b)`,
 * `k notin (a,b)`, `k`, `!k`. A nil selector selects nothing and prints as empty too.
 */
export function selectorString(selector: LabelSelector | undefined | null): string {
  if (!selector) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const e of selector.matchExpressions ?? []) {
    const values = [...new Set(e.values ?? [])].sort(goLess).join(',');
    const text =
      e.operator === 'In' ? `${e.key} in (${values})` :
      e.operator === 'NotIn' ? `${e.key} notin (${values})` :
      e.operator === 'Exists' ? e.key :
      `!${e.key}`;
    reqs.push({ key: e.key, text });
  }
  return reqs.sort((a, b) => goLess(a.key, b.key)).map((r) => r.text).join(',');
}

/** metav1.FormatLabelSelector: the selector string, or `<none>` when it is empty. */
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  return selectorString(selector) || '<none>';
}

/** printers.go layoutContainerCells: comma-joined names and images. */
export function layoutContainerCells(containers: readonly Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

/** helper.GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, duplicates dropped. */
export function accessModes(modes: readonly string[] | undefined): string {
  const has = new Set(modes ?? []);
  const out: string[] = [];
  if (has.has('ReadWriteOnce')) out.push('RWO');
  if (has.has('ReadOnlyMany')) out.push('ROX');
  if (has.has('ReadWriteMany')) out.push('RWX');
  if (has.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

/** net.JoinHostPort: IPv6 hosts are bracketed. */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** helper.GetPersistentVolumeClass / GetPersistentVolumeClaimClass: the beta annotation wins. */
export function storageClassOf(obj: KubeObject): string {
  const annotated = obj.metadata.annotations?.[BETA_CLASS_ANNOTATION];
  if (annotated !== undefined) return annotated;
  return (obj.spec?.storageClassName as string | undefined) ?? '';
}

/** an absent quantity prints as Go's zero Quantity: `0` */
export const quantity = (q: string | undefined): string => q ?? '0';
