// A lesson's quiz: the questions as a student sees them (no answers), and scoring. Pure.
import { AppError } from '../common/app-error';
import type { Locale } from '../grading/checks/types';
import type { Quiz } from '../lessons/lesson-schema';
import type { QuizQuestionView, QuizResultView } from './course.types';

export function quizQuestions(quiz: Quiz, locale: Locale): QuizQuestionView[] {
  return quiz.questions.map((q) => ({ id: q.id, prompt: q.prompt[locale], choices: q.choices.map((c) => c[locale]) }));
}

/**
 * Checks the answers ({questionId: choiceIndex}) against the quiz: an unknown question or a
 * choice out of range is a 400 naming it; an unanswered question counts as wrong.
 */
export function validateAnswers(quiz: Quiz, answers: Record<string, number>): void {
  const details: { path: string; message: string }[] = [];
  for (const [id, choice] of Object.entries(answers)) {
    const q = quiz.questions.find((x) => x.id === id);
    if (!q) details.push({ path: `answers.${id}`, message: 'no such question' });
    else if (!Number.isInteger(choice) || choice < 0 || choice >= q.choices.length) details.push({ path: `answers.${id}`, message: `a choice from 0 to ${q.choices.length - 1}` });
  }
  if (details.length) throw new AppError('BAD_REQUEST', 'Invalid request', details);
}

export function scoreQuiz(quiz: Quiz, answers: Record<string, number>, locale: Locale): QuizResultView {
  const questions = quiz.questions.map((q) => {
    const chosen = Object.prototype.hasOwnProperty.call(answers, q.id) ? answers[q.id] : null;
    return { id: q.id, chosen, answer: q.answer, correct: chosen === q.answer, explanation: q.explanation[locale] };
  });
  const correct = questions.filter((q) => q.correct).length;
  return { score: questions.length ? correct / questions.length : 0, correct, total: questions.length, questions };
}
