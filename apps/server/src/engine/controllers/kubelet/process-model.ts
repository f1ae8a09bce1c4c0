// What a container's main process does, decided once when it starts: from the image's default
// behaviour, the pod's command and args (after $(VAR) expansion) and the environment. The plan
// is plain data kept with the run, so logs and exits are computed from it at any later time.

import type { HttpAnswer, ImageInfo } from '../../images/catalog';
import type { HttpFailAfter } from '../../images/catalog-types';
import type { Container } from '../../api/types';
import { expandVars } from './env';
import { TemplateVars, fillTemplate } from './log-template';
import { FileWrite, LoopSpec, ScriptEnv, runScript, sleepMs } from './script';

export interface ProcessPlan {
  /** ms after the start when the process ends by itself; absent: it runs until stopped */
  exitAfterMs?: number;
  exitCode: number;
  /** [ms offset, text] */
  lines: [number, string][];
  /**
   * The image's start-up lines (at offset 0, after `lines`) as the catalog's templates and the
   * values they are filled with when read (planLines): filling them for every container that
   * starts cost a twentieth of starting 1,000 pods, and most are never read.
   */
  template?: { lines: string[]; vars: TemplateVars };
  loop?: LoopSpec;
  /** environment the script saw (for loop iterations) */
  scriptEnv?: ScriptEnv;
  /** TCP ports it listens on */
  ports: number[];
  http?: { body: string; paths?: string[]; notFound?: string; failAfter?: HttpFailAfter };
  /** ms to end after SIGTERM; absent: ignores SIGTERM (killed at the end of the grace period) */
  stopMs?: number;
  /** files the process creates and removes: path → [created, removed or null] (ms offsets) */
  files?: Record<string, [number, number | null]>;
  /** what it writes into files before any endless loop (the loop's writes come per iteration) */
  writes?: FileWrite[];
  /** `tail -f FILE`: its output is what others write to FILE (from the start with `-n +1`, else the last `last` lines) */
  tail?: { path: string; fromStart: boolean; last: number };
  /**
   * a network client (curl, wget, nslookup, dig): its run was played against the cluster when it
   * started, and it changed the cluster too (a server's access log, kube-proxy's rotation), so
   * its restarts are never skipped in closed form
   */
  client?: true;
}

export interface PlanInput {
  container: Container;
  image: ImageInfo;
  env: [string, string][];
  hostname: string;
  ip: string;
  namespace: string;
  startedAt: number;
  /**
   * files of the container's configMap, secret and downwardAPI volumes, by absolute path; asked
   * only when a script of the container's own runs (an image's default process reads none)
   */
  mounted?: () => Record<string, string> | undefined;
}

const WRAPPERS = new Set(['docker-entrypoint.sh', '/docker-entrypoint.sh', 'docker-php-entrypoint', '/usr/local/bin/docker-entrypoint.sh', 'tini', '/tini', 'dumb-init', '--']);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

/**
 * The main process's argument vector: `$(VAR)` expanded in command and args, Docker's rule
 * (command replaces ENTRYPOINT and drops CMD; args replace CMD), then the entrypoint wrappers
 * that only exec what follows (tini, docker-entrypoint.sh) taken off.
 */
export function processArgv(container: Container, image: ImageInfo, env: [string, string][]): string[] {
  const envMap = container.command || container.args ? new Map(env) : undefined;
  const command = container.command?.map((a) => expandVars(a, envMap!));
  const args = container.args?.map((a) => expandVars(a, envMap!));
  let argv = command ? [...command, ...(args ?? [])] : [...(image.entrypoint ?? []), ...(args ?? image.cmd ?? [])];
  while (argv.length && WRAPPERS.has(argv[0])) argv = argv.slice(1);
  return argv;
}

