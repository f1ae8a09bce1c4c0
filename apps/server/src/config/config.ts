// Configuration, read once at boot from the environment, validated and typed. A bad value stops
// the start with the list of every bad variable, not just the first one found.
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from './paths';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type NodeEnv = 'production' | 'development' | 'test';
export type ClockMode = 'wall' | 'virtual';
export const SQLITE_SYNCHRONOUS = ['FULL', 'NORMAL'] as const;
export type SqliteSynchronous = (typeof SQLITE_SYNCHRONOUS)[number];

export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  /** `file:` URL with an absolute path, as the Prisma adapter takes it. */
  databaseUrl: string;
  /** Absolute path of the SQLite file. */
  databaseFile: string;
  logLevel: LogLevel;
  /**
   * SQLite durability. FULL (default): a committed transaction survives SIGKILL and power loss,
   * at one fsync per commit. NORMAL: survives SIGKILL (the process dying), not power loss.
   */
  sqliteSynchronous: SqliteSynchronous;
  clock: { mode: 'wall' } | { mode: 'virtual'; startMs: number };
  /** How long shutdown waits for requests in flight before the process exits anyway. */
  shutdownTimeoutMs: number;
  auth: AuthConfig;
  limits: { commandsPerMinute: number };
}

export interface AuthConfig {
  /** Sign-in and sign-up attempts per minute per client address. */
  rateLimitPerMinute: number;
  /** A session not used for this long is over. */
  sessionIdleMs: number;
  /** Secret for CSRF tokens; undefined: a random one kept in a file beside the database. */
  secret?: string;
  /** How long a door that cannot stream (REST) lets a waiting command run, in wall time. */
  restWaitMs: number;
}

/** The variables read, with their defaults; README's configuration table mirrors this. */
export const DEFAULT_DATABASE_URL = 'file:./data/kubeaula.db';
export const DEFAULT_VIRTUAL_CLOCK_START = '2026-01-05T09:00:00.000Z';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// An empty string counts as "not set", as shells and .env files commonly produce it.
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const intInRange = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const envSchema = z.object({
  NODE_ENV: optional(z.enum(['production', 'development', 'test'])),
  PORT: optional(intInRange(0, 65535)),
  HOST: optional(z.string().min(1)),
  DATABASE_URL: optional(
    z.string().refine((v) => v.startsWith('file:') && v.length > 'file:'.length, {
      message: 'must be a SQLite URL like file:./data/kubeaula.db (only SQLite is supported for now)',
    }),
  ),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS)),
  SQLITE_SYNCHRONOUS: optional(z.enum(SQLITE_SYNCHRONOUS)),
  KUBEAULA_CLOCK: optional(z.enum(['wall', 'virtual'])),
  KUBEAULA_CLOCK_START: optional(
    z.string().refine((v) => !Number.isNaN(Date.parse(v)), { message: 'must be an ISO 8601 time' }),
  ),
  SHUTDOWN_TIMEOUT_MS: optional(intInRange(0, 600_000)),
  AUTH_RATE_LIMIT: optional(intInRange(1, 100_000)),
  SESSION_IDLE_MINUTES: optional(intInRange(1, 525_600)),
  KUBEAULA_SECRET: optional(z.string().min(32, 'must be at least 32 characters')),
  REST_WAIT_MS: optional(intInRange(0, 60_000)),
  COMMANDS_PER_MINUTE: optional(intInRange(1, 1_000_000)),
});

type Env = Record<string, string | undefined>;

/** Reads and validates the configuration; throws ConfigError listing every bad variable. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): AppConfig {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0]);
      problems.push(`${name}=${JSON.stringify(env[name])}: ${describe(issue)}`);
    }
    throw new ConfigError(problems);
  }
  const v = parsed.data;
  const nodeEnv: NodeEnv = v.NODE_ENV ?? 'production';
  const clockMode: ClockMode = v.KUBEAULA_CLOCK ?? 'wall';
  if (clockMode === 'virtual' && nodeEnv === 'production') {
    problems.push(
      `KUBEAULA_CLOCK="virtual": the virtual clock is only allowed when NODE_ENV is test or development (NODE_ENV is ${JSON.stringify(nodeEnv)})`,
    );
  }
  if (v.KUBEAULA_CLOCK_START !== undefined && clockMode !== 'virtual') {
    problems.push(`KUBEAULA_CLOCK_START=${JSON.stringify(v.KUBEAULA_CLOCK_START)}: only meaningful with KUBEAULA_CLOCK=virtual`);
  }
  if (problems.length > 0) throw new ConfigError(problems);

  // The default database lives in the project's data/ folder wherever the command is run
  // from; a relative DATABASE_URL is relative to the working directory, as Prisma's CLI reads it.
  const databaseFile =
    v.DATABASE_URL === undefined
      ? path.join(projectRoot(), 'data', 'kubeaula.db')
      : path.resolve(cwd, v.DATABASE_URL.slice('file:'.length));
  return {
    nodeEnv,
    port: v.PORT ?? 3000,
    host: v.HOST ?? '0.0.0.0',
    databaseUrl: `file:${databaseFile}`,
    databaseFile,
    logLevel: v.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    sqliteSynchronous: v.SQLITE_SYNCHRONOUS ?? 'FULL',
    clock:
      clockMode === 'virtual'
        ? { mode: 'virtual', startMs: Date.parse(v.KUBEAULA_CLOCK_START ?? DEFAULT_VIRTUAL_CLOCK_START) }
        : { mode: 'wall' },
    shutdownTimeoutMs: v.SHUTDOWN_TIMEOUT_MS ?? 10_000,
    auth: {
      rateLimitPerMinute: v.AUTH_RATE_LIMIT ?? 10,
      sessionIdleMs: (v.SESSION_IDLE_MINUTES ?? 12 * 60) * 60_000,
      secret: v.KUBEAULA_SECRET,
      restWaitMs: v.REST_WAIT_MS ?? 5000,
    },
    limits: { commandsPerMinute: v.COMMANDS_PER_MINUTE ?? 600 },
  };
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') {
    return `must be one of ${issue.values.map((x) => String(x)).join(', ')}`;
  }
  return issue.message;
}
