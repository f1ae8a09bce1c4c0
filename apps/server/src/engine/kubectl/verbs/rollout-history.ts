// kubectl rollout history (kubectl's rollout_history.go and polymorphichelpers/history.go):
// a REVISION / CHANGE-CAUSE table built from the Deployment's ReplicaSets, or with --revision
// the `Pod Template:` block of one revision, written raw (no column alignment) as kubectl does;
// with -o, the ReplicaSets of the revisions.

import { Deployment, PodTemplateSpec, ReplicaSet } from '../../api/types';
import { objectOutput, printObjects, printOptions } from '../output';
import { CommandDef, FILENAME_FLAG, Invocation, OUTPUT_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, SELECTOR_FLAG } from '../command';
import { CommandError } from '../context';
import { describePodTemplate } from '../printers/describe/describe-pod';
import { PrefixWriter, escapeTerminal } from '../printers/describe/describe-writer';
import { DESCRIBE_TABWRITER, tabwrite } from '../printers/tabwriter';
import { printName } from '../printers/get-printer';
import { CHANGE_CAUSE, ownedReplicaSets, revisionOf } from './rollout-util';
import { collectTargets, printErrors, visit } from './targets';

/**
 * printTemplate: DescribePodTemplate into a plain buffer. The describe writer aligns columns
 * when it is turned to text; history prints the buffer as written, so this stands in for it.
 */
export function templateText(template: PodTemplateSpec | undefined): string {
  let buf = '';
  const raw = {
    write: (level: number, text: string) => (buf += escapeTerminal('  '.repeat(level) + text)),
    writeLine: (text = '') => (buf += escapeTerminal(`${text}\n`)),
    flush: () => undefined,
    toString: () => buf,
  };
  describePodTemplate(raw as unknown as PrefixWriter, template);
  return buf;
}

export const rolloutHistoryCommand: CommandDef = {
  name: 'history',
  short: 'View rollout history',
  flags: [FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, OUTPUT_FLAG, { name: 'revision', type: 'int', default: 0 }, ...PRINT_FLAGS, { name: 'kustomize', shorthand: 'k', type: 'string' }],
  run(inv: Invocation): number {
    const files = inv.flags.list('filename');
    if (inv.args.length === 0 && files.length === 0) throw new CommandError('error: required resource not specified');
    const revision = inv.flags.int('revision');
    if (revision < 0) throw new CommandError(`error: revision must be a positive integer: ${revision}`);
    const found = collectTargets(inv, inv.args, { files, selector: inv.flags.str('selector'), typeMeansAll: true });
    const output = inv.flags.str('output') ? objectOutput(inv.flags) : undefined;
    const errors = [...found.errors];
    let printedDocs = 0;
    for (const { info, obj } of found.targets) {
      visit(inv, errors, () => {
        if (obj.kind !== 'Deployment') throw new CommandError(`error: no history viewer has been implemented for "${obj.kind}.${info.group}"`);
        if (output) {
          // -o: the ReplicaSets of the revisions asked for, each printed on its own (YAML
          // documents separated by ---), as kubectl prints its history objects
          const byRevision = new Map<number, ReplicaSet>();
          for (const rs of ownedReplicaSets(inv, obj as Deployment)) {
            const v = revisionOf(rs);
            if (v !== undefined) byRevision.set(v, rs);
          }
          let chosen: ReplicaSet[];
          if (revision > 0) {
            const rs = byRevision.get(revision);
            if (!rs) throw new CommandError('error: unable to find the specified revision');
            chosen = [rs];
          } else chosen = [...byRevision.keys()].sort((a, b) => a - b).map((v) => byRevision.get(v)!);
          for (const rs of chosen) {
            if (output.kind === 'yaml' && printedDocs++ > 0) inv.out('---\n');
            inv.out(printObjects([rs], output, printOptions(inv.flags, true)));
          }
          return;
        }
        const text = historyText(inv, obj as Deployment, revision);
        // an empty operation still leaves the separating space: `deployment.apps/web `
        inv.out(revision > 0 ? printName(obj, `with revision #${revision}`) : printName(obj).replace(/\n$/, ' \n'));
        inv.out(`${text}\n`);
      });
    }
    return printErrors(inv, errors) ? 1 : 0;
  },
};

function historyText(inv: Invocation, d: Deployment, revision: number): string {
  const byRevision = new Map<number, PodTemplateSpec>();
  for (const rs of ownedReplicaSets(inv, d)) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    const t: PodTemplateSpec = { ...rs.spec.template, metadata: { ...(rs.spec.template.metadata ?? {}) } };
    const cause = rs.metadata.annotations?.[CHANGE_CAUSE];
    t.metadata!.annotations = { ...(t.metadata!.annotations ?? {}) };
    if (cause) t.metadata!.annotations[CHANGE_CAUSE] = cause;
    byRevision.set(v, t);
  }
  if (byRevision.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const t = byRevision.get(revision);
    if (!t) throw new CommandError('error: unable to find the specified revision');
    return templateText(t);
  }
  const rows = ['REVISION\tCHANGE-CAUSE'];
  for (const r of [...byRevision.keys()].sort((a, b) => a - b)) rows.push(`${r}\t${byRevision.get(r)!.metadata?.annotations?.[CHANGE_CAUSE] || '<none>'}`);
  return tabwrite(`${rows.join('\n')}\n`, DESCRIBE_TABWRITER);
}
