import { Cluster } from '../cluster';
import type { KubeEvent, Pod } from '../api/types';
import { deleteInstance, fillVolume, freeVolume, killContainer, makeImageUnavailable, slowPulls } from './faults';
import { volumesSection } from '../containers/container-fs';

const T0 = Date.UTC(2026, 0, 1);
const S = 1000;

function podSpec(name: string, image = 'nginx'): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'main', image }] } } as Pod;
}

const get = (c: Cluster, name: string) => c.store.get('pods', 'default', name) as Pod;
const events = (c: Cluster, name: string) => c.store.list('events', 'default').filter((e: any) => e.involvedObject.name === name).map((e: any) => e.reason);
/** the pod's Events in the order `kubectl describe` lists them, as `type reason xcount (first..last) message` */
const described = (c: Cluster, name: string) =>
  (c.store.list('events', 'default') as KubeEvent[])
    .filter((e) => e.involvedObject.name === name)
    .sort((a, b) => (a.lastTimestamp! < b.lastTimestamp! ? -1 : a.lastTimestamp! > b.lastTimestamp! ? 1 : 0))
    .map((e) => `${e.type} ${e.reason} x${e.count} (${e.firstTimestamp!.slice(14, 19)}..${e.lastTimestamp!.slice(14, 19)}) ${e.message}`);

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
    expect(st.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'Error', finishedAt: '2026-01-01T00:01:01Z' });
    expect(st.state?.running).toEqual({ startedAt: '2026-01-01T00:01:02Z' });
  });

  test('the events of a killed container: no Killing (the kubelet did not kill it), the restart pulls, creates and starts it again; a second death within the back-off says BackOff', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0, () => c.api.create(podSpec('web')));
    c.step(T0 + 60 * S);
    c.at(T0 + 61 * S, () => killContainer(c, 'default', 'web'));
    c.step(T0 + 70 * S);
    // the first death is restarted at the next sync (the PLEG sees it within a second) without
    // back-off; `nginx` is :latest, pulled again (Always): the same events repeat (counted)
    expect(described(c, 'web')).toEqual([
      'Normal Scheduled x1 (00:00..00:00) Successfully assigned default/web to node1',
      'Normal Pulled x1 (00:04..00:04) Successfully pulled image "nginx" in 3.432s (3.432s including waiting). Image size: 72950530 bytes.',
      'Normal Pulling x2 (00:01..01:02) Pulling image "nginx"',
      'Normal Created x2 (00:04..01:02) Created container: main',
      'Normal Started x2 (00:04..01:02) Started container main',
      'Normal Pulled x1 (01:02..01:02) Successfully pulled image "nginx" in 500ms (500ms including waiting). Image size: 72950530 bytes.',
    ]);
    // killed again 13 s after its restart, within the 10 s back-off of its last death: the sync
    // that sees it says BackOff, and the restart waits until the first sync after the back-off
    c.at(T0 + 75 * S, () => killContainer(c, 'default', 'web'));
    c.step(T0 + 120 * S);
    const uid = get(c, 'web').metadata.uid;
    expect(described(c, 'web').slice(1)).toEqual([
      'Normal Pulled x1 (00:04..00:04) Successfully pulled image "nginx" in 3.432s (3.432s including waiting). Image size: 72950530 bytes.',
      `Warning BackOff x1 (01:16..01:16) Back-off restarting failed container main in pod web_default(${uid})`,
      'Normal Pulling x3 (00:01..01:28) Pulling image "nginx"',
      'Normal Created x3 (00:04..01:28) Created container: main',
      'Normal Started x3 (00:04..01:28) Started container main',
      'Normal Pulled x2 (01:02..01:28) Successfully pulled image "nginx" in 500ms (500ms including waiting). Image size: 72950530 bytes.',
    ]);
    const st = get(c, 'web').status!.containerStatuses![0];
    expect(st.restartCount).toBe(2);
    expect(st.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'Error', startedAt: '2026-01-01T00:01:02Z', finishedAt: '2026-01-01T00:01:15Z' });
  });

  test('an unavailable image fails to pull', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0, () => makeImageUnavailable(c, 'nginx:1.27'));
    c.at(T0, () => c.api.create(podSpec('old', 'nginx:1.27')));
    c.step(T0 + 30 * S);
    expect(get(c, 'old').status?.containerStatuses?.[0].state?.waiting?.reason).toMatch(/ErrImagePull|ImagePullBackOff/);
    expect(events(c, 'old')).toContain('Failed');
  });

  test('an unavailable tag is not found, as a deleted tag is; an unavailable repository is denied', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0, () => {
      makeImageUnavailable(c, 'nginx:1.27');
      makeImageUnavailable(c, 'redis');
    });
    c.at(T0, () => ['nginx:1.27', 'nginx:1.26', 'redis:7'].forEach((image, i) => c.api.create(podSpec(`p${i}`, image))));
    c.step(T0 + 5 * S);
    const failed = (name: string): string | undefined =>
      (c.store.list('events', 'default') as KubeEvent[]).find((e) => e.involvedObject.name === name && e.reason === 'Failed' && e.message?.startsWith('Failed to pull'))?.message;
    expect(failed('p0')).toBe(
      'Failed to pull image "nginx:1.27": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.27": failed to resolve reference "docker.io/library/nginx:1.27": docker.io/library/nginx:1.27: not found',
    );
    expect(get(c, 'p1').status?.phase).toBe('Running');
    expect(failed('p2')).toBe(
      'Failed to pull image "redis:7": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/redis:7": failed to resolve reference "docker.io/library/redis:7": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
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

