// Personal API tokens (bearer): shown once at creation, stored as a hash, revocable.
import { Inject, Injectable, OnApplicationShutdown, Optional } from '@nestjs/common';
import type BetterSqlite3 from 'better-sqlite3';
import { CLOCK, Clock } from '../clock/clock';
import { columnTime, openReader } from '../common/sqlite-reader';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { PrismaService } from '../database/prisma.service';
import { toAuthUser } from './auth.service';
import type { AuthUser } from './request-auth';
import { hashToken, newToken } from './tokens';

export const TOKEN_PREFIX = 'ka_';

/**
 * How long (wall time) a resolved bearer token is trusted without reading its row again: every
 * command sent with a token would otherwise cost a database query. In this process a revoked
 * token, a deleted account or a changed language take effect at once (the entry is forgotten);
 * a token revoked or a user changed by another process, or in the database directly, within this.
 */
export const BEARER_TTL_MS = 5_000;
/** Tokens remembered at most (the whole cache is dropped past it: it refills on demand). */
const BEARER_CACHE_MAX = 10_000;

export type Bearer = { kind: 'personal'; user: AuthUser } | { kind: 'service'; tokenId: string };

interface CachedBearer {
  who: Bearer;
  tokenId: string;
  userId: string | null;
  /** Wall time the entry is trusted until. */
  until: number;
  /** The token's own expiry, on the server's clock. */
  expiresAt: number | undefined;
}

/** A token's row with its user's, as resolveBearer reads them. */
interface BearerRow {
  id: string;
  kind: string;
  userId: string | null;
  expiresAt: string | number | null;
  revokedAt: string | number | null;
  username: string | null;
  displayName: string | null;
  role: string | null;
  locale: string | null;
  deletedAt: string | number | null;
}

export interface CreatedToken {
  id: string;
  name: string;
  token: string;
  prefix: string;
}

@Injectable()
export class ApiTokenService implements OnApplicationShutdown {
  /** Resolved tokens by hash (only valid ones: an unknown token is read again every time). */
  private readonly bearers = new Map<string, CachedBearer>();
  /** How long a resolved token is trusted (tests shorten it). */
  bearerTtlMs = BEARER_TTL_MS;
  /** Bumped whenever entries are forgotten: a lookup that began before does not store its row. */
  private generation = 0;

  /** A token's row and its user's, read without Prisma (every request with a token may need it). */
  private readonly byHash?: BetterSqlite3.Statement<[string], BearerRow>;

  constructor(
    private readonly prisma: PrismaService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(APP_CONFIG) config?: AppConfig,
  ) {
    if (config) {
      this.byHash = openReader(config.databaseFile).prepare(
        'SELECT t."id", t."kind", t."userId", t."expiresAt", t."revokedAt", u."username", u."displayName", u."role", u."locale", u."deletedAt" FROM "ApiToken" t LEFT JOIN "User" u ON u."id" = t."userId" WHERE t."tokenHash" = ?',
      );
    }
  }

  /** After the HTTP server closed (module destroy hooks run while requests are still in flight). */
  onApplicationShutdown(): void {
    this.byHash?.database.close();
  }

  async create(userId: string, name: string): Promise<CreatedToken> {
    const token = `${TOKEN_PREFIX}${newToken()}`;
    const row = await this.prisma.apiToken.create({
      data: { userId, kind: 'personal', name, prefix: token.slice(0, 10), tokenHash: hashToken(token), scopes: ['clusters'], createdAt: new Date(this.clock.now()) },
    });
    return { id: row.id, name, token, prefix: row.prefix };
  }

  /** The bot's token: no user of its own; it acts only for linked Discord users. */
  async createService(name: string): Promise<CreatedToken> {
    const token = `${TOKEN_PREFIX}${newToken()}`;
    const row = await this.prisma.apiToken.create({
      data: { userId: null, kind: 'service', name, prefix: token.slice(0, 10), tokenHash: hashToken(token), scopes: ['discord'], createdAt: new Date(this.clock.now()) },
    });
    return { id: row.id, name, token, prefix: row.prefix };
  }

  /** A bearer token's identity: a personal token's user, or a service token's id. */
  async resolveBearer(token: string): Promise<Bearer | undefined> {
    const hash = hashToken(token);
    const hit = this.bearers.get(hash);
    if (hit) {
      if (hit.until > Date.now() && (hit.expiresAt === undefined || hit.expiresAt > this.clock.now())) return hit.who;
      this.bearers.delete(hash);
    }
    const generation = this.generation;
    const row = await this.bearerRow(hash);
    const expiresAt = row ? columnTime(row.expiresAt) : null;
    if (!row || row.revokedAt !== null || (expiresAt !== null && expiresAt <= this.clock.now())) return undefined;
    let who: Bearer;
    if (row.kind === 'service') who = { kind: 'service', tokenId: row.id };
    else if (row.kind !== 'personal' || row.userId === null || row.username === null || row.deletedAt !== null) return undefined;
    else who = { kind: 'personal', user: toAuthUser({ id: row.userId, username: row.username, displayName: row.displayName ?? '', role: row.role ?? 'student', locale: row.locale ?? 'es' }) };
    if (generation !== this.generation) return who;
    if (this.bearers.size >= BEARER_CACHE_MAX) this.bearers.clear();
    this.bearers.set(hash, { who, tokenId: row.id, userId: row.userId, until: Date.now() + this.bearerTtlMs, expiresAt: expiresAt ?? undefined });
    return who;
  }

  private async bearerRow(hash: string): Promise<BearerRow | undefined> {
    if (this.byHash) return this.byHash.get(hash);
    const t = await this.prisma.apiToken.findUnique({ where: { tokenHash: hash }, include: { user: true } });
    if (!t) return undefined;
    const u = t.user;
    const time = (d: Date | null | undefined) => (d ? d.getTime() : null);
    return { id: t.id, kind: t.kind, userId: t.userId, expiresAt: time(t.expiresAt), revokedAt: time(t.revokedAt), username: u?.username ?? null, displayName: u?.displayName ?? null, role: u?.role ?? null, locale: u?.locale ?? null, deletedAt: time(u?.deletedAt) };
  }

  /** Forgets what is remembered of a user's tokens (their account or language changed). */
  forgetUser(userId: string): void {
    this.forget((c) => c.userId === userId);
  }

  private forget(match: (c: CachedBearer) => boolean): void {
    this.generation++;
    for (const [hash, c] of this.bearers) if (match(c)) this.bearers.delete(hash);
  }

  /** The kubeaula user linked to a Discord user, if any. */
  async linkedUser(discordUserId: string): Promise<AuthUser | undefined> {
    const link = await this.prisma.discordLink.findUnique({ where: { discordUserId }, include: { user: true } });
    return link && !link.user.deletedAt ? toAuthUser(link.user) : undefined;
  }

  async revoke(userId: string, id: string): Promise<boolean> {
    const r = await this.prisma.apiToken.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: new Date(this.clock.now()) } });
    this.forget((c) => c.tokenId === id);
    return r.count > 0;
  }
}
