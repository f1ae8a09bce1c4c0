// Accounts and browser sessions. A session is a random token in an HttpOnly cookie; the database
// keeps only its hash. Signing in always creates a new session (and ends the one the browser
// presented), so a token planted before sign-in is useless after it. Sessions end when idle.
import { Inject, Injectable } from '@nestjs/common';
import type { User } from '../../../../generated/prisma';
import { CLOCK, Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { PrismaService } from '../database/prisma.service';
import { BcryptHasher, PasswordHasher, passwordProblem } from './password';
import { AuthUser, Role, ROLES } from './request-auth';
import { hashToken, newToken } from './tokens';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9_.-]{2,31}$/;
/** A session's lastSeenAt is written at most this often (not on every request). */
const TOUCH_EVERY_MS = 60_000;

export interface NewAccount {
  username: string;
  password: string;
  displayName?: string;
  role?: Role;
}

export interface StartedSession {
  token: string;
  sessionId: string;
  user: AuthUser;
  expiresAt: Date;
}

export function toAuthUser(u: Pick<User, 'id' | 'username' | 'displayName' | 'role' | 'locale'>): AuthUser {
  const role = (ROLES as readonly string[]).includes(u.role) ? (u.role as Role) : 'student';
  return { id: u.id, username: u.username, displayName: u.displayName, role, locale: u.locale };
}

@Injectable()
export class AuthService {
  private readonly hasher: PasswordHasher;

  constructor(
    private readonly prisma: PrismaService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Cheaper hashes under test only: many accounts are made per e2e run.
    this.hasher = new BcryptHasher(config.nodeEnv === 'test' ? 4 : 11);
  }

  get idleMs(): number {
    return this.config.auth.sessionIdleMs;
  }

  async register(input: NewAccount): Promise<AuthUser> {
    const username = input.username.trim().toLowerCase();
    if (!USERNAME_PATTERN.test(username)) {
      throw new AppError('BAD_REQUEST', 'Invalid username', [
        { path: 'username', message: '3 to 32 characters: lower-case letters, digits, and . _ - (not first)' },
      ]);
    }
    const problem = passwordProblem(input.password);
    if (problem) throw new AppError('BAD_REQUEST', 'Invalid password', [{ path: 'password', message: problem }]);
    const passwordHash = await this.hasher.hash(input.password);
    const existing = await this.prisma.user.findUnique({ where: { username } });
    if (existing) throw new AppError('CONFLICT', `The username "${username}" is taken`);
    try {
      const user = await this.prisma.user.create({
        data: { username, displayName: input.displayName?.trim() || username, passwordHash, role: input.role ?? 'student' },
      });
      return toAuthUser(user);
    } catch (e) {
      if ((e as { code?: string }).code === 'P2002') throw new AppError('CONFLICT', `The username "${username}" is taken`);
      throw e;
    }
  }

  /** Checks a username and password; the same error whether the user or the password was wrong. */
  async verifyCredentials(username: string, password: string): Promise<AuthUser> {
    const user = await this.prisma.user.findUnique({ where: { username: username.trim().toLowerCase() } });
    const ok = await this.hasher.verify(password, user && !user.deletedAt ? user.passwordHash : null);
    if (!user || !ok) throw new AppError('UNAUTHENTICATED', 'Wrong username or password');
    return toAuthUser(user);
  }

  /** Starts a new session for `user`, ending `previousToken`'s session if the browser had one. */
  async startSession(user: AuthUser, previousToken?: string, userAgent?: string): Promise<StartedSession> {
    const now = this.clock.now();
    const token = newToken();
    const expiresAt = new Date(now + this.idleMs);
    const [, session] = await this.prisma.$transaction([
      this.prisma.session.deleteMany({ where: { tokenHash: previousToken ? hashToken(previousToken) : '' } }),
      this.prisma.session.create({
        data: { tokenHash: hashToken(token), userId: user.id, createdAt: new Date(now), lastSeenAt: new Date(now), expiresAt, userAgent: userAgent?.slice(0, 200) },
      }),
    ]);
    return { token, sessionId: session.id, user, expiresAt };
  }

  /** The session a cookie token names, if it is still valid; slides its idle expiry. */
  async resolveSession(token: string): Promise<{ sessionId: string; user: AuthUser } | undefined> {
    const now = this.clock.now();
    const session = await this.prisma.session.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
    if (!session) return undefined;
    if (session.expiresAt.getTime() <= now || session.user.deletedAt) {
      await this.prisma.session.deleteMany({ where: { id: session.id } });
      return undefined;
    }
    if (now - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
      await this.prisma.session.updateMany({
        where: { id: session.id },
        data: { lastSeenAt: new Date(now), expiresAt: new Date(now + this.idleMs) },
      });
    }
    return { sessionId: session.id, user: toAuthUser(session.user) };
  }

  async endSession(token: string): Promise<void> {
    await this.prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } });
  }

  /** Sets a new password and ends every session of the user. */
  async setPassword(userId: string, password: string): Promise<void> {
    const problem = passwordProblem(password);
    if (problem) throw new AppError('BAD_REQUEST', 'Invalid password', [{ path: 'password', message: problem }]);
    const passwordHash = await this.hasher.hash(password);
    await this.prisma.$transaction([
      this.prisma.user.update({ where: { id: userId }, data: { passwordHash } }),
      this.prisma.session.deleteMany({ where: { userId } }),
    ]);
  }
}
