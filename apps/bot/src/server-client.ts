// The bot's only way to the kubeaula server: its REST API, with the service token, acting for
// the Discord user named in X-Discord-User. The bot never imports the engine.

/** What POST /api/v1/clusters/:id/exec returns (the fields the bot uses). */
export interface ExecOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  capped: boolean;
}

export interface ClusterSummary {
  id: string;
  classroomId?: string;
  classroomName?: string;
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

export class KubeaulaClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly timeoutMs = 20_000,
  ) {}

  clusters(discordUser: string): Promise<ClusterSummary[]> {
    return this.call('GET', '/api/v1/clusters', discordUser);
  }

  exec(discordUser: string, clusterId: string, command: string): Promise<ExecOutput> {
    return this.call('POST', `/api/v1/clusters/${encodeURIComponent(clusterId)}/exec`, discordUser, { command, terminal: BOT_TERMINAL });
  }

  reset(discordUser: string, clusterId: string): Promise<{ version: number }> {
    return this.call('POST', `/api/v1/clusters/${encodeURIComponent(clusterId)}/reset`, discordUser, {});
  }

  /** Redeems a link code from the dashboard for this Discord user. */
  link(discordUser: string, code: string): Promise<{ username: string }> {
    return this.call('POST', '/api/v1/discord/link', undefined, { code, discordUserId: discordUser });
  }

  private async call<T>(method: string, path: string, discordUser?: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.token}`, Accept: 'application/json' };
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
