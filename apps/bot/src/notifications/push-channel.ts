// The bot's end of the server's push channel (/ws/bot): a WebSocket opened with the service
// token, over which the server sends the notifications of students who turned them on. The bot
// reconnects by itself when the server restarts or the network drops (1 s, doubling to 30 s).
import WebSocket from 'ws';

/** What the server pushes (apps/server/src/notifications/notification-hub.ts). */
export interface PushedNotification {
  discordUserId: string;
  locale: 'es' | 'en';
  clusterId: string;
  classroomName?: string;
  notice: { kind: 'crashLoop' | 'rolloutDone' | 'nodeNotReady' | 'nodeReady'; namespace?: string; name: string; container?: string; restarts?: number; replicas?: number };
}

export interface PushChannelOptions {
  serverUrl: string;
  token: string;
  deliver(n: PushedNotification): Promise<void>;
  log?: (line: string) => void;
  /** Called each time the server says the subscription is live. */
  onReady?: () => void;
}

const MAX_BACKOFF_MS = 30_000;

export class PushChannel {
  private socket?: WebSocket;
  private stopped = false;
  private backoff = 1000;
  private retry?: NodeJS.Timeout;

  constructor(private readonly o: PushChannelOptions) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retry);
    this.socket?.close(1000, 'bot stopping');
  }

  private connect(): void {
    const url = this.o.serverUrl.replace(/^http/, 'ws') + '/ws/bot';
    const socket = new WebSocket(url, { headers: { Authorization: `Bearer ${this.o.token}` } });
    this.socket = socket;
    const log = this.o.log ?? console.error;
    socket.on('message', (data: Buffer) => {
      let msg: { event?: string; data?: unknown };
      try {
        msg = JSON.parse(data.toString('utf8')) as typeof msg;
      } catch {
        return;
      }
      if (msg.event === 'ready') {
        this.backoff = 1000;
        this.o.onReady?.();
      } else if (msg.event === 'notify') {
        this.o.deliver(msg.data as PushedNotification).catch((e: unknown) => log(`kubeaula-bot: a notification could not be sent: ${e instanceof Error ? e.message : String(e)}`));
      }
    });
    socket.on('error', (e) => log(`kubeaula-bot: push channel: ${e.message}`));
    socket.on('close', (code) => {
      if (this.stopped) return;
      if (code === 4401) log('kubeaula-bot: push channel refused the service token (KUBEAULA_BOT_TOKEN); notifications are off until it is fixed');
      this.retry = setTimeout(() => this.connect(), this.backoff);
      this.retry.unref();
      this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
    });
  }
}
