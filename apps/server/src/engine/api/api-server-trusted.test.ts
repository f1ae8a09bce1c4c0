// The recorder's trusted write path must give what the full path gives: the same stored Event,
// the same random draws, and the same refusals (an over-long name, a missing namespace).
import { Cluster } from '../cluster';
import { ApiError } from './errors';
import { KubeEvent } from './types';

const START = Date.UTC(2026, 0, 1);

function event(name: string, namespace = 'default'): KubeEvent {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace },
    involvedObject: { apiVersion: 'v1', kind: 'Pod', name: 'web', namespace, uid: 'u-1' },
    reason: 'Pulled',
    message: 'Container image "nginx" already present on machine',
    source: { component: 'kubelet', host: 'worker-1' },
    firstTimestamp: '2026-01-01T00:00:00Z',
    lastTimestamp: '2026-01-01T00:00:00Z',
    count: 1,
    type: 'Normal',
    eventTime: null,
    reportingComponent: 'kubelet',
    reportingInstance: 'worker-1',
  } as KubeEvent;
}

/** runs `write` on two identical clusters, trusted and not */
function both<T>(write: (c: Cluster, trusted: boolean) => T): [T | ApiError, T | ApiError] {
  const run = (trusted: boolean): T | ApiError => {
    const c = Cluster.create({ seed: 7, start: START });
    try {
      return c.at(c.now, () => write(c, trusted));
    } catch (e) {
      if (e instanceof ApiError) return e;
      throw e;
    }
  };
  return [run(false), run(true)];
}

describe('ApiServer trusted writes (engine-built Events)', () => {
  it('stores the same Event and draws the same uid as the full path', () => {
    const [full, trusted] = both((c, t) => {
      const stored = c.api.create(event('web.1'), { internal: true, trusted: t });
      return { stored, next: c.rng.uuid() };
    });
    expect(trusted).toEqual(full);
  });

  it('refuses a name the full path refuses, after drawing the uid as it does', () => {
    const long = `${'a'.repeat(250)}.18c2f`;
    const [full, trusted] = both((c, t) => {
      let err: unknown;
      try {
        c.api.create(event(long), { internal: true, trusted: t });
      } catch (e) {
        err = e;
      }
      return { message: (err as Error).message, next: c.rng.uuid() };
    });
    expect(trusted).toEqual(full);
    expect((full as { message: string }).message).toContain('is invalid');
  });

  it('refuses an Event in a namespace that does not exist', () => {
    const [full, trusted] = both((c, t) => c.api.create(event('web.1', 'nope'), { internal: true, trusted: t }));
    expect(full).toBeInstanceOf(ApiError);
    expect((trusted as ApiError).message).toBe((full as ApiError).message);
  });

  it('bumps a count the same way', () => {
    const [full, trusted] = both((c, t) => {
      const stored = c.api.create(event('web.1'), { internal: true, trusted: t }) as KubeEvent;
      return c.api.update({ ...stored, count: 2, lastTimestamp: '2026-01-01T00:00:09Z' } as KubeEvent, { internal: true, trusted: t });
    });
    expect(trusted).toEqual(full);
    expect((trusted as KubeEvent).count).toBe(2);
  });
});
