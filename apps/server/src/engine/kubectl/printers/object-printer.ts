// `-o yaml` and `-o json` of one object or of a list, as kubectl's YAMLPrinter and JSONPrinter do.

import type { KubeObject } from '../../api/types';
import { toJson, type JsonOptions } from './json';
import { toYaml } from './yaml';

/** The wrapper kubectl prints around several objects fetched as a list. */
export function listOf(items: readonly unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: [...items], kind: 'List', metadata: { resourceVersion: '' } };
}

const wrap = (obj: KubeObject | readonly KubeObject[] | Record<string, unknown>): unknown => (Array.isArray(obj) ? listOf(obj) : obj);

/** `-o yaml`: an array prints as a `kind: List`. */
export function printYaml(obj: KubeObject | readonly KubeObject[] | Record<string, unknown>): string {
  return toYaml(wrap(obj));
}

/** Several objects printed one after another (create -f, apply): documents separated by `---`. */
export function printYamlDocuments(objs: readonly unknown[]): string {
  return objs.map((o) => toYaml(o)).join('---\n');
}

/** `-o json`: an array prints as a `kind: List`. */
export function printJson(obj: KubeObject | readonly KubeObject[] | Record<string, unknown>, opts?: JsonOptions): string {
  return toJson(wrap(obj), opts);
}
