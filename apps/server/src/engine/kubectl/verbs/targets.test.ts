import type { KubeObject } from '../../api/types';
import { rebase } from './targets';

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
