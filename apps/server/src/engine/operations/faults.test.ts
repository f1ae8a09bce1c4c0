import { Cluster } from '../cluster';
import type { Pod } from '../api/types';
import { deleteInstance, fillVolume, freeVolume, killContainer, makeImageUnavailable, slowPulls } from './faults';
import { volumesSection } from '../containers/container-fs';

const T0 = Date.UTC(2026, 0, 1);
const S = 1000;

function podSpec(name: string, image = 'nginx'): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'main', image }] } } as Pod;
}

const get = (c: Cluster, name: string) => c.store.get('pods', 'default', name) as Pod;
const events = (c: Cluster, name: string) => c.store.list('events', 'default').filter((e: any) => e.involvedObject.name === name).map((e: any) => e.reason);

describe('fault operations', () => {
  test('a killed container ends with 137 and is restarted by the kubelet', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0, () => c.api.create(podSpec('web')));
    c.step(T0 + 60 * S);
    expect(get(c, 'web').status?.containerStatuses?.[0].state?.running).toBeDefined();
    c.at(T0 + 61 * S, () => killContainer(c, 'default', 'web'));
    c.step(T0 + 70 * S);
    const st = get(c, 'web').status!.containerStatuses![0];
    expect(st.restartCount).toBe(1);
    expect(st.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(st.state?.running).toBeDefined();
  });

  test('an unavailable image fails to pull', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0, () => makeImageUnavailable(c, 'nginx:1.27'));
    c.at(T0, () => c.api.create(podSpec('old', 'nginx:1.27')));
    c.step(T0 + 30 * S);
    expect(get(c, 'old').status?.containerStatuses?.[0].state?.waiting?.reason).toMatch(/ErrImagePull|ImagePullBackOff/);
    expect(events(c, 'old')).toContain('Failed');
  });

  test('slow pulls delay the start of a pod on that node', () => {
    const fast = Cluster.create({ seed: 1, start: T0 });
    const slow = Cluster.create({ seed: 1, start: T0 });
    for (const n of ['master', 'node1', 'node2']) slow.at(T0, () => slowPulls(slow, n, 120 * S));
    for (const c of [fast, slow]) {
      c.at(T0, () => c.api.create(podSpec('web')));
      c.step(T0 + 60 * S);
    }
    expect(get(fast, 'web').status?.phase).toBe('Running');
    expect(get(slow, 'web').status?.phase).toBe('Pending');
    slow.step(T0 + 200 * S);
    expect(get(slow, 'web').status?.phase).toBe('Running');
  });

  test('a deleted cloud instance: the cloud controller manager deletes its Node', () => {
    const c = Cluster.create({ seed: 1, start: T0, shape: 'cloud' });
    c.at(T0, () => deleteInstance(c, 'node2'));
    c.step(T0 + 40 * S);
    expect(c.store.get('nodes', undefined, 'node2')).toBeDefined();
    c.step(T0 + 60 * S);
    expect(c.store.get('nodes', undefined, 'node2')).toBeUndefined();
    const ev = c.store.list('events', 'default').find((e: any) => e.reason === 'DeletingNode') as any;
    expect(ev).toMatchObject({ message: 'Deleting node node2 because it does not exist in the cloud provider', source: { component: 'cloud-node-lifecycle-controller' } });
  });

  test('a filled volume: its free space is taken until it is freed; an emptyDir past its sizeLimit is evicted', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    const withVolume = (name: string, emptyDir: Record<string, string>): Pod =>
      ({ ...podSpec(name), spec: { volumes: [{ name: 'data', emptyDir }], containers: [{ name: 'main', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] } }) as Pod;
    c.at(T0, () => c.api.create(withVolume('free', {})));
    c.at(T0, () => c.api.create(withVolume('limited', { sizeLimit: '1Gi' })));
    c.step(T0 + 30 * S);
    c.at(T0 + 31 * S, () => fillVolume(c, 'default', 'free', 'data'));
    c.at(T0 + 31 * S, () => fillVolume(c, 'default', 'limited', 'data'));
    const filled = volumesSection(c).filled!;
    expect(Object.values(filled).every((n) => n > 20 * 2 ** 30)).toBe(true);
    c.step(T0 + 45 * S);
    expect(get(c, 'free').status?.phase).toBe('Running');
    expect(get(c, 'limited').status).toMatchObject({ phase: 'Failed', reason: 'Evicted', message: 'Usage of EmptyDir volume "data" exceeds the limit "1Gi". ' });
    expect(events(c, 'limited')).toEqual(expect.arrayContaining(['Evicted', 'Killing']));
    c.at(T0 + 46 * S, () => freeVolume(c, 'default', 'free', 'data'));
    expect(Object.keys(volumesSection(c).filled!)).toHaveLength(1);
  });
});

