// The Events recorded about Nodes: who names the Node how (the kubelet by name as uid, the
// controllers by apiVersion v1 and the Node's uid, neither with a resourceVersion), and the node
// lifecycle controller's RegisteredNode and RemovingNode.

import { Cluster } from '../../cluster';
import { KubeEvent, Node } from '../../api/types';
import { restartKubelet, startKubelet, stopKubelet } from '../../operations/node-operations';

const T0 = Date.UTC(2026, 0, 1);
const S = 1000;

const nodeEvents = (c: Cluster) =>
  (c.store.list('events', 'default') as KubeEvent[])
    .filter((e) => e.involvedObject.kind === 'Node')
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => ({ reason: e.reason, message: e.message, source: e.source, involvedObject: e.involvedObject, at: e.firstTimestamp }));
const uidOf = (c: Cluster, n: string) => (c.store.get('nodes', undefined, n) as Node).metadata.uid!;

describe('Events about Nodes', () => {
  test('a fresh cluster records none (its installation is quiet), and the controller knows its nodes', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.step(T0 + 60 * S);
    expect(nodeEvents(c)).toEqual([]);
    expect(c.runtime.sections['node-lifecycle']).toMatchObject({ known: { master: uidOf(c, 'master'), node1: uidOf(c, 'node1'), node2: uidOf(c, 'node2') } });
  });

  test('stopped kubelet: the controller names the Node by apiVersion v1 and uid, the kubelet by its name as uid', () => {
    const c = Cluster.create({ seed: 2, start: T0 });
    const uid = uidOf(c, 'node1');
    c.at(T0 + 10 * S, () => stopKubelet(c, 'node1'));
    c.step(T0 + 70 * S);
    c.at(T0 + 80 * S, () => startKubelet(c, 'node1'));
    c.step(T0 + 90 * S);
    expect(nodeEvents(c)).toEqual([
      {
        reason: 'NodeNotReady',
        message: 'Node node1 status is now: NodeNotReady',
        source: { component: 'node-controller' },
        involvedObject: { apiVersion: 'v1', kind: 'Node', name: 'node1', uid },
        at: '2026-01-01T00:01:00Z',
      },
      {
        reason: 'NodeReady',
        message: 'Node node1 status is now: NodeReady',
        source: { component: 'kubelet', host: 'node1' },
        involvedObject: { kind: 'Node', name: 'node1', uid: 'node1' },
        at: '2026-01-01T00:01:20Z',
      },
    ]);
  });

  test('kubectl delete node, then a kubelet restart: RemovingNode with the old uid, RegisteredNode with the new one', () => {
    const c = Cluster.create({ seed: 3, start: T0 });
    const old = uidOf(c, 'node2');
    c.at(T0 + 10 * S, () => c.api.delete('nodes', undefined, 'node2'));
    c.step(T0 + 30 * S);
    expect(c.runtime.sections['node-lifecycle']).not.toHaveProperty('known.node2');
    c.at(T0 + 30 * S, () => restartKubelet(c, 'node2'));
    c.step(T0 + 40 * S);
    const fresh = uidOf(c, 'node2');
    expect(fresh).not.toBe(old);
    expect(nodeEvents(c)).toEqual([
      {
        reason: 'RemovingNode',
        message: 'Node node2 event: Removing Node node2 from Controller',
        source: { component: 'node-controller' },
        involvedObject: { apiVersion: 'v1', kind: 'Node', name: 'node2', uid: old },
        at: '2026-01-01T00:00:10Z',
      },
      {
        reason: 'RegisteredNode',
        message: 'Node node2 event: Registered Node node2 in Controller',
        source: { component: 'node-controller' },
        involvedObject: { apiVersion: 'v1', kind: 'Node', name: 'node2', uid: fresh },
        at: '2026-01-01T00:00:30Z',
      },
      {
        reason: 'NodeReady',
        message: 'Node node2 status is now: NodeReady',
        source: { component: 'kubelet', host: 'node2' },
        involvedObject: { kind: 'Node', name: 'node2', uid: 'node2' },
        at: '2026-01-01T00:00:31Z',
      },
    ]);
  });

  test('a state stored before engine 0.8.0 (the section without `known`) registers none of the nodes it had', () => {
    const made = Cluster.create({ seed: 4, start: T0 });
    const state = made.serialize();
    const section = state.runtime.sections['node-lifecycle'] as Record<string, unknown>;
    delete section.known;
    const c = Cluster.load(state);
    c.at(T0 + 10 * S, () => {
      const n = c.store.get('nodes', undefined, 'node1') as Node;
      c.api.update({ ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, disk: 'ssd' } } });
    });
    c.step(T0 + 20 * S);
    expect(nodeEvents(c).map((e) => e.reason)).toEqual([]);
    c.at(T0 + 20 * S, () => c.api.delete('nodes', undefined, 'node1'));
    expect(nodeEvents(c).map((e) => e.reason)).toEqual(['RemovingNode']);
  });
});

