// exec(session, cluster, commandLine, door): the one way every door runs a command line on a
// student's cluster. It runs through ClusterRunner (locked, stepped to now, stored with its
// Input row in one transaction) and returns what the door shows: output, exit code, changes.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/request-auth';
import { CLOCK, Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { PrismaService } from '../database/prisma.service';
import { copySession, createSignal } from '../engine/shell/shell';
import { newShellSession, prompt } from '../engine/shell/session';
import { ENGINE_VERSION } from '../engine/cluster-state';
import type { OutputSink, ShellSignal } from '../engine/shell/types';
import { ClusterAccessService } from './cluster-access.service';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { ClusterRunner } from './cluster-runner';
import { CommandPayload, fitSession, sessionFromRow, storedSession } from './input-log';
import { RecordingClock } from './replay-clock';
import { RateLimiter } from './rate-limiter';
import { withSignal } from './sandbox-clock';
import { MAX_COMMAND_LENGTH, MAX_STORED_OUTPUT, truncate } from './limits';
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
    return prompt(row ? sessionFromRow(row) : newShellSession({ host: 'master', user: 'student' }));
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
        const shellKey = `${req.user.id}/${req.door}/${terminalKey}`;
        let shell = entry.shells.get(shellKey);
        if (!shell) {
          const row = await this.prisma.shellSession.findUnique({ where: { userId_door_terminalKey: { userId: req.user.id, door: req.door, terminalKey } } });
          shell = { id: row?.id ?? randomUUID(), session: row ? sessionFromRow(row) : entry.sandbox.newSession() };
        }
        // a copy: the shell may change what it is given, and the payload needs it as it was
        const session = copySession(fitSession(entry.sandbox, shell.session));
        const before = entry.recorded.has(shell.id) ? undefined : copySession(session);
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
        // Every clock reading and the sleep a ^C ended are recorded: a replay runs the same.
        const recorder = new RecordingClock(entry.clock);
        let abortAt: number | undefined = ctl.signal.aborted ? 0 : undefined;
        const offAbort = ctl.signal.onAbort(() => { abortAt ??= recorder.sleeps; });
        const outer = entry.switch.target;
        entry.switch.target = recorder;
        let ran;
        try {
          ran = await withSignal(ctl.signal, () => entry.sandbox.run(session, req.line, runSink, { isTTY: req.isTTY ?? false, signal: ctl.signal }));
        } finally {
          entry.switch.target = outer;
          offAbort();
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
        const kept = storedSession(after);
        // the row's own columns, and the rest of the session beside them (ShellRest)
        const { env, cwd, host, history, ...rest } = kept;
        const payload: CommandPayload = { e: ENGINE_VERSION, shell: shell.id, clock: recorder.readings };
        // The session as the command found it, once per shell after each stored state: the
        // replay carries it on from there (ShellSession rows keep only the latest).
        if (before) payload.session = before;
        if (abortAt !== undefined) payload.abortAt = abortAt;
        if (req.isTTY) payload.tty = true;
        if (entry.clock.virtual) payload.virtual = true;
        const shellId = shell.id;
        return {
          input: {
            kind: 'command',
            at: new Date(at),
            door: req.door,
            actorId: req.user.id,
            shellSessionId: shellId,
            command: req.line,
            payload,
            stdout: out.text,
            stderr: err.text,
            outputTruncated: out.truncated || err.truncated,
            exitCode: result.exitCode,
            durationMs,
          },
          replayable: true,
          shell: { id: shellId, userId: req.user.id, door: req.door, terminalKey, env, cwd, host, history, shell: rest },
          onCommit: () => {
            entry.shells.set(shellKey, { id: shellId, session: kept });
            entry.recorded.add(shellId);
          },
          result: { stdout: result.stdout, stderr, exitCode: result.exitCode, exited: result.exited === true, durationMs, prompt: prompt(after) },
        };
      },
      req.signal,
    );
    return { ...committed.result, capped, version: committed.version, changes: committed.events.map(changeView) };
  }
}
