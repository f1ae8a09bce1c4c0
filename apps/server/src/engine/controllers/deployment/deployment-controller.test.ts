import { Cluster } from '../../cluster';
import { Deployment, Pod, ReplicaSet } from '../../api/types';
import { isPodAvailable } from '../replicaset/pod-utils';
import { T0, activePodsOf, deployment, get, makeReady, messages, newCluster, podsOf } from '../replicaset/test-fixtures';

const S = 1000;

function replicaSetsOf(c: Cluster, d: Deployment): ReplicaSet[] {
  return (c.store.list('replicasets', 'default') as ReplicaSet[]).filter((rs) => rs.metadata.ownerReferences?.[0]?.uid === d.metadata.uid);
}

function allPods(c: Cluster, d: Deployment): Pod[] {
  return replicaSetsOf(c, d).flatMap((rs) => activePodsOf(c, rs));
}

function edit(c: Cluster, at: number, name: string, fn: (d: Deployment) => void): void {
  c.at(at, () => {
    const d = structuredClone(get<Deployment>(c, 'deployments', name));
    fn(d);
    c.api.update(d);
  });
}

function setImage(c: Cluster, at: number, name: string, image: string): void {
  edit(c, at, name, (d) => {
    d.spec.template.spec.containers[0].image = image;
  });
}

/** Makes every not-yet-ready pod of the deployment ready, one step. */
function readyAll(c: Cluster, d: Deployment, at: number): void {
  for (const p of allPods(c, d)) if (!p.status?.conditions?.some((x) => x.type === 'Ready')) makeReady(c, p, at);
}

function condition(c: Cluster, name: string, type: string) {
  return get<Deployment>(c, 'deployments', name).status?.conditions?.find((x) => x.type === type);
}

