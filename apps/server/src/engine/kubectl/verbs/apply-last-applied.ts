// kubectl apply view-last-applied: the last-applied-configuration annotation that client-side
// apply keeps on each object, as YAML (keys sorted, as Go's JSONToYAML leaves them) or as JSON
// (the stored text indented). The first object without one ends the command, as in kubectl.
// apply's other subcommands are refused: one needs an editor, the other is seldom taught.

import { CommandDef, FILENAME_FLAG, Invocation, RECURSIVE_FLAG, SELECTOR_FLAG } from '../command';
import { CommandError } from '../context';
import { listedShort } from '../help/help';
import { LAST_APPLIED } from '../object-ops';
import { printYaml } from '../printers/object-printer';
import { notSupported } from './not-supported';
import { collectTargets, NO_RESOURCES } from './targets';

const viewLastApplied: CommandDef = {
  name: 'view-last-applied',
  short: listedShort('apply', 'view-last-applied'),
  flags: [
    { name: 'all', type: 'bool' },
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
    { name: 'output', shorthand: 'o', type: 'string', default: 'yaml' },
    { name: 'kustomize', shorthand: 'k', type: 'string' },
  ],
  run: runViewLastApplied,
};

function runViewLastApplied(inv: Invocation): number {
  const { flags } = inv;
  const format = flags.str('output');
  if (format !== 'yaml' && format !== 'json') {
    throw new CommandError(`error: Unexpected -o output mode: ${format}, the flag 'output' must be one of yaml|json\nSee 'view-last-applied -h' for help and examples`);
  }
  const files = flags.list('filename');
  if (inv.args.length === 0 && files.length === 0) throw new CommandError(NO_RESOURCES);
  const found = collectTargets(inv, inv.args, { files, selector: flags.str('selector'), all: flags.bool('all') });
  if (found.errors.length) throw new CommandError(found.errors[0]);
  const configs: string[] = [];
  for (const { obj } of found.targets) {
    const config = obj.metadata.annotations?.[LAST_APPLIED];
    if (!config) throw new CommandError(`error: no last-applied-configuration annotation found on resource: ${obj.metadata.name}`);
    configs.push(config);
  }
  for (const config of configs) inv.out(format === 'json' ? indentJson(config) : printYaml(JSON.parse(config) as Record<string, unknown>));
  return 0;
}

/** Go's json.Indent with two spaces: the text's own key order, its trailing newline kept */
function indentJson(text: string): string {
  const trailing = /\s*$/.exec(text)![0];
  return JSON.stringify(JSON.parse(text), null, 2) + trailing;
}

export const applySubcommands: CommandDef[] = [
  notSupported('apply edit-last-applied', listedShort('apply', 'edit-last-applied'), 'there is no editor in the sandbox; use `kubectl apply -f`'),
  notSupported('apply set-last-applied', listedShort('apply', 'set-last-applied'), 'apply the file with `kubectl apply -f`, which records it'),
  viewLastApplied,
];
