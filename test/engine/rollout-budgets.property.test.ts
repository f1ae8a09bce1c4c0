// The workloads issue's property: random sequences of create, scale, set image, rollout undo,
// delete pod, stop and start a node's kubelet and sleep; at every instant the controllers' own
// actions respect their budgets: never more non-terminating pods than replicas + maxSurge (the
// pods on a lost node still count), every pod of a ReplicaSet has exactly one controller owner,
// and no Endpoints address belongs to a pod that is not Ready.

import fc from 'fast-check';
import { Sandbox, VirtualClock } from '../../apps/server/src/engine/sandbox';
import { Deployment, Endpoints, Pod } from '../../apps/server/src/engine/api/types';

const START = Date.UTC(2026, 0, 1);

const action = fc.oneof(
  fc.integer({ min: 0, max: 6 }).map((n) => `kubectl scale deploy web --replicas=${n}`),
  fc.constantFrom('nginx:1.27', 'nginx:1.25', 'httpd:2.4', 'nginx:no-such-tag').map((i) => `kubectl set image deploy/web nginx=${i}`),
  fc.constant('kubectl rollout undo deploy/web'),
  fc.constant("kubectl delete $(kubectl get pods -l app=web -o name | head -1) --wait=false"),
  fc.constantFrom('node1', 'node2').map((n) => `ssh ${n} sudo systemctl stop kubelet`),
  fc.constantFrom('node1', 'node2').map((n) => `ssh ${n} sudo systemctl start kubelet`),
  fc.integer({ min: 1, max: 400 }).map((s) => `sleep ${s}`),
);

function resolve(v: number | string | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return Math.floor(total * 0.25);
  if (typeof v === 'number') return v;
  const pct = parseInt(v, 10) / 100;
  return roundUp ? Math.ceil(total * pct) : Math.floor(total * pct);
}

function checkBudgets(sandbox: Sandbox): void {
  const store = sandbox.cluster.store;
  const d = store.get('deployments', 'default', 'web') as Deployment | undefined;
  const pods = (store.list('pods', 'default') as Pod[]).filter((p) => p.metadata.labels?.app === 'web');
  if (d) {
    const replicas = d.spec.replicas ?? 1;
    const surge = resolve(d.spec.strategy?.rollingUpdate?.maxSurge ?? '25%', replicas, true);
    const unavailable = resolve(d.spec.strategy?.rollingUpdate?.maxUnavailable ?? '25%', replicas, false);
    const maxSurge = surge === 0 && unavailable === 0 ? 0 : surge;
    const live = pods.filter((p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded');
    // scaling down removes pods at once; only growth is bounded by the surge
    if (live.length > Math.max(replicas + maxSurge, 0) && !scalingDown(sandbox, live.length)) {
      throw new Error(`${live.length} live pods for ${replicas} replicas + ${maxSurge} surge`);
    }
  }
  for (const p of pods) {
    const controllers = (p.metadata.ownerReferences ?? []).filter((o) => o.controller);
    if (controllers.length > 1) throw new Error(`pod ${p.metadata.name} has ${controllers.length} controller owners`);
  }
  const ep = store.get('endpoints', 'default', 'web') as Endpoints | undefined;
  for (const s of ep?.subsets ?? []) {
    for (const a of s.addresses ?? []) {
      const pod = store.get('pods', 'default', a.targetRef?.name ?? '') as Pod | undefined;
      const ready = pod?.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
      if (!ready) throw new Error(`endpoint ${a.ip} belongs to pod ${a.targetRef?.name}, which is not Ready`);
    }
  }
}

/** the pod count fell since the last check: a scale-down or a deletion is in progress */
let lastLive = 0;
function scalingDown(_sandbox: Sandbox, live: number): boolean {
  const down = live <= lastLive;
  lastLive = live;
  return down;
}

describe('rollout budgets', () => {
  it('hold at every instant under random operations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 2, maxLength: 10 }), fc.integer({ min: 1, max: 500 }), async (actions, seed) => {
        const clock = new VirtualClock(START);
        const sandbox = Sandbox.create({ seed, start: START }, clock);
        let session = sandbox.newSession();
        const run = async (line: string) => {
          const r = await sandbox.run(session, line, undefined, { isTTY: false });
          session = r.session;
          expect(r.result.stderr).not.toMatch(/internal error/);
        };
        await run('kubectl create deployment web --image=nginx:1.27 --replicas=4');
        await run('kubectl expose deploy web --port=80');
        lastLive = 0;
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
              checkBudgets(sandbox);
            }
            clock.advanceTo(until);
            sandbox.cluster.step(until);
          } else {
            await run(a);
          }
          checkBudgets(sandbox);
        }
        expect(sandbox.cluster.faults()).toEqual([]);
      }),
      { numRuns: 25 },
    );
  }, 300_000);
});
