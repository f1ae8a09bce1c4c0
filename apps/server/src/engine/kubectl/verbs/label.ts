// kubectl label and kubectl annotate (kubectl's pkg/cmd/label and pkg/cmd/annotate): `k=v` sets,
// `k-` removes, --overwrite, --all, -l, --list, --resource-version; the change is sent as a
// merge patch of metadata, and the message says what happened (labeled / not labeled /
// unlabeled, annotated).

import { clone } from '../../api/store';
import { KubeObject } from '../../api/types';
import { groupOfApiVersion } from '../../api/resources';
import { ALL_NAMESPACES_FLAG, CommandDef, DRY_RUN_FLAG, FIELD_SELECTOR_FLAG, fieldManagerFlag, FILENAME_FLAG, Invocation, OUTPUT_FLAG, PRINT_FLAGS, RECORD_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG } from '../command';
import { CommandError } from '../context';
import { FlagSpec } from '../flags';
import { CHANGE_CAUSE, dryRunMode, dryRunSuffix } from '../object-ops';
import { objectOutput, printObjects, printOptions } from '../output';
import { printName } from '../printers/get-printer';
import { collectTargets, printErrors, splitPairs, visit, writeObject } from './targets';

type Field = 'labels' | 'annotations';

const FLAGS: FlagSpec[] = [
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  FILENAME_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  FIELD_SELECTOR_FLAG,
  ALL_NAMESPACES_FLAG,
  { name: 'overwrite', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'list', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'resource-version', type: 'string' },
  RECORD_FLAG,
  ...PRINT_FLAGS,
  { name: 'kustomize', shorthand: 'k', type: 'string' },
];


// IsValidLabelValue's message
const LABEL_VALUE_RE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

function parseLabelPairs(pairs: string[]): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of pairs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) throw new CommandError(`error: invalid label spec: ${spec}`);
      const problems: string[] = [];
      if (parts[1].length > 63) problems.push('must be no more than 63 characters');
      if (!LABEL_VALUE_RE.test(parts[1])) problems.push(LABEL_VALUE_MSG);
      if (problems.length) throw new CommandError(`error: invalid label value: "${spec}": ${problems.join(';')}`);
      set.set(parts[0], parts[1]);
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else throw new CommandError(`error: unknown label spec: ${spec}`);
  }
  if (remove.some((k) => set.has(k))) throw new CommandError('error: can not both modify and remove a label in the same command');
  return { set, remove };
}

