// kubectl set selector (pkg/cmd/set/set_selector.go): the last argument, parsed as
// metav1.ParseToLabelSelector parses it, becomes a Service's spec.selector (its equality
// requirements only); any other kind is refused. Every Service is said `selector updated`.

import { isApiError } from '../../api/errors';
import { parseSelector, Requirement } from '../../api/selectors';
import { CommandDef, DRY_RUN_FLAG, fieldManagerFlag, FILENAME_FLAG, Invocation, OUTPUT_FLAG, PRINT_FLAGS, RECORD_FLAG, RECURSIVE_FLAG } from '../command';
import { CommandError } from '../context';
import { dryRunMode } from '../object-ops';
import { objectOutput } from '../output';
import { updateEach } from './update-each';
import { collectTargets, NO_RESOURCES } from './targets';

export const setSelectorCommand: CommandDef = {
  name: 'selector',
  short: 'Set the selector on a resource',
  flags: [FILENAME_FLAG, { ...RECURSIVE_FLAG, default: true }, OUTPUT_FLAG, DRY_RUN_FLAG, fieldManagerFlag('kubectl-set'), { name: 'all', type: 'bool' }, { name: 'local', type: 'bool' }, { name: 'resource-version', type: 'string' }, RECORD_FLAG, ...PRINT_FLAGS],
  run: runSetSelector,
};

interface LabelSelector {
  matchLabels: Record<string, string>;
  matchExpressions: { key: string; operator: string; values: string[] }[];
}

const EXPRESSION_OPERATORS: Partial<Record<Requirement['op'], string>> = { in: 'In', notin: 'NotIn', exists: 'Exists', '!': 'DoesNotExist' };

/** metav1.ParseToLabelSelector: equality requirements become matchLabels, set-based ones expressions */
function parseToLabelSelector(text: string): LabelSelector {
  let reqs: Requirement[];
  try {
    reqs = parseSelector(text);
  } catch (e) {
    if (isApiError(e)) throw new CommandError(`error: couldn't parse the selector string "${text}": ${e.message}`);
    throw e;
  }
  const out: LabelSelector = { matchLabels: {}, matchExpressions: [] };
  for (const r of reqs) {
    if (r.op === '=' || r.op === '==') {
      out.matchLabels[r.key] = r.values[0] ?? '';
      continue;
    }
    if (r.op === 'gt' || r.op === 'lt') throw new CommandError(`error: "${r.op}" isn't supported in label selectors`);
    const operator = EXPRESSION_OPERATORS[r.op];
    if (!operator) throw new CommandError(`error: "${r.op}" is not a valid label selector operator`);
    out.matchExpressions.push({ key: r.key, operator, values: [...r.values].sort() });
  }
  return out;
}

function runSetSelector(inv: Invocation): number {
  const { flags } = inv;
  const local = flags.bool('local');
  const selector = inv.args.length ? parseToLabelSelector(inv.args[inv.args.length - 1]) : undefined;
  const resources = local ? [] : inv.args.slice(0, -1);
  const files = flags.list('filename');
  if (resources.length === 0 && files.length === 0 && !flags.bool('all')) throw new CommandError(NO_RESOURCES);
  if (!selector) throw new CommandError('error: one selector is required');
  const output = objectOutput(flags);
  const mode = dryRunMode(inv);
  const resourceVersion = flags.str('resource-version');
  const found = collectTargets(inv, resources, { all: flags.bool('all'), files, local });
  return updateEach(inv, found, { updated: 'selector updated', output, mode, typed: false }, (obj, next) => {
    if (selector.matchExpressions.length) {
      // Go's %v of the []LabelSelectorRequirement
      const said = selector.matchExpressions.map((x) => `{${x.key} ${x.operator} [${x.values.join(' ')}]}`).join(' ');
      throw new CommandError(`error: match expression [${said}] not supported on this object`);
    }
    if (obj.kind !== 'Service') throw new CommandError('error: setting a selector is only supported for Services');
    next.spec = { ...(next.spec ?? {}), selector: { ...selector.matchLabels } };
    if (resourceVersion) next.metadata.resourceVersion = resourceVersion;
  });
}
