import { nearestBase, StoredState, storedStateName } from './timeline';

const s = (version: number, exact: boolean): StoredState => ({ version, exact, engineVersion: 'x', state: '' });

describe('the base a past state is rebuilt from', () => {
  it('takes the latest state before the input, or one taken exactly at it', () => {
    const states = [s(0, true), s(6, true), s(9, false), s(12, true)];
    expect(nearestBase(states, 5)).toEqual(s(0, true));
    expect(nearestBase(states, 6)).toEqual(s(6, true));
    // a state stored later at 9 holds time that passed after input 9: not for 9 itself
    expect(nearestBase(states, 9)).toEqual(s(6, true));
    expect(nearestBase(states, 10)).toEqual(s(9, false));
    expect(nearestBase(states, 40)).toEqual(s(12, true));
    expect(nearestBase([s(3, false)], 3)).toBeUndefined();
  });

  it('reads the runner names of stored states', () => {
    expect(storedStateName('input 12')).toEqual({ exact: true, version: 12 });
    expect(storedStateName('later 3')).toEqual({ exact: false, version: 3 });
    expect(storedStateName('my snapshot')).toBeUndefined();
  });
});
