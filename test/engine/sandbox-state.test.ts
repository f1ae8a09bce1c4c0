// A cluster's state serializes to plain JSON and loads back into the same cluster: same
// objects, same files on its hosts, same future (timers and random draws included).

import { Sandbox, VirtualClock } from '../../apps/server/src/engine/sandbox';

const START = Date.UTC(2026, 0, 1);

async function run(sandbox: Sandbox, lines: string[]): Promise<string> {
  let session = sandbox.newSession();
  let out = '';
  for (const line of lines) {
    const r = await sandbox.run(session, line, undefined, { isTTY: false });
    session = r.session;
    out += r.result.stdout + r.result.stderr;
  }
  return out;
}

describe('serialized state', () => {
  it('round-trips: load(serialize(x)) serializes the same and behaves the same', async () => {
    const clock = new VirtualClock(START);
    const a = Sandbox.create({ seed: 3, start: START }, clock);
    await run(a, ['echo hola > notes.txt', 'rm .profile', 'kubectl create deployment web --image=nginx --replicas=2', 'sleep 5']);
    const saved = JSON.parse(JSON.stringify(a.serialize()));
    const b = Sandbox.load(saved, new VirtualClock(clock.now()));
    expect(JSON.stringify(b.serialize())).toBe(JSON.stringify(saved));
    expect(await run(b, ['cat notes.txt', 'ls -a'])).toBe(await run(a, ['cat notes.txt', 'ls -a']));
    // the same future: both create a pod with the same random name and reach the same state
    const later = ['kubectl run x --image=busybox -- sleep 3600', 'sleep 60', 'kubectl get pods -o wide'];
    expect(await run(b, later)).toBe(await run(a, later));
    expect(JSON.stringify(b.serialize())).toBe(JSON.stringify(a.serialize()));
  });

  it('keeps hosts small: only files that differ from a fresh host are stored', () => {
    const s = Sandbox.create({ seed: 1, start: START }).serialize();
    const master = (s.hosts as Record<string, { changed: Record<string, unknown> }>).master;
    expect(Object.keys(master.changed).sort()).toEqual(['/etc/kubernetes', '/etc/kubernetes/admin.conf', '/etc/kubernetes/manifests', '/etc/kubernetes/pki', '/home/student/.kube', '/home/student/.kube/config']);
  });

  it('refuses state written by another engine version', () => {
    const s = Sandbox.create({ seed: 1, start: START }).serialize();
    expect(() => Sandbox.load({ ...s, engineVersion: '0.0.0-old' }, new VirtualClock(START))).toThrow(/engine 0.0.0-old/);
  });
});
