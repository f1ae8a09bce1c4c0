import type { KubeObject } from '../engine/api/types';
import { gradeContext, ObjectsByResource } from './grade-context';
import { GradableItem, scoreAssignment } from './score';

const T = Date.parse('2026-01-10T10:00:00Z');
const pod = (name: string, phase: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: name } }, status: { phase, conditions: [{ type: 'Ready', status: phase === 'Running' ? 'True' : 'False' }] } }) as KubeObject;

const items: GradableItem[] = [
  { key: 'task:a', title: 'web pod', weight: 2, purpose: 'course', steps: [{ id: 'a', checks: [{ type: 'exists', resource: 'pods', name: 'web', phase: 'Running', weight: 3 }, { type: 'command', verb: 'run', args: ['web'] }] }] },
  { key: 'lesson:x', title: 'a lesson', weight: 1, purpose: 'lesson:x', steps: [{ id: 's1', checks: [{ type: 'exists', resource: 'pods', name: 'db' }] }, { id: 's2', checks: [{ type: 'absent', resource: 'pods', name: 'db' }] }] },
];

function ctx(objects: ObjectsByResource, commands: string[] = []) {
  return gradeContext(objects, commands.map((command, i) => ({ at: T - 1000 * (i + 1), door: 'web' as const, command, exitCode: 0 })), [], T);
}

describe('scoreAssignment', () => {
  it('gives points by weight and partial credit, with expected/found per condition', () => {
    const r = scoreAssignment(items, (p) => (p === 'course' ? ctx(new Map([['pods', [pod('web', 'Running')]]])) : { reason: 'no cluster for lesson x' }), 'en');
    expect(r.max).toBe(3);
    // the pod is there (3 of 4 of the task's weight), the command was never run
    expect(r.items[0]).toMatchObject({ key: 'task:a', score: 0.75, points: 1.5 });
    expect(r.items[0].steps[0].conditions[1]).toMatchObject({ passed: false, expected: 'to have run `kubectl run web`', found: 'no such command' });
    expect(r.items[1]).toMatchObject({ score: 0, points: 0, reason: 'no cluster for lesson x' });
    expect(r.score).toBe(1.5);
  });
  it('full marks when everything holds; a lesson averages its steps', () => {
    const r = scoreAssignment(items, (p) => (p === 'course' ? ctx(new Map([['pods', [pod('web', 'Running')]]]), ['k run web --image=nginx']) : ctx(new Map([['pods', [pod('db', 'Running')]]]))), 'es');
    expect(r.items[0].score).toBe(1);
    expect(r.items[1]).toMatchObject({ score: 0.5, points: 0.5 });
    expect(r.items[1].steps[1].conditions[0].found).toBe('db');
    expect(r.score).toBe(2.5);
  });
  it('does not count inputs after the time the state is from', () => {
    const late = gradeContext(new Map([['pods', [pod('web', 'Running')]]]), [{ at: T + 1, door: 'web', command: 'kubectl run web --image=nginx', exitCode: 0 }], [], T);
    expect(scoreAssignment([items[0]], () => late, 'en').items[0].score).toBe(0.75);
  });
});
