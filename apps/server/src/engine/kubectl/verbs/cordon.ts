// kubectl cordon / uncordon (kubectl's pkg/cmd/drain, RunCordonOrUncordon): sets or clears
// spec.unschedulable on the named nodes (or those matching -l).

import { isApiError } from '../../api/errors';
import { clone } from '../../api/store';
import { Node } from '../../api/types';
import { CommandDef, DRY_RUN_FLAG, Invocation, SELECTOR_FLAG } from '../command';
import { UsageError } from '../context';
import { formatApiError } from '../errors';
import { dryRunMode, dryRunSuffix } from '../object-ops';
import { printName } from '../printers/get-printer';
import { writeObject } from './targets';

/** The nodes a cordon/uncordon/drain names: `NODE...` (or `node/NODE`), or -l. */
export function nodeTargets(inv: Invocation, use: string): Node[] {
  const selector = inv.flags.str('selector');
  if (inv.args.length === 0 && !inv.flags.changed('selector')) throw new UsageError(`USAGE: ${use} [flags]`);
  if (inv.args.length > 0 && selector) throw new UsageError('cannot specify both a node name and a --selector option');
  const api = inv.api();
  if (inv.args.length === 0) return api.list('nodes', { labelSelector: selector || undefined }) as Node[];
  return inv.args.map((a) => api.get('nodes', undefined, a.replace(/^(nodes?|no)\//, '')) as Node);
}

/** Cordons (true) or uncordons (false) each node, printing kubectl's line; false on failure. */
export function cordonNodes(inv: Invocation, nodes: Node[], desired: boolean): boolean {
  const mode = dryRunMode(inv);
  const verb = desired ? 'cordon' : 'uncordon';
  let ok = true;
  for (const node of nodes) {
    if (!!node.spec.unschedulable === desired) {
      inv.out(printName(node, `already ${verb}ed${dryRunSuffix(mode)}`));
      continue;
    }
    try {
      const next = clone(node);
      if (desired) next.spec.unschedulable = true;
      else delete next.spec.unschedulable;
      writeObject(inv, node, next, mode);
      inv.out(printName(node, `${verb}ed${dryRunSuffix(mode)}`));
    } catch (e) {
      if (!isApiError(e)) throw e;
      inv.err(`error: unable to ${verb} node "${node.metadata.name}": ${formatApiError(e).replace(/\n$/, '')}\n`);
      ok = false;
    }
  }
  return ok;
}

function makeCordonCommand(name: 'cordon' | 'uncordon'): CommandDef {
  return {
    name,
    short: name === 'cordon' ? 'Mark node as unschedulable' : 'Mark node as schedulable',
    flags: [SELECTOR_FLAG, DRY_RUN_FLAG],
    run(inv: Invocation): number {
      const nodes = nodeTargets(inv, `${name} NODE`);
      return cordonNodes(inv, nodes, name === 'cordon') ? 0 : 1;
    },
  };
}

export const cordonCommand = makeCordonCommand('cordon');
export const uncordonCommand = makeCordonCommand('uncordon');
