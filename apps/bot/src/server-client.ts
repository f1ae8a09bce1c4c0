// The bot's only way to the kubeaula server: its REST API, with the service token, acting for
// the Discord user named in X-Discord-User. The bot never imports the engine.
import type { CheckResult, ClassView, Drill, Hints, Lesson, LessonSummary, Progress } from './course-types';
import type { Place } from './place';

/** What POST /api/v1/clusters/:id/exec returns (the fields the bot uses). */
export interface ExecOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  capped: boolean;
}

export interface BotMe {
  username: string;
  displayName: string;
  role: 'student' | 'instructor' | 'admin';
  locale: 'es' | 'en';
  notify: boolean;
}

/** GET /api/v1/bot/classroom: the classroom a message is about, by where it was typed. */
export interface ClassroomHere {
  /** `place`: this server (channel) names it; `chosen`: `!classroom`; `only`; `choose`: several, no choice; `none`. */
  how: 'place' | 'chosen' | 'only' | 'choose' | 'none';
  classroomId: string | null;
  /** All the user's classrooms in that role, numbered as `!classroom N` (`!class N`) counts. */
  classrooms: { id: string; name: string; number: number }[];
  /** `how: choose`: the candidates. */
  among: string[];
  /** A student's clusters in that classroom (`course`, `lesson:ID`). */
  clusters: { id: string; purpose: string }[];
}

export interface ObjectSummary {
  kind: string;
  namespace?: string;
  name: string;
  status?: string;
}

/** The server answered with an error: `{code, message}` as every kubeaula error. */
export class ServerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The server could not be reached (refused, timed out, or a proxy said it is down). */
export class ServerUnreachable extends Error {}

/** Shell session name for the bot's door: one per Discord user, kept between messages. */
export const BOT_TERMINAL = 'discord';

const room = (classroomId: string) => `/api/v1/classrooms/${encodeURIComponent(classroomId)}`;
const lessonPath = (classroomId: string, lessonId: string) => `${room(classroomId)}/lessons/${encodeURIComponent(lessonId)}`;

