// What a student sees of their grade, by the assignment's feedback level: `pass` only whether
// each item and step passed and its score, `expected` also each condition's expected/found,
// `hints` also the hints. The instructor always sees everything.
import type { FeedbackLevel } from './assignment-schema';
import type { ItemGrade } from './score';

export function itemsForStudent(items: ItemGrade[], level: FeedbackLevel): unknown[] {
  return items.map((i) => ({
    key: i.key,
    title: i.title,
    weight: i.weight,
    score: i.score,
    points: i.points,
    ...(i.reason !== undefined ? { reason: i.reason } : {}),
    steps: i.steps.map((s) => ({
      id: s.id,
      passed: s.passed,
      score: s.score,
      ...(level === 'pass'
        ? {}
        : { conditions: s.conditions.map((c) => ({ passed: c.passed, weight: c.weight, expected: c.expected, found: c.found, ...(level === 'hints' && c.hint !== undefined ? { hint: c.hint } : {}) })) }),
      ...(level === 'hints' && s.hint !== undefined ? { hint: s.hint } : {}),
    })),
  }));
}
