// Engine benchmarks (issue 2): on a cluster with 10 workers.

import { Cluster } from '../apps/server/src/engine/cluster';
import { StoredCluster } from '../apps/server/src/engine/cluster-state';
import { Deployment, KubeObject, Pod } from '../apps/server/src/engine/api/types';
import { clone } from '../apps/server/src/engine/api/store';
import { Sandbox, VirtualClock } from '../apps/server/src/engine/sandbox';
import { runKubectl } from '../apps/server/src/engine/kubectl/kubectl';
import { Figure, collectGarbage, measure, measureAsync } from './harness';

const START = Date.UTC(2026, 0, 1);

function pod(name: string, image = 'nginx'): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: 'bench' } }, spec: { containers: [{ name: 'c', image }] } };
}

function running(c: Cluster, names: string[]): boolean {
  return names.every((n) => (c.store.get('pods', 'default', n) as Pod | undefined)?.status?.phase === 'Running');
}

/** steps to the next transitions until `done` or nothing is left */
function runUntil(c: Cluster, done: () => boolean): void {
  for (let i = 0; i < 10_000 && !done(); i++) {
    const next = c.nextTransitionAt();
    if (next === undefined) return;
    c.step(next);
  }
}

/**
 * What writing to a page of memory the process has never used costs, in µs: the kernel (and on
 * a virtual machine, the host) must provide the page. 64 MiB are mapped fresh (a buffer that
 * size is always its own mapping) and one byte written per page.
 */
function firstTouchMicros(): number {
  const pages = 16_384;
  const buffer = Buffer.allocUnsafeSlow(pages * 4096);
  const t0 = performance.now();
  for (let i = 0; i < buffer.length; i += 4096) buffer[i] = 1;
  return ((performance.now() - t0) * 1000) / pages;
}

