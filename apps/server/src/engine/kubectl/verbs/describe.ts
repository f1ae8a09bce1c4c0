// kubectl describe: TYPE [NAME_PREFIX], TYPE/NAME, -l, -A, -f, --show-events. A name that is
// not found exactly describes every object whose name starts with it, as kubectl does.

import { ApiError } from '../../api/errors';
import { RESOURCES, ResourceInfo, resourceForKind } from '../../api/resources';
import { KubeEvent, KubeObject } from '../../api/types';
import { ALL_NAMESPACES_FLAG, CommandDef, FILENAME_FLAG, Invocation, RECURSIVE_FLAG, SELECTOR_FLAG } from '../command';
import { CommandError } from '../context';
import { aggregateErrors, formatApiError } from '../errors';
import { kubeletView } from '../kubelet-views';
import { builderErrors, mappingProblem, readManifests } from '../manifests';
import { DescribeContext, describe, describeAll, eventsMatching } from '../printers/describe/describe';
import { parseResourceArgs } from '../resource-args';
import { listObjects } from '../list-objects';

export const describeCommand: CommandDef = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  flags: [FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, ALL_NAMESPACES_FLAG, { name: 'show-events', type: 'bool', default: true }, { name: 'chunk-size', type: 'int', default: 500 }, { name: 'kustomize', shorthand: 'k', type: 'string' }],
  run: runDescribe,
};

function runDescribe(inv: Invocation): number {
  const { flags } = inv;
  const files = flags.list('filename');
  if (files.length === 0 && inv.args.length === 0) {
    // unlike `kubectl get`, v1.32's describe says only this
    throw new CommandError('error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  }
  const api = inv.api();
  const namespace = inv.namespace();
  const allNs = flags.bool('all-namespaces');
  const selector = flags.str('selector');
  const objects: KubeObject[] = [];
  const errors: string[] = [];
  const read = (info: ResourceInfo, ns: string | undefined, name: string): void => {
    inv.readWarning(info);
    tryLookup(() => objects.push(api.get(info.resource, ns, name)), errors);
  };
  if (files.length) {
    const set = readManifests(files, inv.host.fs, inv.host.stdin, flags.bool('recursive'));
    // the builder's errors end describe before anything is read
    const unreadable = builderErrors(set);
    if (unreadable.length) {
      for (const m of unreadable) inv.err(`${m}\n`);
      return 1;
    }
    for (const d of set.docs) {
      const problem = mappingProblem(d);
      if (problem) errors.push(`${problem}\n`);
      else read(resourceForKind(String(d.obj.apiVersion), String(d.obj.kind))!, d.obj.metadata?.namespace || namespace, d.obj.metadata?.name ?? '');
    }
  } else {
    const { refs } = parseResourceArgs(inv.args);
    // `describe TYPE NAME` alone: a NotFound makes describe print every object whose name begins so
    if (inv.args.length === 2 && refs.length === 1 && refs[0].name !== undefined) {
      const matched = readOrMatch(inv, refs[0].info, namespace, refs[0].name, objects, errors);
      if (matched !== undefined) return matched;
    } else for (const ref of refs) {
      if (ref.name !== undefined) read(ref.info, namespace, ref.name);
      else {
        inv.readWarning(ref.info);
        objects.push(...listObjects(api, ref.info, { namespace: allNs ? undefined : namespace, labelSelector: selector || undefined }));
      }
    }
  }
  if (objects.length === 0 && errors.length === 0) {
    // describe.go words it by -A alone, a cluster-scoped kind too gets "in <ns> namespace."
    inv.err(allNs ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
    return 0;
  }
  const ctx = describeContext(inv, flags.bool('show-events'));
  if (objects.length) inv.out(describeAll(objects.map((o) => viewOf(inv, o)), ctx));
  if (errors.length) inv.err(aggregateErrors(errors));
  return errors.length ? 1 : 0;
}

function tryLookup(fn: () => void, errors: string[]): void {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) errors.push(formatApiError(e));
    else throw e;
  }
}

/**
 * `describe TYPE NAME`: the named object into `objects` (or its error into `errors`), to be
 * described as usual (undefined); on a NotFound, DescribeMatchingResources: every object of the type
 * in the namespace whose name begins with NAME, each followed by a blank line, or the NotFound when
 * none does (the exit code).
 */
function readOrMatch(inv: Invocation, info: ResourceInfo, namespace: string, prefix: string, objects: KubeObject[], errors: string[]): number | undefined {
  const api = inv.api();
  inv.readWarning(info);
  try {
    objects.push(api.get(info.resource, namespace, prefix));
    return undefined;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.reason !== 'NotFound') {
      errors.push(formatApiError(e));
      return undefined;
    }
    const matching = api.list(info.resource, { namespace: info.namespaced ? namespace : undefined }).filter((o) => o.metadata.name!.startsWith(prefix));
    if (!matching.length) {
      inv.err(formatApiError(e));
      return 1;
    }
    const ctx = describeContext(inv, inv.flags.bool('show-events'));
    for (const o of matching) inv.out(`${describe(viewOf(inv, o), ctx)}\n`);
    return 0;
  }
}

/** An object as describe shows it: a node with its kubelet's latest heartbeats. */
function viewOf(inv: Invocation, o: KubeObject): KubeObject {
  return kubeletView(inv.host.cluster, o, inv.host.now());
}

/** What describers may fetch, served from the store at the command's time. */
export function describeContext(inv: Invocation, showEvents: boolean): DescribeContext {
  const cluster = inv.host.cluster;
  const store = cluster.store;
  const now = inv.host.now();
  const byKind = (kind: string): ResourceInfo | undefined => RESOURCES.find((r) => r.kind === kind);
  return {
    now,
    eventsFor(obj) {
      if (!showEvents) return undefined;
      const ns = obj.metadata.namespace || 'default';
      return eventsMatching(store.list('events', ns) as KubeEvent[], obj);
    },
    list(kind, namespace) {
      const info = byKind(kind);
      return info ? store.list(info.resource, info.namespaced ? namespace : undefined) : [];
    },
    get(kind, namespace, name) {
      const info = byKind(kind);
      const obj = info ? store.get(info.resource, info.namespaced ? namespace : undefined, name) : undefined;
      return obj && kubeletView(cluster, obj, now);
    },
  };
}

