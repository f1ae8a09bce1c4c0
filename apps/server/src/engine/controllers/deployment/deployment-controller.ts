// The Deployment controller (pkg/controller/deployment): one ReplicaSet per pod template, named
// `<deployment>-<pod-template-hash>`; rolling updates within maxSurge / maxUnavailable, Recreate,
// pause, proportional scaling, revision history, and the Progressing / Available conditions.
// Each sync follows syncDeployment; the ReplicaSet controller does the pods.

import { jsonEqual } from '../../api/json-equal';
import { ApiError } from '../../api/errors';
import { clone } from '../../api/store';
import { Deployment, Pod, ReplicaSet } from '../../api/types';
import { fromLabelSelector, matches } from '../../api/selectors';
import { Controller, ControllerContext, keyOf, splitKey } from '../controller';
import { OwnerIndex } from '../replicaset/owner-index';
import { controllerRefOf, errorText, isNamespaceTerminating, newControllerRef, withControllerRef, withoutOwnerRef } from '../replicaset/pod-utils';
import {
  DeploymentStatus,
  FOUND_NEW_RS,
  NEW_RS_AVAILABLE,
  NEW_RS_CREATED,
  PAUSED,
  RESUMED,
  RS_CREATE_ERROR,
  RS_UPDATED,
  TIMED_OUT,
  calculateStatus,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  fromReplicaSetCondition,
  getCondition,
  hasProgressDeadline,
  newCondition,
  progressDeadlineAt,
  removeCondition,
  setCondition,
} from './deployment-conditions';
import {
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  REVISION,
  REVISION_HISTORY,
  actualReplicas,
  availableReplicas,
  byCreation,
  byRevision,
  bySizeNewer,
  bySizeOlder,
  desiredReplicasAnnotation,
  isRollingUpdate,
  maxSurge,
  maxUnavailable,
  newRSNewReplicas,
  proportion,
  replicasOf,
  revisionOf,
  specReplicas,
} from './rollout-math';
import { GenerationMemo, POD_TEMPLATE_HASH, computeHash, equalIgnoreHash, templateIdentity } from './template-hash';

export const DEPLOYMENT_SOURCE = { component: 'deployment-controller' };
const MAX_REV_HISTORY_CHARS = 2000;
const BACKOFF_BASE_MS = 5;
const BACKOFF_MAX_MS = 1000_000;
/** annotations a Deployment does not copy to its ReplicaSets (skipCopyAnnotation) */
const SKIP_COPY = new Set(['kubectl.kubernetes.io/last-applied-configuration', REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, 'deprecated.deployment.rollback.to']);

export function deploymentController(): Controller {
  const replicaSets = new OwnerIndex<ReplicaSet>('replicasets');
  const pods = new OwnerIndex<Pod>('pods');
  const identities = new GenerationMemo<string>();
  // a scale bumps a ReplicaSet's generation but keeps its template: compare before re-encoding
  const lastTemplate = new Map<string, { template: unknown; identity: string }>();
  const identity = (o: Deployment | ReplicaSet): string =>
    identities.get(o, '', () => {
      const uid = o.metadata.uid ?? '';
      const prev = lastTemplate.get(uid);
      if (prev && (prev.template === o.spec.template || jsonEqual(prev.template, o.spec.template))) return prev.identity;
      const id = templateIdentity(o.spec.template);
      if (lastTemplate.size >= 512) lastTemplate.clear();
      lastTemplate.set(uid, { template: o.spec.template, identity: id });
      return id;
    });
  return {
    name: 'deployment',
    resources: ['deployments', 'replicasets', 'pods'],
    watch(ev, enqueue, ctx) {
      if (ev.resource === 'deployments') {
        enqueue(keyOf(ev.object));
      } else if (ev.resource === 'replicasets') {
        replicaSets.observe(ev);
        for (const rs of [ev.old, ev.object]) {
          const ref = controllerRefOf(rs);
          if (rs && ref?.kind === 'Deployment') enqueue(`${rs.metadata.namespace}/${ref.name}`);
        }
        if (ev.type !== 'DELETED' && !controllerRefOf(ev.object)) {
          for (const d of ctx.store.list('deployments', ev.object.metadata.namespace)) {
            if (matches(fromLabelSelector(d.spec?.selector), ev.object.metadata.labels)) enqueue(keyOf(d));
          }
        }
      } else if (ev.resource === 'pods') {
        pods.observe(ev);
        // Recreate waits for the old pods to be gone (deletePod in the real controller)
        if (ev.type !== 'DELETED') return;
        const rsRef = controllerRefOf(ev.object);
        if (rsRef?.kind !== 'ReplicaSet') return;
        const rs = ctx.store.get('replicasets', ev.object.metadata.namespace, rsRef.name);
        const dRef = controllerRefOf(rs);
        if (rs && dRef?.kind === 'Deployment') {
          const d = ctx.store.get('deployments', rs.metadata.namespace, dRef.name) as Deployment | undefined;
          if (d && !isRollingUpdate(d)) enqueue(keyOf(d));
        }
      }
    },
    sync(key, ctx) {
      const { namespace, name } = splitKey(key);
      const failures = ((ctx.runtime.sections.deployment ??= {}).failures ??= {}) as Record<string, number>;
      const stored = ctx.store.get('deployments', namespace, name) as Deployment | undefined;
      if (!stored) {
        delete failures[key];
        return;
      }
      const s = new DeploymentSync(ctx, workingCopy(stored), replicaSets, pods, identity);
      let failed = false;
      try {
        s.run();
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        failed = true;
      }
      let wake = s.wakeAt;
      if (failed) {
        const n = (failures[key] ?? 0) + 1;
        failures[key] = n;
        const retry = ctx.now + Math.min(BACKOFF_BASE_MS * 2 ** (n - 1), BACKOFF_MAX_MS);
        wake = wake === undefined ? retry : Math.min(wake, retry);
      } else delete failures[key];
      if (wake !== undefined) ctx.schedule(wake, key);
    },
  };
}

