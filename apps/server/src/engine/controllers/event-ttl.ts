// Events expire one hour after they last happened, as with the API server's default --event-ttl
// (etcd leases: every Event expires, whoever wrote it). One timer, keyed '', stands at the
// earliest expiry (event-expiry.ts); a keyed timer (`namespace/name`, one per Event) is what
// clusters stored by engines before 0.10 hold, and is still honoured.

import { KubeEvent } from '../api/types';
import { parseTime } from '../time';
import { Controller, ControllerContext, splitKey } from './controller';
import { EventExpiry } from './event-expiry';

export const EVENT_TTL_MS = 3600_000;

/** the key of the one timer at the earliest expiry */
const EARLIEST = '';

/** when a stored Event expires: an hour after it last happened (its timestamps are whole seconds) */
export function expiryOf(ev: KubeEvent): number {
  return parseTime(ev.lastTimestamp ?? ev.firstTimestamp ?? ev.metadata.creationTimestamp) + EVENT_TTL_MS;
}

export function eventTtlController(): Controller {
  let expiry: EventExpiry | undefined;

  /** the expiries, built from the stored Events on first use (after a load); true when just built */
  const expiries = (ctx: ControllerContext): [EventExpiry, boolean] => {
    if (expiry) return [expiry, false];
    const e = (expiry = new EventExpiry((ev) => ctx.store.get('events', ev.metadata.namespace, ev.metadata.name!) === ev));
    for (const ev of ctx.store.unordered('events') as KubeEvent[]) e.add(ev, expiryOf(ev));
    const first = e.earliest();
    if (first !== undefined) ctx.schedule(first, EARLIEST);
    return [e, true];
  };

  return {
    name: 'event-ttl',
    resources: ['events'],
    watch(ev, _enqueue, ctx) {
      const [e, built] = expiries(ctx);
      if (built) return; // made from the store as it is now, this change included
      const before = e.earliest();
      if (ev.type === 'DELETED') e.delete(ev.old as KubeEvent);
      else e.add(ev.object as KubeEvent, expiryOf(ev.object as KubeEvent), ev.old as KubeEvent | undefined);
      // the timer follows the earliest expiry, earlier (schedule) or later (postpone)
      const first = e.earliest();
      if (first === undefined || first === before) return;
      if (before === undefined || first < before) ctx.schedule(first, EARLIEST);
      else ctx.postpone('event-ttl', first, EARLIEST);
    },
    sync(key, ctx) {
      if (key !== EARLIEST) return expireOne(key, ctx);
      const [e] = expiries(ctx);
      // the removals below come back through watch; the timer is set once, after them
      for (const ev of e.takeDue(ctx.now)) ctx.store.remove('events', ev.metadata.namespace, ev.metadata.name!);
      // later only: a timer the first use after a load set at this instant moves on too
      const first = e.earliest();
      if (first !== undefined) ctx.postpone('event-ttl', first, EARLIEST);
    },
    earliestExcept(keys, ctx) {
      return expiries(ctx)[0].earliestExcept(keys);
    },
  };
}

/** a per-Event timer of a cluster stored before 0.10 */
function expireOne(key: string, ctx: ControllerContext): void {
  const { namespace, name } = splitKey(key);
  const ev = ctx.store.get('events', namespace, name) as KubeEvent | undefined;
  if (!ev) return;
  const expires = expiryOf(ev);
  if (expires > ctx.now) {
    ctx.schedule(expires, key);
    return;
  }
  ctx.store.remove('events', namespace, name);
}
