// Selecting the objects a condition talks about, and describing that selection in words.

import { resourceByName } from '../../engine/api/resources';
import type { KubeObject } from '../../engine/api/types';
import { fieldValues, show, textMatches } from './field-path';
import { kindWord, words } from './messages';
import type { CheckContext, FieldTest, Locale } from './types';

export interface Target {
  resource: string;
  namespace?: string;
  name?: string;
  namePrefix?: string;
  labels?: Record<string, string>;
  phase?: string;
  ready?: boolean;
  where?: FieldTest[];
}

export function namespaced(resource: string): boolean {
  return resourceByName(resource)?.namespaced ?? true;
}

/** the namespace a target addresses: its own, `default`, or undefined (every one, or cluster-scoped) */
export function targetNamespace(t: { resource: string; namespace?: string }): string | undefined {
  if (!namespaced(t.resource) || t.namespace === '*') return undefined;
  return t.namespace ?? 'default';
}

/** objects with the target's resource, namespace and name (before the finer filters) */
export function candidates(t: Target, ctx: CheckContext): KubeObject[] {
  const all = ctx.objects(t.resource, targetNamespace(t));
  return all.filter((o) => (t.name === undefined || o.metadata.name === t.name) && (t.namePrefix === undefined || (o.metadata.name ?? '').startsWith(t.namePrefix)));
}

export function isReady(o: KubeObject): boolean {
  const conds = ((o as { status?: { conditions?: { type: string; status: string }[] } }).status?.conditions ?? []);
  return conds.some((c) => c.type === 'Ready' && c.status === 'True');
}

export function phaseOf(o: KubeObject): string | undefined {
  return (o as { status?: { phase?: string } }).status?.phase;
}

export function fieldTestPasses(o: unknown, test: FieldTest): boolean {
  const values = fieldValues(o, test.path);
  if (test.present !== undefined) {
    const has = values.some((v) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0));
    if (has !== test.present) return false;
  }
  if (test.equals !== undefined && !values.some((v) => JSON.stringify(v) === JSON.stringify(test.equals) || (typeof test.equals !== 'object' && String(v) === String(test.equals)))) return false;
  if (test.matches !== undefined && !values.some((v) => v !== null && typeof v !== 'object' && new RegExp(test.matches!).test(String(v)))) return false;
  return true;
}

/** why one object fails the finer filters, or undefined when it passes */
export function mismatch(o: KubeObject, t: Target, locale: Locale): string | undefined {
  const labels = o.metadata.labels ?? {};
  for (const [k, v] of Object.entries(t.labels ?? {})) {
    if (labels[k] !== v) return locale === 'es' ? `la etiqueta ${k}=${labels[k] ?? '—'}` : `label ${k}=${labels[k] ?? '—'}`;
  }
  if (t.phase !== undefined && phaseOf(o) !== t.phase) return `${words.phase[locale]} ${phaseOf(o) ?? '—'}`;
  if (t.ready !== undefined && isReady(o) !== t.ready) return isReady(o) ? words.ready[locale] : words.notReady[locale];
  for (const test of t.where ?? []) {
    if (!fieldTestPasses(o, test)) return `${test.path} = ${list(fieldValues(o, test.path).map(show))}`;
  }
  return undefined;
}

function list(values: string[]): string {
  return values.length ? values.join(', ') : '—';
}

export function matching(t: Target, ctx: CheckContext, locale: Locale = 'en'): KubeObject[] {
  return candidates(t, ctx).filter((o) => mismatch(o, t, locale) === undefined);
}

/** `pod "web" in namespace default, labelled app=web, in phase Running, ready` */
export function describeTarget(t: Target, locale: Locale): string {
  const parts: string[] = [];
  const kind = kindWord(t.resource);
  parts.push(t.name !== undefined ? `${kind} "${t.name}"` : t.namePrefix !== undefined ? `${kind} ${words.namedLike[locale]} "${t.namePrefix}"` : kind);
  const ns = targetNamespace(t);
  if (ns !== undefined) parts.push(`${words.inNamespace[locale]} ${ns}`);
  else if (t.namespace === '*') parts.push(words.inEveryNamespace[locale]);
  if (t.labels && Object.keys(t.labels).length) parts.push(`${words.labels[locale]} ${selectorText(t.labels)}`);
  if (t.phase) parts.push(`${words.phase[locale]} ${t.phase}`);
  if (t.ready !== undefined) parts.push(t.ready ? words.ready[locale] : words.notReady[locale]);
  for (const test of t.where ?? []) parts.push(testText(test, locale));
  return parts.join(', ');
}

export function testText(test: FieldTest, locale: Locale): string {
  if (test.equals !== undefined) return `${test.path} = ${show(test.equals)}`;
  if (test.matches !== undefined) return locale === 'es' ? `${test.path} que cumpla /${test.matches}/` : `${test.path} matching /${test.matches}/`;
  if (test.present === false) return locale === 'es' ? `sin ${test.path}` : `no ${test.path}`;
  return locale === 'es' ? `con ${test.path}` : `with ${test.path}`;
}

export function selectorText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

export { textMatches };
