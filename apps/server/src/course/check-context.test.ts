import { checkContext, inputRecord, transitionRecord } from './check-context';

describe('check context records', () => {
  it('reads an Input row as the check language does, with the aliases of its shell', () => {
    const at = new Date('2026-01-01T00:00:10Z');
    expect(inputRecord({ at, door: 'discord', command: 'kc get pods', exitCode: 0, shellSession: { shell: { aliases: { kc: 'kubectl', bad: 3 } } } })).toEqual({
      at: at.getTime(),
      door: 'discord',
      command: 'kc get pods',
      exitCode: 0,
      aliases: { kc: 'kubectl' },
    });
    expect(inputRecord({ at, door: 'somewhere', command: null, exitCode: null, shellSession: null })).toEqual({ at: at.getTime(), door: 'system', command: '' });
  });

  it('reads a Transition row with its owner and deletion', () => {
    const at = new Date('2026-01-01T00:01:00Z');
    expect(transitionRecord({ at, kind: 'modified', resource: 'pods', namespace: 'default', name: 'web-abc', phase: 'Running', ownerKind: 'ReplicaSet', ownerName: 'web', terminating: true })).toEqual({
      at: at.getTime(),
      kind: 'modified',
      resource: 'pods',
      namespace: 'default',
      name: 'web-abc',
      phase: 'Running',
      owner: { kind: 'ReplicaSet', name: 'web' },
      terminating: true,
    });
    expect(transitionRecord({ at, kind: 'added', resource: 'nodes', namespace: null, name: 'node1', phase: null, ownerKind: null, ownerName: null, terminating: false })).toEqual({ at: at.getTime(), kind: 'added', resource: 'nodes', name: 'node1' });
  });

  it('leaves out what is recorded after `now`, and keeps the step start', () => {
    const ctx = checkContext(() => [], { inputs: [{ at: 5, door: 'web', command: 'a' }, { at: 15, door: 'web', command: 'b' }], transitions: [{ at: 20, kind: 'added', resource: 'pods', name: 'p' }] }, 10, 3);
    expect(ctx.inputs.map((i) => i.command)).toEqual(['a']);
    expect(ctx.transitions).toEqual([]);
    expect(ctx.stepStartedAt).toBe(3);
  });
});
