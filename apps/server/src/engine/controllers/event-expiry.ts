// When each stored Event expires, in expiry order: the event-ttl controller's one timer stands at
// the earliest, so recording an Event costs a push here instead of a timer of its own (a timer
// per Event was a tenth of starting 1,000 pods: a key string built and hashed, a heap entry).
//
// An entry names the stored Event object it was made for: it counts while that object is still
// the one stored (stored objects are replaced, never changed, so a repeat or a deletion leaves
// the entry stale without a look-up table to keep). Derived from the stored Events (an Event
// expires EVENT_TTL_MS after its lastTimestamp, whole seconds), so a loaded cluster rebuilds it
// and finds the same expiries; never serialized.

import type { KubeEvent } from '../api/types';

/** whether `event` is the Event stored under its namespace and name */
export type IsStored = (event: KubeEvent) => boolean;

export class EventExpiry {
  // the queue as two lists kept in step, entry i being (events[i], ats[i]): the times sit
  // unboxed in a list of doubles, where an entry object and its boxed time were 56 bytes an Event
  /** Events in expiry order (stable); those before `head` are gone */
  private events: KubeEvent[] = [];
  /** when each expires */
  private ats: number[] = [];
  private head = 0;
  /** the entry at `head` was found current (until the Event it names is replaced or deleted) */
  private headChecked = false;
  /** stored Events (added minus deleted), to know when stale entries are worth dropping */
  private stored = 0;

  constructor(private readonly isStored: IsStored) {}

  /** An Event was stored (created or replaced by `old`), expiring at `at`. */
  add(event: KubeEvent, at: number, old?: KubeEvent): void {
    if (old) this.forget(old);
    else this.stored++;
    this.insert(event, at);
    this.compact();
  }

  /** A stored Event was deleted. */
  delete(old: KubeEvent): void {
    this.forget(old);
    this.stored--;
  }

  /** entries held, stale ones included (what compaction bounds) */
  get held(): number {
    return this.events.length;
  }

  /** the earliest expiry of a stored Event, or undefined when there is none */
  earliest(): number | undefined {
    const i = this.first();
    return i < 0 ? undefined : this.ats[i];
  }

  /** The earliest expiry of an Event whose `namespace/name` key is not in `keys`, or Infinity. */
  earliestExcept(keys: ReadonlySet<string>): number {
    for (let i = this.head; i < this.events.length; i++) {
      const e = this.events[i];
      if (this.isStored(e) && !keys.has(`${e.metadata.namespace}/${e.metadata.name}`)) return this.ats[i];
    }
    return Infinity;
  }

  /** Takes the stored Events due by `now` out, ordered by namespace then name (a canonical order). */
  takeDue(now: number): KubeEvent[] {
    const due: KubeEvent[] = [];
    for (let i = this.first(); i >= 0 && this.ats[i] <= now; i = this.first()) {
      due.push(this.events[i]);
      this.head++;
      this.headChecked = false;
    }
    this.compact();
    return due.sort((a, b) => compareNames(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || compareNames(a.metadata.name!, b.metadata.name!));
  }

  /** the index of the earliest entry whose Event is still stored (-1: none), dropping the stale ones in front of it */
  private first(): number {
    while (this.head < this.events.length) {
      if (this.headChecked || this.isStored(this.events[this.head])) {
        this.headChecked = true;
        return this.head;
      }
      this.head++;
    }
    return -1;
  }

  /** `old` is no longer stored: if the checked head named it, the head is checked again */
  private forget(old: KubeEvent): void {
    if (this.headChecked && this.events[this.head] === old) this.headChecked = false;
  }

  /** appends (the usual case: Events expire in the order they happen) or inserts in `at` order */
  private insert(event: KubeEvent, at: number): void {
    const { events, ats } = this;
    if (events.length === this.head || ats[ats.length - 1] <= at) {
      events.push(event);
      ats.push(at);
      return;
    }
    let lo = this.head;
    let hi = events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ats[mid] <= at) lo = mid + 1;
      else hi = mid;
    }
    events.splice(lo, 0, event);
    ats.splice(lo, 0, at);
    if (lo === this.head) this.headChecked = false;
  }

  /** drops what is before `head`, and stale entries once they outnumber the stored Events */
  private compact(): void {
    const held = this.events.length - this.head;
    if (held > 2 * this.stored + 1024) {
      const events: KubeEvent[] = [];
      const ats: number[] = [];
      for (let i = this.head; i < this.events.length; i++) {
        if (!this.isStored(this.events[i])) continue;
        events.push(this.events[i]);
        ats.push(this.ats[i]);
      }
      this.events = events;
      this.ats = ats;
      this.head = 0;
      this.headChecked = false;
    } else if (this.head >= 1024 && this.head * 2 >= this.events.length) {
      this.events = this.events.slice(this.head);
      this.ats = this.ats.slice(this.head);
      this.head = 0;
    }
  }
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