export async function engineBenchmarks(): Promise<Figure[]> {
  const figures: Figure[] = [];
  // the default limits (500 pods) protect a classroom server; the benchmark raises them
  // a cluster as the server gets one: made with a seed of its own (the server draws one per
  // cluster, so no two share uids or names), stored, then decoded and loaded (its equal parts
  // shared with the other loaded clusters, as every resident cluster's are)
  let seed = 0;
  const fresh = (): Cluster => {
    const made = Sandbox.create({ seed: ++seed, start: START, options: { workers: 10, limits: { maxPods: 2000, maxObjects: 10_000 } } });
    return Sandbox.load(JSON.parse(JSON.stringify(made.serialize())) as StoredCluster, new VirtualClock(START)).cluster;
  };

  // 1. three pods, created and reconciled to Running: on 100 clusters untimed first (a server
  // has run this path many times before; the first runs after process start measure the JIT),
  // then the median over 100 others
  {
    const threePods = (c: Cluster): void => {
      const names = ['a', 'b', 'c'];
      c.at(c.now, () => names.forEach((n) => c.api.create(pod(n))));
      runUntil(c, () => running(c, names));
      if (!running(c, names)) throw new Error('pods did not reach Running');
    };
    for (let k = 0; k < 100; k++) threePods(fresh());
    const clusters = Array.from({ length: 100 }, fresh);
    let i = 0;
    const r = measure(() => threePods(clusters[i++]), clusters.length);
    figures.push({ name: 'create and reconcile 3 pods to Running (median of 100)', value: r.median, unit: 'ms', target: '< 1 ms', ok: r.median < 1 });
  }

  // 2. 1,000 pods scheduled and started
  collectGarbage();
  let big: Cluster;
  {
    const names = Array.from({ length: 1000 }, (_, k) => `p${k}`);
    const startAll = (c: Cluster): number => {
      const t0 = performance.now();
      c.at(c.now, () => names.forEach((n) => c.api.create(pod(n))));
      runUntil(c, () => running(c, names));
      const ms = performance.now() - t0;
      if (!running(c, names)) throw new Error('1,000 pods did not reach Running');
      return ms;
    };
    // the same work four times, untimed, on other clusters first: a long-running server has its
    // hot paths compiled, and the first runs after process start measure the JIT as much as the
    // engine (printed run by run, the first four were 1.3-2 times slower than the ones after, the
    // optimizing compiler having not yet caught up); then the median of five runs (a run takes
    // long enough for the machine's swings to show)
    for (let k = 0; k < 4; k++) startAll(fresh());
    // each run's cluster is let go as the next is made (holding all five only grew the heap the
    // later runs collect in); the last is kept for the next figure
    const times: number[] = [];
    // the page faults of each timed run: on this kind of virtual machine, the first touch of a
    // page the process has not used before costs far more than the engine's work on it, and
    // whether a run's new objects land on such pages depends on the collector's state (the
    // figure is measured with them, and the counts show how many there were)
    const faults: number[] = [];
    for (let k = 0; k < 5; k++) {
      const c = fresh();
      const before = process.resourceUsage().minorPageFault;
      times.push(startAll(c));
      faults.push(process.resourceUsage().minorPageFault - before);
    }
    times.sort((a, b) => a - b);
    faults.sort((a, b) => a - b);
    const ms = times[2];
    figures.push(
      { name: 'schedule and start 1,000 pods (median of 5)', value: ms, unit: 'ms', target: '< 100 ms', ok: ms < 100 },
      { name: '  fastest of the five', value: times[0], unit: 'ms' },
      { name: '  slowest of the five', value: times[4], unit: 'ms' },
      { name: `  page faults per run, median (fewest ${faults[0]}, most ${faults[4]})`, value: faults[2], unit: 'faults' },
    );
    // one more run, untimed, between two full collections: the heap its cluster holds (that run's
    // objects are what the timed runs had to promote); its cluster is the next figure's
    big = fresh();
    collectGarbage();
    const held0 = process.memoryUsage().heapUsed;
    startAll(big);
    collectGarbage();
    const bytesPerPod = (process.memoryUsage().heapUsed - held0) / names.length;
    figures.push(
      { name: '  JS heap held per started pod (pod, its Events, the kubelet\'s state)', value: bytesPerPod / 1024, unit: 'kB' },
      { name: '  first write to a fresh 4 KiB page of memory on this machine (mean over 16,384)', value: firstTouchMicros(), unit: 'µs' },
    );
  }

  collectGarbage();
  // 3. kubectl get pods over 1,000 pods
  {
    const sandbox = Sandbox.load(big.serialize(), new VirtualClock(big.now));
    const session = sandbox.newSession();
    // warm the parser, then time the kubectl call itself
    await sandbox.run(session, 'kubectl get pods', undefined, { isTTY: false });
    const fs = sandbox.hosts.master;
    let out = 0;
    const r = await measureAsync(async () => {
      await runKubectl(['get', 'pods'], {
        cluster: sandbox.cluster,
        stdin: '',
        out: (t) => (out += t.length),
        err: () => undefined,
        fs: new (await import('../apps/server/src/engine/shell/user-fs')).UserFs(fs.fs, 'student', '/home/student', sandbox.cluster.now),
        env: { HOME: '/home/student' },
        user: 'student',
        host: 'master',
        isTTY: false,
        signal: { aborted: false, onAbort: () => () => undefined },
        now: () => sandbox.cluster.now,
        sleep: () => undefined,
        virtualTime: true,
      });
    }, 30);
    figures.push({ name: '`kubectl get pods` over 1,000 pods (median)', value: r.median, unit: 'ms', target: '< 10 ms', ok: r.median < 10 });
  }

  collectGarbage();
  // 4. a cluster idle for 30 days with a crash-looping pod
  {
    const c = fresh();
    c.at(c.now, () => c.api.create(pod('crash', 'busybox')));
    c.step(c.now + 20 * 60_000); // into the 5-minute back-off cap
    const t0 = performance.now();
    c.step(c.now + 30 * 24 * 3600_000);
    const ms = performance.now() - t0;
    const p = c.store.get('pods', 'default', 'crash') as Pod;
    figures.push({ name: `catch up 30 idle days with a crash-looping pod (restarts: ${p.status?.containerStatuses?.[0]?.restartCount})`, value: ms, unit: 'ms', target: '< 20 ms', ok: ms < 20 });
  }

  collectGarbage();
  // 5. a rolling update of 100 replicas to completion (engine time only); as in 2, the same
  // rollout runs untimed on other clusters first, so the JIT's warm-up is not counted, then the
  // median of five
  const rollouts: number[] = [];
  for (let k = 0; k < 8; k++) {
    const timed = k >= 3;
    const c = fresh();
    const deployment = (image: string): KubeObject => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 100, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } } },
    });
    const complete = (image: string): boolean => {
      const d = c.store.get('deployments', 'default', 'web') as Deployment | undefined;
      const s = d?.status;
      const pods = c.store.list('pods', 'default') as Pod[];
      return (
        !!s &&
        d!.metadata.generation === s.observedGeneration &&
        s.updatedReplicas === 100 &&
        s.availableReplicas === 100 &&
        s.replicas === 100 &&
        pods.length === 100 &&
        pods.every((p) => p.spec.containers[0].image === image && p.status?.phase === 'Running')
      );
    };
    c.at(c.now, () => c.api.create(deployment('nginx:1.26')));
    runUntil(c, () => complete('nginx:1.26'));
    if (!complete('nginx:1.26')) throw new Error('deployment did not become available');
    const t0 = performance.now();
    c.at(c.now, () => {
      const d = clone(c.store.get('deployments', 'default', 'web')!) as Deployment;
      d.spec!.template.spec!.containers[0].image = 'nginx:1.27';
      c.api.update(d);
    });
    runUntil(c, () => complete('nginx:1.27'));
    const ms = performance.now() - t0;
    if (!complete('nginx:1.27')) throw new Error('rolling update did not complete');
    if (timed) rollouts.push(ms);
  }
  {
    const ms = rollouts.sort((a, b) => a - b)[2];
    figures.push({ name: 'rolling update of 100 replicas to completion (median of 5)', value: ms, unit: 'ms', target: '< 50 ms', ok: ms < 50 });
  }

  // 6. serialized size of a typical lesson cluster
  {
    const sandbox = Sandbox.create({ seed: 1, start: START }, new VirtualClock(START));
    let session = sandbox.newSession();
    for (const line of ['kubectl create deployment web --image=nginx --replicas=3', 'kubectl expose deployment web --port=80', 'kubectl run db --image=mariadb --env=MARIADB_ROOT_PASSWORD=x', 'sleep 120']) {
      session = (await sandbox.run(session, line, undefined, { isTTY: false })).session;
    }
    const bytes = JSON.stringify(sandbox.serialize()).length;
    figures.push({ name: 'serialized size of a typical lesson cluster', value: bytes / 1024, unit: 'kB', target: '< 100 kB', ok: bytes < 100 * 1024 });
  }
  return figures;
}
