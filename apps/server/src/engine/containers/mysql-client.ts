// The mysql (and mariadb) command-line client, against the cluster's MySQL and MariaDB servers:
// `kubectl exec db -- mysql -uroot -ppassword -e 'show databases'`, or a client pod reaching the
// `mysql` Service. It connects as the real one does (the local socket without -h, else TCP through
// the cluster's DNS and kube-proxy), logs in against the accounts the server's data directory
// holds, and runs what the schema level of SQL needs to show that data outlives a pod: databases
// (a directory each in the data directory, as the server keeps them) and tables (their files),
// SHOW, USE, and SELECT of values. Rows are not kept: statements on them are refused in the
// server's words for what it does not support, never silently taken.

import type { ImageInfo } from '../images/catalog';
import { lookupImage } from '../images/catalog';
import { kubeletSection } from '../controllers/kubelet/runtime-state';
import type { ClusterView } from './cluster-view';
import { DataPlace, placeOf } from './data-place';
import { fileOwner, passwordHash, readAccounts } from './database-dir';
import { Steps, SYN_TIMEOUT_MS, ToolIo, drive } from './net-tools';
import { Origin, openTcp } from './network';

type Flavor = { maria: boolean; old: boolean };

export interface Options {
  host?: string;
  port: number;
  user: string;
  /** undefined: none given; null: asked for (-p alone) */
  password?: string | null;
  execute?: string;
  database?: string;
  names: boolean;
  table?: boolean;
}

/** the client's options as its arguments give them; undefined for arguments it refuses */
export function clientOptions(args: readonly string[]): Options | undefined {
  const r = parseOptions(args, { maria: false, old: false });
  return 'error' in r ? undefined : r;
}

/**
 * A mysql or mariadb command line given no statements (-e): at a terminal it opens the client's
 * monitor, elsewhere it reads its statements from its input.
 */
export function opensMonitor(argv: readonly string[]): boolean {
  const prog = argv[0]?.split('/').pop();
  return (prog === 'mysql' || prog === 'mariadb') && clientOptions(argv.slice(1))?.execute === undefined;
}

/** the server's name in its messages */
function serverName(image: ImageInfo): string {
  return image.repo === 'mariadb' ? 'MariaDB' : 'MySQL';
}

function parseOptions(args: readonly string[], f: Flavor): Options | { error: string } {
  const o: Options = { port: 3306, user: 'root', names: true };
  const value = (i: number, attached: string): [string | undefined, number] => (attached ? [attached, i] : [args[i + 1], i + 1]);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const long = /^--([\w-]+)(?:=(.*))?$/.exec(a);
    if (long) {
      const [, name, v] = long;
      const take = (): string | undefined => (v !== undefined ? v : args[++i]);
      if (name === 'host') o.host = take();
      else if (name === 'port') o.port = Number(take());
      else if (name === 'user') o.user = take() ?? 'root';
      else if (name === 'password') o.password = v ?? null;
      else if (name === 'execute') o.execute = take();
      else if (name === 'database') o.database = take();
      else if (name === 'skip-column-names') o.names = false;
      else if (name === 'batch') o.table = false;
      else if (name === 'table') o.table = true;
      else if (!['silent', 'verbose', 'force', 'protocol', 'skip-ssl', 'ssl', 'ssl-mode', 'default-character-set', 'raw', 'unbuffered'].includes(name)) return { error: unknownOption(f, a) };
      else if (['protocol', 'ssl-mode', 'default-character-set'].includes(name) && v === undefined) i++;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      const letter = a[1];
      const attached = a.slice(2);
      let v: string | undefined;
      switch (letter) {
        case 'h':
          [v, i] = value(i, attached);
          o.host = v;
          break;
        case 'P':
          [v, i] = value(i, attached);
          o.port = Number(v);
          break;
        case 'u':
          [v, i] = value(i, attached);
          o.user = v ?? 'root';
          break;
        case 'p':
          // only attached: `-p password` asks for the password and takes `password` as the database
          o.password = attached || null;
          break;
        case 'e':
          [v, i] = value(i, attached);
          o.execute = v;
          break;
        case 'D':
          [v, i] = value(i, attached);
          o.database = v;
          break;
        case 'N':
          o.names = false;
          break;
        case 'B':
          o.table = false;
          break;
        case 't':
          o.table = true;
          break;
        case 's':
        case 'v':
        case 'f':
          break;
        default:
          return { error: unknownOption(f, a) };
      }
      continue;
    }
    o.database ??= a;
  }
  return o;
}