/** One syncDeployment. `d` is a working copy: conditions and revision are set on it, then written. */
class DeploymentSync {
  wakeAt: number | undefined;

  constructor(
    private readonly ctx: ControllerContext,
    private d: Deployment,
    private readonly rsIndex: OwnerIndex<ReplicaSet>,
    private readonly podIndex: OwnerIndex<Pod>,
    private readonly identity: (o: Deployment | ReplicaSet) => string,
  ) {}

  run(): void {
    const d = this.d;
    const rsList = this.claimReplicaSets();
    if (d.metadata.deletionTimestamp) {
      const { newRS, oldRSs } = this.allReplicaSets(rsList, false);
      this.syncDeploymentStatus([...oldRSs, newRS], newRS);
      return;
    }
    this.checkPausedConditions();
    if (d.spec.paused) return this.syncScale(rsList);
    if (this.isScalingEvent(rsList)) return this.syncScale(rsList);
    if (isRollingUpdate(d)) this.rolloutRolling(rsList);
    else this.rolloutRecreate(rsList);
  }

  // ---- ReplicaSets ----------------------------------------------------------------------------

  /** ClaimReplicaSets: owned ones that still match, matching orphans adopted, the rest released. */
  private claimReplicaSets(): ReplicaSet[] {
    const { ctx, d } = this;
    const selector = fromLabelSelector(d.spec.selector);
    const deleting = !!d.metadata.deletionTimestamp;
    const out: ReplicaSet[] = [];
    for (const rs of this.rsIndex.owned(ctx.store, d.metadata.uid!)) {
      if (matches(selector, rs.metadata.labels)) out.push(rs);
      else if (!deleting) tryWrite(() => ctx.api.update(withoutOwnerRef(rs, d.metadata.uid!)));
    }
    if (deleting || !selector.length) return out;
    for (const rs of this.rsIndex.orphansIn(ctx.store, d.metadata.namespace!)) {
      if (rs.metadata.deletionTimestamp || !matches(selector, rs.metadata.labels)) continue;
      const adopted = tryWrite(() => ctx.api.update(withControllerRef(rs, d)) as ReplicaSet);
      if (adopted) out.push(adopted);
    }
    return out;
  }

