// Reading `-f` sources as kubectl's resource builder does: files, directories (-R), `-` for
// stdin, and URLs (answered from the manifests the simulation knows; no network is used).
// Documents are YAML or JSON, several per file; a `List` expands into its items.

import { parseAllDocuments, ScalarTag, Tags } from 'yaml';
import { ResourceInfo, resourceForKind } from '../api/resources';
import { toCompactJson } from './printers/json';
import { KubeObject } from '../api/types';
import { FsError } from '../shell/filesystem';
import type { UserFs } from '../shell/user-fs';
import { CommandError } from './context';
import { goYamlSyntaxError, goYamlThrownError } from './go-yaml-errors';
import { knownManifest } from './known-manifests';

export interface ManifestDoc {
  /** the object as written (not yet validated) */
  obj: KubeObject;
  /** the name kubectl shows in messages: the path as given, `STDIN`, or the URL */
  source: string;
}

/** A document that could not be turned into an object (reported, the others still applied). */
export interface ManifestProblem {
  source: string;
  message: string;
  /** a document that is not an object: what Go's JSON decoder calls it (string, array, number, bool) */
  notObject?: string;
  /** how many documents (of every source) were read before it */
  at: number;
}

export interface ManifestSet {
  docs: ManifestDoc[];
  problems: ManifestProblem[];
}

const MANIFEST_EXTENSIONS = ['.json', '.yaml', '.yml'];

/**
 * Why a document read from -f cannot be mapped to a resource, in kubectl's words, or undefined:
 * the decoder's refusal of a document without a kind (looked for first) or apiVersion, then the
 * RESTMapper's for a kind it does not serve.
 */
export function mappingProblem(doc: ManifestDoc): string | undefined {
  const { apiVersion, kind, metadata } = doc.obj as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: string; namespace?: string } };
  const undecodable = decodeProblem(doc);
  if (undecodable) return undecodable;
  if (resourceForKind(apiVersion as string, kind as string)) return undefined;
  return `error: resource mapping not found for name: "${metadata?.name ?? ''}" namespace: "${metadata?.namespace ?? ''}" from "${doc.source}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`;
}

/** The decoder's refusal of a document without a kind (looked for first) or apiVersion, or undefined. */
function decodeProblem(doc: ManifestDoc): string | undefined {
  const { apiVersion, kind } = doc.obj as { apiVersion?: unknown; kind?: unknown };
  const noVersion = typeof apiVersion !== 'string' || apiVersion === '';
  const noKind = typeof kind !== 'string' || kind === '';
  if (noVersion || noKind) return `error: unable to decode "${doc.source}": Object '${noKind ? 'Kind' : 'apiVersion'}' is missing in '${toCompactJson(doc.obj)}'`;
  return undefined;
}

/** A document or a problem of a set, as the resource builder visits them. */
export type Visited = { doc: ManifestDoc } | { problem: ManifestProblem };

/** the set's documents and problems in the order they were read (a problem after the `at` documents before it) */
export function* visitOrder(set: ManifestSet): Generator<Visited> {
  let next = 0;
  for (let i = 0; i <= set.docs.length; i++) {
    for (; next < set.problems.length && set.problems[next].at <= i; next++) yield { problem: set.problems[next] };
    if (i < set.docs.length) yield { doc: set.docs[i] };
  }
}

/**
 * What the resource builder could not read or decode, in the order it visited the documents:
 * `get` and `describe` stop at these before reading anything and print them as they are (no
 * `error: ` prefix, as kubectl 1.32 does).
 */
export function builderErrors(set: ManifestSet): string[] {
  const out: string[] = [];
  for (const v of visitOrder(set)) {
    const message = 'problem' in v ? v.problem.message : decodeProblem(v.doc);
    if (message) out.push(message.replace(/^error: /, ''));
  }
  return out;
}

/** The resource of a document read from -f, or a CommandError saying why it has none. */
export function mappingFor(doc: ManifestDoc): ResourceInfo {
  const problem = mappingProblem(doc);
  if (problem) throw new CommandError(problem);
  return resourceForKind(String(doc.obj.apiVersion), String(doc.obj.kind))!;
}

export function readManifests(paths: string[], fs: UserFs, stdin: string, recursive: boolean): ManifestSet {
  const out: ManifestSet = { docs: [], problems: [] };
  for (const p of paths) {
    if (p === '-') {
      parseInto(stdin, 'STDIN', out);
      continue;
    }
    if (/^https?:\/\//.test(p)) {
      const text = knownManifest(p);
      if (text === undefined) throw new CommandError(`error: unable to read URL "${p}", server reported 404 Not Found, status code=404`);
      parseInto(text, p, out);
      continue;
    }
    let isDir: boolean;
    try {
      const st = fs.stat(p);
      if (!st) throw new CommandError(`error: the path "${p}" does not exist`);
      isDir = st.type === 'dir';
    } catch (e) {
      if (e instanceof FsError) throw new CommandError(`error: the path "${p}" cannot be accessed: ${e.message}`);
      throw e;
    }
    if (isDir) {
      for (const file of walk(fs, p, recursive)) parseInto(readFile(fs, file), file, out);
    } else {
      parseInto(readFile(fs, p), p, out);
    }
  }
  return out;
}

