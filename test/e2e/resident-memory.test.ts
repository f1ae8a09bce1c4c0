// What a resident cluster keeps between commands: no watch log (old versions of objects) once
// no command is running, yet a waiting command still sees every change made while it waits;
// and the cluster kept after its creation is the one stored, loaded back (its objects shared).
import fs from 'node:fs';
import { ClusterRunner } from '../../apps/server/src/clusters/cluster-runner';
import { bootApp, Harness } from './app-harness';
import { Client } from './client';
import { classroomWithAna } from './classroom-fixture';

jest.setTimeout(60_000);

describe('resident clusters', () => {
  let h: Harness;
  let ana: Client;
  let clusterId: string;
  const store = () => h.app.get(ClusterRunner).cache.peek(clusterId)!.sandbox.cluster.store;
  beforeAll(async () => {
    h = await bootApp({ AUTH_RATE_LIMIT: '1000' });
    ({ ana, cluster: clusterId } = await classroomWithAna(h.app, 'R'));
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  it('keeps the created cluster as loaded from its stored state: system objects shared, frozen', () => {
    const node = store().get('nodes', undefined, 'master');
    expect(node?.metadata.name).toBe('master');
    expect(Object.isFrozen(node)).toBe(true);
    expect(store().logSize).toBe(0);
  });

  it('keeps no watch log once a command is done', async () => {
    const res = await ana.post(`/api/v1/clusters/${clusterId}/exec`, { command: 'kubectl create deployment web --image=nginx --replicas=2' }).expect(200);
    expect(res.body.stdout).toBe('deployment.apps/web created\n');
    expect(store().logSize).toBe(0);
    expect(Object.isFrozen(store().get('deployments', 'default', 'web'))).toBe(false);
  });

  it('lets a waiting watch see what another command changes meanwhile', async () => {
    // sent now (a request starts when it is awaited)
    const watching = ana.post(`/api/v1/clusters/${clusterId}/exec`, { command: 'kubectl get configmaps -w --request-timeout=2s', terminal: 'a' }).then((r) => r);
    const runner = h.app.get(ClusterRunner);
    while (!(runner.cache.peek(clusterId)!.busy > 0)) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 100));
    await ana.post(`/api/v1/clusters/${clusterId}/exec`, { command: 'kubectl create configmap during --from-literal=a=b', terminal: 'b' }).expect(200);
    expect(store().logSize).toBeGreaterThan(0); // the watch still reads it
    const watched = await watching;
    expect(watched.status).toBe(200);
    // listed first without it, then told of it
    expect(watched.body.stdout).toMatch(/^NAME +DATA +AGE\nkube-root-ca.crt +1 +\S+\nduring +1 +\d+s\n$/);
    expect(store().logSize).toBe(0);
  });
});
