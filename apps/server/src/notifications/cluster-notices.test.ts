import type { WatchEvent } from '../engine/api/store';
import { NoticeFilter, noticesOf } from './cluster-notices';

const ev = (resource: string, type: WatchEvent['type'], object: object, old?: object): WatchEvent => ({ type, resource, rv: 1, object, old } as unknown as WatchEvent);
const pod = (reason?: string, restarts = 0) => ({ kind: 'Pod', metadata: { name: 'crash', namespace: 'default', uid: 'u1' }, status: { containerStatuses: [{ name: 'app', restartCount: restarts, state: reason ? { waiting: { reason } } : { running: {} } }] } });
const deploy = (generation: number, observed: number, updated: number, available: number) => ({
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', uid: 'd1', generation },
  spec: { replicas: 2 },
  status: { observedGeneration: observed, replicas: 2, updatedReplicas: updated, availableReplicas: available },
});
const node = (ready: string) => ({ kind: 'Node', metadata: { name: 'node1' }, status: { conditions: [{ type: 'Ready', status: ready }] } });

describe('cluster notices', () => {
  it('tells a container entering CrashLoopBackOff, not one staying in it', () => {
    expect(noticesOf([ev('pods', 'MODIFIED', pod('CrashLoopBackOff', 2), pod(undefined, 1))])).toEqual([
      { kind: 'crashLoop', namespace: 'default', name: 'crash', container: 'app', restarts: 2, key: 'pod/u1/app' },
    ]);
    expect(noticesOf([ev('pods', 'MODIFIED', pod('CrashLoopBackOff', 3), pod('CrashLoopBackOff', 2))])).toEqual([]);
    expect(noticesOf([ev('pods', 'MODIFIED', pod('ErrImagePull'), pod())])).toEqual([]);
    expect(noticesOf([ev('pods', 'DELETED', pod('CrashLoopBackOff'), pod())])).toEqual([]);
  });

  it('tells a rollout when it completes, per generation', () => {
    expect(noticesOf([ev('deployments', 'MODIFIED', deploy(2, 2, 2, 2), deploy(2, 2, 1, 2))])).toEqual([
      { kind: 'rolloutDone', namespace: 'shop', name: 'web', replicas: 2, key: 'deployment/d1/2' },
    ]);
    // not observed yet, or already complete before
    expect(noticesOf([ev('deployments', 'MODIFIED', deploy(3, 2, 2, 2), deploy(2, 2, 1, 2))])).toEqual([]);
    expect(noticesOf([ev('deployments', 'MODIFIED', deploy(2, 2, 2, 2), deploy(2, 2, 2, 2))])).toEqual([]);
  });

  it('tells a node going NotReady and coming back', () => {
    expect(noticesOf([ev('nodes', 'MODIFIED', node('Unknown'), node('True'))])).toEqual([{ kind: 'nodeNotReady', name: 'node1', key: 'node/node1' }]);
    expect(noticesOf([ev('nodes', 'MODIFIED', node('True'), node('Unknown'))])).toEqual([{ kind: 'nodeReady', name: 'node1', key: 'node/node1' }]);
    expect(noticesOf([ev('nodes', 'ADDED', node('False'))])).toEqual([]);
  });

  it('lets each event through once, and a recovery only after its NotReady', () => {
    const f = new NoticeFilter(2);
    const crash = { kind: 'crashLoop' as const, name: 'crash', key: 'pod/u1/app' };
    expect([f.take('c1', crash), f.take('c1', crash), f.take('c2', crash)]).toEqual([true, false, true]);
    const down = { kind: 'nodeNotReady' as const, name: 'node1', key: 'node/node1' };
    const up = { kind: 'nodeReady' as const, name: 'node1', key: 'node/node1' };
    expect([f.take('c1', up), f.take('c1', down), f.take('c1', down), f.take('c1', up), f.take('c1', up), f.take('c1', down)]).toEqual([false, true, false, true, false, true]);
    // bounded: the oldest is forgotten
    expect(f.take('c1', crash)).toBe(true);
  });
});
