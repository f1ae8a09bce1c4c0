// The input log: what an Input row's payload holds so that the engine can run it again and get
// exactly the state it produced, and the replay itself. Pure: no database, no Nest.
//
// Per kind, besides the row's own columns (command, `at`, shellSessionId):
// - command: the engine version, the shell's id, the shell session as the command found it
//   (only in the first input of that shell after a stored state: after that the replay carries
//   the session on from the previous input of the same shell), every clock reading the command
//   made, the sleep during which ^C or a door's cap stopped it, whether it ran with a TTY and
//   whether the clock was virtual;
// - file-write / file-delete: host, path and (write) the content;
// - reset / restore: their state is stored with them (a replay starts there, never crosses them).
import { AppError } from '../common/app-error';
import { ENGINE_VERSION, SerializedCluster } from '../engine/cluster-state';
import { Sandbox, SandboxClock } from '../engine/sandbox';
import { copySession, createSignal } from '../engine/shell/shell';
import type { ShellSession } from '../engine/shell/types';
import { MAX_HISTORY } from './limits';
import { ClockReadings, ReplayClock, ReplayDiverged, SwitchClock } from './replay-clock';

export const HOME = '/home/student';

/** The part of a shell session stored beside env, cwd, host and history. */
export type ShellRest = Pick<ShellSession, 'user' | 'hostStack' | 'frames' | 'aliases' | 'functions' | 'arrays' | 'traps' | 'unexported' | 'readonly' | 'declared' | 'shellOptions' | 'status'>;

export interface CommandPayload {
  /** The engine version that ran it. */
  e: string;
  /** The ShellSession row's id (kept here too: the row may be deleted with its user). */
  shell: string;
  session?: ShellSession;
  clock: ClockReadings;
  abortAt?: number;
  tty?: true;
  virtual?: true;
}

export interface FileWritePayload {
  e?: string;
  host: string;
  path: string;
  bytes: number;
  content?: string;
}

export interface FileDeletePayload {
  e?: string;
  host: string;
  path: string;
}

/** An Input row as the replay reads it. */
export interface LoggedInput {
  seq: number;
  kind: string;
  command: string | null;
  payload: unknown;
}

/** A session as stored in its row, and so as the next command finds it. */
export function storedSession(s: ShellSession): ShellSession {
  return {
    env: s.env,
    cwd: s.cwd,
    host: s.host,
    history: s.history.slice(-MAX_HISTORY),
    user: s.user,
    hostStack: s.hostStack,
    frames: s.frames,
    aliases: s.aliases ?? {},
    ...(s.functions && Object.keys(s.functions).length ? { functions: s.functions } : {}),
    ...(s.arrays && Object.keys(s.arrays).length ? { arrays: s.arrays } : {}),
    ...(s.traps && Object.keys(s.traps).length ? { traps: s.traps } : {}),
    ...(s.unexported && Object.keys(s.unexported).length ? { unexported: s.unexported } : {}),
    ...(s.readonly && Object.keys(s.readonly).length ? { readonly: s.readonly } : {}),
    ...(s.declared && Object.keys(s.declared).length ? { declared: s.declared } : {}),
    ...(s.shellOptions && Object.keys(s.shellOptions).length ? { shellOptions: s.shellOptions } : {}),
    status: s.status,
  };
}

/** A session from its ShellSession row. */
export function sessionFromRow(row: { env: unknown; cwd: string; host: string; history: unknown; shell: unknown }): ShellSession {
  const rest = (row.shell ?? {}) as Partial<ShellRest>;
  return {
    env: (row.env ?? {}) as Record<string, string>,
    cwd: row.cwd,
    host: row.host,
    history: Array.isArray(row.history) ? (row.history as string[]) : [],
    user: rest.user ?? 'student',
    hostStack: rest.hostStack ?? [],
    frames: rest.frames ?? [],
    aliases: rest.aliases ?? {},
    ...(rest.functions && typeof rest.functions === 'object' ? { functions: rest.functions } : {}),
    ...(rest.arrays && typeof rest.arrays === 'object' ? { arrays: rest.arrays } : {}),
    ...(rest.traps && typeof rest.traps === 'object' ? { traps: rest.traps } : {}),
    ...(rest.unexported && typeof rest.unexported === 'object' ? { unexported: rest.unexported } : {}),
    ...(rest.readonly && typeof rest.readonly === 'object' ? { readonly: rest.readonly } : {}),
    ...(rest.declared && typeof rest.declared === 'object' ? { declared: rest.declared } : {}),
    ...(rest.shellOptions && typeof rest.shellOptions === 'object' ? { shellOptions: rest.shellOptions } : {}),
    status: rest.status ?? 0,
  };
}

/** A session whose host is gone (a reset to another shape) starts over on master, keeping its history. */
export function fitSession(sandbox: Sandbox, session: ShellSession): ShellSession {
  if (sandbox.hosts[session.host]) return session;
  return { ...sandbox.newSession(), history: session.history };
}

export function workspaceFs(sandbox: Sandbox, host: string) {
  const h = sandbox.hosts[host];
  if (!h) throw new AppError('NOT_FOUND', `No host ${host} in this cluster`);
  if (!h.fs.isDir(HOME)) throw new AppError('NOT_FOUND', `No workspace on ${host}`);
  return h.fs;
}

