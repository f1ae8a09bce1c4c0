// Who and where the student is: sudo, su, ssh (host switching), whoami, id, hostname.

import type { Builtin, BuiltinContext, ExecState, Registry } from '../command-registry';
import { homeOf } from '../command-registry';
import { KERNEL_RELEASE } from '../hosts';
import { cloneState, isShellOnly } from '../interpreter';
import { enterShell, loginEnv } from '../session';
import type { HostState } from '../types';
import { getopt, has, last } from '../utils/getopt';

const SUDO_USAGE = `usage: sudo -h | -K | -k | -V
usage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]
usage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user] [-u user] [command [arg ...]]
usage: sudo [-ABbEHkNnPS] [-r role] [-t type] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i | -s] [command [arg ...]]
usage: sudo -e [-ABkNnS] [-r role] [-t type] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] file ...
`;

const SSH_USAGE = `usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]
           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]
           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]
           [-J destination] [-L address] [-l login_name] [-m mac_spec]
           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]
           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]
           destination [command [argument ...]]
`;

const KNOWN_USERS = new Set(['root', 'student']);

/** opens a nested interactive shell (ssh, sudo -i, su): `exit` comes back here */
function pushShell(state: ExecState, kind: 'ssh' | 'login' | 'shell', to: { host?: string; user: string; cwd?: string; env: Record<string, string> }): void {
  enterShell(state, kind, to.env);
  state.host = to.host ?? state.host;
  state.user = to.user;
  state.cwd = to.cwd ?? state.cwd;
  state.env.PWD = state.cwd;
}

function asUser(env: Record<string, string>, user: string): Record<string, string> {
  return { ...env, HOME: homeOf(user), USER: user, LOGNAME: user, ...(user === 'root' ? { SUDO_USER: 'student' } : {}) };
}

async function runAs(ctx: BuiltinContext, user: string, argv: string[], cwd?: string): Promise<number> {
  const sub = cloneState(ctx.state);
  sub.user = user;
  sub.env = asUser(ctx.env, user);
  if (cwd) sub.cwd = cwd;
  return ctx.runner.runArgv(argv, sub, ctx.io);
}

const sudo: Builtin = async (ctx) => {
  const p = getopt(ctx, ctx.argv.slice(1), { flags: 'isEnHkSbAP', values: 'upgDhCT', stopAtOperand: true, long: { login: 'i', shell: 's', user: 'u', 'preserve-env': 'E' } });
  if (typeof p === 'number') return p;
  const target = last(p, 'u') ?? 'root';
  if (!KNOWN_USERS.has(target)) {
    ctx.stderr(`sudo: unknown user ${target}\nsudo: error initializing audit plugin sudoers_audit\n`);
    return 1;
  }
  const cmd = p.operands;
  const login = has(p, 'i');
  if (cmd.length === 0) {
    if (!login && !has(p, 's')) {
      if (has(p, 'k')) return 0;
      ctx.stderr(SUDO_USAGE);
      return 1;
    }
    pushShell(ctx.state, login ? 'login' : 'shell', {
      user: target,
      cwd: login ? homeOf(target) : undefined,
      env: login ? loginEnv(target) : asUser(ctx.state.env, target),
    });
    return 0;
  }
  const [name, ...rest] = cmd;
  // `sudo su`, `sudo su -`, `sudo bash`: a root shell
  if (name === 'su' && rest.every((a) => a === '-' || a === '-l' || a === '--login' || a === 'root')) {
    const isLogin = rest.some((a) => a !== 'root');
    pushShell(ctx.state, isLogin ? 'login' : 'shell', { user: 'root', cwd: isLogin ? '/root' : undefined, env: isLogin ? loginEnv('root') : asUser(ctx.state.env, 'root') });
    return 0;
  }
  if ((name === 'bash' || name === 'sh') && rest.length === 0) {
    pushShell(ctx.state, 'shell', { user: target, env: asUser(ctx.state.env, target) });
    return 0;
  }
  if (isShellOnly(name) || ctx.runner.knownCommand(name) === undefined && !name.includes('/')) {
    ctx.stderr(`sudo: ${name}: command not found\n`);
    return 1;
  }
  return runAs(ctx, target, cmd, login ? homeOf(target) : undefined);
};

