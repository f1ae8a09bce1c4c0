// kubectl logs: POD or TYPE/NAME (a workload's best pod, `Found N pods, using pod/x`), -l, -c,
// --all-containers, --previous, --tail, --since, --timestamps, --prefix, and -f, which streams new
// lines as simulated time passes until the container stops, ^C or the wait's end.

import { parseRfc3339 } from '../go-time';
import { ApiError, isApiError } from '../../api/errors';
import { Pod } from '../../api/types';
import { kubeletSection } from '../../controllers/kubelet/runtime-state';
import { containerLogs, runLines } from '../../controllers/kubelet/logs';
import { tailLines } from '../../controllers/kubelet/tail-log';
import { CommandDef, Invocation, SELECTOR_FLAG } from '../command';
import { CommandError, UsageError } from '../context';
import { parseGoDuration } from '../flags';
import { defaultContainer, podForObject } from '../pod-for-object';
import { watchLoop } from '../watch';
import { civil } from '../../time';

export const logsCommand: CommandDef = {
  name: 'logs',
  aliases: ['log'],
  short: 'Print the logs for a container in a pod',
  flags: [
    { name: 'container', shorthand: 'c', type: 'string' },
    { name: 'all-containers', type: 'bool' },
    { name: 'previous', shorthand: 'p', type: 'bool' },
    { name: 'follow', shorthand: 'f', type: 'bool' },
    { name: 'tail', type: 'int', default: -1 },
    { name: 'since', type: 'duration', default: '0s' },
    { name: 'since-time', type: 'string' },
    { name: 'timestamps', type: 'bool' },
    { name: 'prefix', type: 'bool' },
    { name: 'limit-bytes', type: 'int', default: 0 },
    { name: 'max-log-requests', type: 'int', default: 5 },
    { name: 'ignore-errors', type: 'bool' },
    { name: 'pod-running-timeout', type: 'duration', default: '20s' },
    { name: 'insecure-skip-tls-verify-backend', type: 'bool' },
    { name: 'all-pods', type: 'bool' },
    SELECTOR_FLAG,
  ],
  run: runLogs,
};

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

/** one container stream: a pod and one of its containers */
interface Source {
  pod: Pod;
  container: string;
}

