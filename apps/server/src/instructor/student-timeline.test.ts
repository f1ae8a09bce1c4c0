import { mergeTimeline, podsTable, TimelineInput, TimelineTransition } from './student-timeline';

const input = (seq: number, at: string): TimelineInput => ({ type: 'input', seq, kind: 'command', at, door: 'api', who: 'ana', command: `c${seq}`, exitCode: 0, stdout: null, stderr: null, outputTruncated: false, durationMs: 1 });
const change = (seq: number, at: string, name: string): TimelineTransition => ({ type: 'transition', seq, at, kind: 'modified', resource: 'pods', namespace: 'default', name, phase: 'Running' });

describe('the student timeline', () => {
  it('orders by simulated time, an input before the changes of its own commit and after earlier ones', () => {
    const t0 = '2026-01-01T00:00:00.000Z';
    const t1 = '2026-01-01T00:00:05.000Z';
    const merged = mergeTimeline([input(1, t0), input(2, t1)], [change(2, t0, 'timed'), change(1, t0, 'own'), change(2, t1, 'caused')]);
    expect(merged.map((e) => (e.type === 'input' ? `#${e.seq}` : e.name))).toEqual(['#1', 'own', 'timed', '#2', 'caused']);
  });

  it('prints `kubectl get pods -A` of no pods as kubectl does', () => {
    expect(podsTable([], 0)).toBe('No resources found');
  });
});