export class KubeaulaClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly timeoutMs = 20_000,
  ) {}

  exec(discordUser: string, clusterId: string, command: string): Promise<ExecOutput> {
    return this.call('POST', `/api/v1/clusters/${encodeURIComponent(clusterId)}/exec`, discordUser, { command, terminal: BOT_TERMINAL });
  }

  reset(discordUser: string, clusterId: string): Promise<{ version: number }> {
    return this.call('POST', `/api/v1/clusters/${encodeURIComponent(clusterId)}/reset`, discordUser, {});
  }

  /** The classroom a message typed at `place` is about, for the user as a student or as an instructor. */
  classroomHere(discordUser: string, place: Place, as: 'student' | 'instructor'): Promise<ClassroomHere> {
    const headers: Record<string, string> = {};
    if (place.guildId) headers['X-Discord-Guild'] = place.guildId;
    if (place.channelId) headers['X-Discord-Channel'] = place.channelId;
    return this.call('GET', `/api/v1/bot/classroom?as=${as}`, discordUser, undefined, headers);
  }

  /** `!classroom N` / `!class N`: kept on the server with the Discord link; null forgets it. */
  chooseClassroom(discordUser: string, classroomId: string | null): Promise<{ classroomId: string | null }> {
    return this.call('PUT', '/api/v1/bot/me/classroom', discordUser, { classroomId });
  }

  /** The linked user behind a Discord user: who, their language, their notification choice. */
  me(discordUser: string): Promise<BotMe> {
    return this.call('GET', '/api/v1/bot/me', discordUser);
  }

  setNotify(discordUser: string, on: boolean): Promise<{ notify: boolean }> {
    return this.call('PUT', '/api/v1/bot/me/notify', discordUser, { on });
  }

  /** Objects of a cluster (names and a short status), without running a command. */
  objects(discordUser: string, clusterId: string, resource: string): Promise<{ objects: ObjectSummary[] }> {
    return this.call('GET', `/api/v1/clusters/${encodeURIComponent(clusterId)}/objects?resource=${encodeURIComponent(resource)}`, discordUser);
  }

  progress(discordUser: string, classroomId: string): Promise<Progress> {
    return this.call('GET', `${room(classroomId)}/progress`, discordUser);
  }

  lessons(discordUser: string, classroomId: string): Promise<LessonSummary[]> {
    return this.call('GET', `${room(classroomId)}/lessons`, discordUser);
  }

  lesson(discordUser: string, classroomId: string, lessonId: string): Promise<Lesson> {
    return this.call('GET', `${lessonPath(classroomId, lessonId)}`, discordUser);
  }

  startLesson(discordUser: string, classroomId: string, lessonId: string): Promise<Lesson> {
    return this.call('POST', `${lessonPath(classroomId, lessonId)}/start`, discordUser, {});
  }

  goToStep(discordUser: string, classroomId: string, lessonId: string, stepId: string): Promise<Lesson> {
    return this.call('POST', `${lessonPath(classroomId, lessonId)}/steps/${encodeURIComponent(stepId)}/go`, discordUser, {});
  }

  check(discordUser: string, classroomId: string, lessonId: string, stepId: string): Promise<CheckResult> {
    return this.call('POST', `${lessonPath(classroomId, lessonId)}/steps/${encodeURIComponent(stepId)}/check`, discordUser, {});
  }

  hints(discordUser: string, classroomId: string, lessonId: string, stepId: string): Promise<Hints> {
    return this.call('GET', `${lessonPath(classroomId, lessonId)}/steps/${encodeURIComponent(stepId)}/hints`, discordUser);
  }

  /** The step's markdown source (Discord renders markdown; the course API gives HTML). */
  stepMarkdown(discordUser: string, lessonId: string, stepId: string): Promise<{ markdown: string }> {
    return this.call('GET', `/api/v1/bot/lessons/${encodeURIComponent(lessonId)}/steps/${encodeURIComponent(stepId)}/markdown`, discordUser);
  }

  /** Instructors: the class view of one of their classrooms. */
  classView(discordUser: string, classroomId: string): Promise<ClassView> {
    return this.call('GET', `${room(classroomId)}/class-view`, discordUser);
  }

  /** Instructors: the username linked to another Discord user (for `!progress @student`). */
  linkedUsername(discordUser: string, other: string): Promise<{ username: string }> {
    return this.call('GET', `/api/v1/bot/me/linked/${encodeURIComponent(other)}`, discordUser);
  }

  drills(discordUser: string, classroomId: string): Promise<Drill[]> {
    return this.call('GET', `${room(classroomId)}/drills`, discordUser);
  }

  startDrill(discordUser: string, classroomId: string, spec: Record<string, unknown>, userId?: string): Promise<Drill> {
    return this.call('POST', `${room(classroomId)}/drills`, discordUser, userId ? { spec, userId } : { spec });
  }

  endDrill(discordUser: string, classroomId: string, drillId: string): Promise<Drill> {
    return this.call('POST', `${room(classroomId)}/drills/${encodeURIComponent(drillId)}/end`, discordUser, {});
  }

  /** Redeems a link code from the dashboard for this Discord user. */
  link(discordUser: string, code: string): Promise<{ username: string }> {
    return this.call('POST', '/api/v1/discord/link', undefined, { code, discordUserId: discordUser });
  }

  private async call<T>(method: string, path: string, discordUser?: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
    const headers: Record<string, string> = { ...extraHeaders, Authorization: `Bearer ${this.token}`, Accept: 'application/json' };
    if (discordUser !== undefined) headers['X-Discord-User'] = discordUser;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(this.baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (e) {
      throw new ServerUnreachable(e instanceof Error ? e.message : String(e));
    }
    // A reverse proxy answers these while the server is down or restarting.
    if (res.status === 502 || res.status === 503 || res.status === 504) throw new ServerUnreachable(`HTTP ${res.status}`);
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      throw new ServerUnreachable(`HTTP ${res.status}: not a kubeaula server`);
    }
    if (!res.ok) {
      const err = (json ?? {}) as { code?: unknown; message?: unknown };
      throw new ServerError(res.status, typeof err.code === 'string' ? err.code : 'UNKNOWN', typeof err.message === 'string' ? err.message : `HTTP ${res.status}`);
    }
    return json as T;
  }
}
