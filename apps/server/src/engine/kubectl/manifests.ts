// Reading `-f` sources as kubectl's resource builder does: files, directories (-R), `-` for
// stdin, and URLs (answered from the manifests the simulation knows; no network is used).
// Documents are YAML or JSON, several per file; a `List` expands into its items.

import { parseAllDocuments } from 'yaml';
import { KubeObject } from '../api/types';
import { FsError } from '../shell/filesystem';
import type { UserFs } from '../shell/user-fs';
import { CommandError } from './context';
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
}

export interface ManifestSet {
  docs: ManifestDoc[];
  problems: ManifestProblem[];
}

const MANIFEST_EXTENSIONS = ['.json', '.yaml', '.yml'];

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
    const path = dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
    if (fs.isDir(path)) {
      if (recursive) files.push(...walk(fs, path, true));
    } else if (MANIFEST_EXTENSIONS.some((e) => name.endsWith(e))) files.push(path);
  }
  return files;
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
  let docs;
  try {
    docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false });
  } catch (e) {
    out.problems.push({ source, message: `error: error parsing ${source}: error converting YAML to JSON: yaml: ${goYamlMessage(e as Error)}` });
    return;
  }
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    if (doc.errors.length) {
      const err = doc.errors[0];
      const line = err.linePos?.[0]?.line ?? 1;
      out.problems.push({ source, message: `error: error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${goYamlMessage(err)}` });
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      out.problems.push({ source, message: `error: error parsing ${source}: error converting YAML to JSON: yaml: ${goYamlMessage(e as Error)}` });
      return;
    }
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      out.problems.push({ source, message: `error: error parsing ${source}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : 'number'} into Go value of type map[string]interface {}` });
      continue;
    }
    const obj = value as Record<string, unknown>;
    if (obj.kind === 'List' && Array.isArray(obj.items)) {
      for (const item of obj.items) if (item && typeof item === 'object') out.docs.push({ obj: item as KubeObject, source });
      continue;
    }
    out.docs.push({ obj: obj as KubeObject, source });
  }
}

/** The `yaml` package's errors, said the way go-yaml says them. */
function goYamlMessage(e: Error & { code?: string }): string {
  if (/alias/i.test(e.message) && /excessive|exhaustion/i.test(e.message)) return 'document contains excessive aliasing';
  switch (e.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'mapping values are not allowed in this context';
    case 'TAB_AS_INDENT':
      return 'found character that cannot start any token';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'did not find expected key';
    case 'DUPLICATE_KEY':
      return 'mapping key already defined';
    case 'UNEXPECTED_TOKEN':
      return 'did not find expected node content';
    default:
      return e.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '');
  }
}