async function runLogs(inv: Invocation): Promise<number> {
  const { flags } = inv;
  const selector = flags.str('selector');
  const args = inv.args;
  if (selector && args.length) throw new CommandError('error: only a selector (-l) or a POD name is allowed');
  if (!selector && args.length === 0) throw new UsageError(USAGE);
  if (args.length > 2) throw new UsageError(USAGE);
  let container = flags.str('container');
  // `kubectl logs POD CONTAINER`: the old positional form
  if (args.length === 2) {
    if (container) throw new UsageError("only one of -c or an inline [CONTAINER] arg is allowed");
    container = args[1];
  }
  const allContainers = flags.bool('all-containers');
  if (allContainers && container) throw new UsageError('--container cannot be passed with --all-containers');
  const follow = flags.bool('follow');
  const previous = flags.bool('previous');
  if (follow && previous) throw new UsageError('only one of follow (-f) or previous (-p) is allowed');
  const sinceMs = parseGoDuration(flags.str('since')) ?? 0;
  let sinceTime: number | undefined;
  if (flags.str('since-time')) {
    const parsed = parseRfc3339(flags.str('since-time'));
    if ('error' in parsed) throw new CommandError(`error: ${parsed.error}`);
    sinceTime = parsed.ms;
  }
  // without a selector every line; with one the last 10 of each container
  const tail = flags.changed('tail') ? flags.int('tail') : selector ? 10 : -1;

  const api = inv.api();
  const ns = inv.namespace();
  const cluster = inv.host.cluster;

  let pods: Pod[];
  if (selector) {
    pods = (api.list('pods', { namespace: ns, labelSelector: selector }) as Pod[]).filter((p) => p.spec.containers.length);
    if (!pods.length) {
      inv.err(`No resources found in ${ns} namespace.\n`);
      return 0;
    }
    if (follow && pods.length > flags.int('max-log-requests')) {
      throw new CommandError(`error: you are attempting to follow ${pods.length} log streams, but maximum allowed concurrency is ${flags.int('max-log-requests')}, use --max-log-requests to increase the limit`);
    }
  } else {
    try {
      const choice = podForObject(api, ns, args[0]);
      if (choice.count > 1) inv.err(`Found ${choice.count} pods, using pod/${choice.pod.metadata.name}\n`);
      pods = [choice.pod];
    } catch (e) {
      if (isApiError(e) && (e as ApiError).reason === 'NotFound') throw new CommandError(`error: error from server (NotFound): ${(e as ApiError).message} in namespace "${ns}"`);
      throw e;
    }
  }

  // kubectl validates these once it has found what to read
  if (sinceTime !== undefined && sinceMs > 0) throw new CommandError('error: at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (flags.changed('limit-bytes') && flags.int('limit-bytes') < 1) throw new CommandError('error: --limit-bytes must be greater than 0');
  const limitBytes = flags.changed('limit-bytes') ? flags.int('limit-bytes') : undefined;

  const sources: Source[] = [];
  for (const pod of pods) {
    if (allContainers) {
      for (const c of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) sources.push({ pod, container: c.name });
    } else {
      sources.push({ pod, container: container || defaultContainer(pod, (t) => inv.err(t)) });
    }
  }

  const prefixed = flags.bool('prefix');
  const stamp = flags.bool('timestamps');
  const prefixOf = (s: Source): string => (prefixed ? `[pod/${s.pod.metadata.name}/${s.container}] ` : '');
  const view = { api, runtime: cluster.runtime, now: inv.host.now() };
  let failed = false;
  for (const s of sources) {
    const r = containerLogs(view, ns, s.pod.metadata.name!, {
      container: s.container,
      previous,
      ...(tail >= 0 ? { tailLines: tail } : {}),
      ...(sinceMs > 0 ? { sinceSeconds: Math.ceil(sinceMs / 1000) } : {}),
      ...(sinceTime !== undefined ? { sinceTime } : {}),
      ...(limitBytes !== undefined ? { limitBytes } : {}),
      timestamps: stamp,
    });
    if (!r.ok) {
      if (flags.bool('ignore-errors')) continue;
      inv.err(`Error from server (${r.status}): ${r.message}\n`);
      failed = true;
      // a selector reports every pod's problem; a single pod ends at the first
      if (!selector) return 1;
      continue;
    }
    inv.out(prefixText(r.text, prefixOf(s)));
  }
  if (!follow || failed) return failed ? 1 : 0;
  return followSources(inv, sources, stamp, prefixOf);
}

function prefixText(text: string, prefix: string): string {
  if (!prefix || !text) return text;
  return text
    .split('\n')
    .map((l, i, a) => (i === a.length - 1 && l === '' ? '' : `${prefix}${l}`))
    .join('\n');
}

/** Streams each source's new lines until every container has stopped. */
async function followSources(inv: Invocation, sources: Source[], stamp: boolean, prefixOf: (s: Source) => string): Promise<number> {
  const cluster = inv.host.cluster;
  const ns = (s: Source): string => s.pod.metadata.namespace ?? 'default';
  const runOf = (s: Source) => kubeletSection(cluster.runtime).pods[`${ns(s)}/${s.pod.metadata.name}`]?.containers.find((c) => c.name === s.container && c.current);
  // what each stream has printed: the run, and its lines up to (time, count at that time)
  const marks = sources.map((s) => {
    const rt = runOf(s);
    const lines = rt?.current ? runLines(rt.current, inv.host.now(), tailLines(cluster.runtime, s.pod, s.container, rt.current, inv.host.now())) : [];
    const last = lines.length ? lines[lines.length - 1][0] : -Infinity;
    return { runId: rt?.current?.id, last, atLast: lines.filter(([t]) => t === last).length, ended: false };
  });
  const flush = (): boolean => {
    const now = inv.host.now();
    let open = 0;
    sources.forEach((s, i) => {
      const m = marks[i];
      if (m.ended) return;
      const rt = runOf(s);
      const run = rt?.current;
      // the stream closes when its container run ends (or is replaced by a restart)
      if (!run || run.id !== m.runId) {
        m.ended = true;
        return;
      }
      const lines = runLines(run, now, tailLines(cluster.runtime, s.pod, s.container, run, now));
      let seenAtLast = 0;
      for (const [t, text] of lines) {
        if (t < m.last) continue;
        if (t === m.last && seenAtLast++ < m.atLast) continue;
        inv.out(`${prefixOf(s)}${stamp ? `${nanoStamp(t)} ` : ''}${text}\n`);
        if (t === m.last) m.atLast++;
        else {
          m.last = t;
          m.atLast = 1;
        }
      }
      if (run.finishedAt !== undefined && run.finishedAt <= now) m.ended = true;
      else open++;
    });
    return open === 0;
  };
  if (flush()) return 0;
  const result = await watchLoop(inv, undefined, () => undefined, { onTick: flush });
  return result === 'interrupted' ? 130 : 0;
}

/** RFC 3339 with nanoseconds, as the kubelet stamps lines */
function nanoStamp(ms: number): string {
  const d = civil(ms);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${d.year}-${p(d.month)}-${p(d.day)}T${p(d.hour)}:${p(d.minute)}:${p(d.second)}.${p(ms % 1000, 3)}000000Z`;
}
