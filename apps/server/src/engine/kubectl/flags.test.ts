import { goDurationError, parseGoDuration } from './flags';

describe("Go's duration errors", () => {
  // recorded from kubectl v1.32: `kubectl logs a --since=VALUE`
  it.each([
    ['5', 'time: missing unit in duration "5"'],
    ['x', 'time: invalid duration "x"'],
    ['5x', 'time: unknown unit "x" in duration "5x"'],
    ['', 'time: invalid duration ""'],
    ['-', 'time: invalid duration "-"'],
    ['.s', 'time: invalid duration ".s"'],
    ['1..5s', 'time: missing unit in duration "1..5s"'],
    ['5s3', 'time: missing unit in duration "5s3"'],
    ['5sx', 'time: unknown unit "sx" in duration "5sx"'],
    ['+', 'time: invalid duration "+"'],
    ['5 s', 'time: unknown unit " s" in duration "5 s"'],
    ['1e3s', 'time: unknown unit "e" in duration "1e3s"'],
    ['00', 'time: missing unit in duration "00"'],
  ])('%j', (value, message) => {
    expect(parseGoDuration(value)).toBeUndefined();
    expect(goDurationError(value)).toBe(message);
  });

  it('accepts what Go accepts', () => {
    expect(parseGoDuration('1.s')).toBe(1000);
    expect(parseGoDuration('.5s')).toBe(500);
    expect(parseGoDuration('1h2m')).toBe(3_720_000);
    expect(parseGoDuration('-1.5h')).toBe(-5_400_000);
  });
});
