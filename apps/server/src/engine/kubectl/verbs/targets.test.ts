import { clone } from '../../api/store';
import type { KubeObject } from '../../api/types';
import type { Invocation } from '../command';
import { newKit } from './verb-test-kit';
import { rebase, writeObject } from './targets';

const pod = (rv: string, labels: Record<string, string>, phase: string): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'target', namespace: 'default', resourceVersion: rv, labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] }, status: { phase } }) as KubeObject;

describe('a PATCH onto an object written since kubectl read it', () => {
  it('keeps the newer status and the other labels, and adds what kubectl changed', () => {
    const live = pod('10', { run: 'target', l1: 'v' }, 'Pending');
    const next = pod('10', { run: 'target', l1: 'v', l2: 'v' }, 'Pending');
    const current = pod('12', { run: 'target', l1: 'v', l3: 'v' }, 'Running');
    const out = rebase(live, next, current);
    expect(out.metadata.labels).toEqual({ run: 'target', l1: 'v', l2: 'v', l3: 'v' });
    expect((out as { status?: { phase?: string } }).status?.phase).toBe('Running');
    expect(out.metadata.resourceVersion).toBe('12');
  });

  it('removes what kubectl removed', () => {
    const live = pod('10', { run: 'target', gone: 'x' }, 'Running');
    const next = pod('10', { run: 'target' }, 'Running');
    const current = pod('11', { run: 'target', gone: 'x', other: 'y' }, 'Running');
    expect(rebase(live, next, current).metadata.labels).toEqual({ run: 'target', other: 'y' });
  });
});

describe('writeObject', () => {
  // what the verbs do: read the object, change a copy (`clone` keeps its resourceVersion), write it
  async function raced(): Promise<{ inv: Invocation; live: KubeObject; next: KubeObject }> {
    const kit = newKit();
    await kit.setup('kubectl run target --image=nginx');
    const api = kit.sandbox.cluster.api;
    const live = api.get('pods', 'default', 'target');
    // a controller writes the object after kubectl read it
    api.update({ ...live, metadata: { ...live.metadata, labels: { ...live.metadata.labels, l3: 'v' } } });
    const next = clone(live);
    next.metadata.labels = { ...next.metadata.labels, l2: 'v' };
    return { inv: { api: () => api, settle: () => undefined, flags: { bool: () => false } } as unknown as Invocation, live, next };
  }

  it('writes a copy of a stale read onto the object as it is now, not a Conflict', async () => {
    const { inv, live, next } = await raced();
    const out = writeObject(inv, live, next);
    expect(out.metadata.labels).toEqual({ run: 'target', l2: 'v', l3: 'v' });
    expect(Number(out.metadata.resourceVersion)).toBeGreaterThan(Number(live.metadata.resourceVersion));
  });

  it('keeps a --resource-version precondition: another version is a Conflict', async () => {
    const { inv, live, next } = await raced();
    next.metadata.resourceVersion = '1';
    expect(() => writeObject(inv, live, next)).toThrow('the object has been modified');
  });
});
