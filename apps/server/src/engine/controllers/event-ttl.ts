// Events expire one hour after they last happened, as with the API server's default --event-ttl.

import { KubeEvent } from '../api/types';
import { parseTime } from '../time';
import { Controller, splitKey } from './controller';

export const EVENT_TTL_MS = 3600_000;

export function eventTtlController(): Controller {
  return {
    name: 'event-ttl',
    resources: [],
    watch: () => undefined,
    sync(key, ctx) {
      const { namespace, name } = splitKey(key);
      const ev = ctx.store.get('events', namespace, name) as KubeEvent | undefined;
      if (!ev) return;
      const expires = parseTime(ev.lastTimestamp ?? ev.firstTimestamp ?? ev.metadata.creationTimestamp) + EVENT_TTL_MS;
      if (expires > ctx.now) {
        ctx.schedule(expires, key);
        return;
      }
      ctx.store.remove('events', namespace, name);
    },
  };
}
