import { Cluster } from '../../cluster';
import { clone } from '../../api/store';
import { Endpoints, KubeObject, Pod, Service } from '../../api/types';
import { stopKubelet } from '../../operations/node-operations';
import { desiredSubsets } from './endpoints';

const T0 = Date.UTC(2026, 0, 1);
const S = 1000;

function svc(name: string, spec: Partial<Service['spec']>, labels?: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', ...(labels ? { labels } : {}) }, spec: { ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], ...spec } };
}

function pod(name: string, labels: Record<string, string>, ports: { name?: string; containerPort: number }[] = []): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, spec: { containers: [{ name: 'c', image: 'nginx', ports }] } };
}

const ep = (c: Cluster, n: string) => c.store.get('endpoints', 'default', n) as Endpoints | undefined;

/** A pod as the kubelet reports it, for the table tests (no cluster involved). */
function statusPod(name: string, ip: string, ready: boolean, extra: Partial<Pod> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, labels: { app: 'web' } },
    spec: { nodeName: 'node1', containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }] },
    status: { phase: 'Running', podIP: ip, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
    ...extra,
  } as Pod;
}

describe('desiredSubsets', () => {
  const service = (spec: Partial<Service['spec']>): Service => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ...spec } }) as Service;
  test('ready and not-ready pods, sorted by IP, named target port resolved', () => {
    const subsets = desiredSubsets(service({ ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }] }), [
      statusPod('b', '10.244.2.5', true),
      statusPod('a', '10.244.1.9', true),
      statusPod('c', '10.244.1.3', false),
      statusPod('nop', '', true),
    ]);
    expect(subsets).toEqual([
      {
        addresses: [
          { ip: '10.244.1.9', nodeName: 'node1', targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'uid-a' } },
          { ip: '10.244.2.5', nodeName: 'node1', targetRef: { kind: 'Pod', namespace: 'default', name: 'b', uid: 'uid-b' } },
        ],
        notReadyAddresses: [{ ip: '10.244.1.3', nodeName: 'node1', targetRef: { kind: 'Pod', namespace: 'default', name: 'c', uid: 'uid-c' } }],
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      },
    ]);
  });
  test('terminating and finished pods are left out; publishNotReadyAddresses keeps unready ones ready', () => {
    const gone = statusPod('t', '10.244.1.4', true, { metadata: { name: 't', namespace: 'default', uid: 'uid-t', deletionTimestamp: '2026-01-01T00:00:00Z' } });
    const done = statusPod('d', '10.244.1.5', false);
    done.status!.phase = 'Succeeded';
    expect(desiredSubsets(service({ ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] }), [gone, done])).toEqual([]);
    const subsets = desiredSubsets(service({ publishNotReadyAddresses: true, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] }), [statusPod('u', '10.244.1.6', false)]);
    expect(subsets[0].addresses?.map((a) => a.ip)).toEqual(['10.244.1.6']);
  });
  test('a pod without the named port is not an endpoint for that port', () => {
    const other = statusPod('o', '10.244.1.7', true);
    other.spec.containers[0].ports = [{ name: 'web', containerPort: 9090 }];
    expect(desiredSubsets(service({ ports: [{ port: 80, protocol: 'TCP', targetPort: 'http' }] }), [other])).toEqual([]);
  });
  test('kube-dns ports come out as the real controller orders them', () => {
    const dns = statusPod('dns', '10.244.0.2', true);
    const subsets = desiredSubsets(
      service({
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
      }),
      [dns],
    );
    expect(subsets[0].ports?.map((p) => p.name)).toEqual(['dns-tcp', 'dns', 'metrics']);
  });
  test('headless service without ports lists addresses alone', () => {
    expect(desiredSubsets(service({ clusterIP: 'None', ports: [] }), [statusPod('h', '10.244.1.8', true)])).toEqual([
      { addresses: [{ ip: '10.244.1.8', nodeName: 'node1', targetRef: { kind: 'Pod', namespace: 'default', name: 'h', uid: 'uid-h' } }] },
    ]);
  });
});

describe('endpoints controller', () => {
  test('an Endpoints object follows the service and its ready pods', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0 + S, () => c.api.create(svc('web', { selector: { app: 'web' } }, { app: 'web' })));
    const empty = ep(c, 'web')!;
    expect(empty.subsets).toBeUndefined();
    expect(empty.metadata.labels).toEqual({ app: 'web' });
    expect(empty.metadata.annotations).toEqual({ 'endpoints.kubernetes.io/last-change-trigger-time': '2026-01-01T00:00:01Z' });
    c.at(T0 + 2 * S, () => {
      c.api.create(pod('web-1', { app: 'web' }));
      c.api.create(pod('web-2', { app: 'web' }));
      c.api.create(pod('other', { app: 'other' }));
    });
    c.step(T0 + 30 * S);
    const full = ep(c, 'web')!;
    const pods = ['web-1', 'web-2'].map((n) => c.store.get('pods', 'default', n) as Pod);
    expect(full.subsets).toHaveLength(1);
    expect(full.subsets![0].addresses!.map((a) => a.targetRef!.name).sort()).toEqual(['web-1', 'web-2']);
    expect(full.subsets![0].addresses!.map((a) => a.ip)).toEqual(pods.map((p) => p.status!.podIP!).sort());
    expect(full.subsets![0].ports).toEqual([{ port: 80, protocol: 'TCP' }]);
    expect(c.store.get('endpoints', 'default', 'kubernetes')).toBeDefined();

    // a pod relabelled out of the selector leaves
    c.at(T0 + 40 * S, () => {
      const p = clone(c.store.get('pods', 'default', 'web-1') as Pod);
      p.metadata.labels = { app: 'elsewhere' };
      c.api.update(p);
    });
    expect(ep(c, 'web')!.subsets![0].addresses!.map((a) => a.targetRef!.name)).toEqual(['web-2']);

    c.at(T0 + 50 * S, () => c.api.delete('services', 'default', 'web'));
    expect(ep(c, 'web')).toBeUndefined();
  });

  test('pods on a lost node become not ready endpoints', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0 + S, () => {
      c.api.create(svc('web', { selector: { app: 'web' } }));
      c.api.create(pod('web-1', { app: 'web' }));
    });
    c.step(T0 + 30 * S);
    const node = (c.store.get('pods', 'default', 'web-1') as Pod).spec.nodeName!;
    c.at(T0 + 40 * S, () => stopKubelet(c, node));
    c.step(T0 + 100 * S);
    const subsets = ep(c, 'web')!.subsets!;
    expect(subsets[0].addresses).toBeUndefined();
    expect(subsets[0].notReadyAddresses!.map((a) => a.targetRef!.name)).toEqual(['web-1']);
  });

  test('no Endpoints for a service without selector or of type ExternalName', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0 + S, () => {
      c.api.create(svc('manual', {}));
      c.api.create(svc('ext', { type: 'ExternalName', externalName: 'example.com', ports: undefined }));
    });
    expect(ep(c, 'manual')).toBeUndefined();
    expect(ep(c, 'ext')).toBeUndefined();
    expect(c.store.list('endpointslices', 'default').map((s) => s.metadata.name)).toEqual(['kubernetes']);
  });
});
