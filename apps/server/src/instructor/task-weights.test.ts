import type { AssignmentView } from './assignments.service';
import { parseWeights, weightField, weightRows } from './task-weights';

const a = (id: string, items: AssignmentView['items']) => ({ id, title: id.toUpperCase(), items }) as AssignmentView;
const list = [a('a1', [{ kind: 'lesson', lessonId: 'pods', weight: 1 }, { kind: 'task', taskId: 't1', weight: 2 }]), a('a2', [{ kind: 'task', taskId: 't2', weight: 1 }]), a('a3', [{ kind: 'task', taskId: 't1', weight: 5 }])];

describe("a task's weights in its assignments", () => {
  it('lists the assignments that use the task, with the stored weight or the one typed', () => {
    expect(weightRows('t1', list)).toEqual([
      { assignmentId: 'a1', title: 'A1', value: '2' },
      { assignmentId: 'a3', title: 'A3', value: '5' },
    ]);
    expect(weightRows('t1', list, { [weightField('a3')]: ' 7 ' })[1].value).toBe('7');
  });

  it('changes only the assignments whose weight changed, keeping their other items', () => {
    const r = parseWeights('t1', weightRows('t1', list, { [weightField('a1')]: '3.5', [weightField('a3')]: '5' }), list, 'en');
    expect(r).toEqual({ changes: [{ assignmentId: 'a1', items: [{ kind: 'lesson', lessonId: 'pods', weight: 1 }, { kind: 'task', taskId: 't1', weight: 3.5 }] }] });
  });

  it('refuses a weight out of bounds or not a number, saying so in the page language', () => {
    for (const bad of ['0', '-1', '1001', 'abc', '']) {
      const r = parseWeights('t1', weightRows('t1', list, { [weightField('a3')]: bad }), list, 'es');
      expect(r).toEqual({ rows: [{ assignmentId: 'a1', title: 'A1', value: '2' }, { assignmentId: 'a3', title: 'A3', value: bad, error: 'Un número mayor que 0 y no mayor que 1000' }] });
    }
  });
});
