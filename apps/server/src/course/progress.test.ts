import { afterPass, afterRewind, frontier, passedIn, reached, statusOf } from './progress';

const lesson = { steps: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] };

describe('lesson progress', () => {
  it('keeps only the steps the lesson has, in its order', () => {
    expect(passedIn(lesson, ['c', 'gone', 'a', 3])).toEqual(['a', 'c']);
    expect(passedIn(lesson, null)).toEqual([]);
  });

  it('lets a student on any step up to the first not passed', () => {
    expect(frontier(lesson, [])).toBe(0);
    expect(frontier(lesson, ['a'])).toBe(1);
    expect(frontier(lesson, ['a', 'b', 'c'])).toBe(2);
    expect(reached(lesson, ['a'], 'b')).toBe(true);
    expect(reached(lesson, ['a'], 'c')).toBe(false);
    expect(reached(lesson, ['a'], 'nope')).toBe(false);
  });

  it('moves on when the current step passes, and completes with the last', () => {
    expect(afterPass(lesson, [], 'a', 'a')).toEqual({ passed: ['a'], current: 'b' });
    expect(afterPass(lesson, ['a'], 'b', 'a')).toEqual({ passed: ['a'], current: 'b' });
    const last = afterPass(lesson, ['a', 'b'], 'c', 'c');
    expect(last).toEqual({ passed: ['a', 'b', 'c'], current: 'c' });
    expect(statusOf(lesson, true, last.passed)).toBe('completed');
    expect(statusOf(lesson, true, ['a'])).toBe('started');
    expect(statusOf(lesson, false, [])).toBe('not-started');
  });

  it('goes back to a step not passed before it, if one was left behind', () => {
    expect(afterPass(lesson, ['a', 'b'], 'c', 'c')).toEqual({ passed: ['a', 'b', 'c'], current: 'c' });
    expect(afterPass(lesson, ['b'], 'c', 'c')).toEqual({ passed: ['b', 'c'], current: 'a' });
  });

  it('takes back the rewound step and those after it', () => {
    expect(afterRewind(lesson, ['a', 'b', 'c'], 'b')).toEqual(['a']);
    expect(afterRewind(lesson, ['a', 'b'], 'a')).toEqual([]);
  });
});
