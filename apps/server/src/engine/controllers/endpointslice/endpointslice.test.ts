import { Cluster } from '../../cluster';
import { KubeObject, Pod } from '../../api/types';
import { EndpointSlice } from './endpointslice';

const T0 = Date.UTC(2026, 0, 1);
const S = 1000;

function pod(name: string, labels: Record<string, string>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels },
    spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }] }] },
  };
}

const slices = (c: Cluster, svc: string) =>
  (c.store.list('endpointslices', 'default') as EndpointSlice[]).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc);

describe('endpointslice controller', () => {
  test('slices named after the service, owned by it, with endpoint conditions', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0 + S, () =>
      c.api.create({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
        spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }] },
      }),
    );
    const [placeholder] = slices(c, 'web');
    expect(placeholder.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(placeholder.endpoints).toBeNull();
    expect(placeholder.addressType).toBe('IPv4');
    expect(placeholder.metadata.labels).toEqual({
      app: 'web',
      'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    const svc = c.store.get('services', 'default', 'web')!;
    expect(placeholder.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }]);

    c.at(T0 + 2 * S, () => ['web-1', 'web-2'].forEach((n) => c.api.create(pod(n, { app: 'web' }))));
    c.step(T0 + 30 * S);
    const [slice] = slices(c, 'web');
    expect(slices(c, 'web')).toHaveLength(1);
    expect(slice.metadata.name).toBe(placeholder.metadata.name);
    expect(slice.ports).toEqual([{ name: 'http', port: 80, protocol: 'TCP' }]);
    const p1 = c.store.get('pods', 'default', 'web-1') as Pod;
    const e1 = slice.endpoints!.find((e) => e.targetRef.name === 'web-1')!;
    expect(e1).toEqual({
      addresses: [p1.status!.podIP],
      conditions: { ready: true, serving: true, terminating: false },
      nodeName: p1.spec.nodeName,
      targetRef: { kind: 'Pod', namespace: 'default', name: 'web-1', uid: p1.metadata.uid },
    });

    // a terminating pod stays in the slice, not ready
    c.at(T0 + 40 * S, () => c.api.delete('pods', 'default', 'web-1'));
    const during = slices(c, 'web')[0].endpoints!.find((e) => e.targetRef.name === 'web-1');
    expect(during?.conditions).toMatchObject({ ready: false, terminating: true });

    c.at(T0 + 100 * S, () => c.api.delete('services', 'default', 'web'));
    expect(slices(c, 'web')).toEqual([]);
  });

  test('more than 100 endpoints go to several slices', () => {
    const c = Cluster.create({ seed: 1, start: T0, options: { workers: 3, limits: { maxPods: 1000 } } });
    c.at(T0 + S, () => {
      c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'big', namespace: 'default' }, spec: { selector: { app: 'big' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] } });
      for (let i = 0; i < 110; i++) c.api.create(pod(`big-${i}`, { app: 'big' }));
    });
    c.step(T0 + 60 * S);
    const all = slices(c, 'big');
    expect(all.map((s) => s.endpoints!.length).sort((a, b) => a - b)).toEqual([10, 100]);
  });

  test("leaves out a pod whose Node is gone at its Service's next sync, unless the Service publishes not-ready addresses", () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    const onNode = (name: string, node: string): KubeObject => ({ ...pod(name, { app: 'web' }), spec: { ...(pod(name, {}) as Pod).spec, nodeName: node } });
    c.at(T0 + S, () => {
      for (const [name, all] of [['web', false], ['all', true]] as const) {
        c.api.create({
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name, namespace: 'default' },
          spec: { selector: { app: 'web' }, publishNotReadyAddresses: all, ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }] },
        });
      }
      c.api.create(onNode('a', 'node1'));
      c.api.create(onNode('b', 'node2'));
    });
    c.step(T0 + 30 * S);
    const nodesOf = (svc: string) => slices(c, svc).flatMap((sl) => (sl.endpoints ?? []).map((e) => `${e.targetRef.name}@${e.nodeName}`)).sort();
    expect(nodesOf('web')).toEqual(['a@node1', 'b@node2']);
    c.at(T0 + 31 * S, () => c.api.delete('nodes', undefined, 'node1'));
    // nothing about the Service changed yet: its slices stay as they were
    expect(nodesOf('web')).toEqual(['a@node1', 'b@node2']);
    // the next change of its pods syncs it: a's Node is not found
    c.at(T0 + 32 * S, () => c.api.create(onNode('c', 'node2')));
    c.step(T0 + 40 * S);
    expect(nodesOf('web')).toEqual(['b@node2', 'c@node2']);
    expect(nodesOf('all')).toEqual(['a@node1', 'b@node2', 'c@node2']);
    expect(c.store.get('pods', 'default', 'a')).toBeDefined();
  });
});