/** Writes a workspace file (parents made as `mkdir -p` would), at the cluster's time. */
export function writeWorkspaceFile(sandbox: Sandbox, host: string, relative: string, content: string): void {
  const fs = workspaceFs(sandbox, host);
  const abs = `${HOME}/${relative}`;
  const now = sandbox.cluster.now;
  if (fs.isDir(abs)) throw new AppError('CONFLICT', `${relative} is a directory`);
  const parts = abs.split('/');
  for (let i = 4; i < parts.length; i++) {
    const dir = parts.slice(0, i).join('/');
    if (!fs.exists(dir)) fs.mkdir(dir, { owner: 'student', mode: 0o755, now });
    else if (!fs.isDir(dir)) throw new AppError('CONFLICT', `${dir.slice(HOME.length + 1)} is a file`);
  }
  fs.write(abs, content, { owner: 'student', mode: 0o644, now });
}

export function deleteWorkspaceFile(sandbox: Sandbox, host: string, relative: string): void {
  const fs = workspaceFs(sandbox, host);
  const abs = `${HOME}/${relative}`;
  if (!fs.isFile(abs)) throw new AppError('NOT_FOUND', `No file ${relative}`);
  fs.remove(abs);
}

/** Loads a stored state with a switchable clock (the runner and the replay swap what it reads). */
export function loadWithSwitch(state: string | SerializedCluster, target: SwitchClock['target']): { sandbox: Sandbox; clock: SwitchClock } {
  const data = typeof state === 'string' ? (JSON.parse(state) as SerializedCluster) : state;
  const clock = new SwitchClock(target);
  return { sandbox: Sandbox.load(data, clock), clock };
}

/**
 * A stored state with `inputs` (those after it, in order) replayed on it: how the runner loads a
 * cluster and the timeline rebuilds a past one. Afterwards its clock reads `clockAt(its time)`.
 */
export async function loadReplayed(state: string | SerializedCluster, inputs: LoggedInput[], clockAt: (now: number) => SandboxClock): Promise<Sandbox> {
  const data = typeof state === 'string' ? (JSON.parse(state) as SerializedCluster) : state;
  const { sandbox, clock } = loadWithSwitch(data, clockAt(data.now));
  await replayInputs(sandbox, clock, inputs);
  clock.target = clockAt(sandbox.cluster.now);
  return sandbox;
}

export class ReplayRefused extends AppError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}

/**
 * Runs logged inputs again, in order, on `sandbox` (whose clock is `clock`), carrying each
 * shell's session from one of its inputs to the next in `sessions`. Throws ReplayRefused for an
 * input it cannot run (another engine's, or a reset/restore, which a replay never crosses).
 */
export async function replayInputs(sandbox: Sandbox, clock: SwitchClock, inputs: LoggedInput[], sessions = new Map<string, ShellSession>()): Promise<void> {
  const saved = clock.target;
  try {
    for (const input of inputs) await replayOne(sandbox, clock, input, sessions);
  } finally {
    clock.target = saved;
  }
}

async function replayOne(sandbox: Sandbox, clock: SwitchClock, input: LoggedInput, sessions: Map<string, ShellSession>): Promise<void> {
  const p = (input.payload ?? {}) as Record<string, unknown>;
  const engine = typeof p.e === 'string' ? p.e : undefined;
  if (engine !== undefined && engine !== ENGINE_VERSION) {
    throw new ReplayRefused(`Input ${input.seq} was recorded by engine ${engine}; this server runs engine ${ENGINE_VERSION} and does not replay another engine's inputs`);
  }
  switch (input.kind) {
    case 'command': {
      const c = p as unknown as CommandPayload;
      if (engine === undefined || !Array.isArray(c.clock)) throw new ReplayRefused(`Input ${input.seq} was recorded before inputs were replayable`);
      const before = c.session ?? sessions.get(c.shell);
      if (!before) throw new ReplayRefused(`Input ${input.seq}: the shell session it ran in was not recorded`);
      const session = copySession(fitSession(sandbox, before));
      const ctl = createSignal();
      const replayClock = new ReplayClock(c.clock, c.virtual === true, c.abortAt, () => ctl.abort());
      clock.target = replayClock;
      const { session: after } = await sandbox.run(session, input.command ?? '', undefined, { isTTY: c.tty === true, signal: ctl.signal });
      if (!replayClock.exhausted()) throw new ReplayDiverged(`Input ${input.seq}: the replay read the clock less often than the command did`);
      sessions.set(c.shell, storedSession(after));
      return;
    }
    case 'file-write': {
      const f = p as unknown as FileWritePayload;
      if (f.content === undefined) throw new ReplayRefused(`Input ${input.seq} was recorded before inputs were replayable`);
      writeWorkspaceFile(sandbox, f.host, f.path, f.content);
      return;
    }
    case 'file-delete': {
      const f = p as unknown as FileDeletePayload;
      if (engine === undefined) throw new ReplayRefused(`Input ${input.seq} was recorded before inputs were replayable`);
      deleteWorkspaceFile(sandbox, f.host, f.path);
      return;
    }
    default:
      throw new ReplayRefused(`Input ${input.seq} (${input.kind}) has no stored state to start from`);
  }
}