export function planProcess(input: PlanInput): ProcessPlan {
  const { container, image } = input;
  const argv = processArgv(container, image, input.env);
  // an image without ENTRYPOINT or CMD of its own (system images) runs its program with the args
  if (!container.command && !image.entrypoint && !image.cmd) return imageDefault(input, argv);
  if (!argv.length || isImageDefault(argv, image)) return imageDefault(input, argv);
  const prog = argv[0].split('/').pop()!;
  const mounted = input.mounted?.();
  const scriptEnv: ScriptEnv = {
    vars: Object.fromEntries([['HOSTNAME', input.hostname], ['HOME', '/root'], ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ...input.env]),
    hostname: input.hostname,
    namespace: input.namespace,
    busybox: image.shells.length === 1,
    ...(mounted && Object.keys(mounted).length ? { mounted } : {}),
  };
  if (SHELLS.has(prog)) {
    const c = argv.indexOf('-c');
    if (c < 0) return repl(input, image);
    const source = argv[c + 1] ?? '';
    return fromScript(runScript(source, scriptEnv, input.startedAt), input, scriptEnv);
  }
  if (prog === 'sleep') {
    const ms = sleepMs(argv[1]);
    return { ...base(image), ...(Number.isFinite(ms) ? { exitAfterMs: ms } : {}), exitCode: 0, lines: [], stopMs: undefined };
  }
  // a single command line of the forms the script interpreter knows (echo, cat, env, date ...)
  const quoted = argv.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const r = runScript(quoted, scriptEnv, input.startedAt);
  if (r.server || r.lines.some(([, l]) => l.endsWith(': not found'))) {
    // anything else runs like a server that logs nothing
    return { ...base(image), exitCode: 0, lines: [] };
  }
  return fromScript(r, input, scriptEnv);
}

function isImageDefault(argv: string[], image: ImageInfo): boolean {
  const prog = argv[0].split('/').pop();
  const own = [...(image.cmd ?? []).slice(0, 1), ...(image.entrypoint ?? []).slice(0, 1)].map((p) => p.split('/').pop());
  return own.includes(prog) && !(SHELLS.has(prog ?? '') && argv.includes('-c'));
}

function base(image: ImageInfo): Pick<ProcessPlan, 'ports' | 'stopMs'> {
  return { ports: [], stopMs: image.run === 'server' ? image.stopMs : 100 };
}

function fromScript(r: ReturnType<typeof runScript>, input: PlanInput, scriptEnv: ScriptEnv): ProcessPlan {
  const tail = r.server && tailOf(r.server);
  if (tail) {
    // tail -f follows its file until it is killed; SIGTERM ends it at once
    return { ports: [], exitCode: 0, lines: r.lines, tail, stopMs: 0, ...(r.files ? { files: r.files } : {}), ...(r.writes ? { writes: r.writes } : {}) };
  }
  if (r.server) {
    const { template: _filled, ...inner } = imageDefault(input, r.server);
    return { ...inner, lines: [...r.lines, ...planLines(inner)] };
  }
  // a shell script as PID 1 does not handle SIGTERM: it is killed when the grace period ends
  return {
    ports: [],
    exitCode: r.exitCode,
    lines: r.lines,
    ...(r.exitAfterMs !== undefined ? { exitAfterMs: r.exitAfterMs } : {}),
    ...(r.loop ? { loop: r.loop, scriptEnv } : {}),
    ...(r.files ? { files: r.files } : {}),
    ...(r.writes ? { writes: r.writes } : {}),
  };
}

/** `tail -f FILE`, `tail -n+1 -f FILE`, `tail -F -n 5 FILE`: what it follows, or undefined */
function tailOf(argv: string[]): ProcessPlan['tail'] {
  if (argv[0].split('/').pop() !== 'tail') return undefined;
  let follow = false;
  let n = '10';
  let path: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-f' || a === '-F' || a === '--follow' || a.startsWith('--follow=')) follow = true;
    else if (a === '-n' || a === '--lines') n = argv[++i] ?? n;
    else if (a.startsWith('-n')) n = a.slice(2);
    else if (a.startsWith('--lines=')) n = a.slice(8);
    else if (/^-[fF]n/.test(a)) {
      follow = true;
      n = a.slice(3) || (argv[++i] ?? n);
    } else if (!a.startsWith('-')) path = a;
  }
  if (!follow || !path) return undefined;
  return { path, fromStart: n.startsWith('+'), last: n.startsWith('+') ? 0 : Number(n) || 0 };
}

