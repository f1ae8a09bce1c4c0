import { Pod } from '../../api/types';
import { Random, seedRandom } from '../../random';
import { rfc3339 } from '../../time';
import { deletionCost, logRank, podsToDelete } from './pod-ranking';
import { T0 } from './test-fixtures';

const S = 1000;
const NOW = T0 + 3600 * S;

interface Shape {
  node?: string;
  phase?: string;
  /** seconds since the pod became Ready; false: not ready; null: ready with no transition time */
  readyFor?: number | false | null;
  cost?: string;
  restarts?: number;
  sidecarRestarts?: number;
  /** seconds since creation */
  age?: number;
  uid?: string;
  deleting?: boolean;
}

let serial = 0;

function pod(name: string, s: Shape = {}): Pod {
  const readyFor = s.readyFor === undefined ? 1000 : s.readyFor;
  const ready = readyFor !== false;
  const sidecar = s.sidecarRestarts !== undefined;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: s.uid ?? `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`,
      creationTimestamp: rfc3339(NOW - (s.age ?? 2000) * S),
      ...(s.cost !== undefined ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': s.cost } } : {}),
      ...(s.deleting ? { deletionTimestamp: rfc3339(NOW) } : {}),
    },
    spec: {
      ...(s.node === '' ? {} : { nodeName: s.node ?? 'node1' }),
      ...(sidecar ? { initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always' }, { name: 'setup', image: 'busybox' }] } : {}),
      containers: [{ name: 'app', image: 'nginx' }],
    },
    status: {
      phase: s.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', ...(typeof readyFor === 'number' ? { lastTransitionTime: rfc3339(NOW - readyFor * S) } : {}) }],
      containerStatuses: [{ name: 'app', ready, restartCount: s.restarts ?? 0, image: 'nginx', imageID: '', state: {}, lastState: {} }],
      ...(sidecar
        ? {
            initContainerStatuses: [
              { name: 'proxy', ready: true, restartCount: s.sidecarRestarts, image: 'envoy', imageID: '', state: {}, lastState: {} },
              // a plain init container's restarts do not count
              { name: 'setup', ready: true, restartCount: 50, image: 'busybox', imageID: '', state: {}, lastState: {} },
            ],
          }
        : {}),
    },
  } as Pod;
}

const rng = (seed = 1): Random => new Random(seedRandom(seed));
const names = (pods: Pod[]): string[] => pods.map((p) => p.metadata.name!);

/** the first victim of `pods`, whatever their order and the seed */
function firstVictim(pods: Pod[], related: Pod[] = pods): string {
  const seen = new Set<string>();
  for (let seed = 1; seed <= 4; seed++) {
    seen.add(names(podsToDelete(pods, related, 1, NOW, rng(seed)))[0]);
    seen.add(names(podsToDelete([...pods].reverse(), related, 1, NOW, rng(seed)))[0]);
  }
  expect(seen.size).toBe(1);
  return [...seen][0];
}

describe('scale-down victims (ActivePodsWithRanks)', () => {
  // Each case: `victim` goes first by its rule although every later rule would pick `keeper`.
  const cases: [string, Shape, Shape][] = [
    ['1. unassigned before assigned', { node: '', phase: 'Running', cost: '100', restarts: 0, age: 4000 }, { phase: 'Pending', readyFor: false, cost: '-100', restarts: 9, age: 1 }],
    ['2. Pending before Running', { phase: 'Pending', readyFor: 10, cost: '100', age: 4000 }, { phase: 'Running', readyFor: false, cost: '-100', restarts: 9, age: 1 }],
    ['2. Pending before Unknown', { phase: 'Pending', cost: '100', age: 4000 }, { phase: 'Unknown', readyFor: false, cost: '-100', restarts: 9, age: 1 }],
    ['2. Unknown before Running', { phase: 'Unknown', cost: '100', age: 4000 }, { phase: 'Running', readyFor: false, cost: '-100', restarts: 9, age: 1 }],
    ['3. not ready before ready', { readyFor: false, cost: '100', age: 4000 }, { readyFor: 1, cost: '-100', restarts: 9, age: 1 }],
    ['4. lower deletion cost first', { cost: '-1', readyFor: 3000, age: 4000 }, { cost: '1', node: 'node2', readyFor: 1, restarts: 9, age: 1 }],
    ['4. no annotation is cost 0', { readyFor: 3000, age: 4000 }, { cost: '1', readyFor: 1, restarts: 9, age: 1 }],
    ['6. ready for less time first', { readyFor: 10, age: 4000 }, { readyFor: 1000, restarts: 9, age: 1000 }],
    ['6. ready with no transition time first', { readyFor: null, age: 4000 }, { readyFor: 1, restarts: 9, age: 1 }],
    ['7. more container restarts first', { restarts: 3, age: 4000 }, { restarts: 1, age: 1 }],
    ['7. then more sidecar restarts', { restarts: 1, sidecarRestarts: 2, age: 4000 }, { restarts: 1, sidecarRestarts: 0, age: 1 }],
    ['8. newer first', { age: 10 }, { age: 1000 }],
  ];
  it.each(cases)('%s', (_rule, victim, keeper) => {
    expect(firstVictim([pod('keeper', keeper), pod('victim', victim)])).toBe('victim');
  });

  it('5. deletes from the node crowded with the owner’s pods (those of every ReplicaSet of the Deployment)', () => {
    const victim = pod('victim', { node: 'node1', readyFor: 3000, age: 4000 });
    const keeper = pod('keeper', { node: 'node2', readyFor: 1, restarts: 9, age: 1 });
    // an older ReplicaSet's pod shares node1; a finished one and a terminating one on node2 do not count
    const related = [victim, keeper, pod('old-rs', { node: 'node1' }), pod('done', { node: 'node2', phase: 'Succeeded' }), pod('going', { node: 'node2', deleting: true })];
    expect(firstVictim([keeper, victim], related)).toBe('victim');
    // without the sibling, the ranks are equal and the shorter ready time decides
    expect(firstVictim([keeper, victim], [victim, keeper])).toBe('keeper');
  });

  it('buckets ready times by log2 of the nanoseconds: 100 s and 120 s tie (the uid decides), 100 s and 300 s do not', () => {
    // 2^36 ns = 68.7 s, 2^37 ns = 137.4 s, 2^38 ns = 274.9 s
    expect([logRank(100 * S), logRank(120 * S), logRank(300 * S), logRank(0), logRank(-5)]).toEqual([36, 36, 38, -1, -1]);
    const a = { uid: 'aaaaaaaa-0000-4000-8000-000000000000' };
    const z = { uid: 'zzzzzzzz-0000-4000-8000-000000000000' };
    // same bucket: the smaller uid goes first, before restart counts are looked at
    expect(firstVictim([pod('ready100', { readyFor: 100, ...a }), pod('ready120', { readyFor: 120, restarts: 5, ...z })])).toBe('ready100');
    expect(firstVictim([pod('ready100', { readyFor: 100, restarts: 5, ...z }), pod('ready120', { readyFor: 120, ...a })])).toBe('ready120');
    // different buckets: the shorter ready time, whatever the uids
    expect(firstVictim([pod('ready100', { readyFor: 100, ...z }), pod('ready300', { readyFor: 300, restarts: 5, ...a })])).toBe('ready100');
  });

  it('buckets creation times the same way after the restart counts', () => {
    const a = { uid: 'aaaaaaaa-0000-4000-8000-000000000000' };
    const z = { uid: 'zzzzzzzz-0000-4000-8000-000000000000' };
    expect(firstVictim([pod('new', { age: 100, ...z }), pod('old', { age: 120, ...a })])).toBe('old');
    expect(firstVictim([pod('new', { age: 100, ...z }), pod('old', { age: 300, ...a })])).toBe('new');
    // restart counts are compared as they are, not in buckets
    expect(firstVictim([pod('r2', { restarts: 2, age: 1000 }), pod('r3', { restarts: 3, age: 1000 })])).toBe('r3');
  });

  it('reads the deletion cost as upstream does: an int32 without plus sign or leading zero, else 0', () => {
    const cost = (v: string): number => deletionCost(pod('p', { cost: v }));
    expect(['10', '-5', '0', '-0', '2147483647', '-2147483648'].map(cost)).toEqual([10, -5, 0, 0, 2147483647, -2147483648]);
    expect(['+10', '008', '1.5', '1e3', '10abc', '', '-', '2147483648', ' 5'].map(cost)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(deletionCost(pod('p'))).toBe(0);
  });

  it('orders a whole set by the rules, several victims at once', () => {
    const pods = [
      pod('running-old', { readyFor: 3000, age: 4000 }),
      pod('pending', { phase: 'Pending', readyFor: false, node: '' }),
      pod('not-ready', { readyFor: false }),
      pod('restarted', { readyFor: 3000, age: 4000, restarts: 4 }),
      pod('fresh', { readyFor: 30, age: 40 }),
    ];
    expect(names(podsToDelete(pods, pods, 4, NOW, rng()))).toEqual(['pending', 'not-ready', 'fresh', 'restarted']);
  });

  it('breaks full ties with the seeded source: the same seed the same victims, other seeds others', () => {
    // six pods created in the same second, not ready yet, alike in everything but their uids
    const pods = Array.from({ length: 6 }, (_, i) => pod(`p${i}`, { readyFor: false, age: 200, uid: `uid-${i}` }));
    const pick = (seed: number): string[] => names(podsToDelete(pods, pods, 3, NOW, rng(seed)));
    expect(pick(7)).toEqual(pick(7));
    const results = new Set(Array.from({ length: 10 }, (_, i) => pick(i + 1).join(',')));
    expect(results.size).toBeGreaterThan(1);
  });

  it('takes every pod, in order and without drawing, when all are to go', () => {
    const pods = [pod('a'), pod('b', { phase: 'Pending' })];
    const r = rng(3);
    const before = r.state();
    expect(names(podsToDelete(pods, pods, 2, NOW, r))).toEqual(['a', 'b']);
    expect(r.state()).toEqual(before);
  });
});
