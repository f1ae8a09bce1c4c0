// The student-in-depth page, live: an instructor's socket at
// /ws/instructor?classroom=ID&student=USER&cluster=ID[&seq=N&lineage=L&rv=R][&lang=es|en]
// (the gateway checks the session and that they teach the classroom; here, that the cluster is
// that student's) is sent, after `ready`:
// - `update` {clusterId, version, entries, cursor, live}: the timeline entries recorded after the
//   cursor the page was rendered with (inputs from every door, the object changes they and the
//   clock made) and the cluster as it is now, soon after any change (at most one per COALESCE_MS);
//   the cluster is stepped by the LiveTicker while watched, so timed transitions come as the
//   clock moves;
// - `checks` {checks}: the student's latest check results, when their progress changed.
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { ClusterEvents } from '../clusters/cluster-events';
import { AppError } from '../common/app-error';
import { parseWith } from '../common/zod-body';
import { ProgressEvents } from '../course/progress-events';
import { TransitionRecorder } from '../course/transition-recorder';
import type { Locale } from '../grading/checks/types';
import { LiveTicker } from '../terminal/live-ticker';
import type { TaughtClassroom } from './instructor-access';
import type { TimelineCursor } from './student-timeline';
import { StudentTimelineService } from './student-timeline.service';

const COALESCE_MS = 300;
/** Inputs one update carries at most (the rest follow in the next ones). */
const UPDATE_INPUTS = 200;

const position = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const liveQuery = z
  .object({
    classroom: z.string(),
    student: z.string().min(1).max(100),
    cluster: z.string().min(1).max(100),
    seq: position.optional(),
    lineage: position.optional(),
    rv: position.optional(),
    lang: z.enum(['es', 'en']).optional(),
  })
  .strict();

interface Subscriber {
  socket: WebSocket;
  room: TaughtClassroom;
  userId: string;
  clusterId: string;
  locale: Locale;
  cursor: TimelineCursor;
  timer?: NodeJS.Timeout;
  /** A push is under way; `again`: something changed meanwhile. */
  running: boolean;
  again: boolean;
  /** The student's progress changed: send their checks with the next push. */
  checks: boolean;
  off: (() => void)[];
}

@Injectable()
export class StudentTimelineLive implements OnModuleDestroy {
  private readonly logger = new Logger('StudentTimelineLive');
  private readonly subscribers = new Set<Subscriber>();

  constructor(
    private readonly students: StudentTimelineService,
    private readonly events: ClusterEvents,
    private readonly ticker: LiveTicker,
    private readonly progress: ProgressEvents,
    private readonly recorder: TransitionRecorder,
  ) {}

  /** Subscribes an instructor's socket (they teach `room`) to one student's cluster. */
  async open(socket: WebSocket, room: TaughtClassroom, userLocale: string, params: URLSearchParams): Promise<void> {
    const q = parseWith(liveQuery, Object.fromEntries(params));
    await this.students.cluster(room, q.student, q.cluster);
    const cursor = q.seq === undefined ? await this.students.cursorNow(q.cluster) : { seq: q.seq, lineage: q.lineage ?? 0, rv: q.rv ?? 0 };
    if (socket.readyState !== socket.OPEN) return;
    const locale: Locale = q.lang ?? (userLocale === 'en' ? 'en' : 'es');
    const sub: Subscriber = { socket, room, userId: q.student, clusterId: q.cluster, locale, cursor, running: false, again: false, checks: false, off: [] };
    sub.off = [
      this.events.subscribe(q.cluster, () => this.soon(sub)),
      this.ticker.watch(q.cluster),
      this.progress.subscribe((p) => {
        if (p.classroomId !== room.id || p.userId !== q.student) return;
        sub.checks = true;
        this.soon(sub);
      }),
    ];
    this.subscribers.add(sub);
    socket.on('close', () => this.close(sub));
    socket.on('message', () => {}); // nothing to say to the server
    this.send(sub, 'ready', { clusterId: q.cluster });
    // what came between the page's rendering and now, and the cluster as it is
    void this.push(sub);
  }

  onModuleDestroy(): void {
    for (const sub of [...this.subscribers]) this.close(sub);
  }

  private close(sub: Subscriber): void {
    if (!this.subscribers.delete(sub)) return;
    clearTimeout(sub.timer);
    for (const off of sub.off) off();
  }

  private soon(sub: Subscriber): void {
    sub.timer ??= setTimeout(() => {
      sub.timer = undefined;
      void this.push(sub);
    }, COALESCE_MS);
  }

  private async push(sub: Subscriber): Promise<void> {
    if (sub.running) {
      sub.again = true;
      return;
    }
    sub.running = true;
    try {
      do {
        sub.again = false;
        // the transitions of the changes published so far are in the database
        await this.recorder.flush(sub.clusterId);
        const update = await this.students.entriesAfter(sub.clusterId, sub.cursor, UPDATE_INPUTS);
        sub.cursor = update.cursor;
        const live = await this.students.liveState(sub.clusterId);
        this.send(sub, 'update', { clusterId: sub.clusterId, version: live.version, entries: update.entries, cursor: update.cursor, live });
        if (update.more) sub.again = true;
        if (sub.checks) {
          sub.checks = false;
          this.send(sub, 'checks', { checks: await this.students.checks(sub.room, sub.userId, sub.locale) });
        }
      } while (sub.again && this.subscribers.has(sub));
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_FOUND') {
        // the cluster or the student is gone (an account deleted): nothing more to show
        sub.socket.close(4404, e.message.slice(0, 100));
        this.close(sub);
      } else this.logger.warn(`live update of ${sub.clusterId} failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      sub.running = false;
    }
  }

  private send(sub: Subscriber, event: string, data: unknown): void {
    if (sub.socket.readyState === sub.socket.OPEN) sub.socket.send(JSON.stringify({ event, data }));
  }
}
