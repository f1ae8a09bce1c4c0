// Live updates for instructors. The class view (ws://host/ws/instructor?classroom=ID): the socket
// is told `{"event":"changed","data":{"userIds":[...]}}` soon after any door changes a cluster
// of a student of the classroom (at most one message per COALESCE_MS), and the page fetches the
// class view again. One student in depth (the same with &student=USER&cluster=ID): the timeline,
// the live picture and the checks of that student's cluster (student-timeline-live.ts).
// Authenticated by the session cookie, same origin only, the classroom's instructors only (close
// 4401 not signed in, 4403 not allowed or another origin, 4404 no such classroom, student or
// cluster, 4400 a malformed query).
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
import { ClusterOwners } from './cluster-owners';
import { StudentTimelineLive } from './student-timeline-live';

const COALESCE_MS = 500;
export const INSTRUCTOR_WS_CLOSE = { badRequest: 4400, unauthenticated: 4401, forbidden: 4403, notFound: 4404 } as const;

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
  /** cluster → its student's classroom and user (null: not a student's), while class views are open */
  private readonly owners = new ClusterOwners();
  private readonly off: () => void;

  constructor(
    private readonly auth: AuthService,
    private readonly access: InstructorAccess,
    private readonly prisma: PrismaService,
    private readonly student: StudentTimelineLive,
    events: ClusterEvents,
    progress: ProgressEvents,
  ) {
    const offClusters = events.subscribeAll((change) => {
      this.onChange(change).catch((e: unknown) => this.logger.warn(`class view update for ${change.clusterId} failed: ${e instanceof Error ? e.message : String(e)}`));
    });
    // a check changes no cluster: progress changes are told apart
    const offProgress = progress.subscribe((p) => this.mark(p.classroomId, p.userId));
    this.off = () => {
      offClusters();
      offProgress();
    };
  }

  /** Clusters whose owner is remembered (for tests and metrics). */
  get ownersRemembered(): number {
    return this.owners.size;
  }

  onModuleDestroy(): void {
    this.off();
    for (const w of this.watchers) if (w.timer) clearTimeout(w.timer);
  }

  handleConnection(socket: WebSocket, req: IncomingMessage): void {
    this.open(socket, req).catch((e: unknown) => {
      if (e instanceof AppError) socket.close(e.code === 'NOT_FOUND' ? INSTRUCTOR_WS_CLOSE.notFound : e.code === 'BAD_REQUEST' ? INSTRUCTOR_WS_CLOSE.badRequest : INSTRUCTOR_WS_CLOSE.forbidden, e.message.slice(0, 100));
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
    const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const room = await this.access.require(session.user, params.get('classroom') ?? '');
    if (params.has('student')) return this.student.open(socket, room, session.user.locale, params);
    const w: Watcher = { classroomId: room.id, socket, pending: new Set() };
    this.watchers.add(w);
    socket.on('close', () => {
      this.watchers.delete(w);
      if (w.timer) clearTimeout(w.timer);
      // nobody to tell: what is remembered could only grow stale
      if (this.watchers.size === 0) this.owners.clear();
    });
    socket.on('message', () => {}); // nothing to say to the server
    socket.send(JSON.stringify({ event: 'ready', data: { classroomId: room.id } }));
  }

  private async onChange(change: ClusterChange): Promise<void> {
    if (this.watchers.size === 0) return;
    // a reset or restore: ask again rather than trust what was remembered of the cluster
    if (change.replaced) this.owners.forget(change.clusterId);
    let owner = this.owners.get(change.clusterId);
    if (owner === undefined) {
      const c = await this.prisma.cluster.findUnique({ where: { id: change.clusterId }, select: { membership: { select: { classroomId: true, userId: true, role: true } } } });
      owner = c && c.membership.role === 'student' ? { classroomId: c.membership.classroomId, userId: c.membership.userId } : null;
      if (this.watchers.size > 0) this.owners.set(change.clusterId, owner); // not after the last view closed
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