  /** getAllReplicaSetsAndSyncRevision */
  private allReplicaSets(rsList: ReplicaSet[], create: boolean): { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] } {
    const existing = findNewReplicaSet(this.d, rsList, this.identity);
    const oldRSs = rsList.filter((rs) => rs !== existing);
    const newRS = this.getNewReplicaSet(existing, oldRSs, create);
    return { newRS, oldRSs };
  }

  private getNewReplicaSet(existing: ReplicaSet | undefined, oldRSs: ReplicaSet[], create: boolean): ReplicaSet | undefined {
    const { ctx, d } = this;
    const newRevision = String(Math.max(0, ...oldRSs.map(revisionOf)) + 1);
    if (existing) {
      // shallow: only annotations and minReadySeconds change, both replaced rather than mutated
      const rsCopy: ReplicaSet = { ...existing, metadata: { ...existing.metadata }, spec: { ...existing.spec } };
      const annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true);
      if (annotationsUpdated || (rsCopy.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0)) {
        if (d.spec.minReadySeconds) rsCopy.spec.minReadySeconds = d.spec.minReadySeconds;
        else delete rsCopy.spec.minReadySeconds;
        return ctx.api.update(rsCopy) as ReplicaSet;
      }
      let needsUpdate = this.setRevision(rsCopy.metadata.annotations?.[REVISION] ?? '');
      if (hasProgressDeadline(d) && !getCondition(d.status, 'Progressing')) {
        this.setCondition(newCondition('Progressing', 'True', FOUND_NEW_RS, `Found new replica set "${rsCopy.metadata.name}"`, ctx.now));
        needsUpdate = true;
      }
      if (needsUpdate) this.save();
      return rsCopy;
    }
    if (!create) return undefined;

    const template = clone(d.spec.template);
    const hash = computeHash(d.spec.template, d.status?.collisionCount);
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH]: hash } };
    const selector = clone(d.spec.selector);
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash };
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels: { ...template.metadata.labels },
        ownerReferences: [newControllerRef(d)],
      },
      spec: { replicas: 0, selector, template },
    };
    if (d.spec.minReadySeconds) rs.spec.minReadySeconds = d.spec.minReadySeconds;
    const count = newRSNewReplicas(d, [...oldRSs, rs], rs);
    rs.spec.replicas = count;
    setNewReplicaSetAnnotations(d, rs, newRevision, false);

    let created: ReplicaSet;
    let alreadyExisted = false;
    try {
      created = ctx.api.create(rs) as ReplicaSet;
    } catch (e) {
      if (e instanceof ApiError && e.reason === 'AlreadyExists') {
        const found = ctx.store.get('replicasets', rs.metadata.namespace, rs.metadata.name!) as ReplicaSet | undefined;
        if (found && controllerRefOf(found)?.uid === d.metadata.uid && equalIgnoreHash(d.spec.template, found.spec.template)) {
          created = found;
          alreadyExisted = true;
        } else {
          // a hash collision: bump collisionCount and try again with a new name
          this.d.status = { ...(d.status ?? {}), collisionCount: (d.status?.collisionCount ?? 0) + 1 };
          this.save();
          throw e;
        }
      } else if (isNamespaceTerminating(e)) {
        throw e;
      } else {
        const msg = `Failed to create new replica set "${rs.metadata.name}": ${errorText(e)}`;
        if (hasProgressDeadline(d)) {
          this.setCondition(newCondition('Progressing', 'False', RS_CREATE_ERROR, msg, ctx.now));
          this.save();
        }
        ctx.record(this.d, 'Warning', RS_CREATE_ERROR, msg, DEPLOYMENT_SOURCE);
        throw e;
      }
    }
    if (!alreadyExisted && count > 0) {
      ctx.record(this.d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${count}`, DEPLOYMENT_SOURCE);
    }
    let needsUpdate = this.setRevision(newRevision);
    if (!alreadyExisted && hasProgressDeadline(this.d)) {
      this.setCondition(newCondition('Progressing', 'True', NEW_RS_CREATED, `Created new replica set "${created.metadata.name}"`, ctx.now));
      needsUpdate = true;
    }
    if (needsUpdate) this.save();
    return created;
  }

  /** scaleReplicaSetAndRecordEvent; returns the ReplicaSet as it now stands and whether it was resized. */
  private scaleReplicaSet(rs: ReplicaSet, newScale: number): { rs: ReplicaSet; scaled: boolean } {
    const { ctx, d } = this;
    const sizeNeedsUpdate = replicasOf(rs) !== newScale;
    const desired = String(replicasOf(d));
    const max = String(replicasOf(d) + maxSurge(d));
    const ann = rs.metadata.annotations ?? {};
    const annotationsNeedUpdate = ann[DESIRED_REPLICAS] !== desired || ann[MAX_REPLICAS] !== max;
    if (!sizeNeedsUpdate && !annotationsNeedUpdate) return { rs, scaled: false };
    // shallow: only spec.replicas and the annotations change, and the API server copies what it is given
    const copy: ReplicaSet = { ...rs, metadata: { ...rs.metadata }, spec: { ...rs.spec } };
    const old = replicasOf(rs);
    copy.spec.replicas = newScale;
    copy.metadata.annotations = { ...ann, [DESIRED_REPLICAS]: desired, [MAX_REPLICAS]: max };
    const updated = ctx.api.update(copy) as ReplicaSet;
    if (sizeNeedsUpdate) {
      const op = old < newScale ? 'up' : 'down';
      ctx.record(d, 'Normal', 'ScalingReplicaSet', `Scaled ${op} replica set ${updated.metadata.name} from ${old} to ${newScale}`, DEPLOYMENT_SOURCE);
    }
    return { rs: updated, scaled: sizeNeedsUpdate };
  }

  private scaleIfNeeded(rs: ReplicaSet, newScale: number): { rs: ReplicaSet; scaled: boolean } {
    if (replicasOf(rs) === newScale) return { rs, scaled: false };
    return this.scaleReplicaSet(rs, newScale);
  }

  // ---- strategies -----------------------------------------------------------------------------

  private rolloutRolling(rsList: ReplicaSet[]): void {
    const d = this.d;
    const { newRS, oldRSs } = this.allReplicaSets(rsList, true);
    const all = [...oldRSs, newRS!];
    // scale up the new ReplicaSet, if we can
    if (replicasOf(newRS) !== replicasOf(d)) {
      const target = replicasOf(newRS) > replicasOf(d) ? replicasOf(d) : newRSNewReplicas(d, all, newRS!);
      const { rs, scaled } = this.scaleIfNeeded(newRS!, target);
      if (scaled) {
        all[all.length - 1] = rs;
        return this.syncRolloutStatus(all, rs);
      }
    }
    // scale down old ReplicaSets, if we can
    if (this.reconcileOldReplicaSets(all, oldRSs.filter((rs) => replicasOf(rs) > 0), newRS!)) {
      return this.syncRolloutStatus(this.refresh(all), this.refresh([newRS])[0]);
    }
    if (deploymentComplete(d, d.status ?? {})) this.cleanupDeployment(oldRSs);
    this.syncRolloutStatus(all, newRS);
  }

  private reconcileOldReplicaSets(all: ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet): boolean {
    const d = this.d;
    const oldCount = specReplicas(oldRSs);
    if (oldCount === 0) return false;
    const allCount = specReplicas(all);
    const minAvailable = replicasOf(d) - maxUnavailable(d);
    const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
    const maxScaledDown = allCount - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return false;

    // cleanupUnhealthyReplicas: unavailable old pods go first, they cost no availability
    const sorted = [...oldRSs].sort(byCreation);
    let cleaned = 0;
    for (let i = 0; i < sorted.length && cleaned < maxScaledDown; i++) {
      const rs = sorted[i];
      const avail = rs.status?.availableReplicas ?? 0;
      if (replicasOf(rs) === 0 || replicasOf(rs) === avail) continue;
      const down = Math.min(maxScaledDown - cleaned, replicasOf(rs) - avail);
      // a status not yet caught up with an earlier scale-down reports more available pods than
      // the spec asks for: "scaling down" to them would scale up, which the real controller
      // refuses (an invalid request to scale down), giving up this pass
      if (down < 0) return false;
      sorted[i] = this.scaleIfNeeded(rs, replicasOf(rs) - down).rs;
      cleaned += down;
    }

    // scaleDownOldReplicaSetsForRollingUpdate: only what availability allows
    const allNow = [...sorted, newRS];
    const availableNow = availableReplicas(allNow);
    let scaledDown = 0;
    if (availableNow > minAvailable) {
      const total = availableNow - minAvailable;
      for (const rs of sorted) {
        if (scaledDown >= total) break;
        if (replicasOf(rs) === 0) continue;
        const down = Math.min(replicasOf(rs), total - scaledDown);
        this.scaleIfNeeded(rs, replicasOf(rs) - down);
        scaledDown += down;
      }
    }
    return cleaned + scaledDown > 0;
  }

  private rolloutRecreate(rsList: ReplicaSet[]): void {
    let { newRS, oldRSs } = this.allReplicaSets(rsList, false);
    let scaledDown = false;
    for (const rs of oldRSs.filter((x) => replicasOf(x) > 0)) scaledDown = this.scaleIfNeeded(rs, 0).scaled || scaledDown;
    if (scaledDown) return this.syncRolloutStatus(this.refresh([...oldRSs, newRS]), newRS);
    if (this.oldPodsRunning(newRS, oldRSs)) return this.syncRolloutStatus([...oldRSs, newRS], newRS);
    if (!newRS) ({ newRS, oldRSs } = this.allReplicaSets(rsList, true));
    newRS = this.scaleIfNeeded(newRS!, replicasOf(this.d)).rs;
    if (deploymentComplete(this.d, this.d.status ?? {})) this.cleanupDeployment(oldRSs);
    this.syncRolloutStatus([...oldRSs, newRS], newRS);
  }

  /** Old ReplicaSets still report pods, or a pod of theirs still exists and has not finished. */
  private oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): boolean {
    if (actualReplicas(oldRSs) > 0) return true;
    for (const rs of oldRSs) {
      if (rs === newRS) continue;
      for (const p of this.podIndex.owned(this.ctx.store, rs.metadata.uid!)) {
        const phase = p.status?.phase;
        if (phase !== 'Failed' && phase !== 'Succeeded') return true;
      }
    }
    return false;
  }

  /** sync: the scaling path (a paused deployment, or spec.replicas changed). */
  private syncScale(rsList: ReplicaSet[]): void {
    const { newRS, oldRSs } = this.allReplicaSets(rsList, false);
    this.scale(newRS, oldRSs);
    if (this.d.spec.paused) this.cleanupDeployment(oldRSs);
    const all = this.refresh([...oldRSs, newRS]);
    this.syncDeploymentStatus(all, all[all.length - 1]);
  }

  private isScalingEvent(rsList: ReplicaSet[]): boolean {
    const { newRS, oldRSs } = this.allReplicaSets(rsList, false);
    for (const rs of [...oldRSs, newRS]) {
      if (!rs || replicasOf(rs) === 0) continue;
      const desired = desiredReplicasAnnotation(rs);
      if (desired !== undefined && desired !== replicasOf(this.d)) return true;
    }
    return false;
  }

  /** Proportional scaling across the active ReplicaSets (DeploymentController.scale). */
  private scale(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
    const d = this.d;
    const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
    if (activeOrLatest) {
      if (replicasOf(activeOrLatest) !== replicasOf(d)) this.scaleIfNeeded(activeOrLatest, replicasOf(d));
      return;
    }
    if (isSaturated(d, newRS)) {
      for (const old of oldRSs.filter((rs) => replicasOf(rs) > 0)) this.scaleIfNeeded(old, 0);
      return;
    }
    if (!isRollingUpdate(d)) return;
    const active = [...oldRSs, newRS].filter((rs): rs is ReplicaSet => !!rs && replicasOf(rs) > 0);
    const allowed = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
    const toAdd = allowed - specReplicas(active);
    if (toAdd > 0) active.sort(bySizeNewer);
    else if (toAdd < 0) active.sort(bySizeOlder);
    let added = 0;
    const sizes = active.map((rs) => {
      if (toAdd === 0) return replicasOf(rs);
      const p = proportion(rs, d, toAdd, added);
      added += p;
      return replicasOf(rs) + p;
    });
    active.forEach((rs, i) => {
      let size = sizes[i];
      if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
      this.scaleReplicaSet(rs, size);
    });
  }

  /** Deletes the oldest fully scaled-down ReplicaSets beyond revisionHistoryLimit. */
  private cleanupDeployment(oldRSs: ReplicaSet[]): void {
    const limit = this.d.spec.revisionHistoryLimit;
    if (limit === undefined || limit === null) return;
    const cleanable = this.refresh(oldRSs).filter((rs): rs is ReplicaSet => !!rs && !rs.metadata.deletionTimestamp);
    const diff = cleanable.length - limit;
    if (diff <= 0) return;
    cleanable.sort(byRevision);
    for (let i = 0; i < diff; i++) {
      const rs = cleanable[i];
      if ((rs.status?.replicas ?? 0) !== 0 || replicasOf(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
      tryWrite(() => this.ctx.api.delete('replicasets', rs.metadata.namespace, rs.metadata.name!));
    }
  }

  // ---- status -----------------------------------------------------------------------------------

  private checkPausedConditions(): void {
    const d = this.d;
    if (!hasProgressDeadline(d)) return;
    const cond = getCondition(d.status, 'Progressing');
    if (cond?.reason === TIMED_OUT) return;
    const pausedExists = cond?.reason === PAUSED;
    if (d.spec.paused && !pausedExists) {
      this.setCondition(newCondition('Progressing', 'Unknown', PAUSED, 'Deployment is paused', this.ctx.now));
      this.save();
    } else if (!d.spec.paused && pausedExists) {
      this.setCondition(newCondition('Progressing', 'Unknown', RESUMED, 'Deployment is resumed', this.ctx.now));
      this.save();
    }
  }

  private syncDeploymentStatus(all: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): void {
    const status = calculateStatus(all, newRS, this.d, this.ctx.now);
    this.writeStatus(status);
  }

  private syncRolloutStatus(all: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): void {
    const { d, ctx } = this;
    const status = calculateStatus(all, newRS, d, ctx.now);
    if (!hasProgressDeadline(d)) removeCondition(status, 'Progressing');
    const current = getCondition(d.status, 'Progressing');
    const isComplete = (status.replicas ?? 0) === (status.updatedReplicas ?? 0) && current?.reason === NEW_RS_AVAILABLE;
    if (hasProgressDeadline(d) && !isComplete) {
      const rsName = newRS?.metadata.name;
      if (deploymentComplete(d, status)) {
        const msg = rsName ? `ReplicaSet "${rsName}" has successfully progressed.` : `Deployment "${d.metadata.name}" has successfully progressed.`;
        setCondition(status, newCondition('Progressing', 'True', NEW_RS_AVAILABLE, msg, ctx.now));
      } else if (deploymentProgressing(d, status)) {
        const msg = rsName ? `ReplicaSet "${rsName}" is progressing.` : `Deployment "${d.metadata.name}" is progressing.`;
        const cond = newCondition('Progressing', 'True', RS_UPDATED, msg, ctx.now);
        if (current) {
          if (current.status === 'True') cond.lastTransitionTime = current.lastTransitionTime;
          removeCondition(status, 'Progressing');
        }
        setCondition(status, cond);
      } else if (deploymentTimedOut(d, status, ctx.now)) {
        const msg = rsName ? `ReplicaSet "${rsName}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
        setCondition(status, newCondition('Progressing', 'False', TIMED_OUT, msg, ctx.now));
      }
    }
    const failure = replicaFailure(all, newRS);
    if (failure) setCondition(status, fromReplicaSetCondition(failure));
    else removeCondition(status, 'ReplicaFailure');
    this.writeStatus(status);
    // requeueStuckDeployment: look again just after the deadline
    if (!deploymentComplete(d, status)) {
      const at = progressDeadlineAt(d, status);
      if (at !== undefined) this.wakeAt = Math.max(at + 1, ctx.now);
    }
  }

  private writeStatus(status: DeploymentStatus): void {
    if (jsonEqual(status, this.d.status ?? {})) return;
    this.d.status = status;
    this.save();
  }

  private setCondition(cond: ReturnType<typeof newCondition>): void {
    const status = clone(this.d.status ?? {});
    setCondition(status, cond);
    this.d.status = status;
  }

  /** SetDeploymentRevision on the working copy; true when it changed. */
  private setRevision(revision: string): boolean {
    const ann = this.d.metadata.annotations ?? {};
    if (ann[REVISION] === revision) return false;
    this.d.metadata.annotations = { ...ann, [REVISION]: revision };
    return true;
  }

  /**
   * Writes the working copy: annotations through the main resource (the real status strategy
   * lets a status update change annotations; ours does not), then the status.
   */
  private save(): void {
    const { ctx } = this;
    const cur = ctx.store.get('deployments', this.d.metadata.namespace, this.d.metadata.name!) as Deployment | undefined;
    if (!cur) throw new ApiError('NotFound', `deployments.apps "${this.d.metadata.name}" not found`);
    let latest: Deployment = cur;
    if (!sameStrings(cur.metadata.annotations, this.d.metadata.annotations)) {
      latest = ctx.api.update({ ...cur, metadata: { ...cur.metadata, annotations: this.d.metadata.annotations } }) as Deployment;
    }
    if (!jsonEqual(latest.status ?? {}, this.d.status ?? {})) {
      latest = ctx.api.updateStatus({ ...latest, status: this.d.status }) as Deployment;
    }
    const status = this.d.status;
    this.d = workingCopy(latest);
    this.d.status = status;
  }

  /** The stored versions of these ReplicaSets (after scaling wrote them). */
  private refresh<T extends ReplicaSet | undefined>(rss: T[]): T[] {
    return rss.map((rs) => (rs ? ((this.ctx.store.get('replicasets', rs.metadata.namespace, rs.metadata.name!) as T) ?? rs) : rs));
  }
}