describe('deployment controller', () => {
  test('creates <name>-<hash> with the hash on labels, selector and template, and the revision annotations', () => {
    const c = newCluster();
    const d = c.at(T0, () => c.api.create(deployment('web', 3))) as Deployment;
    const [rs] = replicaSetsOf(c, d);
    const hash = rs.metadata.labels!['pod-template-hash'];
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(hash).toMatch(/^[456789bcdf]{1,10}$/);
    expect(rs.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec.template.metadata?.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      'deployment.kubernetes.io/revision': '1',
    });
    expect(rs.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment', name: 'web', controller: true, blockOwnerDeletion: true });
    expect(get<Deployment>(c, 'deployments', 'web').metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(podsOf(c, rs)).toHaveLength(3);
    expect(messages(c, d, 'ScalingReplicaSet')).toEqual([`Scaled up replica set ${rs.metadata.name} from 0 to 3`]);
    expect(condition(c, 'web', 'Progressing')).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${rs.metadata.name}" is progressing.` });
    expect(condition(c, 'web', 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' });

    readyAll(c, d, T0 + 5 * S);
    const status = get<Deployment>(c, 'deployments', 'web').status!;
    expect(status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(status.unavailableReplicas).toBeUndefined();
    expect(status.conditions!.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rs.metadata.name}" has successfully progressed.`],
    ]);
  });

  test('the same template always gets the same ReplicaSet name', () => {
    const a = newCluster();
    const b = newCluster();
    a.at(T0, () => a.api.create(deployment('web', 1)));
    b.at(T0 + 77 * S, () => b.api.create(deployment('web', 1)));
    const names = (c: Cluster) => c.store.list('replicasets', 'default').map((rs) => rs.metadata.name);
    expect(names(a)).toEqual(names(b));
  });

  test('a rolling update never exceeds replicas + maxSurge pods nor drops below replicas - maxUnavailable available', () => {
    const c = newCluster();
    const d = c.at(T0, () => c.api.create(deployment('web', 4, { minReadySeconds: 5 }))) as Deployment;
    readyAll(c, d, T0 + S);
    c.step(T0 + 10 * S);
    setImage(c, T0 + 20 * S, 'web', 'nginx:1.28');
    let t = T0 + 20 * S;
    const newRsName = () => replicaSetsOf(c, d).find((rs) => rs.spec.template.spec.containers[0].image === 'nginx:1.28')!.metadata.name!;
    for (let round = 0; round < 20; round++) {
      const pods = allPods(c, d);
      expect(pods.length).toBeLessThanOrEqual(4 + 1);
      expect(pods.filter((p) => isPodAvailable(p, 5, c.now)).length).toBeGreaterThanOrEqual(4 - 1);
      if (get<Deployment>(c, 'deployments', 'web').status?.updatedReplicas === 4 && pods.length === 4 && pods.every((p) => isPodAvailable(p, 5, c.now))) break;
      t += 3 * S;
      readyAll(c, d, t);
      t += 3 * S;
      c.step(t);
    }
    const rss = replicaSetsOf(c, d);
    expect(rss).toHaveLength(2);
    const newRs = rss.find((rs) => rs.metadata.name === newRsName())!;
    const oldRs = rss.find((rs) => rs !== newRs)!;
    expect(newRs.spec.replicas).toBe(4);
    expect(oldRs.spec.replicas).toBe(0);
    expect(newRs.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(get<Deployment>(c, 'deployments', 'web').metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(condition(c, 'web', 'Progressing')?.reason).toBe('NewReplicaSetAvailable');
    const events = messages(c, d, 'ScalingReplicaSet');
    expect(events[1]).toBe(`Scaled up replica set ${newRs.metadata.name} from 0 to 1`);
    expect(events).toContain(`Scaled down replica set ${oldRs.metadata.name} from 4 to 3`);
    expect(events[events.length - 1]).toMatch(new RegExp(`^Scaled (down replica set ${oldRs.metadata.name} from \\d+ to 0|up replica set ${newRs.metadata.name} from \\d+ to 4)$`));
  });

  test('rolling back to an earlier template reuses its ReplicaSet and moves it to the newest revision', () => {
    const c = newCluster();
    const d = c.at(T0, () => c.api.create(deployment('web', 2, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 2, maxUnavailable: 2 } } }))) as Deployment;
    const first = replicaSetsOf(c, d)[0].metadata.name;
    setImage(c, T0 + 10 * S, 'web', 'nginx:1.28');
    setImage(c, T0 + 20 * S, 'web', 'nginx:1.27');
    const rss = replicaSetsOf(c, d);
    expect(rss).toHaveLength(2);
    const back = rss.find((rs) => rs.metadata.name === first)!;
    expect(back.spec.replicas).toBe(2);
    expect(back.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(back.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(get<Deployment>(c, 'deployments', 'web').metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
  });

  test('Recreate scales the old ReplicaSet to zero and creates the new one once its pods are gone', () => {
    const c = newCluster();
    const d = c.at(T0, () =>
      c.api.create({
        ...deployment('web', 2, { strategy: { type: 'Recreate' } }),
        spec: { replicas: 2, strategy: { type: 'Recreate' }, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } },
      }),
    ) as Deployment;
    c.step(T0 + 60 * S);
    const [old] = replicaSetsOf(c, d);
    expect(activePodsOf(c, old).every((p) => p.status?.phase === 'Running')).toBe(true);
    setImage(c, T0 + 61 * S, 'web', 'nginx:1.28');
    // the old pods terminate gracefully; meanwhile there is no new ReplicaSet
    expect(get<ReplicaSet>(c, 'replicasets', old.metadata.name!).spec.replicas).toBe(0);
    expect(replicaSetsOf(c, d)).toHaveLength(1);
    expect(podsOf(c, old).every((p) => p.metadata.deletionTimestamp)).toBe(true);
    c.step(T0 + 200 * S);
    const rss = replicaSetsOf(c, d);
    expect(rss).toHaveLength(2);
    const fresh = rss.find((rs) => rs.metadata.name !== old.metadata.name)!;
    expect(fresh.spec.replicas).toBe(2);
    expect(podsOf(c, old)).toHaveLength(0);
    expect(messages(c, d, 'ScalingReplicaSet').slice(1)).toEqual([`Scaled down replica set ${old.metadata.name} from 2 to 0`, `Scaled up replica set ${fresh.metadata.name} from 0 to 2`]);
  });

  test('a rollout that makes no progress ends in ProgressDeadlineExceeded while the old pods keep serving', () => {
    const c = newCluster();
    const d = c.at(T0, () => c.api.create(deployment('web', 2, { progressDeadlineSeconds: 30 }))) as Deployment;
    readyAll(c, d, T0 + S);
    setImage(c, T0 + 10 * S, 'web', 'nginx:does-not-exist');
    const newRs = replicaSetsOf(c, d).find((rs) => rs.spec.template.spec.containers[0].image === 'nginx:does-not-exist')!;
    c.step(T0 + 39 * S);
    expect(condition(c, 'web', 'Progressing')?.reason).toBe('ReplicaSetUpdated');
    c.step(T0 + 42 * S);
    expect(condition(c, 'web', 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${newRs.metadata.name}" has timed out progressing.` });
    expect(condition(c, 'web', 'Available')?.status).toBe('True');
    expect(allPods(c, d).filter((p) => isPodAvailable(p, 0, c.now))).toHaveLength(2);
  });

  test('revisionHistoryLimit keeps only that many old ReplicaSets; change-cause is copied', () => {
    const c = newCluster();
    const d = c.at(T0, () => c.api.create(deployment('web', 1, { revisionHistoryLimit: 1, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } } }))) as Deployment;
    for (let i = 1; i <= 3; i++) {
      edit(c, T0 + i * 10 * S, 'web', (x) => {
        x.metadata.annotations = { ...(x.metadata.annotations ?? {}), 'kubernetes.io/change-cause': `image ${i}` };
        x.spec.template.spec.containers[0].image = `nginx:1.${20 + i}`;
      });
      readyAll(c, d, T0 + i * 10 * S + 2 * S);
    }
    const rss = replicaSetsOf(c, d);
    expect(rss.map((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision']).sort()).toEqual(['3', '4']);
    const newest = rss.find((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === '4')!;
    expect(newest.metadata.annotations?.['kubernetes.io/change-cause']).toBe('image 3');
  });

  test('paused: no rollout, scaling stays proportional; resume rolls out', () => {
    const c = newCluster();
    const d = c.at(T0, () => c.api.create(deployment('web', 3))) as Deployment;
    readyAll(c, d, T0 + S);
    edit(c, T0 + 10 * S, 'web', (x) => {
      x.spec.paused = true;
      x.spec.template.spec.containers[0].image = 'nginx:1.28';
    });
    expect(replicaSetsOf(c, d)).toHaveLength(1);
    expect(condition(c, 'web', 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    edit(c, T0 + 20 * S, 'web', (x) => {
      x.spec.replicas = 5;
    });
    expect(replicaSetsOf(c, d)[0].spec.replicas).toBe(5);
    edit(c, T0 + 30 * S, 'web', (x) => {
      x.spec.paused = false;
    });
    expect(replicaSetsOf(c, d)).toHaveLength(2);
    expect(condition(c, 'web', 'Progressing')?.reason).toBe('ReplicaSetUpdated');
  });

  test('an old ReplicaSet whose status still counts pods it was scaled away from is not scaled back up', () => {
    // 3 replicas, maxSurge 0, maxUnavailable 1; a stuck rollout (old 2 available, new 1 never ready),
    // then a scale to 1: proportional scaling sets old 2 -> 1 and new 1 -> 0; the next sync still
    // sees the old ReplicaSet's status of 2 available. cleanupUnhealthyReplicas would "scale it
    // down" to 2: the real controller refuses (an invalid request to scale down 1 -> 2) and gives up
    // the pass; the old ReplicaSet goes to 0 once its status is current.
    const c = newCluster();
    const d = c.at(T0, () => c.api.create(deployment('web', 3, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } } }))) as Deployment;
    readyAll(c, d, T0 + S);
    const [old] = replicaSetsOf(c, d);
    setImage(c, T0 + 10 * S, 'web', 'nginx:1.28');
    const fresh = replicaSetsOf(c, d).find((rs) => rs.metadata.uid !== old.metadata.uid)!;
    expect([get<ReplicaSet>(c, 'replicasets', old.metadata.name!).spec.replicas, get<ReplicaSet>(c, 'replicasets', fresh.metadata.name!).spec.replicas]).toEqual([2, 1]);
    edit(c, T0 + 20 * S, 'web', (x) => {
      x.spec.replicas = 1;
    });
    expect(messages(c, d, 'ScalingReplicaSet').slice(3)).toEqual([
      `Scaled down replica set ${old.metadata.name} from 2 to 1`,
      `Scaled down replica set ${fresh.metadata.name} from 1 to 0`,
      `Scaled down replica set ${old.metadata.name} from 1 to 0`,
    ]);
    // the new ReplicaSet then goes back to 1 (the same message as its first scale-up: one Event, counted twice)
    expect([get<ReplicaSet>(c, 'replicasets', old.metadata.name!).spec.replicas, get<ReplicaSet>(c, 'replicasets', fresh.metadata.name!).spec.replicas]).toEqual([0, 1]);
  });

  test('scaling during a rollout is proportional across the ReplicaSets', () => {
    const c = newCluster();
    const d = c.at(T0, () => c.api.create(deployment('web', 10, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } } }))) as Deployment;
    readyAll(c, d, T0 + S);
    setImage(c, T0 + 10 * S, 'web', 'nginx:1.28');
    const sizes = () => replicaSetsOf(c, d).map((rs) => rs.spec.replicas).sort((a, b) => a! - b!);
    expect(sizes()).toEqual([5, 8]); // 13 = 10 + surge 3; old scaled down by maxUnavailable 2
    edit(c, T0 + 20 * S, 'web', (x) => {
      x.spec.replicas = 20;
    });
    // 13 → 23 (20 + 3): the 10 extra shared 8:5
    expect(sizes()).toEqual([9, 14]);
  });
});
