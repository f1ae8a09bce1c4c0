// The live terminal and cluster view over WebSocket (ws://host/ws/terminal?cluster=ID&tab=T).
// The handshake is authenticated by the session cookie and its Origin must be this server;
// a socket joins one cluster its user may see (its own; an instructor's, read-only).
// Messages are JSON {event, data}:
//   in:  exec {line}, interrupt {}
//   out: ready {clusterId, readOnly, prompt, version, objects}, output {stream, text},
//        result {exitCode, prompt, exited, version, capped}, changes {version, replaced, changes},
//        error {code, message}
// One command at a time per socket; ^C (interrupt) ends the running one.
import type { IncomingMessage } from 'node:http';
import { Logger } from '@nestjs/common';
import { OnGatewayConnection, WebSocketGateway } from '@nestjs/websockets';
import type { WebSocket } from 'ws';
import { AuthService } from '../auth/auth.service';
import { SESSION_COOKIE } from '../auth/cookies';
import type { AuthUser } from '../auth/request-auth';
import { AppError, ErrorCode } from '../common/app-error';
import { ClusterAccessService } from '../clusters/cluster-access.service';
import { ClusterEvents } from '../clusters/cluster-events';
import { ClustersService } from '../clusters/clusters.service';
import { ExecService } from '../clusters/exec.service';
import { MAX_COMMAND_LENGTH } from '../clusters/limits';
import { changeView } from '../clusters/object-view';
import { createSignal } from '../engine/shell/shell';
import { LiveTicker } from './live-ticker';
import { cookieValue, sameHost } from '../auth/socket-handshake';

/** Largest message a client may send (a command line with room for JSON). */
export const MAX_WS_MESSAGE = 64 * 1024;
const TAB = /^[\w.-]{1,64}$/;

/** Close codes: 4401 not signed in, 4403 wrong origin or no access, 4400 bad request. */
export const WS_CLOSE = { unauthenticated: 4401, forbidden: 4403, badRequest: 4400, notFound: 4404 } as const;

@WebSocketGateway({ path: '/ws/terminal', maxPayload: MAX_WS_MESSAGE })
export class TerminalGateway implements OnGatewayConnection {
  private readonly logger = new Logger('TerminalGateway');

  constructor(
    private readonly auth: AuthService,
    private readonly access: ClusterAccessService,
    private readonly clusters: ClustersService,
    private readonly execService: ExecService,
    private readonly events: ClusterEvents,
    private readonly ticker: LiveTicker,
  ) {}

  handleConnection(socket: WebSocket, req: IncomingMessage): void {
    // Messages that arrive while the handshake is being checked wait for it.
    const early: Buffer[] = [];
    const onEarly = (data: Buffer) => early.push(data);
    socket.on('message', onEarly);
    void this.open(socket, req).then(
      (terminal) => {
        socket.off('message', onEarly);
        if (!terminal) return;
        socket.on('message', (data: Buffer) => terminal.onMessage(data));
        for (const data of early) terminal.onMessage(data);
      },
      (e) => {
        this.logger.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
        socket.close(1011, 'internal error');
      },
    );
  }

  private async open(socket: WebSocket, req: IncomingMessage): Promise<Terminal | undefined> {
    const host = req.headers.host;
    const origin = req.headers.origin;
    if (origin !== undefined && (!host || !sameHost(origin, host))) {
      socket.close(WS_CLOSE.forbidden, 'cross-origin connection refused');
      return undefined;
    }
    const token = cookieValue(req.headers.cookie ?? '', SESSION_COOKIE);
    const session = token ? await this.auth.resolveSession(token) : undefined;
    if (!session) {
      socket.close(WS_CLOSE.unauthenticated, 'sign in first');
      return undefined;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const clusterId = url.searchParams.get('cluster') ?? '';
    const tab = url.searchParams.get('tab') ?? '';
    if (!clusterId || !TAB.test(tab)) {
      socket.close(WS_CLOSE.badRequest, 'cluster and tab are required');
      return undefined;
    }
    let readOnly = false;
    try {
      const ref = await this.access.check(session.user, clusterId, 'read');
      readOnly = ref.ownerUserId !== session.user.id;
    } catch (e) {
      socket.close(e instanceof AppError && e.code === 'NOT_FOUND' ? WS_CLOSE.notFound : WS_CLOSE.forbidden, 'no such cluster');
      return undefined;
    }
    const terminal = new Terminal(socket, session.user, clusterId, tab, readOnly, this.execService);
    const offEvents = this.events.subscribe(clusterId, (change) =>
      terminal.send('changes', { version: change.version, replaced: change.replaced, changes: change.events.map(changeView) }),
    );
    const offTicker = this.ticker.watch(clusterId);
    socket.on('close', () => {
      offEvents();
      offTicker();
      terminal.interrupt();
    });
    const { version, objects } = await this.clusters.objects(session.user, clusterId);
    const prompt = await this.execService.promptFor(session.user, clusterId, 'web', tab);
    terminal.send('ready', { clusterId, readOnly, prompt, version, objects });
    return terminal;
  }
}

class Terminal {
  private running?: { abort(): void };

  constructor(
    private readonly socket: WebSocket,
    private readonly user: AuthUser,
    private readonly clusterId: string,
    private readonly tab: string,
    private readonly readOnly: boolean,
    private readonly execService: ExecService,
  ) {}

  send(event: string, data: unknown): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify({ event, data }));
  }

  error(code: ErrorCode, message: string): void {
    this.send('error', { code, message });
  }

  interrupt(): void {
    this.running?.abort();
  }

  onMessage(data: Buffer): void {
    let msg: { event?: unknown; data?: unknown };
    try {
      msg = JSON.parse(data.toString('utf8')) as typeof msg;
    } catch {
      return this.error('BAD_REQUEST', 'Messages are JSON: {"event": ..., "data": ...}');
    }
    if (typeof msg !== 'object' || msg === null) return this.error('BAD_REQUEST', 'Messages are JSON objects');
    switch (msg.event) {
      case 'exec':
        return this.exec(msg.data);
      case 'interrupt':
        return this.interrupt();
      default:
        return this.error('BAD_REQUEST', `Unknown event ${JSON.stringify(msg.event)}`);
    }
  }

  private exec(data: unknown): void {
    const line = (data as { line?: unknown } | undefined)?.line;
    if (typeof line !== 'string') return this.error('BAD_REQUEST', 'exec needs {"line": "..."}');
    if (line.length > MAX_COMMAND_LENGTH) return this.error('PAYLOAD_TOO_LARGE', `The command line is longer than ${MAX_COMMAND_LENGTH} characters`);
    if (this.readOnly) return this.error('FORBIDDEN', "An instructor can look at a student's cluster, not change it");
    if (this.running) return this.error('CONFLICT', 'A command is already running in this terminal');
    const ctl = createSignal();
    this.running = ctl;
    void this.execService
      .exec({
        user: this.user,
        clusterId: this.clusterId,
        door: 'web',
        terminal: this.tab,
        line,
        isTTY: true,
        signal: ctl.signal,
        sink: { write: (stream, text) => this.send('output', { stream, text }) },
      })
      .then(
        (r) => this.send('result', { exitCode: r.exitCode, prompt: r.prompt, exited: r.exited, version: r.version, capped: r.capped }),
        (e: unknown) => (e instanceof AppError ? this.error(e.code, e.message) : this.error('INTERNAL', 'The command failed on the server')),
      )
      .finally(() => {
        this.running = undefined;
      });
  }
}
