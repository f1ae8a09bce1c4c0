// kubectl set env (kubectl's pkg/cmd/set/set_env.go): `KEY=value` sets, `KEY-` removes, on the
// containers chosen by -c (all by default); --list prints the current environment; nothing is
// printed for an object that does not change.

import { KubeObject } from '../../api/types';
import { CommandDef, DRY_RUN_FLAG, fieldManagerFlag, FILENAME_FLAG, Invocation, OUTPUT_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, SELECTOR_FLAG } from '../command';
import { CommandError } from '../context';
import { dryRunMode } from '../object-ops';
import { objectOutput } from '../output';
import { podSpecOf } from '../pod-template';
import { updateEach } from './update-each';
import { collectTargets, NO_RESOURCES, splitPairs } from './targets';
import { parseResourceArgs } from '../resource-args';
import { decodeBase64 } from '../../api/defaults/base64';

type EnvVar = { name: string; value?: string; valueFrom?: Record<string, any> };

export const setEnvCommand: CommandDef = {
  name: 'env',
  short: 'Update environment variables on a pod template',
  flags: [
    SELECTOR_FLAG,
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    OUTPUT_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag('kubectl-set'),
    { name: 'all', type: 'bool' },
    { name: 'containers', shorthand: 'c', type: 'string', default: '*' },
    { name: 'env', shorthand: 'e', type: 'stringArray' },
    { name: 'list', type: 'bool' },
    { name: 'resolve', type: 'bool' },
    { name: 'overwrite', type: 'bool', default: true },
    { name: 'local', type: 'bool' },
    { name: 'keys', type: 'stringSlice' },
    { name: 'from', type: 'string' },
    { name: 'prefix', type: 'string' },
    ...PRINT_FLAGS,
    { name: 'kustomize', shorthand: 'k', type: 'string' },
  ],
  run: runSetEnv,
};

function globMatch(pattern: string, name: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(name);
}

function runSetEnv(inv: Invocation): number {
  const { flags } = inv;
  const { resources, pairs } = splitPairs(inv.args, 'environment');
  const all = [...pairs, ...flags.list('env')];
  const set: EnvVar[] = [];
  const remove: string[] = [];
  for (const p of all) {
    if (p.includes('=') && p[0] !== '=') {
      const eq = p.indexOf('=');
      const name = p.slice(0, eq);
      const i = set.findIndex((e) => e.name === name);
      if (i >= 0) set.splice(i, 1);
      set.push({ name, value: p.slice(eq + 1) });
    } else if (p.endsWith('-') && p !== '-') remove.push(p.slice(0, -1));
    else throw new CommandError(`error: environment variables must be of the form key=value: ${p}`);
  }
  if (flags.str('from')) set.push(...envFrom(inv, flags.str('from'), flags.list('keys')));
  // the prefix names every variable set, as kubectl applies it
  if (flags.str('prefix')) for (const v of set) v.name = flags.str('prefix') + v.name;
  const list = flags.bool('list');
  const files = flags.list('filename');
  if (resources.length === 0 && files.length === 0) throw new CommandError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
  // v1.32 asks for no variable: with none, nothing changes and nothing is printed
  if (flags.list('keys').length && !flags.str('from')) throw new CommandError('error: when specifying --keys, a configmap or secret must be provided with --from');
  const output = objectOutput(flags);
  const mode = dryRunMode(inv);
  const pattern = flags.str('containers') || '*';
  const local = flags.bool('local');
  if (local && files.length === 0) throw new CommandError(NO_RESOURCES);
  const found = collectTargets(inv, resources, { selector: flags.str('selector'), all: flags.bool('all'), files, local });
  return updateEach(inv, found, { updated: 'env updated', output, mode, typed: true }, (obj, next) => {
    const spec = podSpecOf(next);
    if (!spec) throw new CommandError(`error: ${obj.kind.toLowerCase()}s "${obj.metadata.name}" does not have a pod template`);
    const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])].filter((c) => globMatch(pattern, c.name)) as { name: string; env?: EnvVar[] }[];
    if (containers.length === 0) {
      inv.err(`warning: ${obj.kind.toLowerCase()}s/${obj.metadata.name} does not have any containers matching "${pattern}"\n`);
      return false;
    }
    if (list) {
      for (const c of containers) {
        inv.out(`# ${obj.kind} ${obj.metadata.name}, container ${c.name}\n`);
        for (const e of c.env ?? []) {
          if (e.valueFrom && flags.bool('resolve')) {
            const value = resolveRef(inv, obj, e.valueFrom);
            if (value !== undefined) {
              inv.out(`${e.name}=${value}\n`);
              continue;
            }
          }
          if (e.valueFrom) {
            const ref = e.valueFrom.fieldRef ? `field path ${e.valueFrom.fieldRef.fieldPath}` : e.valueFrom.configMapKeyRef ? `configmap ${e.valueFrom.configMapKeyRef.name}, key ${e.valueFrom.configMapKeyRef.key}` : e.valueFrom.secretKeyRef ? `secret ${e.valueFrom.secretKeyRef.name}, key ${e.valueFrom.secretKeyRef.key}` : 'unknown';
            inv.out(`# ${e.name} from ${ref}\n`);
          } else inv.out(`${e.name}=${e.value ?? ''}\n`);
        }
      }
      return false;
    }
    for (const c of containers) {
      let env = [...(c.env ?? [])].filter((e) => !remove.includes(e.name));
      for (const v of set) {
        const i = env.findIndex((e) => e.name === v.name);
        if (i >= 0) env[i] = { ...v };
        else env = [...env, { ...v }];
      }
      if (env.length) c.env = env;
      else delete c.env;
    }
    return JSON.stringify(next) !== JSON.stringify(obj);
  });
}

/**
 * --from=configmap/NAME or secret/NAME (with --keys to choose): one variable per key, named as
 * kubectl names it (upper case, other characters as `_`) and referring to the key. Keys in
 * sorted order, where kubectl follows Go's map order.
 */
function envFrom(inv: Invocation, from: string, keys: string[]): EnvVar[] {
  const { refs } = parseResourceArgs([from]);
  const ref = refs[0];
  if (!ref?.name) throw new CommandError('error: unsupported resource specified in --from');
  if (ref.info.resource !== 'configmaps' && ref.info.resource !== 'secrets') throw new CommandError('error: unsupported resource specified in --from');
  const source = inv.api().get(ref.info.resource, inv.namespace(), ref.name) as KubeObject & { data?: Record<string, string> };
  const kind = ref.info.resource === 'secrets' ? 'secretKeyRef' : 'configMapKeyRef';
  return Object.keys(source.data ?? {})
    .sort()
    .filter((key) => keys.length === 0 || keys.includes(key))
    .map((key) => ({ name: key.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase(), valueFrom: { [kind]: { name: source.metadata.name, key } } }));
}

/** a reference's value for --list --resolve (undefined when it cannot be read: the reference is shown) */
function resolveRef(inv: Invocation, obj: KubeObject, from: Record<string, any>): string | undefined {
  const read = (resource: string, name: string): Record<string, string> | undefined =>
    (inv.api().tryGet(resource, obj.metadata.namespace ?? inv.namespace(), name) as { data?: Record<string, string> } | undefined)?.data;
  if (from.configMapKeyRef) return read('configmaps', from.configMapKeyRef.name)?.[from.configMapKeyRef.key];
  if (from.secretKeyRef) {
    const b64 = read('secrets', from.secretKeyRef.name)?.[from.secretKeyRef.key];
    return b64 === undefined ? undefined : decodeBase64(b64);
  }
  return undefined;
}
