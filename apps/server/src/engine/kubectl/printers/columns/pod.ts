// Pods, as printers.go printPod computes READY, STATUS and RESTARTS (v1.32).

import { humanDuration, parseTime } from '../../../time';
import type { Container, ContainerStatus, Pod } from '../../../api/types';
import { AGE_COLUMN, NAME_COLUMN, col, wide, type ColumnSet } from '../table';
import { age } from './format';

/** node.NodeUnreachablePodReason */
const NODE_LOST = 'NodeLost';

const isRestartableInit = (c: Container | undefined): boolean => c?.restartPolicy === 'Always';

/** the later of the current "last restart" and a container's last termination */
function laterFinish(current: number, status: ContainerStatus): number {
  const finished = parseTime(status.lastState?.terminated?.finishedAt);
  if (Number.isNaN(finished)) return current;
  return Number.isNaN(current) || current < finished ? finished : current;
}

export interface PodSummary {
  ready: string;
  status: string;
  restarts: number;
  /** epoch ms of the most recent container termination counted in `restarts`, NaN if none */
  lastRestart: number;
}

/** summaries of stored pods (immutable: a new version is a new object), computed once each */
const SUMMARIES = new WeakMap<Pod, PodSummary>();

/** The READY / STATUS / RESTARTS computation of printPod, without formatting times. */
export function summarizePod(pod: Pod): PodSummary {
  let s = SUMMARIES.get(pod);
  if (!s) SUMMARIES.set(pod, (s = computeSummary(pod)));
  return s;
}

function computeSummary(pod: Pod): PodSummary {
  const status = pod.status ?? {};
  const spec = pod.spec ?? { containers: [] };
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = (spec.containers ?? []).length;
  let readyContainers = 0;
  let lastRestart = NaN;
  let lastRestartableInitRestart = NaN;

  const phase = status.phase ?? '';
  let reason: string = status.reason || phase;
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initContainers = new Map<string, Container>();
  for (const c of spec.initContainers ?? []) {
    initContainers.set(c.name, c);
    if (isRestartableInit(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    restarts += cs.restartCount ?? 0;
    lastRestart = laterFinish(lastRestart, cs);
    const restartable = isRestartableInit(initContainers.get(cs.name));
    if (restartable) {
      restartableInitRestarts += cs.restartCount ?? 0;
      lastRestartableInitRestart = laterFinish(lastRestartableInitRestart, cs);
    }
    const { terminated, waiting } = cs.state ?? {};
    if (terminated && terminated.exitCode === 0) continue;
    if (restartable && cs.started) {
      if (cs.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      // initialization failed
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting && waiting.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  const initialized = (status.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += cs.restartCount ?? 0;
      lastRestart = laterFinish(lastRestart, cs);
      const { waiting, terminated, running } = cs.state ?? {};
      if (waiting && waiting.reason) {
        reason = waiting.reason;
      } else if (terminated && terminated.reason) {
        reason = terminated.reason;
      } else if (terminated) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      } else if (cs.ready && running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // back to Running if at least one container still runs
    if (reason === 'Completed' && hasRunning) {
      const podReady = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata.deletionTimestamp && status.reason === NODE_LOST) {
    reason = 'Unknown';
  } else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') {
    reason = 'Terminating';
  }

  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts, lastRestart };
}

export const podColumns: ColumnSet = {
  columns: [
    NAME_COLUMN,
    col('Ready'),
    col('Status'),
    col('Restarts'),
    AGE_COLUMN,
    wide('IP'),
    wide('Node'),
    wide('Nominated Node'),
    wide('Readiness Gates'),
  ],
  row(pod: Pod, now) {
    const s = summarizePod(pod);
    let restarts = String(s.restarts);
    if (s.restarts !== 0 && !Number.isNaN(s.lastRestart)) {
      restarts = `${s.restarts} (${humanDuration(now - s.lastRestart)} ago)`;
    }
    const status = pod.status ?? {};
    const gates = pod.spec?.readinessGates as { conditionType: string }[] | undefined;
    let readinessGates = '<none>';
    if (gates && gates.length > 0) {
      let trueConditions = 0;
      for (const g of gates) {
        const c = (status.conditions ?? []).find((x) => x.type === g.conditionType);
        if (c?.status === 'True') trueConditions++;
      }
      readinessGates = `${trueConditions}/${gates.length}`;
    }
    return [
      pod.metadata.name ?? '',
      s.ready,
      s.status,
      restarts,
      age(pod.metadata.creationTimestamp, now),
      status.podIPs?.[0]?.ip || '<none>',
      pod.spec?.nodeName || '<none>',
      status.nominatedNodeName || '<none>',
      readinessGates,
    ];
  },
};
