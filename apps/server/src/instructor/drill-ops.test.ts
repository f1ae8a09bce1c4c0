// The drills map onto the engine's fault operations; here the lasting fill-volume drill, which a
// student sees as "No space left on device" until the instructor ends it.
import { Sandbox, VirtualClock } from '../engine/sandbox';
import { applyDrill, drillLasts, drillSpecSchema } from './drill-ops';

const T0 = Date.UTC(2026, 0, 1);

describe('drill operations', () => {
  it('fill-volume: writes fail with No space left on device until the drill ends', async () => {
    const sandbox = Sandbox.create({ seed: 1, start: T0 }, new VirtualClock(T0));
    let session = sandbox.newSession();
    const sh = async (line: string) => {
      const r = await sandbox.run(session, line, undefined, { isTTY: false });
      session = r.session;
      return r.result;
    };
    sandbox.cluster.at(T0, () =>
      sandbox.cluster.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { volumes: [{ name: 'data', emptyDir: {} }], containers: [{ name: 'main', image: 'busybox', command: ['sleep', '3600'], volumeMounts: [{ name: 'data', mountPath: '/data' }] }] } }),
    );
    await sh('sleep 60');
    const spec = drillSpecSchema.parse({ kind: 'fill-volume', pod: 'web', volume: 'data' });
    expect(spec).toEqual({ kind: 'fill-volume', namespace: 'default', pod: 'web', volume: 'data' });
    expect(drillLasts(spec)).toBe(true);
    applyDrill(sandbox.cluster, spec, 'start', sandbox.cluster.now);
    const full = await sh(`kubectl exec web -- sh -c 'echo hola > /data/f'`);
    expect(full.stderr).toContain('No space left on device');
    expect(full.exitCode).not.toBe(0);
    applyDrill(sandbox.cluster, spec, 'end', sandbox.cluster.now);
    const freed = await sh(`kubectl exec web -- sh -c 'echo hola > /data/f && cat /data/f'`);
    expect(freed).toMatchObject({ stdout: 'hola\n', exitCode: 0 });
  });

  it('refuses a fill-volume drill without its pod and volume', () => {
    const r = drillSpecSchema.safeParse({ kind: 'fill-volume', pod: 'web' });
    expect(r.success).toBe(false);
  });
});
