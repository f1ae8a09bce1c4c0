import type { AssignmentView } from './assignments.service';
import { taskEditorMessages } from './task-editor.i18n';
import { errorsByField, previews, trialView, usesOf } from './task-editor.view';
import type { TrialResult } from './task-trial.service';

const es = taskEditorMessages('es');
const en = taskEditorMessages('en');

describe('the task editor view', () => {
  it('groups the problems by field, with the line and path where known', () => {
    expect(
      errorsByField(
        [
          { field: 'title', message: 'too short' },
          { field: 'checks', message: 'Unknown field "x"', line: 4, path: 'checks.1.x' },
          { field: 'checks', message: 'Write at least one condition.' },
        ],
        en,
      ),
    ).toEqual({ title: ['too short'], checks: ['line 4 · checks.1.x: Unknown field "x"', 'Write at least one condition.'] });
    expect(errorsByField([{ field: 'checks', message: 'm', line: 2 }], es)).toEqual({ checks: ['línea 2: m'] });
  });

  it('shows a trial as the page does: verdict, score, each condition by its id or type', () => {
    const r: TrialResult = {
      clusterId: 'c1',
      clusterVersion: 7,
      passed: false,
      score: 0.5,
      hint: 'create it',
      conditions: [
        { index: 0, id: 'ns', type: 'exists', passed: true, weight: 1, score: 1, message: '', expected: 'a', found: 'a' },
        { index: 1, type: 'count', passed: false, weight: 1, score: 0, message: '', expected: '3', found: '1' },
      ],
    };
    expect(trialView(r, es)).toEqual({
      passed: false,
      score: 'Puntuación: 50 %',
      heading: 'Resultado en tu clúster (versión 7)',
      clusterId: 'c1',
      hint: 'create it',
      conditions: [
        { passed: true, label: '1. ns', expected: 'a', found: 'a' },
        { passed: false, label: '2. count', expected: '3', found: '1' },
      ],
    });
  });

  it('names the assignments using a task with its weight in each', () => {
    const a = (title: string, items: AssignmentView['items']) => ({ title, items }) as AssignmentView;
    const list = [a('Mock', [{ kind: 'task', taskId: 't1', weight: 2 }, { kind: 'lesson', lessonId: 'pods', weight: 1 }]), a('Other', [{ kind: 'task', taskId: 't2', weight: 1 }])];
    expect(usesOf('t1', list, en)).toEqual(['"Mock" (weight 2)']);
    expect(usesOf('t3', list, en)).toEqual([]);
  });

  it('renders the statements as sanitized markdown', () => {
    const p = previews({ title: '', descriptionEs: '**hola** <script>alert(1)</script>', descriptionEn: '  ', checks: '' });
    expect(p.es).toContain('<strong>hola</strong>');
    expect(p.es).not.toContain('<script');
    expect(p.en).toBe('');
  });
});
