// The workloads issue's property: random sequences of create, scale, set image, rollout undo,
// delete pod, stop and start a node's kubelet and sleep, on two Deployments with random
// maxSurge / maxUnavailable (numbers and percentages), replicas and minReadySeconds. After every
// step, reconciled to quiescence (and at every transition of a sleep):
//  - never more non-terminating pods than replicas + maxSurge (the pods on a lost node count);
//  - every pod matching a ReplicaSet's selector has exactly one controller owner, that
//    ReplicaSet;
//  - no Endpoints address belongs to a pod that is not Ready.
// And, watching every ReplicaSet write the Deployment controller makes (reconcileOldReplicaSets
// in pkg/controller/deployment/rolling.go), outside a scaling event:
//  - an old ReplicaSet is never scaled up;
//  - the cleanup of unhealthy old pods (scale-downs that take only pods the ReplicaSet reports
//    unavailable) stays within maxScaledDown = all replicas - minAvailable - the new
//    ReplicaSet's unavailable pods;
//  - any other old scale-down leaves the Deployment, as the controller counts it (the
//    ReplicaSets' availableReplicas, less what this sync scaled away), at least minAvailable =
//    replicas - maxUnavailable available pods; when it was already below, it scales nothing down
//    but the cleanup.
// Pods the student deletes or a stopped node loses are not the controller's doing: they are
// never counted against it (they lower availableReplicas before the controller reads it).

import fc from 'fast-check';
import { Sandbox, VirtualClock } from '../../apps/server/src/engine/sandbox';
import { WatchEvent } from '../../apps/server/src/engine/api/store';
import { Deployment, Endpoints, KubeObject, Pod, ReplicaSet } from '../../apps/server/src/engine/api/types';
import { fromLabelSelector, matches } from '../../apps/server/src/engine/api/selectors';
import { findNewReplicaSet } from '../../apps/server/src/engine/controllers/deployment/deployment-controller';

const START = Date.UTC(2026, 0, 1);
const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';

type IntOrPercent = number | string;
interface Strategy {
  maxSurge: IntOrPercent;
  maxUnavailable: IntOrPercent;
}

/** the Deployments and the name of their container (what `set image` addresses) */
const CONTAINER: Record<string, string> = { web: 'nginx', api: 'app' };
const IMAGES = ['nginx:1.27', 'nginx:1.25', 'httpd:2.4', 'nginx:no-such-tag'];

const intOrPercent = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom(0, 10, 25, 34, 50, 100).map((p) => `${p}%`));
/** the API refuses maxSurge and maxUnavailable both 0 (a percentage counts by its number) */
const strategy: fc.Arbitrary<Strategy> = fc
  .record({ maxSurge: intOrPercent, maxUnavailable: intOrPercent })
  .filter((s) => parseInt(String(s.maxSurge), 10) !== 0 || parseInt(String(s.maxUnavailable), 10) !== 0);

function manifest(name: string, replicas: number, s: Strategy, minReadySeconds: number, image: string): string {
  const d = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      ...(minReadySeconds ? { minReadySeconds } : {}),
      selector: { matchLabels: { app: name } },
      strategy: { type: 'RollingUpdate', rollingUpdate: s },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: CONTAINER[name], image }] } },
    },
  };
  return `echo '${JSON.stringify(d)}' | kubectl create -f - && kubectl expose deploy ${name} --port=80`;
}

const target = fc.constantFrom('web', 'api');
const action = fc.oneof(
  fc
    .record({ replicas: fc.integer({ min: 0, max: 6 }), s: strategy, minReady: fc.constantFrom(0, 0, 5, 30), image: fc.constantFrom(...IMAGES) })
    .map(({ replicas, s, minReady, image }) => manifest('api', replicas, s, minReady, image)),
  fc.tuple(target, fc.integer({ min: 0, max: 6 })).map(([t, n]) => `kubectl scale deploy ${t} --replicas=${n}`),
  { weight: 4, arbitrary: fc.tuple(target, fc.constantFrom(...IMAGES)).map(([t, i]) => `kubectl set image deploy/${t} ${CONTAINER[t]}=${i}`) },
  target.map((t) => `kubectl rollout undo deploy/${t}`),
  target.map((t) => `kubectl delete $(kubectl get pods -l app=${t} -o name | head -1) --wait=false`),
  fc.constantFrom('node1', 'node2').map((n) => `ssh ${n} sudo systemctl stop kubelet`),
  fc.constantFrom('node1', 'node2').map((n) => `ssh ${n} sudo systemctl start kubelet`),
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 400 }).map((s) => `sleep ${s}`) },
);

// ---- the budgets, as pkg/controller/deployment/util resolves them --------------------------------

