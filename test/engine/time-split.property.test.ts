// Section 5 of the engine issue: any split of a time span gives the same state (random draws
// included), and a cluster's time only moves forward. Scenarios are random command sequences at
// random times; one copy is stepped at extra random instants, the other is not.

import fc from 'fast-check';
import { Sandbox, VirtualClock } from '../../apps/server/src/engine/sandbox';

const START = Date.UTC(2026, 0, 1);

const COMMANDS = [
  'kubectl run a --image=nginx',
  'kubectl run b --image=busybox',
  'kubectl run c --image=nginx:no-such-tag',
  'kubectl run d --image=mariadb',
  'kubectl create deployment web --image=nginx --replicas=3',
  'kubectl delete pod a --wait=false',
  'kubectl delete deployment web --wait=false',
  'kubectl create namespace dev',
  'kubectl delete namespace dev --wait=false',
  'ssh node1 sudo systemctl stop kubelet',
  'ssh node1 sudo systemctl start kubelet',
];

const scenario = fc.array(
  fc.record({ command: fc.constantFrom(...COMMANDS), gap: fc.integer({ min: 0, max: 400_000 }) }),
  { minLength: 1, maxLength: 6 },
);

async function play(steps: { command: string; gap: number }[], splits: number[], tail: number): Promise<string> {
  const clock = new VirtualClock(START);
  const sandbox = Sandbox.create({ seed: 7, start: START }, clock);
  let session = sandbox.newSession();
  let t = START;
  const pending = [...splits].sort((a, b) => a - b);
  const advanceTo = (target: number): void => {
    while (pending.length && START + pending[0] < target) {
      const at = START + pending.shift()!;
      if (at > clock.now()) {
        clock.advanceTo(at);
        sandbox.cluster.step(at);
      }
    }
    clock.advanceTo(target);
  };
  for (const s of steps) {
    t += s.gap;
    advanceTo(t);
    session = (await sandbox.run(session, s.command, undefined, { isTTY: false })).session;
  }
  advanceTo(t + tail);
  sandbox.cluster.step(t + tail);
  return JSON.stringify(sandbox.serialize());
}

describe('time', () => {
  it('any split of a time span gives the same state', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, fc.array(fc.integer({ min: 0, max: 3_000_000 }), { maxLength: 8 }), fc.integer({ min: 0, max: 2_000_000 }), async (steps, splits, tail) => {
        const straight = await play(steps, [], tail);
        const split = await play(steps, splits, tail);
        expect(split).toBe(straight);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('time only moves forward', () => {
    const sandbox = Sandbox.create({ seed: 1, start: START });
    sandbox.cluster.step(START + 60_000);
    const before = JSON.stringify(sandbox.serialize());
    sandbox.cluster.step(START);
    expect(sandbox.cluster.now).toBe(START + 60_000);
    expect(JSON.stringify(sandbox.serialize())).toBe(before);
  });
});
