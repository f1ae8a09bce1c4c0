// ComponentStatus is served, never stored: reads compute it, writes have no route (405), and a
// name the registry does not know is its plain error (a 500 without a reason).
import { Cluster } from '../cluster';
import { ApiError } from './errors';
import { KubeObject } from './types';

const START = Date.UTC(2026, 0, 1);

function thrown(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

describe('componentstatuses', () => {
  const cluster = Cluster.create({ seed: 1, start: START });
  const api = cluster.api;

  it('lists the scheduler, the controller manager and etcd, healthy, without storing them', () => {
    const before = cluster.store.resourceVersion;
    const items = api.list('componentstatuses');
    expect(items.map((o) => o.metadata.name)).toEqual(['scheduler', 'controller-manager', 'etcd-0']);
    expect(items[0]).toEqual({
      apiVersion: 'v1',
      kind: 'ComponentStatus',
      metadata: { name: 'scheduler', creationTimestamp: null },
      conditions: [{ type: 'Healthy', status: 'True', message: 'ok' }],
    });
    expect(cluster.store.list('componentstatuses')).toEqual([]);
    expect(cluster.store.resourceVersion).toBe(before);
  });

  it('gets one by name, filters by selectors, and answers an unknown name with a 500', () => {
    expect(api.get('componentstatuses', undefined, 'etcd-0').metadata.name).toBe('etcd-0');
    expect(api.list('componentstatuses', { labelSelector: 'tier=control-plane' })).toEqual([]);
    expect(api.list('componentstatuses', { fieldSelector: 'metadata.name=scheduler' }).map((o) => o.metadata.name)).toEqual(['scheduler']);
    const e = thrown(() => api.get('componentstatuses', undefined, 'nope'));
    expect([e.reason, e.code, e.message]).toEqual(['', 500, 'Component not found: nope']);
    expect(api.tryGet('componentstatuses', undefined, 'nope')).toBeUndefined();
  });

  it('refuses every write with the 405 of a missing route', () => {
    const cs: KubeObject = { apiVersion: 'v1', kind: 'ComponentStatus', metadata: { name: 'scheduler' } };
    for (const write of [() => api.create({ ...cs, metadata: { name: 'mine' } }), () => api.update(cs), () => api.delete('componentstatuses', undefined, 'scheduler')]) {
      const e = thrown(write);
      expect([e.reason, e.code, e.message]).toEqual(['MethodNotAllowed', 405, 'the server does not allow this method on the requested resource']);
    }
  });
});
