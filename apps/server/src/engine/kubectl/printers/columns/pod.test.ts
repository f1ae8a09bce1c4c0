import { parseTime, rfc3339 } from '../../../time';
import type { Pod } from '../../../api/types';
import { podColumns, summarizePod } from './pod';

const NOW = parseTime('2026-01-10T12:00:00Z');
const ago = (s: number): string => rfc3339(NOW - s * 1000);

type CS = Record<string, any>;
const cs = (name: string, state: any, extra: CS = {}): CS => ({ name, image: 'x', imageID: '', ready: false, restartCount: 0, state, lastState: {}, ...extra });
const run = (name: string, extra: CS = {}) => cs(name, { running: { startedAt: ago(60) } }, { ready: true, started: true, ...extra });

function pod(opts: { phase?: string; reason?: string; containers?: string[]; init?: any[]; statuses?: CS[]; initStatuses?: CS[]; conditions?: any[]; deleting?: boolean }): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', creationTimestamp: ago(100), ...(opts.deleting ? { deletionTimestamp: ago(1) } : {}) },
    spec: { containers: (opts.containers ?? ['c']).map((name) => ({ name })), initContainers: opts.init },
    status: {
      phase: opts.phase as any,
      reason: opts.reason,
      conditions: opts.conditions,
      containerStatuses: opts.statuses as any,
      initContainerStatuses: opts.initStatuses as any,
    },
  } as Pod;
}

const READY = [{ type: 'Ready', status: 'True' }];

describe('printPod STATUS / READY', () => {
  it.each<[string, Pod, string, string]>([
    ['pending, nothing reported', pod({ phase: 'Pending' }), '0/1', 'Pending'],
    ['running', pod({ phase: 'Running', statuses: [run('c')] }), '1/1', 'Running'],
    ['status.reason wins over phase', pod({ phase: 'Failed', reason: 'Evicted' }), '0/1', 'Evicted'],
    ['scheduling gated', pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }), '0/1', 'SchedulingGated'],
    ['waiting reason', pod({ phase: 'Pending', statuses: [cs('c', { waiting: { reason: 'ErrImagePull' } })] }), '0/1', 'ErrImagePull'],
    ['crash loop', pod({ phase: 'Running', statuses: [cs('c', { waiting: { reason: 'CrashLoopBackOff' } })] }), '0/1', 'CrashLoopBackOff'],
    ['terminated Completed', pod({ phase: 'Succeeded', statuses: [cs('c', { terminated: { exitCode: 0, reason: 'Completed' } })] }), '0/1', 'Completed'],
    ['terminated without reason: exit code', pod({ phase: 'Failed', statuses: [cs('c', { terminated: { exitCode: 2 } })] }), '0/1', 'ExitCode:2'],
    ['terminated without reason: signal', pod({ phase: 'Failed', statuses: [cs('c', { terminated: { exitCode: 137, signal: 9 } })] }), '0/1', 'Signal:9'],
    [
      'first container in the spec wins',
      pod({ phase: 'Pending', containers: ['a', 'b'], statuses: [cs('a', { waiting: { reason: 'ErrImagePull' } }), cs('b', { waiting: { reason: 'ContainerCreating' } })] }),
      '0/2',
      'ErrImagePull',
    ],
    [
      'Completed with a running container and Ready → Running',
      pod({ phase: 'Running', containers: ['a', 'b'], conditions: READY, statuses: [cs('a', { terminated: { exitCode: 0, reason: 'Completed' } }), run('b')] }),
      '1/2',
      'Running',
    ],
    [
      'Completed with a running container, not Ready → NotReady',
      pod({ phase: 'Running', containers: ['a', 'b'], statuses: [cs('a', { terminated: { exitCode: 0, reason: 'Completed' } }), run('b')] }),
      '1/2',
      'NotReady',
    ],
    [
      'init container running',
      pod({ phase: 'Pending', init: [{ name: 'i1' }, { name: 'i2' }], initStatuses: [cs('i1', { terminated: { exitCode: 0 } }), cs('i2', { running: {} })], statuses: [cs('c', { waiting: { reason: 'PodInitializing' } })] }),
      '0/1',
      'Init:1/2',
    ],
    [
      'init container waiting',
      pod({ phase: 'Pending', init: [{ name: 'i1' }], initStatuses: [cs('i1', { waiting: { reason: 'CrashLoopBackOff' } })] }),
      '0/1',
      'Init:CrashLoopBackOff',
    ],
    ['init container failed', pod({ phase: 'Pending', init: [{ name: 'i1' }], initStatuses: [cs('i1', { terminated: { exitCode: 1, reason: 'Error' } })] }), '0/1', 'Init:Error'],
    ['init container failed, no reason', pod({ phase: 'Pending', init: [{ name: 'i1' }], initStatuses: [cs('i1', { terminated: { exitCode: 3 } })] }), '0/1', 'Init:ExitCode:3'],
    [
      'sidecar (restartable init) counts in READY',
      pod({ phase: 'Running', init: [{ name: 's', restartPolicy: 'Always' }], initStatuses: [run('s')], statuses: [run('c')], conditions: [{ type: 'Initialized', status: 'True' }] }),
      '2/2',
      'Running',
    ],
    ['deleting', pod({ phase: 'Running', statuses: [run('c')], deleting: true }), '1/1', 'Terminating'],
    ['deleting a finished pod keeps its status', pod({ phase: 'Succeeded', statuses: [cs('c', { terminated: { exitCode: 0, reason: 'Completed' } })], deleting: true }), '0/1', 'Completed'],
    ['deleting on a lost node', pod({ phase: 'Running', reason: 'NodeLost', statuses: [run('c')], deleting: true }), '1/1', 'Unknown'],
  ])('%s', (_name, p, ready, status) => {
    const s = summarizePod(p);
    expect([s.ready, s.status]).toEqual([ready, status]);
  });
});

describe('printPod RESTARTS', () => {
  it.each<[string, Pod, string]>([
    ['no restarts', pod({ phase: 'Running', statuses: [run('c')] }), '0'],
    ['restarts without a termination time', pod({ phase: 'Running', statuses: [run('c', { restartCount: 4 })] }), '4'],
    [
      'restarts with the last termination time',
      pod({ phase: 'Running', statuses: [run('c', { restartCount: 2, lastState: { terminated: { exitCode: 1, finishedAt: ago(192) } } })] }),
      '2 (3m12s ago)',
    ],
    [
      'sum over containers, latest termination',
      pod({
        phase: 'Running',
        containers: ['a', 'b'],
        statuses: [
          run('a', { restartCount: 1, lastState: { terminated: { exitCode: 1, finishedAt: ago(3600) } } }),
          run('b', { restartCount: 5, lastState: { terminated: { exitCode: 1, finishedAt: ago(30) } } }),
        ],
      }),
      '6 (30s ago)',
    ],
  ])('%s', (_name, p, restarts) => {
    expect(podColumns.row(p, NOW)[3]).toBe(restarts);
  });
});
