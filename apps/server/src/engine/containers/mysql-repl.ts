// `kubectl exec -it db -- mysql -uroot -p...` where the door has a terminal: the client's monitor.
// It logs in and greets as the real one does, then each line the student types goes to it until
// `exit` (Bye): statements end with `;` (or \g), a line without one continues the statement at
// `    -> `, `use DB` needs none; results come as tables with their `N rows in set` lines, changes
// as `Query OK`, errors without a line number. The prompt is `mysql> `, or MariaDB's
// `MariaDB [db]> `. Every statement logs in again with what the command line said (the password
// typed at `Enter password:` is kept for that), so a server that went away answers as one would.

import type { Cluster } from '../cluster';
import type { Invocation } from '../kubectl/command';
import type { AttachedContainer, MysqlMonitor } from '../shell/types';
import type { ImageInfo } from '../images/catalog';
import { ContainerTarget } from './container-shell';
import { Connected, SqlError, clientOptions, connectSteps, execute, formatResult, serverVersion, statements } from './mysql-client';
import { ToolIo, drive } from './net-tools';
import { Origin, podOrigin } from './network';
import type { HostState } from '../shell/types';

const maria = (image: ImageInfo): boolean => image.repo === 'mariadb';

/** the client's greeting; the server's version as the handshake gives it, with its distribution */
function banner(image: ImageInfo, server: ImageInfo): string {
  const version = `${serverVersion(server)} ${server.repo === 'mariadb' ? 'mariadb.org binary distribution' : 'MySQL Community Server - GPL'}`;
  if (maria(image)) {
    return `Welcome to the MariaDB monitor.  Commands end with ; or \\g.\nYour MariaDB connection id is 3\nServer version: ${version}\n\nCopyright (c) 2000, 2018, Oracle, MariaDB Corporation Ab and others.\n\nType 'help;' or '\\h' for help. Type '\\c' to clear the current input statement.\n\n`;
  }
  const year = /^5\.6/.test(image.vars?.version ?? '') ? '2021' : '2024';
  return (
    `Welcome to the MySQL monitor.  Commands end with ; or \\g.\nYour MySQL connection id is 8\nServer version: ${version}\n\nCopyright (c) 2000, ${year}, Oracle and/or its affiliates.\n\n` +
    'Oracle is a registered trademark of Oracle Corporation and/or its\naffiliates. Other names may be trademarks of their respective\nowners.\n\n' +
    "Type 'help;' or '\\h' for help. Type '\\c' to clear the current input statement.\n\n"
  );
}

/** logs in again as the command line says, for one statement (or the first greeting) */
function connect(cluster: Cluster, origin: Origin, io: ToolIo, image: ImageInfo, m: MysqlMonitor): Connected | number | Promise<Connected | number> {
  return drive(io, connectSteps(cluster, origin, io, image, m.password));
}

/**
 * Opens the monitor for `kubectl exec -it`: greets (or fails as the client does) and attaches the
 * terminal to it. False where the door has no terminal to attach.
 */
export async function openMysqlMonitor(inv: Invocation, target: ContainerTarget, argv: string[], run?: AttachedContainer['run']): Promise<number | false> {
  const attach = inv.host.attachContainer;
  if (!attach) return false;
  const m: MysqlMonitor = { argv, buffer: '', maria: maria(target.image) };
  const base: Omit<AttachedContainer, 'monitor'> = {
    ...(run ? { run } : {}),
    namespace: target.pod.metadata.namespace ?? 'default',
    pod: target.pod.metadata.name!,
    container: target.container.name,
    shell: argv[0],
    hostname: target.pod.spec.hostname ?? target.pod.metadata.name!,
    promptStyle: 'busybox',
    cwd: '/',
    env: {},
  };
  // `-p` alone: the password is the next line typed
  if (clientOptions(argv.slice(1))?.password === null) {
    attach({ ...base, monitor: { ...m, awaitingPassword: true } });
    return 0;
  }
  const code = await greet(inv.host.cluster, target, m, inv.host.hosts ?? {}, (t) => inv.out(t), (t) => inv.err(t), inv.host.sleep);
  if (code !== 0) return code;
  attach({ ...base, monitor: m });
  return 0;
}

