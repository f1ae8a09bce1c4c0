import { Pod, ReplicaSet } from '../../api/types';
import { T0, activePodsOf, get, makeReady, messages, newCluster, podsOf, replicaSet } from './test-fixtures';

const S = 1000;

describe('replicaset controller', () => {
  test('creates pods named <rs>-<5 chars> with the template labels and a controller reference', () => {
    const c = newCluster();
    const rs = c.at(T0, () => c.api.create(replicaSet('web', 3))) as ReplicaSet;
    const pods = podsOf(c, rs);
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.labels).toEqual({ app: 'web' });
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    }
    expect(messages(c, rs, 'SuccessfulCreate').sort()).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort());
    expect(get<ReplicaSet>(c, 'replicasets', 'web').status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
  });

  test('replaces a deleted pod at once and reports ready and available replicas', () => {
    const c = newCluster();
    const rs = c.at(T0, () => c.api.create(replicaSet('web', 2, { app: 'web' }, { minReadySeconds: 10 }))) as ReplicaSet;
    for (const p of podsOf(c, rs)) makeReady(c, p, T0 + S);
    expect(get<ReplicaSet>(c, 'replicasets', 'web').status).toMatchObject({ replicas: 2, readyReplicas: 2 });
    expect(get<ReplicaSet>(c, 'replicasets', 'web').status?.availableReplicas).toBeUndefined();
    c.step(T0 + 11 * S); // the controller wakes itself when minReadySeconds have passed
    expect(get<ReplicaSet>(c, 'replicasets', 'web').status?.availableReplicas).toBe(2);

    const victim = podsOf(c, rs)[0];
    c.at(T0 + 20 * S, () => c.api.delete('pods', 'default', victim.metadata.name!));
    const after = activePodsOf(c, rs);
    expect(after).toHaveLength(2);
    expect(after.map((p) => p.metadata.name)).not.toContain(victim.metadata.name);
    expect(get<ReplicaSet>(c, 'replicasets', 'web').status).toMatchObject({ replicas: 2, readyReplicas: 1, availableReplicas: 1 });
  });

  test('a pod deleted gracefully (Terminating) is replaced while it still exists', () => {
    const c = newCluster();
    const rs = c.at(T0, () => c.api.create({ ...replicaSet('web', 1), spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } } })) as ReplicaSet;
    c.step(T0 + 60 * S);
    const [first] = podsOf(c, rs);
    expect(first.spec.nodeName).toBeTruthy();
    c.at(T0 + 61 * S, () => c.api.delete('pods', 'default', first.metadata.name!));
    const all = podsOf(c, rs);
    expect(all).toHaveLength(2);
    expect(all.find((p) => p.metadata.name === first.metadata.name)?.metadata.deletionTimestamp).toBeTruthy();
    expect(activePodsOf(c, rs)).toHaveLength(1);
  });

  test('adopts a matching orphan and releases a pod whose labels stop matching', () => {
    const c = newCluster();
    const orphan = c.at(T0, () =>
      c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', namespace: 'default', labels: { app: 'web' } }, spec: { nodeSelector: { nowhere: 'x' }, containers: [{ name: 'a', image: 'nginx' }] } }),
    ) as Pod;
    const rs = c.at(T0 + S, () => c.api.create(replicaSet('web', 2))) as ReplicaSet;
    expect(get<Pod>(c, 'pods', 'stray').metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'web', controller: true });
    expect(podsOf(c, rs)).toHaveLength(2);
    expect(messages(c, rs, 'SuccessfulCreate')).toHaveLength(1);

    c.at(T0 + 2 * S, () => {
      const p = structuredClone(get<Pod>(c, 'pods', 'stray'));
      p.metadata.labels = { app: 'debug' };
      c.api.update(p);
    });
    expect(get<Pod>(c, 'pods', 'stray').metadata.ownerReferences).toBeUndefined();
    expect(podsOf(c, rs).map((p) => p.metadata.name)).not.toContain(orphan.metadata.name);
    expect(activePodsOf(c, rs)).toHaveLength(2);
  });

  test('creates in slow-start batches and stops a batch at the first refusal (FailedCreate, ReplicaFailure)', () => {
    const probe = newCluster();
    const systemPods = probe.store.countOf('pods');
    const c = newCluster({ maxPods: systemPods + 3 });
    const rs = c.at(T0, () => c.api.create(replicaSet('web', 10))) as ReplicaSet;
    // batches of 1 and 2 succeed; the batch of 4 is refused
    expect(podsOf(c, rs)).toHaveLength(3);
    const failed = messages(c, rs, 'FailedCreate');
    expect(failed.length).toBeGreaterThanOrEqual(1);
    expect(failed[0]).toMatch(/^Error creating: pods "web-[a-z0-9]{5}" is forbidden: exceeded quota: cluster-limits, requested: pods=1, used: pods=\d+, limited: pods=\d+$/);
    const cond = get<ReplicaSet>(c, 'replicasets', 'web').status?.conditions?.[0];
    expect(cond).toMatchObject({ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate' });
    expect(cond?.message).toContain('exceeded quota');

    // scaling down to what fits clears the condition
    c.at(T0 + 10 * S, () => {
      const cur = structuredClone(get<ReplicaSet>(c, 'replicasets', 'web'));
      cur.spec.replicas = 3;
      c.api.update(cur);
    });
    expect(get<ReplicaSet>(c, 'replicasets', 'web').status?.conditions).toBeUndefined();
  });

  test('scales down the least valuable pods first: unready before ready, then the newest', () => {
    const c = newCluster();
    const rs = c.at(T0, () => c.api.create(replicaSet('web', 2))) as ReplicaSet;
    const [a, b] = podsOf(c, rs);
    makeReady(c, a, T0 + 100 * S);
    makeReady(c, b, T0 + 100 * S);
    c.at(T0 + 200 * S, () => {
      const cur = structuredClone(get<ReplicaSet>(c, 'replicasets', 'web'));
      cur.spec.replicas = 4;
      c.api.update(cur);
    });
    const fresh = podsOf(c, rs).filter((p) => p.metadata.name !== a.metadata.name && p.metadata.name !== b.metadata.name);
    expect(fresh).toHaveLength(2);
    makeReady(c, fresh[0], T0 + 300 * S);
    c.at(T0 + 400 * S, () => {
      const cur = structuredClone(get<ReplicaSet>(c, 'replicasets', 'web'));
      cur.spec.replicas = 2;
      c.api.update(cur);
    });
    const left = podsOf(c, rs).map((p) => p.metadata.name).sort();
    // the unready pod goes first, then the one ready for the shortest time
    expect(left).toEqual([a.metadata.name, b.metadata.name].sort());
    expect(messages(c, rs, 'SuccessfulDelete').sort()).toEqual(fresh.map((p) => `Deleted pod: ${p.metadata.name}`).sort());
  });

  test('does not adopt or create while the ReplicaSet is being deleted in the foreground', () => {
    const c = newCluster();
    c.at(T0, () => c.api.create(replicaSet('web', 2)));
    c.at(T0 + S, () => c.api.delete('replicasets', 'default', 'web', { propagationPolicy: 'Foreground' }));
    expect(c.store.get('replicasets', 'default', 'web')).toBeUndefined();
    expect(c.store.list('pods', 'default')).toHaveLength(0);
  });
});
