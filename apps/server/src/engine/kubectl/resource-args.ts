// Resource arguments as kubectl's resource builder reads them: `TYPE NAME...`, `TYPE/NAME...`,
// `TYPE1,TYPE2`, kinds, plurals, singulars, short names and `resource.group`.

import { RESOURCES, ResourceInfo, resolveResourceArg } from '../api/resources';
import { CommandError } from './context';

export interface ResourceRef {
  info: ResourceInfo;
  /** undefined: every object of the type */
  name?: string;
}

export function resolveType(arg: string): ResourceInfo {
  if (arg === 'all') throw new CommandError(`error: the server doesn't have a resource type "all"`);
  const info = resolveResourceArg(arg);
  // the builder's mappingFor names the resource part of schema.ParseGroupResource: up to the first dot
  if (!info) throw new CommandError(`error: the server doesn't have a resource type "${arg.split('.')[0]}"`);
  return info;
}

/** The `all` category: what `kubectl get all` lists, in its order. */
export function categoryAll(): ResourceInfo[] {
  const order = ['pods', 'services', 'daemonsets', 'deployments', 'replicasets'];
  return order.map((r) => RESOURCES.find((i) => i.resource === r)!);
}

/**
 * Parses positional resource arguments. Returns the refs in argument order, grouped the way
 * kubectl groups them (`get pods,svc` gives two types without names).
 */
export function parseResourceArgs(args: string[]): { types: ResourceInfo[]; refs: ResourceRef[]; hasNames: boolean } {
  if (args.length === 0) return { types: [], refs: [], hasNames: false };
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      throw new CommandError(`error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`);
    }
    const refs = args.map((a) => {
      const i = a.indexOf('/');
      const type = a.slice(0, i);
      const name = a.slice(i + 1);
      if (!name) throw new CommandError(`error: arguments in resource/name form must have a single resource and name`);
      return { info: expandType(type)[0], name };
    });
    return { types: uniqueTypes(refs.map((r) => r.info)), refs, hasNames: true };
  }
  const [typeArg, ...names] = args;
  const types = expandType(typeArg);
  if (names.length === 0) return { types, refs: types.map((info) => ({ info })), hasNames: false };
  if (types.length > 1) {
    // `get pods,svc web` looks up `web` in each type
    const refs: ResourceRef[] = [];
    for (const info of types) for (const name of names) refs.push({ info, name });
    return { types, refs, hasNames: true };
  }
  return { types, refs: names.map((name) => ({ info: types[0], name })), hasNames: true };
}

function expandType(arg: string): ResourceInfo[] {
  const out: ResourceInfo[] = [];
  for (const part of arg.split(',')) {
    if (part === '') continue;
    if (part === 'all') out.push(...categoryAll());
    else out.push(resolveType(part));
  }
  return uniqueTypes(out);
}

function uniqueTypes(infos: ResourceInfo[]): ResourceInfo[] {
  return infos.filter((x, i) => infos.indexOf(x) === i);
}