const su: Builtin = (ctx) => {
  const args = ctx.argv.slice(1);
  const isLogin = args.some((a) => a === '-' || a === '-l' || a === '--login');
  const user = args.find((a) => !a.startsWith('-')) ?? 'root';
  if (!KNOWN_USERS.has(user)) {
    ctx.stderr(`su: user ${user} does not exist or the user entry does not contain all the required fields\n`);
    return 1;
  }
  if (ctx.user !== 'root') {
    ctx.stderr('Password: \nsu: Authentication failure\n');
    return 1;
  }
  pushShell(ctx.state, isLogin ? 'login' : 'shell', { user, cwd: isLogin ? homeOf(user) : undefined, env: isLogin ? loginEnv(user) : asUser(ctx.state.env, user) });
  return 0;
};

/** host by its name in the classroom, its hostname or its IP */
export function resolveHost(hosts: Record<string, HostState>, current: string, name: string): string | undefined {
  if (name === 'localhost' || name === '127.0.0.1') return current;
  if (Object.hasOwn(hosts, name)) return name;
  return Object.keys(hosts).find((k) => hosts[k].hostname === name || hosts[k].ip === name);
}

const ssh: Builtin = async (ctx) => {
  const p = getopt(ctx, ctx.argv.slice(1), { flags: '46AaCfGgKkMNnqsTtVvXxYy', values: 'BbcDEeFIiJLlmOoPpRSWw', stopAtOperand: true, usageStatus: 255 });
  if (typeof p === 'number') return p;
  const [dest, ...cmd] = p.operands;
  if (dest === undefined) {
    ctx.stderr(SSH_USAGE);
    return 255;
  }
  const at = dest.lastIndexOf('@');
  const hostName = at < 0 ? dest : dest.slice(at + 1);
  const user = at < 0 ? last(p, 'l') ?? ctx.user : dest.slice(0, at);
  const host = resolveHost(ctx.environment.hosts, ctx.host, hostName);
  if (host === undefined) {
    ctx.stderr(`ssh: Could not resolve hostname ${hostName.toLowerCase()}: Name or service not known\n`);
    return 255;
  }
  // only the student has a key, authorized for student@ on every host; root has none
  if (user !== 'student' || ctx.user !== 'student') {
    ctx.stderr(`${user}@${hostName}: Permission denied (publickey).\n`);
    return 255;
  }
  if (cmd.length > 0) {
    const sub = cloneState(ctx.state);
    sub.host = host;
    sub.user = user;
    sub.cwd = homeOf(user);
    sub.env = loginEnv(user);
    sub.frames = [];
    sub.hostStack = [];
    return ctx.runner.runScript(cmd.join(' '), 'bash', [], sub, ctx.io, true, sub.env);
  }
  pushShell(ctx.state, 'ssh', { host, user, cwd: homeOf(user), env: loginEnv(user) });
  ctx.stdout(`Welcome to Ubuntu 24.04.1 LTS (GNU/Linux ${KERNEL_RELEASE} x86_64)\n\n`);
  return 0;
};

const whoami: Builtin = (ctx) => {
  ctx.stdout(`${ctx.user}\n`);
  return 0;
};

const id: Builtin = (ctx) => {
  const args = ctx.argv.slice(1);
  const other = args.find((a) => !a.startsWith('-'));
  if (other !== undefined && !KNOWN_USERS.has(other)) {
    ctx.stderr(`id: ‘${other}’: no such user\n`);
    return 1;
  }
  const user = other ?? ctx.user;
  const flags = args.filter((a) => a.startsWith('-')).join('');
  const u = user === 'root' ? 0 : 1000;
  if (flags.includes('u') || flags.includes('g')) {
    ctx.stdout(flags.includes('n') ? `${user}\n` : `${u}\n`);
    return 0;
  }
  if (flags.includes('G')) {
    ctx.stdout(user === 'root' ? '0\n' : '1000 27\n');
    return 0;
  }
  ctx.stdout(user === 'root' ? 'uid=0(root) gid=0(root) groups=0(root)\n' : 'uid=1000(student) gid=1000(student) groups=1000(student),27(sudo)\n');
  return 0;
};

const hostname: Builtin = (ctx) => {
  const arg = ctx.argv[1];
  const h = ctx.hostState;
  if (arg === '-I' || arg === '--all-ip-addresses') ctx.stdout(`${h.ip} \n`);
  else if (arg === '-i' || arg === '--ip-address') ctx.stdout(`${h.ip}\n`);
  else if (arg === undefined || arg === '-s' || arg === '-f') ctx.stdout(`${h.hostname}\n`);
  else if (ctx.user !== 'root') {
    ctx.stderr('hostname: you must be root to change the host name\n');
    return 1;
  } else h.hostname = arg;
  return 0;
};

export const IDENTITY_BUILTINS: Registry = { sudo, su, ssh };
export const IDENTITY_UTILS: Registry = { whoami, id, hostname };
