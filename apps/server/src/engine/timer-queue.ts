// Pending timers: at most one per (controller, key), the earliest time winning, as a workqueue's
// AddAfter behaves. Ordered by (time, controller order, key) so that timers due at the same
// instant fire in an order that does not depend on when they were scheduled.
//
// Many timers share an instant (every Event recorded at one instant expires at one instant), so
// the heap holds instants, each with a bucket of its timers that is sorted once, when its instant
// comes up: adding a timer is a map look-up and a push, with no string compares.

import { TimerEntry } from './cluster-state';

/** a pending timer with its controller's settle order, so comparisons need no lookup */
interface Timer extends TimerEntry {
  order: number;
}

/** the timers set for one instant; those before `head` have been popped */
interface Bucket {
  timers: Timer[];
  head: number;
  /** timers[head..] are in (order, key) order */
  sorted: boolean;
}

export class TimerQueue {
  /** controller → key → pending timer (nested maps: a lookup builds no `controller/key` string) */
  private readonly byId = new Map<string, Map<string, Timer>>();
  private count = 0;
  /** entries in the buckets not yet popped, replaced ones included */
  private entriesHeld = 0;
  /** min-heap of the instants that have a bucket */
  private instants: number[] = [];
  private buckets = new Map<number, Bucket>();

  constructor(private readonly order: Map<string, number>) {}

  get size(): number {
    return this.count;
  }

  /** entries held, replaced ones included (bounded: see `set`) */
  get held(): number {
    return this.entriesHeld;
  }

  private pending(controller: string, key: string): Timer | undefined {
    return this.byId.get(controller)?.get(key);
  }

  /** Sets (controller, key)'s timer to `at` unless one is pending at `at` or earlier. */
  add(at: number, controller: string, key: string): void {
    this.set(at, controller, key, true);
  }

  /** Sets (controller, key)'s timer to `at`, later or earlier than a pending one (a moved deadline). */
  reschedule(at: number, controller: string, key: string): void {
    this.set(at, controller, key, false);
  }

  /** the replaced entry stays in its bucket and is dropped when it surfaces (dropStale) */
  private set(at: number, controller: string, key: string, keepEarlier: boolean): void {
    let keys = this.byId.get(controller);
    if (!keys) this.byId.set(controller, (keys = new Map()));
    const cur = keys.get(key);
    if (cur && (keepEarlier ? cur.at <= at : cur.at === at)) return;
    const entry: Timer = { at, controller, key, order: this.order.get(controller) ?? 1e9 };
    if (!cur) this.count++;
    keys.set(key, entry);
    this.push(entry);
    // replaced entries wait until they surface: past twice the pending ones, the buckets are
    // rebuilt from the pending timers
    if (this.entriesHeld > 2 * this.count + 64) {
      this.instants = [];
      this.buckets = new Map();
      this.entriesHeld = 0;
      for (const ks of this.byId.values()) for (const t of ks.values()) this.push(t);
    }
  }

  /** the pending time of (controller, key), if any */
  pendingAt(controller: string, key: string): number | undefined {
    return this.pending(controller, key)?.at;
  }

  peek(): TimerEntry | undefined {
    const b = this.top();
    return b?.timers[b.head];
  }

  pop(): TimerEntry | undefined {
    const b = this.top();
    if (!b) return undefined;
    const t = b.timers[b.head++];
    this.entriesHeld--;
    this.byId.get(t.controller)!.delete(t.key);
    this.count--;
    return { at: t.at, controller: t.controller, key: t.key };
  }

  /**
   * The earliest timer time, ignoring one controller's key and the listed timers (for a
   * closed-form catch-up that knows those timers cannot fire while it repeats), and every timer
   * of the `skip` controllers.
   */
  earliestExcept(controller: string, key: string | undefined, ignore: readonly { controller: string; key: string }[] = [], skip?: ReadonlySet<string>): number {
    let best = Infinity;
    for (const [c, keys] of this.byId) {
      if (skip?.has(c)) continue;
      for (const e of keys.values()) {
        if (e.at >= best) continue;
        if (e.controller === controller && e.key === key) continue;
        if (ignore.length && ignore.some((x) => x.controller === e.controller && x.key === e.key)) continue;
        best = e.at;
      }
    }
    return best;
  }

  entries(): TimerEntry[] {
    const all: Timer[] = [];
    for (const keys of this.byId.values()) for (const e of keys.values()) all.push(e);
    return all.sort((a, b) => a.at - b.at || byOrderAndKey(a, b)).map(({ at, controller, key }) => ({ at, controller, key }));
  }

  /** the earliest instant's bucket with a pending timer at its head, replaced entries dropped */
  private top(): Bucket | undefined {
    while (this.instants.length) {
      const at = this.instants[0];
      const b = this.buckets.get(at)!;
      if (!b.sorted) {
        // what was popped goes; the rest is sorted (again, if timers came while it was popped)
        b.timers = b.timers.slice(b.head).sort(byOrderAndKey);
        b.head = 0;
        b.sorted = true;
      }
      while (b.head < b.timers.length) {
        const t = b.timers[b.head];
        if (this.pending(t.controller, t.key) === t) return b;
        b.head++;
        this.entriesHeld--;
      }
      this.buckets.delete(at);
      this.popInstant();
    }
    return undefined;
  }

  private push(e: Timer): void {
    this.entriesHeld++;
    const b = this.buckets.get(e.at);
    if (b) {
      b.timers.push(e);
      b.sorted = false;
      return;
    }
    this.buckets.set(e.at, { timers: [e], head: 0, sorted: true });
    const h = this.instants;
    h.push(e.at);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[i] >= h[p]) break;
      const t = h[i];
      h[i] = h[p];
      h[p] = t;
      i = p;
    }
  }

  private popInstant(): void {
    const h = this.instants;
    const last = h.pop()!;
    if (!h.length) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && h[l] < h[m]) m = l;
      if (r < h.length && h[r] < h[m]) m = r;
      if (m === i) break;
      const t = h[i];
      h[i] = h[m];
      h[m] = t;
      i = m;
    }
  }
}

function byOrderAndKey(a: Timer, b: Timer): number {
  if (a.order !== b.order) return a.order - b.order;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
