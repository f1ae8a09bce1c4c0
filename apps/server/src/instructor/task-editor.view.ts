// The task editor pages' view models: errors grouped by field with their line, a trial's result
// as the page shows it, and which assignments use each task with what weight.
import { renderMarkdown } from '../course/markdown';
import type { AssignmentView } from './assignments.service';
import { fillParams } from '../web/i18n';
import type { TaskEditorLabels } from './task-editor.i18n';
import type { FieldError, TaskField, TaskFormValues } from './task-form';
import type { TrialResult } from './task-trial.service';

export type ErrorsByField = Partial<Record<TaskField, string[]>>;

/** Each field's problems as lines of text: `line 3 · checks.1.type: …`. */
export function errorsByField(errors: FieldError[], labels: TaskEditorLabels): ErrorsByField {
  const out: ErrorsByField = {};
  for (const e of errors) {
    const where = [e.line ? fillParams(labels.line, { n: e.line }) : '', e.path ?? ''].filter(Boolean).join(' · ');
    (out[e.field] ??= []).push(where ? `${where}: ${e.message}` : e.message);
  }
  return out;
}

export interface TrialView {
  passed: boolean;
  score: string;
  heading: string;
  clusterId: string;
  hint?: string;
  conditions: { passed: boolean; label: string; expected: string; found: string }[];
}

export function trialView(r: TrialResult, labels: TaskEditorLabels): TrialView {
  const v: TrialView = {
    passed: r.passed,
    score: fillParams(labels.score, { score: Math.round(r.score * 100) }),
    heading: fillParams(labels.tryResult, { version: r.clusterVersion }),
    clusterId: r.clusterId,
    conditions: r.conditions.map((c) => ({ passed: c.passed, label: `${c.index + 1}. ${c.id ?? c.type}`, expected: c.expected, found: c.found })),
  };
  if (r.hint) v.hint = r.hint;
  return v;
}

/** The assignments that use a task, with the weight it has in each. */
export function usesOf(taskId: string, assignments: AssignmentView[], labels: TaskEditorLabels): string[] {
  return assignments.flatMap((a) => a.items.filter((i) => i.kind === 'task' && i.taskId === taskId).map((i) => fillParams(labels.weightIn, { title: a.title, weight: i.weight })));
}

/** The two statements rendered as a student would read them (sanitized HTML). */
export function previews(values: TaskFormValues): { es: string; en: string } {
  return { es: values.descriptionEs.trim() ? renderMarkdown(values.descriptionEs) : '', en: values.descriptionEn.trim() ? renderMarkdown(values.descriptionEn) : '' };
}
