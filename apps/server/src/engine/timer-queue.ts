// Pending timers: at most one per (controller, key), the earliest time winning, as a workqueue's
// AddAfter behaves. Ordered by (time, controller order, key) so that timers due at the same
// instant fire in an order that does not depend on when they were scheduled.

import { TimerEntry } from './cluster-state';

/** a pending timer with its controller's settle order, so comparisons need no lookup */
interface Timer extends TimerEntry {
  order: number;
}

export class TimerQueue {
  /** controller → key → pending timer (nested maps: a lookup builds no `controller/key` string) */
  private readonly byId = new Map<string, Map<string, Timer>>();
  private count = 0;
  private heap: Timer[] = [];

  constructor(private readonly order: Map<string, number>) {}

  get size(): number {
    return this.count;
  }

  /** entries held, replaced ones included (bounded: see `set`) */
  get held(): number {
    return this.heap.length;
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

  /** the replaced entry stays in the heap and is dropped when it surfaces (dropStale) */
  private set(at: number, controller: string, key: string, keepEarlier: boolean): void {
    let keys = this.byId.get(controller);
    if (!keys) this.byId.set(controller, (keys = new Map()));
    const cur = keys.get(key);
    if (cur && (keepEarlier ? cur.at <= at : cur.at === at)) return;
    const entry: Timer = { at, controller, key, order: this.order.get(controller) ?? 1e9 };
    if (!cur) this.count++;
    keys.set(key, entry);
    this.push(entry);
    // replaced entries wait in the heap until they surface: past twice the pending ones, the heap
    // is rebuilt from them (a sorted array is a heap; the order is total, so pops stay the same)
    if (this.heap.length > 2 * this.count + 64) {
      const pending: Timer[] = [];
      for (const ks of this.byId.values()) for (const t of ks.values()) pending.push(t);
      this.heap = pending.sort((a, b) => this.compare(a, b));
    }
  }

  /** the pending time of (controller, key), if any */
  pendingAt(controller: string, key: string): number | undefined {
    return this.pending(controller, key)?.at;
  }

  peek(): TimerEntry | undefined {
    this.dropStale();
    return this.heap[0];
  }

  pop(): TimerEntry | undefined {
    this.dropStale();
    const top = this.heap[0];
    if (!top) return undefined;
    this.removeTop();
    this.byId.get(top.controller)!.delete(top.key);
    this.count--;
    return { at: top.at, controller: top.controller, key: top.key };
  }

  /**
   * The earliest timer time, ignoring one controller's key and the listed timers (for a
   * closed-form catch-up that knows those timers cannot fire while it repeats).
   */
  earliestExcept(controller: string, key: string | undefined, ignore: readonly { controller: string; key: string }[] = []): number {
    let best = Infinity;
    for (const keys of this.byId.values()) for (const e of keys.values()) {
      if (e.at >= best) continue;
      if (e.controller === controller && e.key === key) continue;
      if (ignore.length && ignore.some((x) => x.controller === e.controller && x.key === e.key)) continue;
      best = e.at;
    }
    return best;
  }

  entries(): TimerEntry[] {
    const all: Timer[] = [];
    for (const keys of this.byId.values()) for (const e of keys.values()) all.push(e);
    return all.sort((a, b) => this.compare(a, b)).map(({ at, controller, key }) => ({ at, controller, key }));
  }

  private dropStale(): void {
    while (this.heap.length) {
      const top = this.heap[0];
      if (this.pending(top.controller, top.key) === top) return;
      this.removeTop();
    }
  }

  private compare(a: Timer, b: Timer): number {
    if (a.at !== b.at) return a.at - b.at;
    if (a.order !== b.order) return a.order - b.order;
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  }

  private push(e: Timer): void {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.compare(h[i], h[p]) >= 0) break;
      const t = h[i];
      h[i] = h[p];
      h[p] = t;
      i = p;
    }
  }

  private removeTop(): void {
    const h = this.heap;
    const last = h.pop()!;
    if (!h.length) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.compare(h[l], h[m]) < 0) m = l;
      if (r < h.length && this.compare(h[r], h[m]) < 0) m = r;
      if (m === i) break;
      const t = h[i];
      h[i] = h[m];
      h[m] = t;
      i = m;
    }
  }
}
