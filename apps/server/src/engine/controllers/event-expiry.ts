// When each stored Event expires, in expiry order: the event-ttl controller's one timer stands at
// the earliest, so recording an Event costs a push here instead of a timer of its own (a timer
// per Event was a tenth of starting 1,000 pods: a key string built and hashed, a heap entry).
//
// Derived from the stored Events (an Event expires EVENT_TTL_MS after its lastTimestamp, whole
// seconds), so a loaded cluster rebuilds it and finds the same expiries; never serialized.

/** one Event's expiry; `live` is false once the Event was written again or deleted */
interface Entry {
  at: number;
  namespace: string;
  name: string;
  live: boolean;
}

export class EventExpiry {
  /** entries in `at` order (stable); those before `head` are gone */
  private entries: Entry[] = [];
  private head = 0;
  /** namespace → Event name → its live entry (nested maps: a look-up builds no key string) */
  private readonly byName = new Map<string, Map<string, Entry>>();
  private liveCount = 0;

  get size(): number {
    return this.liveCount;
  }

  /** The Event (namespace, name) now expires at `at`, replacing what was known of it. */
  set(namespace: string, name: string, at: number): void {
    let names = this.byName.get(namespace);
    if (!names) this.byName.set(namespace, (names = new Map()));
    const old = names.get(name);
    if (old) {
      if (old.at === at) return;
      old.live = false;
      this.liveCount--;
    }
    const entry: Entry = { at, namespace, name, live: true };
    names.set(name, entry);
    this.liveCount++;
    this.insert(entry);
    this.compact();
  }

  /** The Event is gone. */
  delete(namespace: string, name: string): void {
    const names = this.byName.get(namespace);
    const old = names?.get(name);
    if (!old) return;
    old.live = false;
    this.liveCount--;
    names!.delete(name);
    if (!names!.size) this.byName.delete(namespace);
  }

  /** the earliest expiry, or undefined when no Event is tracked */
  earliest(): number | undefined {
    return this.first()?.at;
  }

  /** The earliest expiry of an Event whose `namespace/name` key is not in `keys`, or Infinity. */
  earliestExcept(keys: ReadonlySet<string>): number {
    for (let i = this.head; i < this.entries.length; i++) {
      const e = this.entries[i];
      if (e.live && !keys.has(`${e.namespace}/${e.name}`)) return e.at;
    }
    return Infinity;
  }

  /** Takes the Events due by `now` out, ordered by namespace then name (a canonical order). */
  takeDue(now: number): { namespace: string; name: string }[] {
    const due: Entry[] = [];
    for (let e = this.first(); e && e.at <= now; e = this.first()) {
      this.head++;
      due.push(e);
      this.delete(e.namespace, e.name);
    }
    this.compact();
    return due.sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** the earliest live entry, dropping the stale ones in front of it */
  private first(): Entry | undefined {
    while (this.head < this.entries.length) {
      const e = this.entries[this.head];
      if (e.live) return e;
      this.head++;
    }
    return undefined;
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
  }

  /** drops what is before `head`, and stale entries once they outnumber the live ones */
  private compact(): void {
    const held = this.entries.length - this.head;
    if (this.head < 1024 && held <= 2 * this.liveCount + 1024) return;
    if (this.head >= 1024 && this.head * 2 >= this.entries.length && held <= 2 * this.liveCount + 1024) {
      this.entries = this.entries.slice(this.head);
    } else {
      this.entries = this.entries.slice(this.head).filter((e) => e.live);
    }
    this.head = 0;
  }
}
