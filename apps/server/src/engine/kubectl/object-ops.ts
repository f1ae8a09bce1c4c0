// What create, apply and replace share: turning a manifest document into a request (mapping,
// client-side validation, namespace), and reporting per-document failures the way kubectl does
// (the valid objects go through, the invalid ones are reported, exit code 1).

import { ApiError, isApiError } from '../api/errors';
import { ResourceInfo, resourceForKind } from '../api/resources';
import { KubeObject } from '../api/types';
import { clone } from '../api/store';
import { Invocation } from './command';
import { CommandError } from './context';
import { formatApiError } from './errors';
import { ManifestDoc, readManifests, visitOrder } from './manifests';
import { toCompactJson } from './printers/json';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
/** where --record writes the command line; rollout history shows it as CHANGE-CAUSE */
export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/**
 * `obj` as --record sends it: with the command line in its change-cause annotation (kubectl's
 * ChangeCauseRecorder), or unchanged without --record. apply records before it computes the
 * last-applied configuration, so the annotation is part of that too.
 */
export function recorded<T extends KubeObject>(inv: Invocation, obj: T): T {
  if (!inv.flags.bool('record')) return obj;
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE]: inv.changeCause() } } };
}

export interface PreparedObject {
  info: ResourceInfo;
  obj: KubeObject;
  source: string;
}

export type DryRun = 'none' | 'client' | 'server';