function unknownOption(f: Flavor, a: string): string {
  return f.maria ? `mysql: unknown option '${a}'\n` : `mysql: [ERROR] unknown option '${a}'.\n`;
}

/** a server's version as SELECT VERSION() gives it */
export function serverVersion(image: ImageInfo): string {
  const v = image.vars?.version ?? '';
  return image.repo === 'mariadb' ? `${v}-MariaDB-ubu2404` : v;
}

/** the statements of a script, split at `;` outside quotes, with the line each starts on */
export function statements(sql: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let cur = '';
  let line = 1;
  let start = 1;
  let quote: string | undefined;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i];
    if (ch === '\n') line++;
    if (quote) {
      if (ch === quote) quote = undefined;
      cur += ch;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    if (ch === '#' || (ch === '-' && sql[i + 1] === '-' && /\s/.test(sql[i + 2] ?? ' '))) {
      while (i < sql.length && sql[i] !== '\n') i++;
      i--;
      continue;
    }
    if (ch === ';') {
      if (cur.trim()) out.push({ text: cur.trim(), line: start });
      cur = '';
      continue;
    }
    if (!cur.trim()) start = line;
    cur += ch;
  }
  if (cur.trim()) out.push({ text: cur.trim(), line: start });
  return out;
}

/** a result set: column names and rows of values (null is NULL), numeric columns right-aligned in a table */
export interface ResultSet {
  columns: string[];
  rows: (string | null)[][];
  numeric?: boolean[];
}

