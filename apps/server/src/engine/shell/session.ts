// A terminal's shell session and its prompt.

import { homeOf } from './command-registry';
import type { AttachedContainer, SavedFrame, ShellSession } from './types';

export function loginEnv(user: string): Record<string, string> {
  const home = homeOf(user);
  return {
    HOME: home,
    USER: user,
    LOGNAME: user,
    SHELL: '/bin/bash',
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    PWD: home,
  };
}

export function newShellSession(opts: { host?: string; user?: string } = {}): ShellSession {
  const host = opts.host ?? 'master';
  const user = opts.user ?? 'student';
  return { env: loginEnv(user), cwd: homeOf(user), host, hostStack: [], history: [], user, status: 0, frames: [], aliases: {} };
}

/**
 * Opens a nested shell (bash, sudo -i, su, ssh): the shell below is kept for `exit` (shell.ts
 * leaveShell), with its own unexported variables, and the new one starts with `env`, all exported.
 */
export function enterShell(state: ShellSession, kind: SavedFrame['kind'], env: Record<string, string>): void {
  state.frames.push({ kind, host: state.host, cwd: state.cwd, user: state.user, env: state.env, ...(state.unexported ? { unexported: state.unexported } : {}), ...(state.readonly ? { readonly: state.readonly } : {}), ...(state.declared ? { declared: state.declared } : {}), ...(state.shellOptions ? { shellOptions: state.shellOptions } : {}) });
  state.hostStack = state.frames.map((f) => f.host);
  state.env = env;
  state.unexported = undefined;
  state.readonly = undefined;
  state.declared = undefined;
  state.shellOptions = undefined;
}

/** `student@master:~$ `, `root@master:/etc# ` */
export function prompt(session: ShellSession): string {
  if (session.container) return containerPrompt(session.container);
  const home = homeOf(session.user);
  const cwd = session.cwd;
  const path = cwd === home ? '~' : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
  return `${session.user}@${session.host}:${path}${session.user === 'root' ? '#' : '$'} `;
}

/** BusyBox sh `/data # `, bash `root@web-1:/data# `, dash `# ` */
export function containerPrompt(c: AttachedContainer): string {
  // the mysql monitor: `mysql> `, MariaDB's `MariaDB [db]> `, `    -> ` inside a statement
  const m = c.monitor;
  if (m) return m.awaitingPassword ? 'Enter password: ' : m.buffer.trim() ? '    -> ' : m.maria ? `MariaDB [${m.database ?? '(none)'}]> ` : 'mysql> ';
  const path = c.cwd === '/root' ? '~' : c.cwd.startsWith('/root/') ? `~${c.cwd.slice(5)}` : c.cwd;
  if (c.promptStyle === 'bash') return `root@${c.hostname}:${path}# `;
  if (c.promptStyle === 'dash') return '# ';
  return `${path} # `;
}
