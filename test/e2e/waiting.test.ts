// Waiting commands on the wall clock: REST caps them with a line saying so, and a sleeping
// command lets go of its cluster so other commands of that cluster run meanwhile.
import fs from 'node:fs';
import WebSocket from 'ws';
import { bootApp, Harness } from './app-harness';
import { Client } from './client';
import { classroomWithAna } from './classroom-fixture';

jest.setTimeout(60_000);

describe('waiting commands (wall clock)', () => {
  let h: Harness;
  let ana: Client;
  let clusterId: string;
  beforeAll(async () => {
    // the cap leaves the sleeper below (0.3 s) room for the other command to run under a loaded CI
    h = await bootApp({ AUTH_RATE_LIMIT: '1000', REST_WAIT_MS: '1500' });
    ({ ana, cluster: clusterId } = await classroomWithAna(h.app, 'W'));
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  it('stops a waiting command at the REST cap, with a line saying so', async () => {
    const t0 = Date.now();
    const res = await ana.post(`/api/v1/clusters/${clusterId}/exec`, { command: 'sleep 30; echo done' }).expect(200);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(res.body.capped).toBe(true);
    expect(res.body.stdout).toBe('');
    expect(res.body.stderr).toBe('kubeaula: stopped after 1.5s: this door cannot stream a command that waits; run it in the web terminal or the CLI to follow it\n');
  });

  it('lets other commands of the cluster run while one sleeps', async () => {
    // the cluster resident first (loading it would eat into the sleeper's REST cap)
    await ana.post(`/api/v1/clusters/${clusterId}/exec`, { command: 'true', terminal: 'a' }).expect(200);
    const order: string[] = [];
    // a supertest request is sent when it is then'd: this one goes now, and sleeps under the REST cap
    const sleeping = ana
      .post(`/api/v1/clusters/${clusterId}/exec`, { command: 'sleep 0.3; kubectl get pods -o name', terminal: 'a' })
      .expect(200)
      .then((r) => {
        order.push('sleeper');
        return r;
      });
    await new Promise((r) => setTimeout(r, 30));
    const quick = await ana.post(`/api/v1/clusters/${clusterId}/exec`, { command: 'kubectl run during --image=nginx', terminal: 'b' }).expect(200);
    order.push('quick');
    expect(quick.body.stdout).toBe('pod/during created\n');
    const slept = await sleeping;
    // the quick command did not wait behind the sleeper, and the sleeper, woken after, sees it
    expect(order).toEqual(['quick', 'sleeper']);
    expect(slept.body.stdout).toBe('pod/during\n');
    expect(slept.body.capped).toBe(false);
  });

  it('pushes timed transitions to an open terminal on the wall clock, with nobody typing', async () => {
    await h.app.listen(0, '127.0.0.1');
    const addr = h.app.getHttpServer().address();
    const port = typeof addr === 'object' && addr ? addr.port : 0;
    await ana.post(`/api/v1/clusters/${clusterId}/exec`, { command: 'kubectl run ticking --image=nginx' }).expect(200);
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws/terminal?cluster=${clusterId}&tab=live`, { headers: { Cookie: ana.cookieHeader(), Origin: `http://127.0.0.1:${port}` } });
    const running = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 30_000);
      ws.on('message', (d) => {
        const m = JSON.parse(d.toString()) as { event: string; data: { changes?: { name: string; status?: string }[] } };
        if (m.event === 'changes' && m.data.changes?.some((c) => c.name === 'ticking' && c.status === 'Running')) {
          clearTimeout(timer);
          resolve(true);
        }
      });
    });
    ws.terminate();
    expect(running).toBe(true);
  });
});
