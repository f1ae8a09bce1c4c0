// kubectl rollout undo (kubectl's rollout_undo.go and polymorphichelpers/rollback.go): the
// Deployment takes back the template of an earlier ReplicaSet (without its pod-template-hash
// label) and that ReplicaSet's annotations, so the controller reuses it as the newest revision.

import { clone } from '../../api/store';
import { Deployment, ReplicaSet } from '../../api/types';
import { equalIgnoreHash } from '../../controllers/deployment/template-hash';
import { CommandDef, DRY_RUN_FLAG, FILENAME_FLAG, Invocation, OUTPUT_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, SELECTOR_FLAG } from '../command';
import { CommandError } from '../context';
import { dryRunMode, dryRunSuffix } from '../object-ops';
import { printName } from '../printers/get-printer';
import { ownedReplicaSets, revisionOf } from './rollout-util';
import { templateText } from './rollout-history';
import { collectTargets, printErrors, visit, writeObject } from './targets';

/** Annotations that stay the Deployment's own across a rollback (rollback.go annotationsToSkip). */
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

export const rolloutUndoCommand: CommandDef = {
  name: 'undo',
  short: 'Undo a previous rollout',
  flags: [FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, OUTPUT_FLAG, DRY_RUN_FLAG, { name: 'to-revision', type: 'int', default: 0 }, ...PRINT_FLAGS, { name: 'kustomize', shorthand: 'k', type: 'string' }],
  run(inv: Invocation): number {
    const files = inv.flags.list('filename');
    if (inv.args.length === 0 && files.length === 0) throw new CommandError('error: required resource not specified');
    const toRevision = inv.flags.int('to-revision');
    const mode = dryRunMode(inv);
    const found = collectTargets(inv, inv.args, { files, selector: inv.flags.str('selector'), typeMeansAll: true });
    const errors = [...found.errors];
    for (const { info, obj } of found.targets) {
      visit(inv, errors, () => {
        if (obj.kind !== 'Deployment') throw new CommandError(`error: no rollbacker has been implemented for "${obj.kind}.${info.group}"`);
        const d = obj as Deployment;
        if (toRevision < 0) throw new CommandError(`error: unable to find specified revision ${toRevision} in history`);
        if (d.spec.paused) throw new CommandError("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
        const rs = revisionReplicaSet(inv, d, toRevision);
        if (mode === 'client') {
          inv.out(printName(d, `${templateText(rs.spec.template)}${dryRunSuffix(mode)}`));
          return;
        }
        if (equalIgnoreHash(rs.spec.template, d.spec.template)) {
          inv.out(printName(d, `skipped rollback (current template already matches revision ${toRevision})`));
          return;
        }
        const template = clone(rs.spec.template);
        if (template.metadata?.labels) delete template.metadata.labels['pod-template-hash'];
        const annotations: Record<string, string> = {};
        for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
        for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
        const next = clone(d);
        next.spec.template = template;
        next.metadata.annotations = annotations;
        inv.out(printName(writeObject(inv, d, next, mode), `rolled back${dryRunSuffix(mode)}`));
      });
    }
    return printErrors(inv, errors) ? 1 : 0;
  },
};

/** deploymentRevision: the ReplicaSet of `toRevision`, or (0) the one before the newest. */
function revisionReplicaSet(inv: Invocation, d: Deployment, toRevision: number): ReplicaSet {
  let latest: ReplicaSet | undefined;
  let latestRev = -1;
  let previous: ReplicaSet | undefined;
  let previousRev = -1;
  for (const rs of ownedReplicaSets(inv, d)) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    if (toRevision === 0) {
      if (latestRev < v) {
        previousRev = latestRev;
        previous = latest;
        latestRev = v;
        latest = rs;
      } else if (previousRev < v) {
        previousRev = v;
        previous = rs;
      }
    } else if (v === toRevision) return rs;
  }
  if (toRevision > 0) throw new CommandError(`error: unable to find specified revision ${toRevision} in history`);
  if (!previous) throw new CommandError(`error: no rollout history found for deployment "${d.metadata.name}"`);
  return previous;
}