describe("the kubelet's NodeNotSchedulable and NodeSchedulable", () => {
  const cordon = (c: Cluster, n: string, unschedulable: boolean) => {
    const node = c.store.get('nodes', undefined, n) as Node;
    c.api.update({ ...node, spec: { ...node.spec, unschedulable } });
  };
  const kubeletNodeEvents = (c: Cluster) => nodeEvents(c).filter((e) => e.source?.component === 'kubelet');

  test('at the next status update (every 10 s since the Node registered); a cordon undone before it says nothing', () => {
    const c = Cluster.create({ seed: 5, start: T0 });
    // the nodes registered 5 minutes before the cluster was handed over: updates at :00, :10, ...
    expect((c.store.get('nodes', undefined, 'node1') as Node).metadata.creationTimestamp).toBe('2025-12-31T23:55:00Z');
    c.at(T0 + 3 * S, () => cordon(c, 'node1', true));
    c.step(T0 + 9 * S);
    expect(kubeletNodeEvents(c)).toEqual([]);
    c.step(T0 + 10 * S);
    c.at(T0 + 12 * S, () => cordon(c, 'node1', false));
    c.at(T0 + 14 * S, () => cordon(c, 'node2', true));
    c.at(T0 + 15 * S, () => cordon(c, 'node2', false));
    c.step(T0 + 60 * S);
    expect(kubeletNodeEvents(c)).toEqual([
      {
        reason: 'NodeNotSchedulable',
        message: 'Node node1 status is now: NodeNotSchedulable',
        source: { component: 'kubelet', host: 'node1' },
        involvedObject: { kind: 'Node', name: 'node1', uid: 'node1' },
        at: '2026-01-01T00:00:10Z',
      },
      {
        reason: 'NodeSchedulable',
        message: 'Node node1 status is now: NodeSchedulable',
        source: { component: 'kubelet', host: 'node1' },
        involvedObject: { kind: 'Node', name: 'node1', uid: 'node1' },
        at: '2026-01-01T00:00:20Z',
      },
    ]);
  });

  test('a stopped kubelet says nothing; a new kubelet process on a cordoned node says it again', () => {
    const c = Cluster.create({ seed: 6, start: T0 });
    c.at(T0 + 1 * S, () => cordon(c, 'node2', true));
    c.step(T0 + 10 * S);
    c.at(T0 + 11 * S, () => stopKubelet(c, 'node2'));
    c.at(T0 + 12 * S, () => cordon(c, 'node2', false));
    c.at(T0 + 13 * S, () => cordon(c, 'node2', true));
    c.step(T0 + 30 * S);
    c.at(T0 + 31 * S, () => startKubelet(c, 'node2'));
    c.step(T0 + 45 * S);
    c.at(T0 + 45 * S, () => restartKubelet(c, 'node2'));
    c.step(T0 + 60 * S);
    // one Event, repeated: at :10, then by the started kubelet at :40 and the restarted one at :50
    expect(kubeletNodeEvents(c).map((e) => [e.reason, e.at])).toEqual([['NodeNotSchedulable', '2026-01-01T00:00:10Z']]);
    const ev = (c.store.list('events', 'default') as KubeEvent[]).find((e) => e.reason === 'NodeNotSchedulable')!;
    expect(ev.count).toBe(3);
    expect(ev.lastTimestamp).toBe('2026-01-01T00:00:50Z');
  });

  test('kubectl describe node shows them with the controllers\' Events (searched by uid and by name)', async () => {
    const { Sandbox, VirtualClock } = await import('../../sandbox');
    const clock = new VirtualClock(T0);
    const sb = Sandbox.create({ seed: 7, start: T0 }, clock);
    let session = sb.newSession();
    let out = '';
    for (const line of ['kubectl cordon node1', 'sleep 10', 'kubectl delete node node2', "kubectl describe node node1 | sed -n '/^Events:/,$p'", 'kubectl get events']) {
      const r = await sb.run(session, line, { write: (_s, t) => (out += t) });
      session = r.session;
    }
    expect(out).toBe(
      [
        'node/node1 cordoned',
        'node "node2" deleted',
        'Events:',
        '  Type    Reason              Age   From     Message',
        '  ----    ------              ----  ----     -------',
        '  Normal  NodeNotSchedulable  10s   kubelet  Node node1 status is now: NodeNotSchedulable',
        'LAST SEEN   TYPE     REASON               OBJECT       MESSAGE',
        '10s         Normal   NodeNotSchedulable   node/node1   Node node1 status is now: NodeNotSchedulable',
        '0s          Normal   RemovingNode         node/node2   Node node2 event: Removing Node node2 from Controller',
        '',
      ].join('\n'),
    );
  });
});
