import { AppError } from '../common/app-error';
import type { Quiz } from '../lessons/lesson-schema';
import { quizQuestions, scoreQuiz, validateAnswers } from './quiz';

const quiz: Quiz = {
  questions: ['a', 'b', 'c', 'd'].map((id, i) => ({
    id,
    prompt: { es: `¿${id}?`, en: `${id}?` },
    choices: [{ es: 'sí', en: 'yes' }, { es: 'no', en: 'no' }, { es: 'quizá', en: 'maybe' }],
    answer: i % 3,
    explanation: { es: `porque ${id}`, en: `because ${id}` },
  })),
};

describe('quiz', () => {
  it('shows the questions in the language asked, without the answers', () => {
    const qs = quizQuestions(quiz, 'es');
    expect(qs[0]).toEqual({ id: 'a', prompt: '¿a?', choices: ['sí', 'no', 'quizá'] });
    expect(JSON.stringify(qs)).not.toContain('answer');
  });

  it('scores right answers over questions; unanswered count as wrong', () => {
    const r = scoreQuiz(quiz, { a: 0, b: 1, c: 0 }, 'en');
    expect(r).toMatchObject({ score: 0.5, correct: 2, total: 4 });
    expect(r.questions.map((q) => [q.id, q.chosen, q.correct])).toEqual([['a', 0, true], ['b', 1, true], ['c', 0, false], ['d', null, false]]);
    expect(r.questions[2].explanation).toBe('because c');
    expect(scoreQuiz(quiz, { a: 0, b: 1, c: 2, d: 0 }, 'es').score).toBe(1);
  });

  it('refuses unknown questions and choices out of range, naming them', () => {
    expect(() => validateAnswers(quiz, { a: 0, b: 2 })).not.toThrow();
    try {
      validateAnswers(quiz, { zz: 0, a: 3 });
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).details).toEqual([{ path: 'answers.zz', message: 'no such question' }, { path: 'answers.a', message: 'a choice from 0 to 2' }]);
    }
  });
});
