// kubectl's AGE column: apimachinery's duration.HumanDuration, its precision falling as the age
// grows. The first cases are those of apimachinery's own duration_test.go; the rest the bounds.
import { humanDuration } from './time';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration (kubectl AGE)', () => {
  it.each([
    [1 * S, '1s'],
    [70 * S, '70s'],
    [190 * S, '3m10s'],
    [70 * M, '70m'],
    [47 * H, '47h'],
    [49 * H, '2d1h'],
    [8 * D + 2 * H, '8d'],
    [367 * D, '367d'],
    [365 * 2 * D + 25 * H, '2y1d'],
    [365 * 8 * D + 2 * H, '8y'],
    // the bounds between the forms
    [0, '0s'],
    [119 * S + 999, '119s'],
    [120 * S, '2m'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M + 59 * S, '10m'],
    [179 * M + 59 * S, '179m'],
    [180 * M, '3h'],
    [7 * H + 59 * M + 59 * S, '7h59m'],
    [8 * H + 30 * M, '8h'],
    [48 * H, '2d'],
    [7 * D + 23 * H + 59 * M, '7d23h'],
    [365 * 2 * D, '2y'],
    // a clock a little ahead of the server: almost now; further ahead: invalid
    [-1500, '0s'],
    [-2 * S, '<invalid>'],
  ])('%d ms is %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});
