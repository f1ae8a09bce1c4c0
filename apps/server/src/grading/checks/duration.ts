// Check durations (`10m`, `1h30m`) in milliseconds.

const UNIT: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(text: string): number {
  let total = 0;
  const re = /(\d+)(ms|s|m|h|d)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) total += Number(m[1]) * UNIT[m[2]];
  return total;
}