function parseAnnotationPairs(pairs: string[]): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const spec of pairs) {
    if (spec.includes('=') && spec[0] !== '=') {
      const eq = spec.indexOf('=');
      set.set(spec.slice(0, eq), spec.slice(eq + 1));
    } else if (spec.endsWith('-') && spec !== '-') remove.push(spec.slice(0, -1));
    else invalid.push(spec);
  }
  if (invalid.length) throw new CommandError(`error: invalid annotation format: ${invalid.join(', ')}`);
  const both = remove.filter((k) => set.has(k));
  if (both.length) throw new CommandError(`error: can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
  return { set, remove };
}

function overwriteError(field: Field, obj: KubeObject, set: Map<string, string>): string | undefined {
  const current = (obj.metadata[field] ?? {}) as Record<string, string>;
  if (field === 'labels') {
    const errs = [...set.keys()].filter((k) => k in current).map((k) => `'${k}' already has a value (${current[k]}), and --overwrite is false`);
    if (errs.length === 0) return undefined;
    return errs.length === 1 ? `error: ${errs[0]}` : `error: [${errs.join(', ')}]`;
  }
  const found = [...set.keys()].filter((k) => k !== CHANGE_CAUSE && k in current).map((k) => `'${k}' already has a value (${current[k]})`);
  return found.length ? `error: --overwrite is false but found the following declared annotation(s): ${found.join('; ')}` : undefined;
}

/** label and annotate differ only in the field they edit and their messages. */
export function metadataCommand(field: Field): CommandDef {
  const verb = field === 'labels' ? 'label' : 'annotate';
  const noun = field === 'labels' ? 'label' : 'annotation';
  return {
    name: verb,
    short: field === 'labels' ? 'Update the labels on a resource' : 'Update the annotations on a resource',
    flags: [...FLAGS, fieldManagerFlag(`kubectl-${verb}`)],
    run(inv: Invocation): number {
      const { flags } = inv;
      const { resources, pairs } = splitPairs(inv.args, noun);
      const { set, remove } = field === 'labels' ? parseLabelPairs(pairs) : parseAnnotationPairs(pairs);
      const list = flags.bool('list');
      if (list && flags.str('output')) throw new CommandError('error: --list and --output may not be specified together');
      const output = objectOutput(flags);
      const mode = dryRunMode(inv);
      if (flags.bool('all') && flags.str('selector')) throw new CommandError('error: cannot set --all and --selector at the same time');
      if (flags.bool('all') && flags.str('field-selector')) throw new CommandError('error: cannot set --all and --field-selector at the same time');
      const files = flags.list('filename');
      if (resources.length < 1 && files.length === 0) throw new CommandError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
      if (set.size < 1 && remove.length < 1 && !list) throw new CommandError(`error: at least one ${noun} update is required`);

      const local = flags.bool('local');
      if (local && resources.length > 0) throw new CommandError('error: can only use local files by -f pod.yaml or --filename=pod.json when --local=true is set');
      const found = collectTargets(inv, resources, {
        selector: flags.str('selector'),
        fieldSelector: flags.str('field-selector'),
        all: flags.bool('all'),
        allNamespaces: flags.bool('all-namespaces'),
        files,
        local,
      });
      const resourceVersion = flags.str('resource-version');
      if (!found.single && resourceVersion) throw new CommandError('error: --resource-version may only be used with a single resource');
      const errors = [...found.errors];
      const printed: KubeObject[] = [];
      for (const { obj } of found.targets) {
        visit(inv, errors, () => {
          const current = (obj.metadata[field] ?? {}) as Record<string, string>;
          if (field === 'labels' && !list && mode !== 'client') {
            for (const k of remove) if (!(k in current)) inv.out(`label "${k}" not found.\n`);
          }
          if (!flags.bool('overwrite')) {
            const err = overwriteError(field, obj, set);
            if (err) throw new CommandError(err);
          }
          const next = clone(obj);
          const values: Record<string, string> = { ...current };
          for (const [k, v] of set) values[k] = v;
          for (const k of remove) delete values[k];
          next.metadata[field] = values;
          if (resourceVersion) next.metadata.resourceVersion = resourceVersion;
          // kubectl compares the whole object as JSON, an emptied map included
          const changed = JSON.stringify(obj) !== JSON.stringify(next);
          const shrunk = JSON.stringify(next).length < JSON.stringify(obj).length;
          // the merge patch removes keys and the server drops an empty map; what kubectl prints
          // without the server (--local, --dry-run=client) keeps the map it emptied: `labels: {}`
          const toWrite = clone(next);
          if (Object.keys(values).length === 0 && !local && mode !== 'client') delete toWrite.metadata[field];
          const result = list || !changed ? obj : writeObject(inv, obj, toWrite, mode);
          if (list) {
            const shown = (next.metadata[field] ?? {}) as Record<string, string>;
            const indent = found.single ? '' : ' ';
            if (!found.single) {
              const { group } = groupOfApiVersion(obj.apiVersion);
              inv.out(`Listing ${field} for ${obj.kind}.${group}/${obj.metadata.name}:\n`);
            }
            for (const [k, v] of Object.entries(shown)) inv.out(`${indent}${k}=${v}\n`);
            return;
          }
          let op = 'annotated';
          if (field === 'labels') {
            op = 'not labeled';
            if (changed) op = !flags.bool('overwrite') && shrunk ? 'unlabeled' : 'labeled';
          }
          if (output.kind === 'table') inv.out(printName(result, `${op}${dryRunSuffix(mode)}`));
          else printed.push(result);
        });
      }
      if (printed.length) inv.out(printObjects(printed, output, printOptions(inv.flags, printed.length === 1)));
      return printErrors(inv, errors) ? 1 : 0;
    },
  };
}

export const labelCommand = metadataCommand('labels');
