import { Cluster } from '../../cluster';
import { ConfigMap } from '../../api/types';
import { CLUSTER_CA_PEM, ROOT_CA_DESCRIPTION } from './namespace-defaults';

const T0 = Date.UTC(2026, 0, 1);

describe('namespace defaults', () => {
  test('every namespace has the default ServiceAccount and kube-root-ca.crt', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease', 'kube-flannel']) {
      expect(c.store.get('serviceaccounts', ns, 'default')).toBeDefined();
      const cm = c.store.get('configmaps', ns, 'kube-root-ca.crt') as ConfigMap;
      expect(cm.data).toEqual({ 'ca.crt': CLUSTER_CA_PEM });
      expect(cm.metadata.annotations).toEqual({ 'kubernetes.io/description': ROOT_CA_DESCRIPTION });
    }
    expect(CLUSTER_CA_PEM).toMatch(/^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n$/);
  });

  test('a new namespace gets them, and they come back when deleted', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0 + 1000, () => c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lab' } }));
    const sa = c.store.get('serviceaccounts', 'lab', 'default')!;
    expect(sa.metadata.creationTimestamp).toBe('2026-01-01T00:00:01Z');
    c.at(T0 + 2000, () => {
      c.api.delete('serviceaccounts', 'lab', 'default');
      c.api.delete('configmaps', 'lab', 'kube-root-ca.crt');
    });
    const again = c.store.get('serviceaccounts', 'lab', 'default')!;
    expect(again.metadata.uid).not.toBe(sa.metadata.uid);
    expect(c.store.get('configmaps', 'lab', 'kube-root-ca.crt')).toBeDefined();
  });

  test('an edited CA bundle is put back', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0 + 1000, () => {
      const cm = c.store.get('configmaps', 'default', 'kube-root-ca.crt') as ConfigMap;
      c.api.update({ ...cm, data: { 'ca.crt': 'nope' } });
    });
    expect((c.store.get('configmaps', 'default', 'kube-root-ca.crt') as ConfigMap).data?.['ca.crt']).toBe(CLUSTER_CA_PEM);
  });
});
