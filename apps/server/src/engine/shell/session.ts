// A terminal's shell session and its prompt.

import { homeOf } from './command-registry';
import type { ShellSession } from './types';

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

/** `student@master:~$ `, `root@master:/etc# ` */
export function prompt(session: ShellSession): string {
  const home = homeOf(session.user);
  const cwd = session.cwd;
  const path = cwd === home ? '~' : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
  return `${session.user}@${session.host}:${path}${session.user === 'root' ? '#' : '$'} `;
}
