import { itemsForStudent } from './feedback';
import type { ItemGrade } from './score';

const items: ItemGrade[] = [
  { key: 'task:t', title: 'web', weight: 2, score: 0.5, points: 1, steps: [{ id: 't', passed: false, score: 0.5, hint: 'Your Service selects app=x', conditions: [{ index: 0, type: 'exists', passed: true, weight: 1, expected: 'a', found: 'a' }, { index: 1, type: 'selects', passed: false, weight: 1, expected: 'b', found: 'none', hint: 'Your Service selects app=x' }] }] },
];

describe('feedback levels', () => {
  it('pass: scores only', () => {
    expect(itemsForStudent(items, 'pass')).toEqual([{ key: 'task:t', title: 'web', weight: 2, score: 0.5, points: 1, steps: [{ id: 't', passed: false, score: 0.5 }] }]);
  });
  it('expected: with expected/found, no hints', () => {
    const [i] = itemsForStudent(items, 'expected') as { steps: { conditions: object[]; hint?: string }[] }[];
    expect(i.steps[0].conditions).toEqual([{ passed: true, weight: 1, expected: 'a', found: 'a' }, { passed: false, weight: 1, expected: 'b', found: 'none' }]);
    expect(i.steps[0].hint).toBeUndefined();
  });
  it('hints: everything', () => {
    const [i] = itemsForStudent(items, 'hints') as { steps: { conditions: { hint?: string }[]; hint?: string }[] }[];
    expect(i.steps[0].hint).toBe('Your Service selects app=x');
    expect(i.steps[0].conditions[1].hint).toBe('Your Service selects app=x');
  });
});
