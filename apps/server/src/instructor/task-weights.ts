// A custom task's weight lives in each assignment that uses it (an item `{kind: 'task', taskId,
// weight}`): the editor shows one weight per such assignment and saves the ones changed, with the
// bounds the REST API's schema puts on a weight.
import type { AssignmentItem } from '../grading/assignment-schema';
import type { Locale } from '../grading/checks/types';
import type { AssignmentView } from './assignments.service';

export interface WeightRow {
  assignmentId: string;
  title: string;
  /** as typed (or the stored weight) */
  value: string;
  error?: string;
}

/** The posted field of an assignment's weight. */
export const weightField = (assignmentId: string): string => `weight:${assignmentId}`;

const MAX_WEIGHT = 1000;

/** One row per assignment that uses the task: the posted value if any, else the stored weight. */
export function weightRows(taskId: string, assignments: AssignmentView[], body?: unknown): WeightRow[] {
  const posted = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return assignments.flatMap((a) => {
    const item = a.items.find((i) => i.kind === 'task' && i.taskId === taskId);
    if (!item) return [];
    const typed = posted[weightField(a.id)];
    return [{ assignmentId: a.id, title: a.title, value: typeof typed === 'string' ? typed.trim() : String(item.weight) }];
  });
}

/** The assignments whose items change (the task's weight in them), or the rows with their errors. */
export function parseWeights(taskId: string, rows: WeightRow[], assignments: AssignmentView[], locale: Locale): { changes: { assignmentId: string; items: AssignmentItem[] }[] } | { rows: WeightRow[] } {
  let bad = false;
  const checked = rows.map((r) => {
    const n = Number(r.value);
    if (r.value !== '' && Number.isFinite(n) && n > 0 && n <= MAX_WEIGHT) return r;
    bad = true;
    return { ...r, error: locale === 'es' ? `Un número mayor que 0 y no mayor que ${MAX_WEIGHT}` : `A number above 0 and at most ${MAX_WEIGHT}` };
  });
  if (bad) return { rows: checked };
  const changes = checked.flatMap((r) => {
    const a = assignments.find((x) => x.id === r.assignmentId);
    if (!a) return [];
    const weight = Number(r.value);
    if (!a.items.some((i) => i.kind === 'task' && i.taskId === taskId && i.weight !== weight)) return [];
    return [{ assignmentId: a.id, items: a.items.map((i) => (i.kind === 'task' && i.taskId === taskId ? { ...i, weight } : i)) }];
  });
  return { changes };
}