function repl(input: PlanInput, image: ImageInfo): ProcessPlan {
  // an interactive program without stdin reads EOF and ends at once; with stdin it waits
  if (input.container.stdin) return { ports: [], exitCode: 0, lines: [], stopMs: image.stopMs };
  return { ports: [], exitCode: 0, exitAfterMs: 0, lines: [] };
}

/** A plan's lines at their offsets: its own, then its image's start-up lines filled. */
export function planLines(plan: ProcessPlan): [number, string][] {
  const t = plan.template;
  if (!t) return plan.lines;
  return [...plan.lines, ...t.lines.map((l): [number, string] => [0, fillTemplate(l, t.vars)])];
}

function imageDefault(input: PlanInput, argv: string[]): ProcessPlan {
  const { image } = input;
  const vars = { at: input.startedAt, hostname: input.hostname, ip: input.ip, vars: image.vars };
  const fill = (l: string): string => fillTemplate(l, vars);
  if (image.run === 'repl') return repl(input, image);
  const env = image.requiredEnv ? new Map(input.env) : undefined;
  if (image.requiredEnv && !image.requiredEnv.anyOf.some((k) => (env!.get(k) ?? '') !== '')) {
    return { ports: [], exitCode: 1, exitAfterMs: 0, lines: image.requiredEnv.logs.map((l) => [0, fill(l)] as [number, string]) };
  }
  const lines: [number, string][] = [];
  const template = image.logs?.length ? { template: { lines: image.logs, vars } } : {};
  if (image.run === 'exit') return { ports: [], exitCode: image.exitCode ?? 0, exitAfterMs: image.exitAfterMs ?? 0, lines, ...template };
  return { ports: image.ports ?? [], exitCode: 0, lines, ...template, stopMs: image.stopMs, ...(image.http ? { http: httpOf(image.http, argv, fill) } : {}) };
}

type StaticAnswer = Extract<HttpAnswer, { kind: 'static' }>;

/**
 * What a static server answers, one object per image and 404 page (the page depends on the
 * image's version only): every nginx pod holds the same one instead of a copy. Read only.
 */
function staticAnswer(a: StaticAnswer, notFound: string | undefined): NonNullable<ProcessPlan['http']> {
  let byPage = STATIC_ANSWERS.get(a);
  if (!byPage) STATIC_ANSWERS.set(a, (byPage = new Map()));
  let answer = byPage.get(notFound);
  if (!answer) {
    if (byPage.size >= 64) byPage.clear();
    answer = { body: a.body, ...(a.paths ? { paths: a.paths } : {}), ...(notFound !== undefined ? { notFound } : {}), ...(a.failAfter ? { failAfter: a.failAfter } : {}) };
    byPage.set(notFound, answer);
  }
  return answer;
}

const STATIC_ANSWERS = new WeakMap<StaticAnswer, Map<string | undefined, NonNullable<ProcessPlan['http']>>>();

function httpOf(a: HttpAnswer, argv: string[], fill: (s: string) => string): ProcessPlan['http'] {
  switch (a.kind) {
    case 'static':
      return staticAnswer(a, a.notFound ? fill(a.notFound) : undefined);
    case 'template':
      return { body: fill(a.body) };
    case 'echo-text': {
      const i = argv.findIndex((x) => x === '-text' || x.startsWith('-text=') || x === '--text' || x.startsWith('--text='));
      const text = i < 0 ? a.fallback : argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1] ?? '';
      return { body: `${text}\n` };
    }
  }
}