export function dryRunMode(inv: Invocation): DryRun {
  const v = inv.flags.str('dry-run') || 'none';
  if (v === 'none' || v === 'false') return 'none';
  if (v === 'client' || v === 'true' || v === 'unchanged') return 'client';
  if (v === 'server') return 'server';
  throw new CommandError(`error: Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

export function dryRunSuffix(mode: DryRun): string {
  return mode === 'client' ? ' (dry run)' : mode === 'server' ? ' (server dry run)' : '';
}

/** Reads -f sources; problems (unparseable files) are returned for reporting. */
export function loadDocs(inv: Invocation): { docs: ManifestDoc[]; problems: string[] } {
  const files = inv.flags.list('filename');
  if (files.length === 0) throw new CommandError('error: must specify one of -f and -k');
  const set = readManifests(files, inv.host.fs, inv.host.stdin, inv.flags.bool('recursive'));
  const validate = inv.flags.str('validate') || 'strict';
  if (validate === 'false' || validate === 'ignore') return { docs: set.docs, problems: set.problems.map((p) => `${p.message}\n`) };
  // The schema validator reads each document before the decoder does: one it refuses (not an
  // object, no apiVersion or kind) ends the reading of its source, as the stream visitor returns;
  // the documents before it still count, and the other sources are read.
  const stopped = new Set<string>();
  const docs: ManifestDoc[] = [];
  const problems: string[] = [];
  for (const v of visitOrder(set)) {
    const source = 'doc' in v ? v.doc.source : v.problem.source;
    if (stopped.has(source)) continue;
    const refused = 'doc' in v ? schemaErrors(v.doc.obj) : v.problem.notObject && 'invalid object to validate';
    if (refused) {
      stopped.add(source);
      problems.push(`${invalidDocument(source, refused)}\n`);
    } else if ('doc' in v) docs.push(v.doc);
    else problems.push(`${v.problem.message}\n`);
  }
  return { docs, problems };
}

function invalidDocument(source: string, said: string): string {
  return `error: error validating "${source}": error validating data: ${said}; if you choose to ignore these errors, turn validation off with --validate=false`;
}

/** the schema validator's aggregate for a document without apiVersion or kind: one error alone, or both in brackets */
function schemaErrors(raw: KubeObject): string | undefined {
  const errs = [...(typeof raw.apiVersion !== 'string' || raw.apiVersion === '' ? ['apiVersion not set'] : []), ...(typeof raw.kind !== 'string' || raw.kind === '' ? ['kind not set'] : [])];
  if (errs.length === 0) return undefined;
  return errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
}

/**
 * Client-side checks and mapping for one document. Throws a CommandError with kubectl's text
 * when the document cannot become a request.
 */
export function prepare(inv: Invocation, doc: ManifestDoc): PreparedObject {
  const raw = doc.obj as Record<string, any>;
  const validate = inv.flags.str('validate') || 'strict';
  const check = validate !== 'false' && validate !== 'ignore';
  const noVersion = typeof raw.apiVersion !== 'string' || raw.apiVersion === '';
  const noKind = typeof raw.kind !== 'string' || raw.kind === '';
  if (noVersion || noKind) {
    if (check) throw new CommandError(invalidDocument(doc.source, schemaErrors(raw as KubeObject)!));
    // the decoder looks for the kind first
    throw new CommandError(`error: unable to decode "${doc.source}": Object '${noKind ? 'Kind' : 'apiVersion'}' is missing in '${toCompactJson(raw)}'`);
  }
  const info = resourceForKind(raw.apiVersion, raw.kind);
  const meta = (raw.metadata ?? {}) as Record<string, any>;
  if (!info) {
    throw new CommandError(`error: resource mapping not found for name: "${meta.name ?? ''}" namespace: "${meta.namespace ?? ''}" from "${doc.source}": no matches for kind "${raw.kind}" in version "${raw.apiVersion}"\nensure CRDs are installed first`);
  }
  const obj = clone(doc.obj);
  obj.metadata = obj.metadata ?? {};
  if (info.namespaced) {
    const ns = inv.namespace();
    if (obj.metadata.namespace && inv.namespaceExplicit() && obj.metadata.namespace !== ns) {
      throw new CommandError(`error: the namespace from the provided object "${obj.metadata.namespace}" does not match the namespace "${ns}". You must pass '--namespace=${obj.metadata.namespace}' to perform this operation.`);
    }
    obj.metadata.namespace = obj.metadata.namespace || ns;
  }
  return { info, obj, source: doc.source };
}

/** Server-side strict field validation (the default `--validate=strict`). */
export function strictCheck(inv: Invocation, p: PreparedObject, verb: 'creating' | 'applying' | 'replacing'): void {
  const validate = inv.flags.str('validate') || 'strict';
  if (validate === 'false' || validate === 'ignore') return;
  try {
    inv.api().strictDecode(p.obj);
  } catch (e) {
    if (validate === 'warn' && isApiError(e)) {
      const m = /strict decoding error: (.*)$/.exec((e as ApiError).message);
      inv.err(`Warning: ${m ? m[1] : (e as ApiError).message}\n`);
      return;
    }
    if (isApiError(e)) throw new SourcedApiError(e as ApiError, verb, p.source);
    throw e;
  }
}

/** An API error that kubectl reports with `error when creating "file": ...`. */
export class SourcedApiError extends Error {
  constructor(
    readonly apiError: ApiError,
    /** AddSourceToErr's verb phrase: `creating`, `applying`, `retrieving current configuration of: ...` */
    readonly verb: string,
    readonly source: string,
  ) {
    super(apiError.message);
  }
}

/** Prints one failure of a multi-object command; returns nothing (the caller sets exit 1). */
/** What kubectl prints for an object's error `e` (rethrown when it is not an error kubectl reports). */
export function objectErrorText(e: unknown, verb: SourcedApiError['verb'], source: string): string {
  if (e instanceof SourcedApiError) return formatApiError(e.apiError, { verb: e.verb, file: e.source });
  if (isApiError(e)) return formatApiError(e as ApiError, { verb, file: source });
  if (e instanceof CommandError) return e.message.endsWith('\n') ? e.message : `${e.message}\n`;
  throw e;
}

/**
 * The last-applied-configuration annotation value: the manifest as JSON, keys sorted. As kubectl's
 * GetModifiedConfiguration, the annotations are always there, `{}` when the manifest had none
 * (`"metadata":{"annotations":{},"name":...}`, as every real cluster shows).
 */
export function lastAppliedValue(obj: KubeObject): string {
  const copy = clone(obj);
  copy.metadata = copy.metadata ?? {};
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata.annotations = annotations;
  return `${JSON.stringify(sortKeys(copy))}\n`;
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

export function withLastApplied(obj: KubeObject): KubeObject {
  const out = clone(obj);
  out.metadata = out.metadata ?? {};
  out.metadata.annotations = { ...(out.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedValue(obj) };
  return out;
}
