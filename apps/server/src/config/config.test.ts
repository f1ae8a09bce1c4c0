import path from 'node:path';
import { ConfigError, DEFAULT_VIRTUAL_CLOCK_START, loadConfig } from './config';
import { projectRoot } from './paths';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env, '/srv/app');
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('uses the embedded defaults on an empty environment', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c).toEqual({
      nodeEnv: 'production',
      port: 3000,
      host: '0.0.0.0',
      databaseFile: path.join(projectRoot(), 'data', 'kubeaula.db'),
      databaseUrl: `file:${path.join(projectRoot(), 'data', 'kubeaula.db')}`,
      logLevel: 'info',
      sqliteSynchronous: 'FULL',
      clock: { mode: 'wall' },
      shutdownTimeoutMs: 10000,
      auth: { rateLimitPerMinute: 10, sessionIdleMs: 12 * 3600_000, secret: undefined, restWaitMs: 5000 },
      limits: { commandsPerMinute: 600 },
    });
  });

  it.each([
    ['relative', 'file:./db/x.db', '/srv/app/db/x.db'],
    ['absolute', 'file:/var/lib/kubeaula/k.db', '/var/lib/kubeaula/k.db'],
  ])('resolves a %s DATABASE_URL against the working directory', (_name, url, file) => {
    const c = loadConfig({ DATABASE_URL: url }, '/srv/app');
    expect(c.databaseFile).toBe(file);
    expect(c.databaseUrl).toBe(`file:${file}`);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '' }, '/srv/app').port).toBe(3000);
  });

  it('is silent in tests unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('silent');
    expect(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
  });

  it.each([
    [{ PORT: 'abc' }, ['PORT="abc": must be a whole number']],
    [{ PORT: '70000' }, ['PORT="70000": must be at most 65535']],
    [{ PORT: '-1' }, ['PORT="-1": must be a whole number']],
    [{ NODE_ENV: 'prod' }, ['NODE_ENV="prod": must be one of production, development, test']],
    [{ LOG_LEVEL: 'loud' }, ['LOG_LEVEL="loud": must be one of fatal, error, warn, info, debug, trace, silent']],
    [{ DATABASE_URL: 'postgres://x' }, ['DATABASE_URL="postgres://x": must be a SQLite URL like file:./data/kubeaula.db (only SQLite is supported for now)']],
    [{ SQLITE_SYNCHRONOUS: 'OFF' }, ['SQLITE_SYNCHRONOUS="OFF": must be one of FULL, NORMAL']],
    [{ KUBEAULA_CLOCK: 'fast' }, ['KUBEAULA_CLOCK="fast": must be one of wall, virtual']],
    [{ KUBEAULA_CLOCK_START: 'yesterday', KUBEAULA_CLOCK: 'virtual', NODE_ENV: 'test' }, ['KUBEAULA_CLOCK_START="yesterday": must be an ISO 8601 time']],
  ])('refuses %j', (env, expected) => {
    expect(problemsOf(env)).toEqual(expected);
  });

  it('lists every bad variable at once', () => {
    expect(problemsOf({ PORT: 'x', LOG_LEVEL: 'loud', NODE_ENV: 'staging' }).map((p) => p.split('=')[0])).toEqual([
      'NODE_ENV',
      'PORT',
      'LOG_LEVEL',
    ]);
  });

  it('refuses the virtual clock in production, and by default NODE_ENV is production', () => {
    const expected = [
      'KUBEAULA_CLOCK="virtual": the virtual clock is only allowed when NODE_ENV is test or development (NODE_ENV is "production")',
    ];
    expect(problemsOf({ KUBEAULA_CLOCK: 'virtual' })).toEqual(expected);
    expect(problemsOf({ KUBEAULA_CLOCK: 'virtual', NODE_ENV: 'production' })).toEqual(expected);
  });

  it('refuses a clock start without the virtual clock', () => {
    expect(problemsOf({ KUBEAULA_CLOCK_START: '2026-01-01T00:00:00Z' })).toEqual([
      'KUBEAULA_CLOCK_START="2026-01-01T00:00:00Z": only meaningful with KUBEAULA_CLOCK=virtual',
    ]);
  });

  it.each(['test', 'development'])('allows the virtual clock when NODE_ENV is %s', (nodeEnv) => {
    expect(loadConfig({ KUBEAULA_CLOCK: 'virtual', NODE_ENV: nodeEnv }).clock).toEqual({
      mode: 'virtual',
      startMs: Date.parse(DEFAULT_VIRTUAL_CLOCK_START),
    });
    expect(
      loadConfig({ KUBEAULA_CLOCK: 'virtual', NODE_ENV: nodeEnv, KUBEAULA_CLOCK_START: '2026-03-01T10:00:00Z' }).clock,
    ).toEqual({ mode: 'virtual', startMs: Date.parse('2026-03-01T10:00:00Z') });
  });

  it('says what is wrong in its message', () => {
    expect(() => loadConfig({ PORT: 'x' })).toThrow('Invalid configuration:\n  - PORT="x": must be a whole number');
  });
});
