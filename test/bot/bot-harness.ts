// A real kubeaula server (temporary database, virtual clock) listening on a local port, a service
// token for the bot, one classroom with a student whose Discord account is linked, and a faithful
// fake of the discord.js message the handlers receive.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { ApiTokenService } from '../../apps/server/src/auth/api-token.service';
import { AuthService } from '../../apps/server/src/auth/auth.service';
import type { MessageFile } from '../../apps/bot/src/attachment';
import type { BotDeps } from '../../apps/bot/src/bot-deps';
import type { ChatMessage } from '../../apps/bot/src/events/message-create';
import { DISCORD_MESSAGE_LIMIT, type BotReply } from '../../apps/bot/src/reply';
import { KubeaulaClient } from '../../apps/bot/src/server-client';
import { bootApp, Harness } from '../e2e/app-harness';
import { Client, signedIn, signedUp } from '../e2e/client';

export const LINKED_USER = '111111111111111111';
/** The Discord server of a guild channel when a test names none (no classroom is attached to it). */
export const SOME_GUILD = '800000000000000000';

export interface BotHarness {
  h: Harness;
  url: string;
  token: string;
  deps: BotDeps;
  student: Client;
  clusterId: string;
  roomCode: string;
  /** Signs up another student in the class, in `locale`, linked to Discord user `discordId`. */
  linkStudent(username: string, discordId: string, locale: 'es' | 'en'): Promise<{ student: Client; clusterId: string }>;
  /** Moves the server's virtual clock on (timed transitions happen, watched clusters step). */
  advance(seconds: number): Promise<void>;
  /** The REST exec the bot uses, as the linked student. */
  rest(command: string): Promise<{ stdout: string; stderr: string; exitCode: number }>;
  close(): Promise<void>;
}

