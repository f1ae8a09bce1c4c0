// Personal API tokens (bearer): shown once at creation, stored as a hash, revocable.
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '../clock/clock';
import { PrismaService } from '../database/prisma.service';
import { toAuthUser } from './auth.service';
import type { AuthUser } from './request-auth';
import { hashToken, newToken } from './tokens';

export const TOKEN_PREFIX = 'ka_';

export interface CreatedToken {
  id: string;
  name: string;
  token: string;
  prefix: string;
}

@Injectable()
export class ApiTokenService {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

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
  async resolveBearer(token: string): Promise<{ kind: 'personal'; user: AuthUser } | { kind: 'service'; tokenId: string } | undefined> {
    const row = await this.prisma.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= this.clock.now())) return undefined;
    if (row.kind === 'service') return { kind: 'service', tokenId: row.id };
    if (row.kind !== 'personal' || !row.user || row.user.deletedAt) return undefined;
    return { kind: 'personal', user: toAuthUser(row.user) };
  }

  /** The kubeaula user linked to a Discord user, if any. */
  async linkedUser(discordUserId: string): Promise<AuthUser | undefined> {
    const link = await this.prisma.discordLink.findUnique({ where: { discordUserId }, include: { user: true } });
    return link && !link.user.deletedAt ? toAuthUser(link.user) : undefined;
  }

  /** The user a personal token acts for, or undefined (unknown, revoked, expired). */
  async resolve(token: string): Promise<AuthUser | undefined> {
    const row = await this.prisma.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
    const now = this.clock.now();
    if (!row || row.kind !== 'personal' || !row.user || row.user.deletedAt || row.revokedAt) return undefined;
    if (row.expiresAt && row.expiresAt.getTime() <= now) return undefined;
    return toAuthUser(row.user);
  }

  async revoke(userId: string, id: string): Promise<boolean> {
    const r = await this.prisma.apiToken.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: new Date(this.clock.now()) } });
    return r.count > 0;
  }
}