/**
 * A copy to work on: metadata and status are copied, the spec is shared (it is never changed
 * here; frozen objects in tests would catch it).
 */
function workingCopy(d: Deployment): Deployment {
  return { ...d, metadata: { ...d.metadata, annotations: d.metadata.annotations && { ...d.metadata.annotations } }, status: clone(d.status) };
}

function sameStrings(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const ka = Object.keys(a ?? {});
  return ka.length === Object.keys(b ?? {}).length && ka.every((k) => a![k] === b?.[k]);
}

/** The oldest ReplicaSet whose template equals the Deployment's (hash label ignored). */
export function findNewReplicaSet(d: Deployment, rsList: ReplicaSet[], identity = (o: Deployment | ReplicaSet) => templateIdentity(o.spec.template)): ReplicaSet | undefined {
  const want = identity(d);
  return [...rsList].sort(byCreation).find((rs) => identity(rs) === want);
}

function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && !oldRSs.length) return undefined;
  const olds = [...oldRSs].sort((a, b) => byCreation(b, a));
  const active = [...olds, newRS].filter((rs): rs is ReplicaSet => !!rs && replicasOf(rs) > 0);
  if (active.length === 0) return newRS ?? olds[0];
  if (active.length === 1) return active[0];
  return undefined;
}

