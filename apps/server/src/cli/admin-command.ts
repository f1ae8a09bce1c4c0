// `kubeaula admin`: account administration on the server's database, for the first instructor
// and for password resets without email. Reads DATABASE_URL like the server (and migrates the
// database first, so it works before the server has ever started).
//   kubeaula admin create --username U [--role instructor|admin] [--display-name NAME]
//   kubeaula admin reset-password --username U
//   kubeaula admin backup FILE        a consistent copy of the database, while the server runs
//   kubeaula admin service-token NAME the Discord bot's token, printed once
// The password comes from KUBEAULA_PASSWORD, or the first line of standard input.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openSqlite } from '../database/sqlite-driver';
import { ApiTokenService } from '../auth/api-token.service';
import { AuthService } from '../auth/auth.service';
import { WallClock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { AppConfig, ConfigError, loadConfig } from '../config/config';
import { projectPath } from '../config/paths';
import { PrismaService } from '../database/prisma.service';
import { prepareSqliteDatabase, SQLITE_BUSY_TIMEOUT_MS } from '../database/sqlite';

const HELP = `usage: kubeaula admin <create|reset-password> --username NAME [options]
       kubeaula admin backup FILE
       kubeaula admin service-token NAME

  create           create an account (the first instructor, typically)
      --role instructor|admin   (default instructor)
      --display-name NAME
  reset-password   set a new password and end the account's sessions
  backup FILE      write a consistent copy of the database to FILE (the server may be running)
  service-token NAME   create the Discord bot's token (printed once)

The password is read from KUBEAULA_PASSWORD or from the first line of standard input.
`;

async function readPassword(): Promise<string> {
  const fromEnv = process.env.KUBEAULA_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) process.stderr.write('password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (Buffer.concat(chunks).includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

export async function runAdminCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { username: { type: 'string' }, role: { type: 'string' }, 'display-name': { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    process.stderr.write(`kubeaula admin: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help || sub === undefined || sub === 'help' || sub === '--help' || sub === '-h') {
    process.stdout.write(HELP);
    return sub === undefined ? 2 : 0;
  }
  if (sub === 'backup') return backup(positionals);
  if (sub === 'service-token') return serviceToken(positionals);
  if (sub !== 'create' && sub !== 'reset-password') {
    process.stderr.write(`kubeaula admin: unknown subcommand "${sub}"\n\n${HELP}`);
    return 2;
  }
  if (!values.username) {
    process.stderr.write(`kubeaula admin ${sub}: --username is required\n`);
    return 2;
  }
  const role = values.role ?? 'instructor';
  if (role !== 'instructor' && role !== 'admin') {
    process.stderr.write(`kubeaula admin create: --role must be instructor or admin\n`);
    return 2;
  }
  const config = adminConfig();
  if (typeof config === 'number') return config;
  const prisma = await openDatabase(config);
  try {
    const auth = new AuthService(prisma, new WallClock(), config);
    const password = await readPassword();
    if (sub === 'create') {
      const user = await auth.register({ username: values.username, password, displayName: values['display-name'], role });
      process.stdout.write(`created ${user.role} "${user.username}"\n`);
    } else {
      const user = await prisma.user.findUnique({ where: { username: values.username.toLowerCase() } });
      if (!user || user.deletedAt) {
        process.stderr.write(`kubeaula admin reset-password: no account "${values.username}"\n`);
        return 1;
      }
      await auth.setPassword(user.id, password);
      process.stdout.write(`password of "${user.username}" changed; its sessions were ended\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      const details = e.details?.map((d) => `: ${d.path} ${d.message}`).join('') ?? '';
      process.stderr.write(`kubeaula admin ${sub}: ${e.message}${details}\n`);
      return 1;
    }
    throw e;
  } finally {
    await prisma.$disconnect();
  }
}

/** The server's configuration, or the exit code after its error in one line. */
function adminConfig(): AppConfig | number {
  try {
    return loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`kubeaula admin: ${e.message}\n`);
      return 78;
    }
    throw e;
  }
}

/** The server's database, migrated first (so the command works before the server ever ran). */
async function openDatabase(config: AppConfig): Promise<PrismaService> {
  prepareSqliteDatabase(config.databaseFile, projectPath('prisma', 'migrations'), config.sqliteSynchronous);
  const prisma = new PrismaService(config);
  await prisma.onModuleInit();
  return prisma;
}

/** SQLite's online backup: a consistent copy even while the server writes. */
async function backup(positionals: string[]): Promise<number> {
  if (positionals.length !== 1) {
    process.stderr.write('usage: kubeaula admin backup FILE\n');
    return 2;
  }
  const target = path.resolve(positionals[0]);
  const config = adminConfig();
  if (typeof config === 'number') return config;
  if (!fs.existsSync(config.databaseFile)) {
    process.stderr.write(`kubeaula admin backup: no database at ${config.databaseFile}\n`);
    return 1;
  }
  if (fs.existsSync(target)) {
    process.stderr.write(`kubeaula admin backup: ${target} exists; choose a new file\n`);
    return 1;
  }
  const db = openSqlite(config.databaseFile, { readonly: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  process.stdout.write(`backed up ${config.databaseFile} to ${target}\n`);
  return 0;
}

async function serviceToken(positionals: string[]): Promise<number> {
  if (positionals.length !== 1 || !/^[\w .-]{1,80}$/.test(positionals[0])) {
    process.stderr.write('usage: kubeaula admin service-token NAME\n');
    return 2;
  }
  const config = adminConfig();
  if (typeof config === 'number') return config;
  const prisma = await openDatabase(config);
  try {
    const t = await new ApiTokenService(prisma, new WallClock()).createService(positionals[0]);
    process.stdout.write(`${t.token}\n`);
    process.stderr.write('the bot\'s service token: keep it secret (set it as the bot\'s KUBEAULA_BOT_TOKEN); it is not shown again\n');
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}