/** intstr.GetScaledValueFromIntOrPercent */
function scaled(v: IntOrPercent, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  const x = (parseInt(v, 10) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** ResolveFenceposts (surge rounds up, unavailable down; both 0 makes unavailable 1), then MaxUnavailable's cap */
function budgets(d: Deployment): { replicas: number; maxSurge: number; maxUnavailable: number } {
  const replicas = d.spec.replicas ?? 1;
  const ru = d.spec.strategy?.rollingUpdate ?? {};
  const surge = scaled(ru.maxSurge ?? '25%', replicas, true);
  let unavailable = scaled(ru.maxUnavailable ?? '25%', replicas, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { replicas, maxSurge: surge, maxUnavailable: replicas === 0 ? 0 : Math.min(unavailable, replicas) };
}

const specOf = (rs: KubeObject): number => (rs.spec as ReplicaSet['spec']).replicas ?? 1;
const availableOf = (rs: KubeObject): number => (rs as ReplicaSet).status?.availableReplicas ?? 0;
const controllerOf = (o: KubeObject) => o.metadata.ownerReferences?.find((r) => r.controller);

// ---- what the Deployment controller writes -----------------------------------------------------

/** one syncDeployment as the observer follows it */
interface SyncWatch {
  d: Deployment;
  /** a scaling event (DeploymentController.sync, proportional scaling): not bounded by maxUnavailable */
  scaling: boolean;
  /** set at the first old scale-down: the controller's accounting from there on */
  budget?: { minAvailable: number; available: number; maxScaledDown: number; cleaned: number; unhealthy: Map<string, number> };
}

/**
 * Wraps the Deployment controller's sync and watches the ReplicaSet writes it makes; every
 * breach of a rollout budget is recorded in `violations`.
 */
class ControllerWatch {
  readonly violations: string[] = [];
  private current: SyncWatch | undefined;

  constructor(private readonly sandbox: Sandbox) {
    const c = sandbox.cluster.controllers.find((x) => x.name === 'deployment')!;
    const sync = c.sync.bind(c);
    c.sync = (key, ctx) => {
      this.begin(key);
      try {
        sync(key, ctx);
      } finally {
        this.current = undefined;
      }
    };
    sandbox.cluster.store.onChange((ev) => this.observe(ev));
  }

  private ownedBy(d: Deployment): ReplicaSet[] {
    const rss = this.sandbox.cluster.store.list('replicasets', d.metadata.namespace) as ReplicaSet[];
    return rss.filter((rs) => controllerOf(rs)?.uid === d.metadata.uid);
  }

  private begin(key: string): void {
    const [namespace, name] = key.split('/');
    const d = this.sandbox.cluster.store.get('deployments', namespace, name) as Deployment | undefined;
    if (!d || d.metadata.deletionTimestamp) return;
    // isScalingEvent: an active ReplicaSet was sized for another replica count
    const scaling = this.ownedBy(d).some((rs) => {
      const desired = rs.metadata.annotations?.[DESIRED_REPLICAS];
      return specOf(rs) > 0 && desired !== undefined && Number(desired) !== (d.spec.replicas ?? 1);
    });
    this.current = { d, scaling: scaling || !!d.spec.paused };
  }

  private observe(ev: WatchEvent): void {
    const w = this.current;
    if (!w || w.scaling || ev.resource !== 'replicasets' || ev.type !== 'MODIFIED' || !ev.old) return;
    const d = w.d;
    if (controllerOf(ev.object)?.uid !== d.metadata.uid) return;
    const before = specOf(ev.old);
    const after = specOf(ev.object);
    if (before === after) return;
    // the ReplicaSets as they stood before this write
    const rss = this.ownedBy(d).map((rs) => (rs.metadata.uid === ev.object.metadata.uid ? (ev.old as ReplicaSet) : rs));
    const newRS = findNewReplicaSet(d, rss);
    if (newRS?.metadata.uid === ev.object.metadata.uid) return; // the new ReplicaSet: bounded by the surge
    const at = `${new Date(this.sandbox.cluster.now).toISOString()} ${d.metadata.name}: old ReplicaSet ${ev.object.metadata.name} ${before} -> ${after}`;
    if (after > before) {
      this.violations.push(`${at}: an old ReplicaSet scaled up by a rollout`);
      return;
    }
    if (!w.budget) {
      // reconcileOldReplicaSets' view, taken before its first scale-down
      const { replicas, maxUnavailable } = budgets(d);
      const minAvailable = replicas - maxUnavailable;
      const allCount = rss.reduce((n, rs) => n + specOf(rs), 0);
      const newUnavailable = newRS ? specOf(newRS) - availableOf(newRS) : 0;
      const unhealthy = new Map(rss.filter((rs) => rs !== newRS).map((rs) => [rs.metadata.uid!, Math.max(0, specOf(rs) - availableOf(rs))]));
      w.budget = { minAvailable, available: rss.reduce((n, rs) => n + availableOf(rs), 0), maxScaledDown: allCount - minAvailable - newUnavailable, cleaned: 0, unhealthy };
    }
    const b = w.budget;
    const uid = ev.object.metadata.uid!;
    // cleanupUnhealthyReplicas: the pods the ReplicaSet reports unavailable cost no availability
    const cleanup = Math.min(before - after, b.unhealthy.get(uid) ?? 0);
    b.unhealthy.set(uid, (b.unhealthy.get(uid) ?? 0) - cleanup);
    b.cleaned += cleanup;
    const lost = before - after - cleanup;
    b.available -= lost;
    if (cleanup > 0 && b.cleaned > b.maxScaledDown) {
      this.violations.push(`${at}: cleaned up ${b.cleaned} unhealthy old pods, more than maxScaledDown ${b.maxScaledDown}`);
    }
    if (lost > 0 && b.available < b.minAvailable) {
      this.violations.push(`${at}: scaled down ${lost} available pods, leaving ${b.available} available, below minAvailable ${b.minAvailable}`);
    }
  }
}

// ---- the state at an instant -------------------------------------------------------------------

function checkState(sandbox: Sandbox): void {
  const store = sandbox.cluster.store;
  const pods = store.list('pods', 'default') as Pod[];
  for (const d of store.list('deployments', 'default') as Deployment[]) {
    const { replicas, maxSurge } = budgets(d);
    const selector = fromLabelSelector(d.spec.selector);
    const live = pods.filter((p) => matches(selector, p.metadata.labels) && !p.metadata.deletionTimestamp && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded');
    if (live.length > replicas + maxSurge) throw new Error(`${d.metadata.name}: ${live.length} live pods for ${replicas} replicas + ${maxSurge} surge`);
  }
  const replicaSets = (store.list('replicasets', 'default') as ReplicaSet[])
    .filter((rs) => !rs.metadata.deletionTimestamp)
    .map((rs) => ({ uid: rs.metadata.uid, selector: fromLabelSelector(rs.spec.selector) }));
  for (const p of pods) {
    // a pod being deleted may have been orphaned; one whose labels no longer match was released
    if (p.metadata.deletionTimestamp) continue;
    const selecting = replicaSets.filter((rs) => matches(rs.selector, p.metadata.labels));
    if (selecting.length === 0) continue;
    const controllers = (p.metadata.ownerReferences ?? []).filter((o) => o.controller);
    if (controllers.length !== 1) throw new Error(`pod ${p.metadata.name} has ${controllers.length} controller owners`);
    if (!selecting.some((rs) => rs.uid === controllers[0].uid)) {
      throw new Error(`pod ${p.metadata.name} is controlled by ${controllers[0].kind} ${controllers[0].name}, not by the ReplicaSet selecting it`);
    }
  }
  for (const ep of store.list('endpoints', 'default') as Endpoints[]) {
    for (const s of ep.subsets ?? []) {
      for (const a of s.addresses ?? []) {
        if (a.targetRef?.kind !== 'Pod') continue;
        const pod = store.get('pods', 'default', a.targetRef.name ?? '') as Pod | undefined;
        const ready = pod?.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
        if (!ready) throw new Error(`endpoint ${a.ip} of ${ep.metadata.name} belongs to pod ${a.targetRef.name}, which is not Ready`);
      }
    }
  }
}

describe('rollout budgets', () => {
  it('hold at every instant under random operations', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(action, { minLength: 2, maxLength: 20 }),
        strategy,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 500 }),
        async (actions, webStrategy, webReplicas, seed) => {
          const clock = new VirtualClock(START);
          const sandbox = Sandbox.create({ seed, start: START }, clock);
          const watch = new ControllerWatch(sandbox);
          let session = sandbox.newSession();
          const run = async (line: string) => {
            const r = await sandbox.run(session, line, undefined, { isTTY: false });
            session = r.session;
            expect(r.result.stderr).not.toMatch(/internal error|is invalid/);
          };
          await run(manifest('web', webReplicas, webStrategy, 0, 'nginx:1.27'));
          for (const a of actions) {
            const sleep = /^sleep (\d+)$/.exec(a);
            if (sleep) {
              // step through every transition of the span, checking at each instant
              const until = clock.now() + Number(sleep[1]) * 1000;
              for (;;) {
                const next = sandbox.cluster.nextTransitionAt();
                if (next === undefined || next > until) break;
                clock.advanceTo(next);
                sandbox.cluster.step(next);
                checkState(sandbox);
              }
              clock.advanceTo(until);
              sandbox.cluster.step(until);
            } else {
              await run(a);
            }
            checkState(sandbox);
            expect(watch.violations).toEqual([]);
          }
          expect(sandbox.cluster.faults()).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  }, 300_000);
});
