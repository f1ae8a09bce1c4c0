import { Cluster } from '../../cluster';
import { KubeEvent, Pod } from '../../api/types';

const START = Date.UTC(2026, 0, 1);
const S = 1000;

function pod(name: string, spec: Partial<Pod['spec']> & { image?: string; command?: string[]; args?: string[] }, node = 'node1'): Pod {
  const { image, command, args, ...rest } = spec;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { nodeName: node, containers: [{ name, image: image ?? 'nginx', ...(command ? { command } : {}), ...(args ? { args } : {}) }], ...rest },
  } as Pod;
}

function get(c: Cluster, name: string): Pod {
  return c.api.get('pods', 'default', name) as Pod;
}

function events(c: Cluster, name: string): KubeEvent[] {
  return (c.api.list('events', { namespace: 'default' }) as KubeEvent[]).filter((e) => e.involvedObject.name === name);
}

describe('kubelet', () => {
  it('keeps in each status write the parts of the last one that did not change', () => {
    const c = Cluster.create({ seed: 1, start: START });
    const versions: Pod[] = [];
    c.store.onChange((ev) => {
      if (ev.resource === 'pods' && (ev.object as Pod).metadata.name === 'web' && ev.type === 'MODIFIED') versions.push(ev.object as Pod);
    });
    c.at(START, () => c.api.create(pod('web', {})));
    c.step(START + 30 * S);
    // ContainerCreating, then the sandbox's IP, then Running
    const [creating, sandbox, running] = versions.filter((v) => v.status?.containerStatuses).map((v) => v.status!);
    expect(running.phase).toBe('Running');
    const cond = (st: typeof running, type: string) => st.conditions!.find((x) => x.type === type);
    expect(cond(sandbox, 'Initialized')).toBe(cond(creating, 'Initialized'));
    expect(cond(running, 'PodScheduled')).toBe(cond(creating, 'PodScheduled'));
    expect(cond(running, 'PodReadyToStartContainers')).toBe(cond(sandbox, 'PodReadyToStartContainers'));
    expect(cond(running, 'Ready')).not.toBe(cond(sandbox, 'Ready'));
    expect(running.hostIPs).toBe(creating.hostIPs);
    expect(running.podIPs).toBe(sandbox.podIPs);
    // the container did not change between the first two writes; its mounts never do
    expect(sandbox.containerStatuses![0]).toBe(creating.containerStatuses![0]);
    expect(running.containerStatuses![0]).not.toBe(sandbox.containerStatuses![0]);
    expect(running.containerStatuses![0].volumeMounts).toBe(creating.containerStatuses![0].volumeMounts);
    // and each is what a status written afresh holds
    expect(JSON.parse(JSON.stringify(running.conditions))).toEqual([
      expect.objectContaining({ type: 'PodReadyToStartContainers', status: 'True' }),
      expect.objectContaining({ type: 'Initialized', status: 'True' }),
      expect.objectContaining({ type: 'Ready', status: 'True' }),
      expect.objectContaining({ type: 'ContainersReady', status: 'True' }),
      expect.objectContaining({ type: 'PodScheduled', status: 'True' }),
    ]);
  });

  it('gives the pods of one node one frozen hostIPs list, and containers that never ended one empty lastState', () => {
    const c = Cluster.create({ seed: 1, start: START });
    c.at(START, () => ['a', 'b'].forEach((n) => c.api.create(pod(n, {}))));
    c.at(START, () => c.api.create(pod('elsewhere', {}, 'node2')));
    c.step(START + 30 * S);
    const [a, b, elsewhere] = ['a', 'b', 'elsewhere'].map((n) => get(c, n).status!);
    expect(a.phase).toBe('Running');
    expect(a.hostIPs).toBe(b.hostIPs);
    expect(Object.isFrozen(a.hostIPs)).toBe(true);
    expect([a.hostIPs, elsewhere.hostIPs]).toEqual([[{ ip: '192.168.56.11' }], [{ ip: '192.168.56.12' }]]);
    expect(a.containerStatuses![0].lastState).toBe(b.containerStatuses![0].lastState);
    expect(a.containerStatuses![0].lastState).toEqual({});
  });

  it("gives a hostNetwork pod the node's IP from its first status, before its sandbox is up; other pods none", () => {
    const c = Cluster.create({ seed: 1, start: START });
    c.at(START + 1 * S, () => {
      c.api.create(pod('host', { hostNetwork: true }));
      c.api.create(pod('own', {}));
    });
    const host = get(c, 'host');
    expect(host.status?.containerStatuses?.[0].state.waiting?.reason).toBe('ContainerCreating');
    expect([host.status?.hostIP, host.status?.podIP, host.status?.podIPs]).toEqual(['192.168.56.11', '192.168.56.11', [{ ip: '192.168.56.11' }]]);
    const own = get(c, 'own');
    expect(own.status?.containerStatuses?.[0].state.waiting?.reason).toBe('ContainerCreating');
    expect([own.status?.hostIP, own.status?.podIP, own.status?.podIPs]).toEqual(['192.168.56.11', undefined, undefined]);
    c.step(START + 20 * S);
    expect(get(c, 'host').status?.podIP).toBe('192.168.56.11');
    expect(get(c, 'own').status?.podIP).toMatch(/^10\.244\.1\.\d+$/);
  });

  it('pulls, creates and starts nginx', () => {
    const c = Cluster.create({ seed: 1, start: START });
    c.at(START + 1 * S, () => c.api.create(pod('web', {})));
    let p = get(c, 'web');
    expect(p.status?.phase).toBe('Pending');
    expect(p.status?.containerStatuses?.[0].state.waiting?.reason).toBe('ContainerCreating');
    c.step(START + 20 * S);
    p = get(c, 'web');
    expect(p.status?.phase).toBe('Running');
    expect(p.status?.podIP).toMatch(/^10\.244\.1\.\d+$/);
    const cs = p.status!.containerStatuses![0];
    expect(cs.ready).toBe(true);
    expect(cs.image).toBe('docker.io/library/nginx:latest');
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    const msgs = events(c, 'web').map((e) => `${e.reason}: ${e.message}`);
    expect(msgs).toEqual([
      'Pulling: Pulling image "nginx"',
      'Pulled: Successfully pulled image "nginx" in 3.432s (3.432s including waiting). Image size: 72950530 bytes.',
      'Created: Created container: web',
      'Started: Started container web',
    ]);
    expect(events(c, 'web')[0].source).toEqual({ component: 'kubelet', host: 'node1' });
    expect(events(c, 'web')[0].involvedObject.fieldPath).toBe('spec.containers{web}');
  });

  it('crash-loops busybox without a command', () => {
    const c = Cluster.create({ seed: 1, start: START });
    c.at(START + S, () => c.api.create(pod('bb', { image: 'busybox' })));
    c.step(START + 10 * 60 * S);
    const p = get(c, 'bb');
    const cs = p.status!.containerStatuses![0];
    expect(p.status?.phase).toBe('Running');
    expect(cs.restartCount).toBeGreaterThan(3);
    expect(cs.lastState.terminated?.reason).toBe('Completed');
  });
});

describe('kubelet and frozen store objects', () => {
  it('never mutates what the store hands out', () => {
    const c = Cluster.create({ seed: 2, start: START, freezeObjects: true });
    c.at(START + S, () => {
      c.api.create(pod('a', { image: 'busybox', command: ['sh', '-c', 'echo hi; exit 1'] }));
      c.api.create(pod('b', { image: 'nginxx' }));
      c.api.create(pod('c', {}));
    });
    c.step(START + 3600 * S);
    c.at(START + 3601 * S, () => c.api.delete('pods', 'default', 'c'));
    c.at(START + 3602 * S, () => c.api.delete('pods', 'kube-system', 'etcd-master'));
    c.step(START + 4000 * S);
    expect(get(c, 'a').status!.containerStatuses![0].restartCount).toBeGreaterThan(10);
    expect(c.api.tryGet('pods', 'default', 'c')).toBeUndefined();
  });
});