export function formatResult(r: ResultSet, table: boolean, names: boolean): string {
  if (!table) {
    const lines = names ? [r.columns.join('\t')] : [];
    for (const row of r.rows) lines.push(row.map((v) => v ?? 'NULL').join('\t'));
    return lines.map((l) => `${l}\n`).join('');
  }
  if (!r.rows.length) return '';
  const widths = r.columns.map((c, i) => Math.max(names ? c.length : 0, ...r.rows.map((row) => (row[i] ?? 'NULL').length)));
  const rule = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+\n`;
  const cells = (vals: string[], right: boolean[]): string => `| ${vals.map((v, i) => (right[i] ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join(' | ')} |\n`;
  const left = r.columns.map(() => false);
  let out = rule;
  if (names) out += cells(r.columns, left) + rule;
  for (const row of r.rows) out += cells(row.map((v) => v ?? 'NULL'), r.numeric ?? left);
  return out + rule;
}

export class SqlError extends Error {
  constructor(
    readonly code: number,
    readonly state: string,
    message: string,
  ) {
    super(message);
  }
}

/** what a session on the server can do: its data directory, who is logged in, the current database */
export interface Session {
  place: DataPlace;
  image: ImageInfo;
  user: string;
  peer: string;
  /** the database an account other than root may use */
  granted?: string;
  database?: string;
  /** who owns, and how open is, a database directory it makes */
  owner: string;
  databaseMode: number;
  now: number;
}

const NAME = '`?([\\w$-]+)`?';
const SYSTEM = ['information_schema', 'mysql', 'performance_schema', 'sys'];

function databases(s: Session): string[] {
  const dirs = s.place.list().filter((n) => s.place.isDir(n) && !n.startsWith('#') && n !== 'lost+found');
  const all = [...new Set(['information_schema', ...dirs])].sort();
  // an account other than root sees the database it was given (the entrypoint's MYSQL_DATABASE)
  return s.user === 'root' ? all : all.filter((d) => d === 'information_schema' || d === s.granted);
}

/** the account's own host part: root has its localhost account, the others are '%' (any host) */
function denied(s: Session, db: string): SqlError {
  const host = s.user === 'root' && s.peer === 'localhost' ? 'localhost' : '%';
  return new SqlError(1044, '42000', `Access denied for user '${s.user}'@'${host}' to database '${db}'`);
}

function tables(s: Session, db: string): string[] {
  return [...new Set(s.place.list(db).filter((f) => /\.(ibd|frm)$/.test(f)).map((f) => f.replace(/\.(ibd|frm)$/, '')))].sort();
}

function tableFiles(s: Session): string[] {
  return s.image.repo === 'mariadb' || /^5\./.test(s.image.vars?.version ?? '') ? ['frm', 'ibd'] : ['ibd'];
}

/** one value of a SELECT list: a literal or one of the functions a session answers */
function selectValue(s: Session, expr: string): { value: string | null; numeric: boolean } | undefined {
  const e = expr.trim();
  if (/^-?\d+(\.\d+)?$/.test(e)) return { value: e, numeric: true };
  const str = /^'((?:[^'\\]|\\.)*)'$|^"((?:[^"\\]|\\.)*)"$/.exec(e);
  if (str) return { value: str[1] ?? str[2], numeric: false };
  const fn = /^(\w+)\(\)$/.exec(e)?.[1].toLowerCase();
  if (fn === 'version') return { value: serverVersion(s.image), numeric: false };
  if (fn === 'database' || fn === 'schema') return { value: s.database ?? null, numeric: false };
  if (fn === 'user') return { value: `${s.user}@${s.peer}`, numeric: false };
  if (fn === 'current_user') return { value: `${s.user}@%`, numeric: false };
  if (e.toUpperCase() === 'NULL') return { value: null, numeric: false };
  return undefined;
}

function unsupported(s: Session, what: string): SqlError {
  return new SqlError(1235, '42000', `This version of ${serverName(s.image)} doesn't yet support '${what} in the kubeaula sandbox, which keeps databases and tables but no rows'`);
}

/** what a statement did: its result set, or the rows it affected; `changed`: USE changed the database */
export interface Outcome {
  rows?: ResultSet;
  affected?: number;
  warnings?: number;
  changed?: boolean;
}

/** runs one statement */
export function execute(s: Session, stmt: string): Outcome {
  const sql = stmt.replace(/\s+/g, ' ').trim();
  let m: RegExpExecArray | null;
  const o = { owner: s.owner, mode: s.databaseMode, at: s.now };
  if (/^show (databases|schemas)$/i.test(sql)) return { rows: { columns: ['Database'], rows: databases(s).map((d) => [d]) } };
  if ((m = new RegExp(`^create (?:database|schema) (if not exists )?${NAME}$`, 'i').exec(sql))) {
    const db = m[2];
    if (s.user !== 'root') throw denied(s, db);
    if (databases(s).includes(db)) {
      if (m[1]) return { affected: 1, warnings: 1 };
      throw new SqlError(1007, 'HY000', `Can't create database '${db}'; database exists`);
    }
    s.place.mkdir(db, o);
    if (s.image.repo === 'mariadb') s.place.write(`${db}/db.opt`, 'default-character-set=utf8mb4\ndefault-collation=utf8mb4_uca1400_ai_ci\n', { ...o, mode: 0o660 });
    return { affected: 1 };
  }
  if ((m = new RegExp(`^drop (?:database|schema) (if exists )?${NAME}$`, 'i').exec(sql))) {
    const db = m[2];
    if (s.user !== 'root' || db === 'information_schema') throw denied(s, db);
    // root may drop the server's own schemas on a real one, and break it: not here
    if (SYSTEM.includes(db)) throw unsupported(s, 'DROP DATABASE of a system schema');
    if (!databases(s).includes(db)) {
      if (m[1]) return { affected: 0, warnings: 1 };
      throw new SqlError(1008, 'HY000', `Can't drop database '${db}'; database doesn't exist`);
    }
    const dropped = tables(s, db).length;
    s.place.remove(db);
    if (s.database === db) s.database = undefined;
    return { affected: dropped };
  }
  if ((m = new RegExp(`^use ${NAME}$`, 'i').exec(sql))) {
    useDatabase(s, m[1]);
    return { changed: true };
  }
  if ((m = new RegExp(`^show tables(?: (?:from|in) ${NAME})?$`, 'i').exec(sql))) {
    const db = m[1] ?? s.database;
    if (!db) throw new SqlError(1046, '3D000', 'No database selected');
    if (!databases(s).includes(db)) throw new SqlError(1049, '42000', `Unknown database '${db}'`);
    return { rows: { columns: [`Tables_in_${db}`], rows: tables(s, db).map((t) => [t]) } };
  }
  if ((m = new RegExp(`^create table (if not exists )?(?:${NAME}\\.)?${NAME} ?\\(.*\\).*$`, 'i').exec(sql))) {
    const db = m[2] ?? s.database;
    const table = m[3];
    if (!db) throw new SqlError(1046, '3D000', 'No database selected');
    if (!databases(s).includes(db)) throw new SqlError(1049, '42000', `Unknown database '${db}'`);
    if (tables(s, db).includes(table)) {
      if (m[1]) return { affected: 0, warnings: 1 };
      throw new SqlError(1050, '42S01', `Table '${table}' already exists`);
    }
    for (const ext of tableFiles(s)) s.place.write(`${db}/${table}.${ext}`, '', { ...o, mode: 0o660, size: ext === 'ibd' ? 114_688 : 1_000 });
    return { affected: 0 };
  }
  if ((m = new RegExp(`^drop table (if exists )?(?:${NAME}\\.)?${NAME}$`, 'i').exec(sql))) {
    const db = m[2] ?? s.database;
    const table = m[3];
    if (!db) throw new SqlError(1046, '3D000', 'No database selected');
    if (!tables(s, db).includes(table)) {
      if (m[1]) return { affected: 0, warnings: 1 };
      throw new SqlError(1051, '42S02', `Unknown table '${db}.${table}'`);
    }
    for (const ext of ['frm', 'ibd']) s.place.remove(`${db}/${table}.${ext}`);
    return { affected: 0 };
  }
  if ((m = /^select (.+)$/i.exec(sql)) && !/\bfrom\b/i.test(m[1])) {
    const items = m[1].split(',');
    const values = items.map((e) => selectValue(s, e));
    if (values.some((v) => !v)) throw unsupported(s, 'SELECT of that expression');
    return { rows: { columns: items.map((e) => e.trim()), rows: [values.map((v) => v!.value)], numeric: values.map((v) => v!.numeric) } };
  }
  const near = syntaxErrorAt(stmt);
  if (near !== undefined) throw syntaxError(s, stmt, near);
  const verb = /^\w+/.exec(sql)?.[0].toUpperCase() ?? sql;
  throw unsupported(s, /^(insert|select|update|delete|replace)$/i.test(verb) ? `${verb} on rows` : verb);
}

/**
 * Where a statement of a form the server knows (CREATE or DROP DATABASE, USE, SHOW DATABASES or
 * TABLES) stops making sense: the offset of what follows its valid beginning, as the parser's
 * `near '...'` shows it; undefined for a statement of another form.
 */
function syntaxErrorAt(stmt: string): number | undefined {
  const heads = [
    new RegExp(`^\\s*(?:create|drop)\\s+(?:database|schema)(?:\\s+if(?:\\s+not)?\\s+exists)?\\s+${NAME}`, 'i'),
    new RegExp(`^\\s*(?:create\\s+table(?:\\s+if\\s+not\\s+exists)?|drop\\s+table(?:\\s+if\\s+exists)?)\\s+(?:${NAME}\\.)?${NAME}`, 'i'),
    new RegExp(`^\\s*use\\s+${NAME}`, 'i'),
    /^\s*show\s+(?:databases|schemas|tables)\b/i,
    /^\s*(?:create|drop)\s+(?:database|schema)\b/i,
  ];
  for (const h of heads) {
    const m = h.exec(stmt);
    if (m) return m[0].length;
  }
  return undefined;
}

/** ER_PARSE_ERROR: the rest of the statement from where it went wrong (80 characters at most), and its line */
function syntaxError(s: Session, stmt: string, at: number): SqlError {
  const rest = stmt.slice(at).replace(/^\s+/, '');
  const line = stmt.slice(0, stmt.length - rest.length).split('\n').length;
  return new SqlError(1064, '42000', `You have an error in your SQL syntax; check the manual that corresponds to your ${serverName(s.image)} server version for the right syntax to use near '${rest.slice(0, 80)}' at line ${line}`);
}

function useDatabase(s: Session, db: string): void {
  if (!databases(s).includes(db)) {
    if (s.user !== 'root' && SYSTEM.includes(db)) throw denied(s, db);
    throw new SqlError(1049, '42000', `Unknown database '${db}'`);
  }
  s.database = db;
}

/**
 * Runs the client: the exit status (0, or 1 for a connection, login or statement error), as
 * steps when it waits for a connection nobody answers.
 */
export function mysqlClient(cluster: ClusterView, origin: Origin, io: ToolIo, image: ImageInfo): number | Promise<number> {
  return drive(io, steps(cluster, origin, io, image));
}

function* steps(cluster: ClusterView, origin: Origin, io: ToolIo, image: ImageInfo): Steps {
  const c = yield* connectSteps(cluster, origin, io, image);
  if (typeof c === 'number') return c;
  const table = c.options.table ?? (io.isTTY && c.options.execute !== undefined);
  const sql = c.options.execute ?? io.stdin ?? '';
  for (const st of statements(sql)) {
    if (/^(exit|quit|\\q)$/i.test(st.text)) break;
    try {
      const r = execute(c.session, st.text);
      if (r.rows) io.stdout(formatResult(r.rows, table, c.options.names));
    } catch (e) {
      if (!(e instanceof SqlError)) throw e;
      io.stderr(`ERROR ${e.code} (${e.state}) at line ${st.line}: ${e.message}\n`);
      return 1;
    }
  }
  return 0;
}

/** A logged-in client: its options and its session on the server. */
export interface Connected {
  options: Options;
  session: Session;
}

/**
 * Connects and logs in as the command line says: the session, or the exit status after the
 * client's error (on stderr). `-p` alone takes the password from the input's first line.
 */
export function* connectSteps(cluster: ClusterView, origin: Origin, io: ToolIo, image: ImageInfo, password?: string): Generator<number, Connected | number, undefined> {
  const maria = image.repo === 'mariadb';
  const f: Flavor = { maria, old: /^5\.6/.test(image.vars?.version ?? '') };
  const parsed = parseOptions(io.argv.slice(1), f);
  if ('error' in parsed) {
    io.stderr(parsed.error);
    return 7;
  }
  const o = parsed;
  if (o.password === null) {
    if (password !== undefined) o.password = password;
    else {
      // asked on the terminal; without one, the first line of the input
      io.stderr('Enter password: ');
      const first = (io.stdin ?? '').split('\n')[0];
      if (io.stdin) io.stdin = io.stdin.slice(first.length + 1);
      o.password = first;
      io.stderr('\n');
    }
  } else if (o.password !== undefined && !maria) {
    io.stderr(f.old ? 'Warning: Using a password on the command line interface can be insecure.\n' : 'mysql: [Warning] Using a password on the command line interface can be insecure.\n');
  }
  const server = maria ? 'server' : 'MySQL server';
  const local = !o.host || o.host === 'localhost';
  const target = local ? origin.ip : o.host!;
  const conn = target ? openTcp(cluster, origin, target, o.port) : ({ kind: 'refused', ip: '' } as const);
  if (local && (conn.kind !== 'open' || conn.pod.status?.podIP !== origin.ip || conn.protocol !== 'mysql')) {
    const socket = maria ? '/run/mysqld/mysqld.sock' : '/var/run/mysqld/mysqld.sock';
    io.stderr(`ERROR 2002 (HY000): Can't connect to local ${server} through socket '${socket}' (2)\n`);
    return 1;
  }
  const where = f.old || maria ? `'${o.host}'` : `'${o.host}:${o.port}'`;
  if (conn.kind === 'nxdomain') {
    io.stderr(`ERROR 2005 (HY000): Unknown ${server} host '${o.host}' (-2)\n`);
    return 1;
  }
  if (conn.kind === 'timeout') {
    yield SYN_TIMEOUT_MS;
    io.stderr(maria ? `ERROR 2002 (HY000): Can't connect to server on ${where} (110)\n` : `ERROR 2003 (HY000): Can't connect to MySQL server on ${where} (110)\n`);
    return 1;
  }
  if (conn.kind !== 'open') {
    io.stderr(maria ? `ERROR 2002 (HY000): Can't connect to server on ${where} (115)\n` : `ERROR 2003 (HY000): Can't connect to MySQL server on ${where} (111)\n`);
    return 1;
  }
  const found = lookupImage(conn.image);
  const data = found.ok ? found.info.dataDir : undefined;
  if (conn.protocol !== 'mysql' || !found.ok || !data?.accounts) {
    io.stderr(`ERROR 2013 (HY000): Lost connection to ${server} at 'reading initial communication packet', system error: 0\n`);
    return 1;
  }
  // the server's data directory, wherever its container keeps it
  const ns = conn.pod.metadata.namespace ?? 'default';
  const run = kubeletSection(cluster.runtime).pods[`${ns}/${conn.pod.metadata.name}`]?.containers.find((c) => c.name === conn.container)?.current;
  const spec = conn.pod.spec.containers.find((c) => c.name === conn.container)!;
  const node = conn.pod.spec.nodeName ?? '';
  const place = run ? placeOf(cluster, origin.hosts?.[node]?.fs, conn.pod, spec, run.id, data.path) : undefined;
  const peer = local ? 'localhost' : conn.peer;
  const account = place ? readAccounts(place, data.accounts.file).get(o.user) : undefined;
  const given = o.password ?? '';
  if (!place || !account || account.hash !== passwordHash(given)) {
    io.stderr(`ERROR 1045 (28000): Access denied for user '${o.user}'@'${peer}' (using password: ${given ? 'YES' : 'NO'})\n`);
    return 1;
  }
  const session: Session = { place, image: found.info, user: o.user, peer, ...(account.database ? { granted: account.database } : {}), owner: fileOwner(place, data), databaseMode: data.accounts.databaseMode, now: cluster.now };
  if (o.database) {
    try {
      useDatabase(session, o.database);
    } catch (e) {
      const err = e as SqlError;
      io.stderr(`ERROR ${err.code} (${err.state}): ${err.message}\n`);
      return 1;
    }
  }
  return { options: o, session };
}
