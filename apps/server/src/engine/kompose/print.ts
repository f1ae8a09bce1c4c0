// How kompose writes objects: empty fields removed (kompose's RemoveEmptyInterfaces, one pass
// that checks a value before descending into it), keys sorted, YAML as yaml.v3 prints it
// (indented sequences, YAML 1.1 look-alikes such as "yes" quoted), one file per object named
// `<name>-<kind>.yaml`, or one stream of `---` documents for --stdout and a single -o file.

import { stringify } from 'yaml';
import { KubeObject } from '../api/types';

function isEmpty(v: unknown): boolean {
  if (v === null || v === undefined || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v as object).length === 0;
  return false;
}

/** drops null, "", [] and {} values; a map emptied by this pass stays (as in kompose) */
export function removeEmpty(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => !isEmpty(x)).map(removeEmpty);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (!isEmpty(x)) out[k] = removeEmpty(x);
    return out;
  }
  return v;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

export function toYaml(obj: KubeObject): string {
  return stringify(sortKeys(removeEmpty(obj)), { version: '1.1', lineWidth: 0, indentSeq: true });
}

export function toJson(obj: KubeObject): string {
  return JSON.stringify(sortKeys(removeEmpty(obj)), null, 2) + '\n';
}

/** the document as --stdout and a single -o file show it */
export function streamDocument(obj: KubeObject): string {
  return `---\n${toYaml(obj)}\n`;
}

export function fileName(obj: KubeObject, json: boolean): string {
  return `${obj.metadata.name}-${obj.kind.toLowerCase()}.${json ? 'json' : 'yaml'}`;
}