function walk(fs: UserFs, dir: string, recursive: boolean): string[] {
  const files: string[] = [];
  for (const name of fs.readDir(dir).sort()) {
    const path = joinPath(dir, name);
    if (fs.isDir(path)) {
      if (recursive) files.push(...walk(fs, path, true));
    } else if (MANIFEST_EXTENSIONS.some((e) => name.endsWith(e))) files.push(path);
  }
  return files;
}

/** filepath.Join: the parts joined and cleaned, so `.` and `./k8s/` give `f.yaml` and `k8s/f.yaml` */
function joinPath(dir: string, name: string): string {
  const parts: string[] = [];
  for (const part of `${dir}/${name}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  return (dir.startsWith('/') ? '/' : '') + parts.join('/');
}

function readFile(fs: UserFs, path: string): string {
  try {
    return fs.readFile(path);
  } catch (e) {
    if (e instanceof FsError && e.code === 'EACCES') throw new CommandError(`error: open ${path}: permission denied`);
    if (e instanceof FsError) throw new CommandError(`error: the path "${path}" does not exist`);
    throw e;
  }
}

/** Parses one source into documents; a syntax error stops that source, as kubectl's decoder does. */
export function parseInto(text: string, source: string, out: ManifestSet): void {
  for (const o of outcomes(text)) {
    if ('message' in o) out.problems.push({ source, message: o.message(source), notObject: o.notObject, at: out.docs.length });
    // each reader gets its own copy: commands write into what they read (namespace, annotations)
    else out.docs.push({ obj: structuredClone(o.obj), source });
  }
}

/** what a text parses into, in order: objects, and problems (said for the source that had them) */
type Outcome = { obj: KubeObject } | { message: (source: string) => string; notObject?: string };

/**
 * Texts parsed lately, with their outcomes. Parsing is a pure function of the text, and the `yaml`
 * package's parse costs far more than a copy of its result: a class applying the same lesson
 * files parses each once. Bounded in entries and in the size of a text kept.
 */
const parsed = new Map<string, readonly Outcome[]>();
const PARSED_ENTRIES = 256;
const PARSED_TEXT_CHARS = 64 * 1024;

function outcomes(text: string): readonly Outcome[] {
  const hit = parsed.get(text);
  if (hit) {
    // most recently used last, so the oldest goes first when full
    parsed.delete(text);
    parsed.set(text, hit);
    return hit;
  }
  const result = parseText(text);
  if (text.length <= PARSED_TEXT_CHARS) {
    if (parsed.size >= PARSED_ENTRIES) parsed.delete(parsed.keys().next().value!);
    parsed.set(text, result);
  }
  return result;
}

/**
 * go-yaml v2, which kubectl reads manifests with, resolves YAML 1.1's booleans (`yes`, `no`, `on`,
 * `off`, `y`, `n`) and numbers (`0644` is octal, `1_000`), so `value: yes` is a bool the API
 * server refuses for a string field, as in a real cluster; but it leaves timestamps and base-60
 * numbers (`1:20`) as strings.
 */
const GO_YAML_V2 = {
  prettyErrors: false,
  uniqueKeys: false,
  version: '1.1',
  customTags: (tags: Tags): Tags => [
    ...tags.filter((t) => typeof t === 'string' || !(('format' in t && t.format === 'TIME') || t.tag === 'tag:yaml.org,2002:timestamp')),
    GO_OCTAL,
  ],
} as const;

/** `0o17`: Go's strconv.ParseInt(s, 0, 64), which go-yaml v2 resolves ints with, reads it as octal */
const GO_OCTAL: ScalarTag = {
  identify: (v) => Number.isInteger(v),
  default: true,
  tag: 'tag:yaml.org,2002:int',
  format: 'OCT',
  test: /^[-+]?0o[0-7_]+$/,
  resolve: (str) => {
    const n = parseInt(str.replace(/^[-+]?0o/, '').replace(/_/g, ''), 8);
    return str.startsWith('-') ? -n : n;
  },
};

function parseText(text: string): Outcome[] {
  const result: Outcome[] = [];
  const problem = (detail: string): Outcome => ({ message: (source) => `error: error parsing ${source}: ${detail}` });
  let docs;
  try {
    docs = parseAllDocuments(text, GO_YAML_V2);
  } catch (e) {
    result.push(problem(`error converting YAML to JSON: yaml: ${goYamlThrownError(e as Error)}`));
    return result;
  }
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    if (doc.errors.length) {
      result.push(problem(`error converting YAML to JSON: yaml: ${goYamlSyntaxError(text, doc.errors)}`));
      return result;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      result.push(problem(`error converting YAML to JSON: yaml: ${goYamlThrownError(e as Error)}`));
      return result;
    }
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      // the builder's decoder (unstructured's kind detector) refuses it; validating verbs say so first
      const notObject = Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : typeof value === 'boolean' ? 'bool' : 'number';
      result.push({ message: (source) => `error: unable to decode "${source}": json: cannot unmarshal ${notObject} into Go value of type unstructured.detector`, notObject });
      continue;
    }
    const obj = value as Record<string, unknown>;
    if (obj.kind === 'List' && Array.isArray(obj.items)) {
      for (const item of obj.items) if (item && typeof item === 'object') result.push({ obj: item as KubeObject });
      continue;
    }
    result.push({ obj: obj as KubeObject });
  }
  return result;
}