function originOf(target: ContainerTarget, hosts: Record<string, HostState>): Origin {
  return { ...podOrigin(target.pod), hosts };
}

async function greet(cluster: Cluster, target: ContainerTarget, m: MysqlMonitor, hosts: Record<string, HostState>, out: (t: string) => void, err: (t: string) => void, sleep: (ms: number) => Promise<void> | void): Promise<number> {
  const io: ToolIo = { argv: m.argv, stdout: out, stderr: err, isTTY: true, sleep };
  const c = await connect(cluster, originOf(target, hosts), io, target.image, m);
  if (typeof c === 'number') return c;
  m.database = c.session.database;
  out(banner(target.image, c.session.image));
  return 0;
}

/**
 * One line typed at the monitor: its output, and whether the monitor ended (`exit`, a failed
 * login) with its status.
 */
export async function monitorLine(cluster: Cluster, target: ContainerTarget, m: MysqlMonitor, line: string, hosts: Record<string, HostState>, write: (stream: 'stdout' | 'stderr', t: string) => void, sleep: (ms: number) => Promise<void> | void): Promise<{ ended: boolean; status: number }> {
  const out = (t: string): void => write('stdout', t);
  const err = (t: string): void => write('stderr', t);
  if (m.awaitingPassword) {
    m.awaitingPassword = false;
    m.password = line;
    const code = await greet(cluster, target, m, hosts, out, err, sleep);
    return code === 0 ? { ended: false, status: 0 } : { ended: true, status: code };
  }
  const text = `${m.buffer}${line}`;
  const trimmed = text.trim();
  // the client's own commands end at the line, without `;`
  if (/^(exit|quit|\\q)\s*;?$/i.test(trimmed)) {
    out('Bye\n');
    return { ended: true, status: 0 };
  }
  // `\c` clears the statement typed so far
  if (/\\c\s*$/.test(trimmed)) {
    m.buffer = '';
    return { ended: false, status: 0 };
  }
  const use = /^use\s+`?([\w$-]+)`?\s*;?$/i.exec(trimmed);
  const complete = use || /(;|\\g)\s*$/.test(trimmed);
  if (!complete) {
    m.buffer = trimmed ? `${text}\n` : '';
    return { ended: false, status: 0 };
  }
  m.buffer = '';
  const sql = use ? `use ${use[1]};` : trimmed.replace(/\\g\s*$/, ';');
  const list = statements(sql);
  if (!list.length) {
    err('ERROR: \nNo query specified\n\n');
    return { ended: false, status: 0 };
  }
  const io: ToolIo = { argv: m.argv, stdout: out, stderr: err, isTTY: true, sleep };
  // the password was given on the command line or typed once: no second warning
  const c = await connect(cluster, originOf(target, hosts), { ...io, stderr: (t) => (t.includes('[Warning]') || t.startsWith('Warning:') ? undefined : err(t)) }, target.image, m);
  if (typeof c === 'number') return { ended: false, status: c };
  c.session.database = m.database;
  for (const st of list) {
    try {
      const r = execute(c.session, st.text);
      if (r.rows) {
        const n = r.rows.rows.length;
        out(n ? `${formatResult(r.rows, true, true)}${n} row${n === 1 ? '' : 's'} in set (0.00 sec)\n\n` : 'Empty set (0.00 sec)\n\n');
      } else if (r.changed) out('Database changed\n');
      else {
        const n = r.affected ?? 0;
        const w = r.warnings ? `, ${r.warnings} warning${r.warnings === 1 ? '' : 's'}` : '';
        out(`Query OK, ${n} row${n === 1 ? '' : 's'} affected${w} (0.01 sec)\n\n`);
      }
    } catch (e) {
      if (!(e instanceof SqlError)) throw e;
      err(`ERROR ${e.code} (${e.state}): ${e.message}\n`);
    }
  }
  m.database = c.session.database;
  return { ended: false, status: 0 };
}
