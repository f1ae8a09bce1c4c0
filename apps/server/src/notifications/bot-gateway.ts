// The push channel to the Discord bot: a WebSocket at /ws/bot, opened by the bot with its service
// token in the Authorization header (the same token as its REST calls). The server sends
// {event: 'ready'} and then {event: 'notify', data: BotNotification}; the bot sends nothing.
import type { IncomingMessage } from 'node:http';
import { Logger } from '@nestjs/common';
import { OnGatewayConnection, WebSocketGateway } from '@nestjs/websockets';
import type { WebSocket } from 'ws';
import { ApiTokenService } from '../auth/api-token.service';
import { BotNotification, NotificationHub } from './notification-hub';

export const BOT_WS_PATH = '/ws/bot';
/** Close codes: 4401 no or bad service token. */
export const BOT_WS_CLOSE = { unauthenticated: 4401 } as const;
const PING_MS = 30_000;

@WebSocketGateway({ path: BOT_WS_PATH, maxPayload: 4096 })
export class BotGateway implements OnGatewayConnection {
  private readonly logger = new Logger('BotGateway');

  constructor(
    private readonly tokens: ApiTokenService,
    private readonly hub: NotificationHub,
  ) {}

  handleConnection(socket: WebSocket, req: IncomingMessage): void {
    void this.open(socket, req).catch((e) => {
      this.logger.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      socket.close(1011, 'internal error');
    });
  }

  private async open(socket: WebSocket, req: IncomingMessage): Promise<void> {
    const m = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(req.headers.authorization ?? '');
    const who = m ? await this.tokens.resolveBearer(m[1]) : undefined;
    if (who?.kind !== 'service') {
      socket.close(BOT_WS_CLOSE.unauthenticated, "the bot's service token is needed");
      return;
    }
    if (socket.readyState !== socket.OPEN) return;
    const send = (n: BotNotification) => socket.send(JSON.stringify({ event: 'notify', data: n }));
    // A bot that vanished without closing is noticed by the ping and let go.
    let alive = true;
    socket.on('pong', () => (alive = true));
    const ping = setInterval(() => {
      if (!alive) socket.terminate();
      alive = false;
      socket.ping();
    }, PING_MS);
    ping.unref();
    socket.once('close', () => {
      clearInterval(ping);
      this.hub.disconnect(send);
    });
    await this.hub.connect(send);
    if (socket.readyState !== socket.OPEN) {
      this.hub.disconnect(send);
      return;
    }
    socket.send(JSON.stringify({ event: 'ready', data: {} }));
  }
}
