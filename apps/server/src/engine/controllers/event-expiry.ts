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

interface Entry {
  at: number;
  event: KubeEvent;
}

/** whether `event` is the Event stored under its namespace and name */
export type IsStored = (event: KubeEvent) => boolean;

export class EventExpiry {
  /** entries in `at` order (stable); those before `head` are gone */
  private entries: Entry[] = [];
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
    this.insert({ at, event });
    this.compact();
  }

  /** A stored Event was deleted. */
  delete(old: KubeEvent): void {
    this.forget(old);
    this.stored--;
  }

  /** the earliest expiry of a stored Event, or undefined when there is none */
  earliest(): number | undefined {
    return this.first()?.at;
  }

  /** The earliest expiry of an Event whose `namespace/name` key is not in `keys`, or Infinity. */
  earliestExcept(keys: ReadonlySet<string>): number {
    for (let i = this.head; i < this.entries.length; i++) {
      const e = this.entries[i];
      if (this.isStored(e.event) && !keys.has(`${e.event.metadata.namespace}/${e.event.metadata.name}`)) return e.at;
    }
    return Infinity;
  }

  /** Takes the stored Events due by `now` out, ordered by namespace then name (a canonical order). */
  takeDue(now: number): KubeEvent[] {
    const due: KubeEvent[] = [];
    for (let e = this.first(); e && e.at <= now; e = this.first()) {
      due.push(e.event);
      this.head++;
      this.headChecked = false;
    }
    this.compact();
    return due.sort((a, b) => compareNames(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || compareNames(a.metadata.name!, b.metadata.name!));
  }

  /** the earliest entry whose Event is still stored, dropping the stale ones in front of it */
  private first(): Entry | undefined {
    while (this.head < this.entries.length) {
      const e = this.entries[this.head];
      if (this.headChecked || this.isStored(e.event)) {
        this.headChecked = true;
        return e;
      }
      this.head++;
    }
    return undefined;
  }

  /** `old` is no longer stored: if the checked head named it, the head is checked again */
  private forget(old: KubeEvent): void {
    if (this.headChecked && this.entries[this.head]?.event === old) this.headChecked = false;
  }

  /** appends (the usual case: Events expire in the order they happen) or inserts in `at` order */
  private insert(entry: Entry): void {
    const list = this.entries;
    if (list.length === this.head || list[list.length - 1].at <= entry.at) {
      list.push(entry);
      return;
    }
    let lo = this.head;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid].at <= entry.at) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, entry);
    if (lo === this.head) this.headChecked = false;
  }

  /** drops what is before `head`, and stale entries once they outnumber the stored Events */
  private compact(): void {
    const held = this.entries.length - this.head;
    if (held > 2 * this.stored + 1024) {
      this.entries = this.entries.slice(this.head).filter((e) => this.isStored(e.event));
      this.head = 0;
      this.headChecked = false;
    } else if (this.head >= 1024 && this.head * 2 >= this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
