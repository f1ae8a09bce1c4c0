// A controller that throws is a bug in the engine, never the student's doing: the cluster must
// live on, record the fault, and keep serving commands.

import { Sandbox, VirtualClock } from '../../apps/server/src/engine/sandbox';

const START = Date.UTC(2026, 0, 1);

describe('engine faults', () => {
  it('a throwing controller is recorded and the cluster keeps working', async () => {
    const sandbox = Sandbox.create({ seed: 1, start: START }, new VirtualClock(START));
    const scheduler = sandbox.cluster.controllers.find((c) => c.name === 'scheduler')!;
    const original = scheduler.sync;
    let thrown = 0;
    scheduler.sync = (key, ctx) => {
      if (key.endsWith('/boom') && thrown++ === 0) throw new Error('simulated bug');
      return original.call(scheduler, key, ctx);
    };
    let session = sandbox.newSession();
    const run = async (line: string) => {
      const r = await sandbox.run(session, line, undefined, { isTTY: false });
      session = r.session;
      return r.result;
    };
    expect((await run('kubectl run boom --image=nginx')).exitCode).toBe(0);
    expect(sandbox.cluster.faults()).toEqual([{ at: START, controller: 'scheduler', key: 'default/boom', message: 'simulated bug' }]);
    expect((await run('kubectl run fine --image=nginx')).exitCode).toBe(0);
    await run('sleep 60');
    expect((await run('kubectl get pod fine -o jsonpath={.status.phase}')).stdout).toBe('Running');
  });
});
