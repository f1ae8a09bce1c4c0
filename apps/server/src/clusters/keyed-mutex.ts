// One lock per key (a cluster id), granted in arrival order. In one process this is what keeps
// two commands of a cluster from running at once; across processes the version compare-and-set
// at commit time does (see cluster-runner.ts).

export type Release = () => void;

export class KeyedMutex {
  private readonly queues = new Map<string, Array<() => void>>();

  /** Resolves when the caller holds `key`; call the returned function exactly once to let go. */
  acquire(key: string): Promise<Release> {
    return new Promise((resolve) => {
      const grant = (): void => {
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.next(key);
        });
      };
      const queue = this.queues.get(key);
      if (queue) queue.push(grant);
      else {
        this.queues.set(key, []);
        grant();
      }
    });
  }

  /** True while someone holds `key`. */
  held(key: string): boolean {
    return this.queues.has(key);
  }

  private next(key: string): void {
    const queue = this.queues.get(key);
    const waiter = queue?.shift();
    if (waiter) waiter();
    else this.queues.delete(key);
  }
}