/** `env` adds to or overrides the server's settings (a wall clock: `{KUBEAULA_CLOCK: 'wall'}`). */
export async function bootBotHarness(env: Record<string, string> = {}): Promise<BotHarness> {
  const h = await bootApp({ AUTH_RATE_LIMIT: '1000', KUBEAULA_CLOCK: 'virtual', LOG_LEVEL: 'error', ...env });
  await h.app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(h.app.getHttpServer().address() as AddressInfo).port}`;
  await h.app.get(AuthService).register({ username: 'teacher', password: 'password123', role: 'instructor' });
  const { token } = await h.app.get(ApiTokenService).createService('bot');
  const teacher = await signedIn(h.app, 'teacher');
  const room = await teacher.post('/api/v1/classrooms', { name: 'Discord class' }).expect(201);
  const student = await signedUp(h.app, 'ana');
  await student.post('/api/v1/classrooms/join', { code: room.body.joinCode }).expect(200);
  const clusterId = (await student.get('/api/v1/clusters').expect(200)).body[0].id;
  const { code } = (await student.post('/api/v1/me/discord/link-code').expect(201)).body;
  await request(h.app.getHttpServer()).post('/api/v1/discord/link').set('Authorization', `Bearer ${token}`).send({ code, discordUserId: LINKED_USER }).expect(200);
  const deps: BotDeps = { server: new KubeaulaClient(url, token), dashboardUrl: 'https://kubeaula.example' };
  return {
    h,
    url,
    token,
    deps,
    student,
    clusterId,
    roomCode: room.body.joinCode,
    async linkStudent(username, discordId, locale) {
      const other = await signedUp(h.app, username);
      await other.put('/api/v1/me/locale', { locale }).expect(200);
      await other.post('/api/v1/classrooms/join', { code: room.body.joinCode }).expect(200);
      const otherCluster = (await other.get('/api/v1/clusters').expect(200)).body[0].id as string;
      const link = (await other.post('/api/v1/me/discord/link-code').expect(201)).body;
      await request(h.app.getHttpServer()).post('/api/v1/discord/link').set('Authorization', `Bearer ${token}`).send({ code: link.code, discordUserId: discordId }).expect(200);
      return { student: other, clusterId: otherCluster };
    },
    async advance(seconds) {
      await request(h.app.getHttpServer()).post('/api/v1/test/clock/advance').send({ seconds }).expect(200);
    },
    async rest(command) {
      const r = await request(h.app.getHttpServer()).post(`/api/v1/clusters/${clusterId}/exec`).set('Authorization', `Bearer ${token}`).set('X-Discord-User', LINKED_USER).send({ command }).expect(200);
      return r.body;
    },
    async close() {
      await h.close();
      fs.rmSync(h.dir, { recursive: true, force: true });
    },
  };
}

/**
 * A message as discord.js delivers it, reduced to what the bot reads, whose reply() checks what
 * Discord's API would refuse (over 2,000 characters, an empty message) and records the reply.
 */
export class FakeMessage implements ChatMessage {
  readonly replies: BotReply[] = [];
  /** As discord.js's Collection: attachment id to attachment. */
  readonly attachments = new Map<string, MessageFile>();
  readonly author: { id: string; bot: boolean; username: string };
  /** The guild of a guild channel (null in a DM), with its preferred locale. */
  guild: { preferredLocale: string } | null = null;

  constructor(
    readonly content: string,
    authorId = LINKED_USER,
    readonly channel: { type: 'GuildText'; id: string; guildId?: string } | { type: 'DM'; id: string } = { type: 'GuildText', id: '900' },
    bot = false,
  ) {
    this.author = { id: authorId, bot, username: `user${authorId}` };
  }

  /** As discord.js: the guild of a guild channel, null in a DM. */
  get guildId(): string | null {
    return this.channel.type === 'DM' ? null : (this.channel.guildId ?? SOME_GUILD);
  }

  get channelId(): string {
    return this.channel.id;
  }

  async reply(options: BotReply): Promise<unknown> {
    if (options.content.length > DISCORD_MESSAGE_LIMIT) throw new Error('Invalid Form Body: content: Must be 2000 or fewer in length.');
    if (!options.content && !options.files?.length) throw new Error('Cannot send an empty message');
    this.replies.push(options);
    return this;
  }
}

/** A chat-input interaction as discord.js delivers it, recording how it was answered. */
export class FakeInteraction {
  readonly calls: { kind: 'reply' | 'defer' | 'edit'; options?: object }[] = [];
  readonly user: { id: string };
  /** Where it was used: as discord.js, guildId is null in a DM. */
  guildId: string | null = null;
  channelId: string | null = '901';
  readonly options: { getString(name: string, required?: boolean): string | null };
  private answered = false;

  constructor(
    readonly commandName: string,
    strings: Record<string, string>,
    userId = LINKED_USER,
    /** The Discord client's language, as discord.js gives it (`es-ES`, `en-US`). */
    readonly locale = 'es-ES',
  ) {
    this.user = { id: userId };
    // As discord.js: a missing required option throws, a missing optional one is null.
    this.options = {
      getString: (name, required) => {
        if (strings[name] !== undefined) return strings[name];
        if (required) throw new Error(`Required option "${name}" not found.`);
        return null;
      },
    };
  }

  // As Discord: one initial response (reply or defer), and an edit only after a defer.
  async reply(options: BotReply & { flags?: number }): Promise<unknown> {
    if (this.answered) throw new Error('The reply to this interaction has already been sent or deferred.');
    if (options.content.length > DISCORD_MESSAGE_LIMIT) throw new Error('Invalid Form Body');
    this.answered = true;
    this.calls.push({ kind: 'reply', options });
    return this;
  }

  async deferReply(options?: { flags?: number }): Promise<unknown> {
    if (this.answered) throw new Error('The reply to this interaction has already been sent or deferred.');
    this.answered = true;
    this.calls.push({ kind: 'defer', options });
    return this;
  }

  async editReply(options: BotReply): Promise<unknown> {
    if (!this.answered) throw new Error('The reply to this interaction has not been sent or deferred.');
    this.calls.push({ kind: 'edit', options });
    return this;
  }
}

/** A button press or a select-menu choice as discord.js delivers it, recording its answer. */
export class FakeButtonPress {
  readonly calls: { kind: 'update' | 'reply' | 'deferUpdate' | 'edit'; options: object }[] = [];
  readonly user: { id: string };
  guildId: string | null = null;
  channelId: string | null = '901';

  constructor(
    readonly customId: string,
    userId = LINKED_USER,
    /** A select menu's chosen values (a button has none). */
    readonly values?: string[],
  ) {
    this.user = { id: userId };
  }

  async update(options: BotReply): Promise<unknown> {
    if (this.calls.length) throw new Error('The reply to this interaction has already been sent or deferred.');
    this.calls.push({ kind: 'update', options });
    return this;
  }

  async reply(options: BotReply & { flags?: number }): Promise<unknown> {
    if (this.calls.length) throw new Error('The reply to this interaction has already been sent or deferred.');
    this.calls.push({ kind: 'reply', options });
    return this;
  }

  async deferUpdate(): Promise<unknown> {
    if (this.calls.length) throw new Error('The reply to this interaction has already been sent or deferred.');
    this.calls.push({ kind: 'deferUpdate', options: {} });
    return this;
  }

  async editReply(options: BotReply): Promise<unknown> {
    if (this.calls[0]?.kind !== 'deferUpdate') throw new Error('The reply to this interaction has not been sent or deferred.');
    this.calls.push({ kind: 'edit', options });
    return this;
  }
}
