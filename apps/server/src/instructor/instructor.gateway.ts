// Live updates of the class view (ws://host/ws/instructor?classroom=ID): an instructor's socket
// is told `{"event":"changed","data":{"userIds":[...]}}` soon after any door changes a cluster
// of a student of the classroom (at most one message per COALESCE_MS), and the page fetches the
// class view again. Authenticated by the session cookie, same origin only, instructors only
// (close 4401 not signed in, 4403 not allowed or another origin, 4404 no such classroom).
import type { IncomingMessage } from 'node:http';
import { Logger, OnModuleDestroy } from '@nestjs/common';
import { OnGatewayConnection, WebSocketGateway } from '@nestjs/websockets';
import type { WebSocket } from 'ws';
import { AuthService } from '../auth/auth.service';
import { SESSION_COOKIE } from '../auth/cookies';
import { AppError } from '../common/app-error';
import { ClusterChange, ClusterEvents } from '../clusters/cluster-events';
import { ProgressEvents } from '../course/progress-events';
import { PrismaService } from '../database/prisma.service';
import { InstructorAccess } from './instructor-access';
import { cookieValue, sameHost } from '../auth/socket-handshake';

const COALESCE_MS = 500;
export const INSTRUCTOR_WS_CLOSE = { unauthenticated: 4401, forbidden: 4403, notFound: 4404 } as const;

interface Watcher {
  classroomId: string;
  socket: WebSocket;
  pending: Set<string>;
  timer?: NodeJS.Timeout;
}

@WebSocketGateway({ path: '/ws/instructor', maxPayload: 1024 })
export class InstructorGateway implements OnGatewayConnection, OnModuleDestroy {
  private readonly logger = new Logger('InstructorGateway');
  private readonly watchers = new Set<Watcher>();
  /** cluster → its student's classroom and user (null: not a student's) */
  private readonly owners = new Map<string, { classroomId: string; userId: string } | null>();
  private readonly off: () => void;

  constructor(
    private readonly auth: AuthService,
    private readonly access: InstructorAccess,
    private readonly prisma: PrismaService,
    events: ClusterEvents,
    progress: ProgressEvents,
  ) {
    const offClusters = events.subscribeAll((change) => void this.onChange(change));
    // a check changes no cluster: progress changes are told apart
    const offProgress = progress.subscribe((p) => this.mark(p.classroomId, p.userId));
    this.off = () => {
      offClusters();
      offProgress();
    };
  }

  onModuleDestroy(): void {
    this.off();
    for (const w of this.watchers) if (w.timer) clearTimeout(w.timer);
  }

  handleConnection(socket: WebSocket, req: IncomingMessage): void {
    this.open(socket, req).catch((e: unknown) => {
      if (e instanceof AppError) socket.close(e.code === 'NOT_FOUND' ? INSTRUCTOR_WS_CLOSE.notFound : INSTRUCTOR_WS_CLOSE.forbidden, e.message.slice(0, 100));
      else {
        this.logger.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
        socket.close(1011, 'internal error');
      }
    });
  }

  private async open(socket: WebSocket, req: IncomingMessage): Promise<void> {
    const host = req.headers.host;
    const origin = req.headers.origin;
    if (origin !== undefined && (!host || !sameHost(origin, host))) return socket.close(INSTRUCTOR_WS_CLOSE.forbidden, 'cross-origin connection refused');
    const token = cookieValue(req.headers.cookie ?? '', SESSION_COOKIE);
    const session = token ? await this.auth.resolveSession(token) : undefined;
    if (!session) return socket.close(INSTRUCTOR_WS_CLOSE.unauthenticated, 'sign in first');
    const classroomId = new URL(req.url ?? '/', 'http://localhost').searchParams.get('classroom') ?? '';
    const room = await this.access.require(session.user, classroomId);
    const w: Watcher = { classroomId: room.id, socket, pending: new Set() };
    this.watchers.add(w);
    socket.on('close', () => {
      this.watchers.delete(w);
      if (w.timer) clearTimeout(w.timer);
    });
    socket.on('message', () => {}); // nothing to say to the server
    socket.send(JSON.stringify({ event: 'ready', data: { classroomId: room.id } }));
  }

  private async onChange(change: ClusterChange): Promise<void> {
    if (this.watchers.size === 0) return;
    let owner = this.owners.get(change.clusterId);
    if (owner === undefined) {
      const c = await this.prisma.cluster.findUnique({ where: { id: change.clusterId }, select: { membership: { select: { classroomId: true, userId: true, role: true } } } });
      owner = c && c.membership.role === 'student' ? { classroomId: c.membership.classroomId, userId: c.membership.userId } : null;
      this.owners.set(change.clusterId, owner);
    }
    if (owner) this.mark(owner.classroomId, owner.userId);
  }

  /** Tells the classroom's open class views, soon, that this student changed. */
  private mark(classroomId: string, userId: string): void {
    for (const w of this.watchers) {
      if (w.classroomId !== classroomId) continue;
      w.pending.add(userId);
      w.timer ??= setTimeout(() => {
        w.timer = undefined;
        const userIds = [...w.pending];
        w.pending.clear();
        if (w.socket.readyState === w.socket.OPEN) w.socket.send(JSON.stringify({ event: 'changed', data: { userIds } }));
      }, COALESCE_MS);
    }
  }
}
