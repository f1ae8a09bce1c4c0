// kubectl rollout status (kubectl's rollout_status.go and polymorphichelpers/rollout_status.go):
// prints the status viewer's line for the object on every change until the rollout is done,
// the progress deadline is exceeded, --timeout passes, or (--watch=false) after one line.

import { ApiError } from '../../api/errors';
import { DaemonSet, Deployment, KubeObject } from '../../api/types';
import { CommandDef, FILENAME_FLAG, Invocation, RECURSIVE_FLAG, SELECTOR_FLAG } from '../command';
import { CommandError } from '../context';
import { parseGoDuration } from '../flags';
import { watchLoop } from '../watch';
import { revisionOf } from './rollout-util';
import { collectTargets, printErrors } from './targets';

export interface StatusLine {
  text: string;
  done: boolean;
}

/** DeploymentStatusViewer.Status */
export function deploymentStatus(d: Deployment, revision = 0): StatusLine {
  const name = d.metadata.name;
  if (revision > 0) {
    const current = revisionOf(d);
    if (current === undefined) throw new CommandError(`error: cannot get the revision of deployment "${name}": ${"deployment.kubernetes.io/revision"} annotation missing`);
    if (revision !== current) throw new CommandError(`error: desired revision (${revision}) is different from the running revision (${current})`);
  }
  const st = d.status ?? {};
  if ((d.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const progressing = (st.conditions ?? []).find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') throw new CommandError(`error: deployment "${name}" exceeded its progress deadline`);
    const desired = d.spec.replicas ?? 1;
    const updated = st.updatedReplicas ?? 0;
    const replicas = st.replicas ?? 0;
    const available = st.availableReplicas ?? 0;
    if (updated < desired) return { text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${desired} new replicas have been updated...\n`, done: false };
    if (replicas > updated) return { text: `Waiting for deployment "${name}" rollout to finish: ${replicas - updated} old replicas are pending termination...\n`, done: false };
    if (available < updated) return { text: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...\n`, done: false };
    return { text: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return { text: 'Waiting for deployment spec update to be observed...\n', done: false };
}

/** DaemonSetStatusViewer.Status */
export function daemonSetStatus(ds: DaemonSet): StatusLine {
  const name = ds.metadata.name;
  if ((ds.spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') throw new CommandError('error: rollout status is only available for RollingUpdate strategy type');
  const st = ds.status ?? ({} as NonNullable<DaemonSet['status']>);
  if ((ds.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const desired = st.desiredNumberScheduled ?? 0;
    if ((st.updatedNumberScheduled ?? 0) < desired) return { text: `Waiting for daemon set "${name}" rollout to finish: ${st.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, done: false };
    if ((st.numberAvailable ?? 0) < desired) return { text: `Waiting for daemon set "${name}" rollout to finish: ${st.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
    return { text: `daemon set "${name}" successfully rolled out\n`, done: true };
  }
  return { text: 'Waiting for daemon set spec update to be observed...\n', done: false };
}

function statusOf(obj: KubeObject, revision: number): StatusLine {
  if (obj.kind === 'Deployment') return deploymentStatus(obj as Deployment, revision);
  if (obj.kind === 'DaemonSet') return daemonSetStatus(obj as DaemonSet);
  throw new CommandError(`error: no status viewer has been implemented for ${obj.kind}`);
}

export const rolloutStatusCommand: CommandDef = {
  name: 'status',
  short: 'Show the status of the rollout',
  flags: [
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
    { name: 'watch', shorthand: 'w', type: 'bool', default: true },
    { name: 'revision', type: 'int', default: 0 },
    { name: 'timeout', type: 'duration', default: '0s' },
    { name: 'kustomize', shorthand: 'k', type: 'string' },
  ],
  run: runRolloutStatus,
};

async function runRolloutStatus(inv: Invocation): Promise<number> {
  const files = inv.flags.list('filename');
  if (inv.args.length === 0 && files.length === 0) throw new CommandError('error: required resource not specified');
  const revision = inv.flags.int('revision');
  if (revision < 0) throw new CommandError(`error: revision must be a positive integer: ${revision}`);
  const found = collectTargets(inv, inv.args, { files, selector: inv.flags.str('selector'), typeMeansAll: true });
  if (printErrors(inv, found.errors)) return 1;
  if (found.targets.length !== 1) throw new CommandError('error: rollout status is only supported on individual resources and resource collections, but 0 or more than 1 resources were found');
  const { info, obj } = found.targets[0];
  const watch = inv.flags.bool('watch');
  const timeout = parseGoDuration(inv.flags.str('timeout')) ?? 0;
  const ns = obj.metadata.namespace;
  const name = obj.metadata.name!;
  const api = inv.host.cluster.api;

  let line = statusOf(obj, revision);
  inv.out(line.text);
  if (line.done || !watch) return 0;
  let failure: unknown;
  const result = await watchLoop(
    inv,
    info.resource,
    (ev) => {
      if (ev.object.metadata.namespace !== ns || ev.object.metadata.name !== name || ev.object.metadata.uid !== obj.metadata.uid) return false;
      if (ev.type === 'DELETED') {
        failure = new CommandError('error: object has been deleted');
        return true;
      }
      try {
        line = statusOf(ev.object, revision);
      } catch (e) {
        failure = e;
        return true;
      }
      inv.out(line.text);
      return line.done;
    },
    { timeoutMs: timeout > 0 ? timeout : undefined },
  );
  if (failure) throw failure;
  if (result === 'interrupted') return 130;
  if (result === 'timeout') {
    if (!api.tryGet(info.resource, ns, name)) throw ApiError.notFound(info.resource, name);
    throw new CommandError('error: timed out waiting for the condition');
  }
  return 0;
}
