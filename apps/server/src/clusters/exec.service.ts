// exec(session, cluster, commandLine, door): the one way every door runs a command line on a
// student's cluster. It runs through ClusterRunner (locked, stepped to now, stored with its
// Input row in one transaction) and returns what the door shows: output, exit code, changes.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/request-auth';
import { CLOCK, Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { PrismaService } from '../database/prisma.service';
import { createSignal } from '../engine/shell/shell';
import { newShellSession, prompt } from '../engine/shell/session';
import type { OutputSink, ShellSession, ShellSignal } from '../engine/shell/types';
import { ClusterAccessService } from './cluster-access.service';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { ClusterRunner } from './cluster-runner';
import { RateLimiter } from './rate-limiter';
import { withSignal } from './sandbox-clock';
import { MAX_COMMAND_LENGTH, MAX_HISTORY, MAX_STORED_OUTPUT, truncate } from './limits';
import { ChangeView, changeView } from './object-view';

export const DOORS = ['web', 'discord', 'cli', 'api'] as const;
export type Door = (typeof DOORS)[number];

export interface ExecRequest {
  user: AuthUser;
  clusterId: string;
  door: Door;
  /** Names the terminal (browser tab, Discord channel, CLI process) whose shell runs it. */
  terminal: string;
  line: string;
  /** Output as it is produced, for doors that stream. */
  sink?: OutputSink;
  /** ^C from the door. */
  signal?: ShellSignal;
  isTTY?: boolean;
  /** For doors that cannot stream: stop a waiting command after this much wall time. */
  waitCapMs?: number;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The outermost shell exited (`exit`): the door may close its terminal. */
  exited: boolean;
  /** The command was stopped at the door's wait cap. */
  capped: boolean;
  durationMs: number;
  /** The cluster version this command produced (its Input's seq). */
  version: number;
  prompt: string;
  changes: ChangeView[];
}

/** Stored with the shell session, beside env, cwd, host and history. */
type ShellRest = Pick<ShellSession, 'user' | 'hostStack' | 'frames' | 'aliases' | 'status'>;

export function cappedNotice(ms: number): string {
  return `kubeaula: stopped after ${Math.round(ms / 100) / 10}s: this door cannot stream a command that waits; run it in the web terminal or the CLI to follow it\n`;
}

@Injectable()
export class ExecService {
  private readonly rate: RateLimiter;

  constructor(
    private readonly prisma: PrismaService,
    private readonly runner: ClusterRunner,
    private readonly access: ClusterAccessService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.rate = new RateLimiter(config.limits.commandsPerMinute);
  }

  /** The prompt a terminal's shell shows now (a reopened tab continues where it was). */
  async promptFor(user: AuthUser, clusterId: string, door: Door, terminal: string): Promise<string> {
    const row = await this.prisma.shellSession.findUnique({ where: { userId_door_terminalKey: { userId: user.id, door, terminalKey: `${clusterId}/${terminal}` } } });
    return prompt(row ? restoreSession(row) : newShellSession({ host: 'master', user: 'student' }));
  }

  async exec(req: ExecRequest): Promise<ExecResult> {
    if (req.line.length > MAX_COMMAND_LENGTH) {
      throw new AppError('PAYLOAD_TOO_LARGE', `The command line is longer than ${MAX_COMMAND_LENGTH} characters`);
    }
    if (req.line.includes('\0')) throw new AppError('BAD_REQUEST', 'The command line contains a NUL character');
    await this.access.check(req.user, req.clusterId, 'write');
    if (!this.rate.take(req.user.id)) throw new AppError('TOO_MANY_REQUESTS', 'Too many commands: wait a minute and try again');
    const terminalKey = `${req.clusterId}/${req.terminal}`;

    let capped = false;

    let streamed = false;
    const sink: OutputSink | undefined = req.sink && {
      write: (stream, text) => {
        streamed = true;
        req.sink!.write(stream, text);
      },
    };
    const committed = await this.runner.mutate(
      req.clusterId,
      async (entry, attempt) => {
        const row = await this.prisma.shellSession.findUnique({ where: { userId_door_terminalKey: { userId: req.user.id, door: req.door, terminalKey } } });
        const session = row ? restoreSession(row) : entry.sandbox.newSession();
        if (!entry.sandbox.hosts[session.host]) Object.assign(session, entry.sandbox.newSession(), { history: session.history });
        const at = entry.clock.now();
        const started = Date.now();
        // After a lost race the command runs again on the newer state; what it already
        // streamed is not streamed twice.
        const runSink = attempt > 1 && streamed ? undefined : sink;
        // ^C from the door, or the door's cap on waiting, end the command. The cap counts
        // from when the command starts running, not from when it was queued.
        const ctl = createSignal();
        const offDoor = req.signal?.onAbort(() => ctl.abort());
        if (req.signal?.aborted) ctl.abort();
        capped = false;
        const capTimer = req.waitCapMs === undefined ? undefined : setTimeout(() => { capped = true; ctl.abort(); }, req.waitCapMs);
        let ran;
        try {
          ran = await withSignal(ctl.signal, () => entry.sandbox.run(session, req.line, runSink, { isTTY: req.isTTY ?? false, signal: ctl.signal }));
        } finally {
          if (capTimer) clearTimeout(capTimer);
          offDoor?.();
        }
        const { result, session: after } = ran;
        let stderr = result.stderr;
        if (capped) {
          stderr += cappedNotice(req.waitCapMs ?? 0);
          runSink?.write('stderr', cappedNotice(req.waitCapMs ?? 0));
        }
        const out = truncate(result.stdout, MAX_STORED_OUTPUT);
        const err = truncate(stderr, MAX_STORED_OUTPUT);
        const durationMs = Date.now() - started;
        const shellId = row?.id ?? randomUUID();
        const history = after.history.slice(-MAX_HISTORY);
        const rest: ShellRest = { user: after.user, hostStack: after.hostStack, frames: after.frames, aliases: after.aliases ?? {}, status: after.status };
        const nowDate = new Date(this.clock.now());
        return {
          input: {
            kind: 'command',
            at: new Date(at),
            door: req.door,
            actorId: req.user.id,
            shellSessionId: shellId,
            command: req.line,
            stdout: out.text,
            stderr: err.text,
            outputTruncated: out.truncated || err.truncated,
            exitCode: result.exitCode,
            durationMs,
          },
          extra: () => [
            this.prisma.shellSession.upsert({
              where: { userId_door_terminalKey: { userId: req.user.id, door: req.door, terminalKey } },
              create: { id: shellId, userId: req.user.id, clusterId: req.clusterId, door: req.door, terminalKey, env: after.env, cwd: after.cwd, host: after.host, history, shell: rest as object, lastUsedAt: nowDate },
              update: { env: after.env, cwd: after.cwd, host: after.host, history, shell: rest as object, lastUsedAt: nowDate },
            }),
          ],
          result: { stdout: result.stdout, stderr, exitCode: result.exitCode, exited: result.exited === true, durationMs, prompt: prompt(after) },
        };
      },
      req.signal,
    );
    return { ...committed.result, capped, version: committed.version, changes: committed.events.map(changeView) };
  }
}

function restoreSession(row: { env: unknown; cwd: string; host: string; history: unknown; shell: unknown }): ShellSession {
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
    status: rest.status ?? 0,
  };
}
