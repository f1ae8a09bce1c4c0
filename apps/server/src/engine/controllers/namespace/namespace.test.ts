import { Cluster } from '../../cluster';
import { ApiError } from '../../api/errors';
import { KubeObject, Namespace, Pod } from '../../api/types';
import { stopKubelet } from '../../operations/node-operations';

const T0 = Date.UTC(2026, 0, 1);
const S = 1000;

const ns = (c: Cluster, n: string) => c.store.get('namespaces', undefined, n) as Namespace | undefined;

function setup(): Cluster {
  const c = Cluster.create({ seed: 1, start: T0 });
  c.at(T0 + S, () => {
    c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lab' } });
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'lab' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } });
    c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'lab' }, data: { a: '1' } });
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'lab' }, spec: { selector: { run: 'web' }, ports: [{ port: 80 }] } });
  });
  c.step(T0 + 30 * S);
  return c;
}

describe('namespace controller', () => {
  test('deleting a namespace deletes its content, then the namespace', () => {
    const c = setup();
    expect(c.store.list('configmaps', 'lab').map((o) => o.metadata.name)).toEqual(['cfg', 'kube-root-ca.crt']);
    c.at(T0 + 40 * S, () => c.api.delete('namespaces', undefined, 'lab'));
    // the pod is still stopping: the namespace is Terminating with the real conditions
    const terminating = ns(c, 'lab')!;
    expect(terminating.status?.phase).toBe('Terminating');
    expect(terminating.status?.conditions?.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered', 'All resources successfully discovered'],
      ['NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'],
      ['NamespaceDeletionContentFailure', 'False', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'],
      ['NamespaceContentRemaining', 'True', 'SomeResourcesRemain', 'Some resources are remaining: pods has 1 resource instances'],
      ['NamespaceFinalizersRemaining', 'False', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'],
    ]);
    expect(c.store.list('configmaps', 'lab')).toEqual([]);
    expect(c.store.list('services', 'lab')).toEqual([]);
    expect((c.store.list('pods', 'lab')[0] as Pod).metadata.deletionTimestamp).toBeDefined();
    // nothing new may be created meanwhile
    expect(() => c.at(T0 + 41 * S, () => c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'lab' } }))).toThrow(ApiError);
    c.step(T0 + 80 * S);
    expect(ns(c, 'lab')).toBeUndefined();
    expect(c.store.list('pods', 'lab')).toEqual([]);
    expect(c.store.list('events', 'lab')).toEqual([]);
  });

  test('a pod on a node whose kubelet is gone holds the namespace in Terminating', () => {
    const c = setup();
    const node = (c.store.get('pods', 'lab', 'web') as Pod).spec.nodeName!;
    c.at(T0 + 35 * S, () => stopKubelet(c, node));
    c.at(T0 + 40 * S, () => c.api.delete('namespaces', undefined, 'lab'));
    c.step(T0 + 600 * S);
    expect(ns(c, 'lab')?.status?.phase).toBe('Terminating');
  });

  test('finalizers on the content are reported and waited for', () => {
    const c = setup();
    const withFinalizer: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held', namespace: 'lab', finalizers: ['example.com/hold'] } };
    c.at(T0 + 31 * S, () => c.api.create(withFinalizer));
    c.at(T0 + 40 * S, () => c.api.delete('namespaces', undefined, 'lab'));
    c.step(T0 + 80 * S);
    const cond = ns(c, 'lab')!.status!.conditions!.find((x) => x.type === 'NamespaceFinalizersRemaining');
    expect(cond).toMatchObject({ status: 'True', reason: 'SomeFinalizersRemain', message: 'Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances' });
    c.at(T0 + 90 * S, () => c.api.removeFinalizer(c.store.get('configmaps', 'lab', 'held')!, 'example.com/hold'));
    expect(ns(c, 'lab')).toBeUndefined();
  });
});