function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicasAnnotation(rs);
  return replicasOf(rs) === replicasOf(d) && desired === replicasOf(d) && (rs.status?.availableReplicas ?? 0) === replicasOf(d);
}

function replicaFailure(all: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined) {
  const first = (rs: ReplicaSet | undefined) => rs?.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
  return first(newRS) ?? all.map(first).find((c) => !!c);
}

/**
 * SetNewReplicaSetAnnotations: copies the Deployment's annotations (change-cause among them),
 * raises the revision (keeping the old numbers in revision-history when a ReplicaSet comes back)
 * and, for a new ReplicaSet, sets desired-replicas and max-replicas. True when something changed.
 */
export function setNewReplicaSetAnnotations(d: Deployment, rs: ReplicaSet, newRevision: string, exists: boolean): boolean {
  let changed = false;
  const ann: Record<string, string> = { ...(rs.metadata.annotations ?? {}) };
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (SKIP_COPY.has(k) || ann[k] === v) continue;
    ann[k] = v;
    changed = true;
  }
  const oldRevision = ann[REVISION];
  let oldInt = 0;
  if (oldRevision !== undefined && oldRevision !== '') {
    if (!/^-?\d+$/.test(oldRevision)) {
      rs.metadata.annotations = ann;
      return false;
    }
    oldInt = Number(oldRevision);
  }
  const newInt = Number(newRevision);
  if (oldInt < newInt) {
    ann[REVISION] = newRevision;
    changed = true;
    if (oldRevision !== undefined) {
      const history = ann[REVISION_HISTORY] ?? '';
      if (!history) ann[REVISION_HISTORY] = oldRevision;
      else {
        const parts = history.split(',');
        let total = history.length + oldRevision.length + 1;
        let start = 0;
        while (total > MAX_REV_HISTORY_CHARS && start < parts.length) total -= parts[start++].length + 1;
        if (total <= MAX_REV_HISTORY_CHARS) ann[REVISION_HISTORY] = [...parts.slice(start), oldRevision].join(',');
      }
    }
  }
  if (!exists) {
    const desired = String(replicasOf(d));
    const max = String(replicasOf(d) + maxSurge(d));
    if (ann[DESIRED_REPLICAS] !== desired || ann[MAX_REPLICAS] !== max) {
      ann[DESIRED_REPLICAS] = desired;
      ann[MAX_REPLICAS] = max;
      changed = true;
    }
  }
  rs.metadata.annotations = ann;
  return changed;
}

function tryWrite<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ApiError) return undefined;
    throw e;
  }
}
