// Pending timers: at most one per (controller, key), the earliest time winning, as a workqueue's
// AddAfter behaves. Ordered by (time, controller order, key) so that timers due at the same
// instant fire in an order that does not depend on when they were scheduled.

import { TimerEntry } from './cluster-state';

/** a pending timer with its controller's settle order, so comparisons need no lookup */
interface Timer extends TimerEntry {
  order: number;
}

export class TimerQueue {
  private readonly byId = new Map<string, Timer>();
  private heap: Timer[] = [];

  constructor(private readonly order: Map<string, number>) {}

  get size(): number {
    return this.byId.size;
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
    const id = `${controller}\u0000${key}`;
    const cur = this.byId.get(id);
    if (cur && (keepEarlier ? cur.at <= at : cur.at === at)) return;
    const entry: Timer = { at, controller, key, order: this.order.get(controller) ?? 1e9 };
    this.byId.set(id, entry);
    this.push(entry);
  }

  /** the pending time of (controller, key), if any */
  pendingAt(controller: string, key: string): number | undefined {
    return this.byId.get(`${controller}\u0000${key}`)?.at;
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
    this.byId.delete(`${top.controller}\u0000${top.key}`);
    return { at: top.at, controller: top.controller, key: top.key };
  }

  /**
   * The earliest timer time, ignoring one controller's key and the listed timers (for a
   * closed-form catch-up that knows those timers cannot fire while it repeats).
   */
  earliestExcept(controller: string, key: string | undefined, ignore: readonly { controller: string; key: string }[] = []): number {
    let best = Infinity;
    for (const e of this.byId.values()) {
      if (e.at >= best) continue;
      if (e.controller === controller && e.key === key) continue;
      if (ignore.length && ignore.some((x) => x.controller === e.controller && x.key === e.key)) continue;
      best = e.at;
    }
    return best;
  }

  entries(): TimerEntry[] {
    return [...this.byId.values()].sort((a, b) => this.compare(a, b)).map(({ at, controller, key }) => ({ at, controller, key }));
  }

  private dropStale(): void {
    while (this.heap.length) {
      const top = this.heap[0];
      if (this.byId.get(`${top.controller}\u0000${top.key}`) === top) return;
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
