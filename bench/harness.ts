// A tiny benchmark harness: runs a function repeatedly and reports the median and p95.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
  ok?: boolean;
}

/**
 * A full garbage collection, between two figures and never inside a timed run: what one
 * figure's workload leaves behind (hundreds of clusters) is not collected during the next
 * figure's timing, as benchmark runners such as mitata do between benchmarks. A timed run still
 * pays for all the collection its own work causes.
 */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
}

export function measure(fn: () => void, runs: number): { median: number; p95: number; min: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)], min: times[0] };
}

export async function measureAsync(fn: () => Promise<void>, runs: number): Promise<{ median: number; p95: number; min: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)], min: times[0] };
}

export function report(figures: Figure[]): void {
  const width = Math.max(...figures.map((f) => f.name.length));
  for (const f of figures) {
    const status = f.ok === undefined ? '' : f.ok ? '  ok' : '  MISSED';
    const target = f.target ? `  (target ${f.target})` : '';
    console.log(`${f.name.padEnd(width)}  ${f.value.toFixed(f.value < 10 ? 3 : 1).padStart(10)} ${f.unit}${target}${status}`);
  }
}
