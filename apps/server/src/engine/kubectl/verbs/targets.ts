// What the mutating verbs (label, annotate, scale, patch, set, rollout, taint...) share, as
// kubectl's resource builder and its patch helpers do: the objects named by `TYPE NAME`,
// `TYPE/NAME`, -f, -l or --all (missing ones reported, the rest visited), and writing a
// changed copy back with the object's resourceVersion.

import { ApiError, isApiError } from '../../api/errors';
import { ResourceInfo, resourceForKind } from '../../api/resources';
import { strategicMergePatch, threeWayPatch } from '../../api/patch';
import { KubeObject } from '../../api/types';
import { Invocation } from '../command';
import { CommandError } from '../context';
import { formatApiError } from '../errors';
import { mappingFor, readManifests } from '../manifests';
import { DryRun, recorded } from '../object-ops';
import { parseResourceArgs } from '../resource-args';
import { listObjects } from '../list-objects';

export interface Target {
  info: ResourceInfo;
  obj: KubeObject;
}

export interface TargetSet {
  targets: Target[];
  /** per-object failures, already formatted (`Error from server (NotFound): ...`) */
  errors: string[];
  /** one object named directly (kubectl's IntoSingleItemImplied) */
  single: boolean;
}

export interface TargetOptions {
  selector?: string;
  fieldSelector?: string;
  all?: boolean;
  allNamespaces?: boolean;
  files?: string[];
  /** a type without names means every object of it (ResourceTypeOrNameArgs(true, ...)) */
  typeMeansAll?: boolean;
  /** --local: the objects are the files' own, the server is not asked (the caller writes nothing) */
  local?: boolean;
}

/** kubectl's resource builder given -f and resource arguments together */
export const FILES_WITH_ARGS = 'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well';

/** kubectl's resource builder asked for --local objects without -f */
export const LOCAL_NEEDS_FILES = "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'";

/** The `You must provide one or more resources...` error of a builder with nothing to visit. */
export const NO_RESOURCES =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

export function collectTargets(inv: Invocation, args: string[], opts: TargetOptions = {}): TargetSet {
  const namespace = inv.namespace();
  const out: TargetSet = { targets: [], errors: [], single: false };
  const push = (info: ResourceInfo, ns: string | undefined, name: string): void => {
    try {
      const api = inv.api();
      inv.readWarning(info);
      out.targets.push({ info, obj: api.get(info.resource, ns, name) });
    } catch (e) {
      if (!isApiError(e)) throw e;
      out.errors.push(formatApiError(e as ApiError));
    }
  };
  if (opts.files?.length) {
    if (args.length) throw new CommandError(FILES_WITH_ARGS);
    const set = readManifests(opts.files, inv.host.fs, inv.host.stdin, false);
    for (const p of set.problems) out.errors.push(`${p.message}\n`);
    for (const d of set.docs) {
      const info = mappingFor(d);
      if (opts.local) {
        // as written: kubectl prints a local object without the namespace it would be sent to
        const obj = d.obj;
        obj.metadata = { ...(obj.metadata ?? {}) };
        out.targets.push({ info, obj });
      } else push(info, d.obj.metadata?.namespace || namespace, d.obj.metadata?.name ?? '');
    }
    out.single = set.docs.length === 1;
    return out;
  }
  if (args.length === 0) throw new CommandError(NO_RESOURCES);
  const { refs, hasNames } = parseResourceArgs(args);
  const listing = !!(opts.selector || opts.fieldSelector || opts.all);
  if (hasNames && listing) throw new CommandError('error: name cannot be provided when a selector is specified');
  if (!hasNames && !listing && !opts.typeMeansAll) throw new CommandError('error: resource(s) were provided, but no name was specified');
  for (const ref of refs) {
    if (ref.name !== undefined) push(ref.info, namespace, ref.name);
    else {
      const api = inv.api();
      inv.readWarning(ref.info);
      for (const o of listObjects(api, ref.info, {
        namespace: opts.allNamespaces ? undefined : namespace,
        labelSelector: opts.selector || undefined,
        fieldSelector: opts.fieldSelector || undefined,
      })) {
        out.targets.push({ info: ref.info, obj: o });
      }
    }
  }
  out.single = hasNames && refs.length === 1;
  return out;
}

/**
 * Writes `next` (a changed copy of `live`) as a PATCH would: against the object's current
 * resourceVersion unless `next` carries another one of its own (a --resource-version
 * precondition; a copy made with `clone(live)` carries live's, which is no precondition).
 * Returns the object as stored (or as it would be, in a dry run).
 */
export function writeObject(inv: Invocation, live: KubeObject, changed: KubeObject, mode: DryRun = 'none'): KubeObject {
  // --record: set records a --local change too, label, annotate and patch do not (as kubectl)
  const next = inv.flags.bool('local') && !inv.path.startsWith('set ') ? changed : recorded(inv, changed);
  // --local (set, label, patch): kubectl changes the -f files' objects and only prints them
  if (mode === 'client' || inv.flags.bool('local')) return next;
  const precondition = next.metadata.resourceVersion && next.metadata.resourceVersion !== live.metadata.resourceVersion;
  const toSend = precondition ? next : onCurrent(inv, live, next);
  const result = inv.api().update(toSend, { dryRun: mode === 'server' });
  if (mode === 'none') inv.settle();
  return result;
}

/**
 * A PATCH carries what changed, not the whole object: the server applies it to the object as it
 * is now. If a controller wrote the object since kubectl read it (the kubelet's status, within a
 * long command), the change goes onto that newer version instead of failing with a conflict.
 */
function onCurrent(inv: Invocation, live: KubeObject, next: KubeObject): KubeObject {
  const rv = live.metadata.resourceVersion;
  const info = resourceForKind(live.apiVersion, live.kind);
  // gone: the update reports it as the server would
  const current = info && inv.api().tryGet(info.resource, live.metadata.namespace, live.metadata.name!);
  if (!current || current.metadata.resourceVersion === rv) return { ...next, metadata: { ...next.metadata, resourceVersion: rv } };
  return rebase(live, next, current);
}

/** What kubectl changed from `live` to `next` (a two-way diff), applied to the newer `current`. */
export function rebase(live: KubeObject, next: KubeObject, current: KubeObject): KubeObject {
  const patched = strategicMergePatch(current, threeWayPatch(live, next, live)) as KubeObject;
  return { ...patched, metadata: { ...patched.metadata, resourceVersion: current.metadata.resourceVersion } };
}

/** Prints a target set's errors; true when there were any. */
export function printErrors(inv: Invocation, errors: string[]): boolean {
  for (const e of errors) inv.err(e.endsWith('\n') ? e : `${e}\n`);
  return errors.length > 0;
}

/** kubectl's GetResourcesAndPairs: resource arguments first, then `k=v` / `k-` arguments. */
export function splitPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (isPair) pairs.push(s);
    else if (pairs.length) throw new CommandError(`error: all resources must be specified before ${pairType} changes: ${s}`);
    else resources.push(s);
  }
  return { resources, pairs };
}

/** Runs `fn` for one target, turning its errors into printed lines (kubectl's ContinueOnError). */
export function visit(inv: Invocation, errors: string[], fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (isApiError(e)) errors.push(formatApiError(e as ApiError));
    else if (e instanceof CommandError) errors.push(e.message);
    else throw e;
  }
}
