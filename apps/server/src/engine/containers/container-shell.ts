// Runs a command inside a running container (`kubectl exec`): the sandbox shell's interpreter,
// run on the container's own file system and environment, with only the programs the image has
// (busybox has no bash or curl, nginx has curl but no ps), network tools that go through the
// cluster's DNS and kube-proxy, and the container's shell wording for a missing program.

import type { Cluster } from '../cluster';
import { Container, Pod } from '../api/types';
import { resolveContainerEnv } from '../controllers/kubelet/env';
import { RunningContainer } from '../controllers/kubelet/runtime-query';
import { ImageInfo } from '../images/catalog';
import { Shell } from '../shell/shell';
import type { Registry } from '../shell/command-registry';
import type { ExternalCommand, HostState, OutputSink, ShellSession, ShellSignal } from '../shell/types';
import { UTILITIES } from '../shell/utils';
import { SHELL_BUILTINS } from '../shell/builtins';
import { buildContainerFs, saveContainerFs } from './container-fs';
import { imageTools, shellFlavor } from './image-tools';
import { NET_CLIENTS, runNetClient } from './net-tools';
import { ddCommand, yesCommand } from '../shell/utils/dd';
import { podOrigin } from './network';
import { killBuiltin } from './kill-command';

export interface ContainerTarget {
  pod: Pod;
  container: Container;
  image: ImageInfo;
  running: RunningContainer;
}

export interface ExecIo {
  stdin: string;
  sink: OutputSink;
  isTTY: boolean;
  signal: ShellSignal;
  now(): number;
  sleep(ms: number): Promise<void> | void;
  /** the sandbox's hosts (hostPath volumes live on the node's own files) */
  hosts: Record<string, HostState>;
}

/** PATH as the images set it */
const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The environment `env` shows in the container: PATH, HOSTNAME, the pod's variables, HOME. */
export function containerEnv(cluster: Cluster, t: ContainerTarget, tty: boolean): Record<string, string> {
  const resolved = resolveContainerEnv(t.pod, t.container, cluster.api);
  const env: Record<string, string> = { PATH, HOSTNAME: t.pod.spec.hostname ?? t.pod.metadata.name! };
  if (tty) env.TERM = 'xterm';
  for (const [k, v] of resolved.vars) env[k] = v;
  if (t.image.repo === 'nginx') Object.assign(env, { NGINX_VERSION: t.image.vars?.version ?? '', NJS_VERSION: '0.8.7', NJS_RELEASE: '1~bookworm', PKG_RELEASE: '1~bookworm', DYNPKG_RELEASE: '1~bookworm' });
  if (t.image.repo === 'httpd') Object.assign(env, { HTTPD_PREFIX: '/usr/local/apache2', HTTPD_VERSION: t.image.vars?.version ?? '' });
  env.HOME = '/root';
  return env;
}

/** The working directory the image sets (WORKDIR). */
function workdir(image: ImageInfo): string {
  if (image.repo === 'httpd') return '/usr/local/apache2';
  if (image.repo === 'redis') return '/data';
  if (image.repo === 'wordpress' || (image.repo === 'php' && /apache/.test(image.tag))) return '/var/www/html';
  return '/';
}

/** `sh: foo: not found` as BusyBox says it, `sh: 1: foo: not found` as dash does */
function notFoundText(flavor: 'busybox' | 'dash' | 'bash', name: string): string {
  if (flavor === 'busybox') return `sh: ${name}: not found\n`;
  if (flavor === 'dash') return `sh: 1: ${name}: not found\n`;
  return `bash: ${name}: command not found\n`;
}

function quote(a: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`;
}

/**
 * Runs `argv` in the container; the caller has checked that argv[0] exists in the image.
 * Returns the exit status; output goes to `io.sink` as it is produced.
 */
export async function execInContainer(cluster: Cluster, t: ContainerTarget, argv: string[], io: ExecIo): Promise<number> {
  let line = argv.map(quote).join(' ');
  if (io.stdin) line = `${line} <<'__KUBEAULA_STDIN__'\n${io.stdin.replace(/\n$/, '')}\n__KUBEAULA_STDIN__`;
  const prog = argv[0].split('/').pop()!;
  const r = await runContainerLine(cluster, t, line, io, { cwd: workdir(t.image), env: containerEnv(cluster, t, io.isTTY) }, prog === 'bash' ? 'bash' : undefined);
  return r.exitCode;
}

export interface LineResult {
  exitCode: number;
  /** the shell ran `exit` */
  exited: boolean;
  cwd: string;
  env: Record<string, string>;
}

/** A fresh shell session in the container: where `kubectl exec -it POD -- sh` starts. */
export function containerStart(cluster: Cluster, t: ContainerTarget, tty: boolean): { cwd: string; env: Record<string, string> } {
  return { cwd: workdir(t.image), env: containerEnv(cluster, t, tty) };
}

/** Runs one command line in the container's shell, from `state` (its directory and variables). */
export async function runContainerLine(cluster: Cluster, t: ContainerTarget, line: string, io: ExecIo, state: { cwd: string; env: Record<string, string> }, shellName?: string): Promise<LineResult> {
  const tools = imageTools(t.image);
  const dashImage = shellFlavor(t.image) === 'dash';
  // the wording of "not found" depends on the shell that looks the program up
  const lookup: 'busybox' | 'dash' | 'bash' = shellName === 'bash' ? 'bash' : dashImage ? 'dash' : 'busybox';
  const built = buildContainerFs(cluster, t.pod, t.container, t.image, t.running.run.id, io.hosts);
  const key = `container:${t.pod.metadata.namespace}/${t.pod.metadata.name}/${t.container.name}`;
  const host: HostState = { hostname: t.pod.spec.hostname ?? t.pod.metadata.name!, ip: t.pod.status?.podIP ?? '', fs: built.fs, services: {} };
  const origin = { ...podOrigin(t.pod), hosts: io.hosts };
  const tool = (run: (ctx: Parameters<ExternalCommand>[0]) => number | Promise<number>): ExternalCommand => (ctx) => run(ctx);
  const toolIo = (ctx: Parameters<ExternalCommand>[0]) => ({
    argv: ctx.argv,
    stdin: ctx.stdin,
    stdout: ctx.stdout,
    stderr: ctx.stderr,
    isTTY: ctx.isTTY,
    // a connection that times out waits in simulated time (the shell's sleep steps the cluster)
    sleep: ctx.sleep,
    signal: ctx.signal,
    writeFile: (path: string, content: string): boolean => {
      try {
        ctx.fs.writeFile(path, content);
        return true;
      } catch {
        return false;
      }
    },
  });
  const commands: Record<string, ExternalCommand> = {};
  const missing: ExternalCommand = (ctx) => {
    ctx.stderr(notFoundText(lookup, ctx.argv[0]));
    return 127;
  };
  // the sandbox's programs the image does not have
  for (const name of Object.keys(UTILITIES)) if (!tools.has(name)) commands[name] = missing;
  for (const prog of NET_CLIENTS) if (tools.has(prog)) commands[prog] = tool((ctx) => runNetClient(prog, cluster, origin, toolIo(ctx), t.image));
  if (tools.has('nginx')) commands.nginx = (ctx) => nginxCommand(ctx.argv, t.image, ctx.stderr);
  if (tools.has('ps')) commands.ps = (ctx) => psCommand(ctx.stdout, t);
  if (!dashImage) {
    // BusyBox's applets: its own dd and yes wording
    if (tools.has('dd')) commands.dd = ddCommand('busybox') as ExternalCommand;
    if (tools.has('yes')) commands.yes = yesCommand('busybox') as ExternalCommand;
  }
  for (const name of ['apk', 'apt', 'apt-get']) {
    if (tools.has(name)) {
      commands[name] = (ctx) => {
        // no Internet in the sandbox: package indexes cannot be fetched
        ctx.stderr(name === 'apk' ? 'WARNING: fetching https://dl-cdn.alpinelinux.org/alpine/v3.21/main: temporary error (try again later)\n' : "Err:1 http://deb.debian.org/debian bookworm InRelease\n  Temporary failure resolving 'deb.debian.org'\n");
        return 1;
      };
    }
  }
  // shell builtins a container's shell does not have
  const builtins: Registry = {};
  for (const name of ['sudo', 'su', 'ssh']) if (Object.hasOwn(SHELL_BUILTINS, name)) builtins[name] = (ctx) => missing(ctx);
  if (!tools.has('bash')) builtins.bash = (ctx) => missing(ctx);
  builtins.kill = killBuiltin(cluster, t, lookup);

  const session: ShellSession = { env: { ...state.env }, cwd: state.cwd, host: key, hostStack: [], history: [], user: 'root', status: 0, frames: [], aliases: {} };
  const shell = new Shell(
    {
      now: io.now,
      sleep: async (ms) => {
        await io.sleep(ms);
        cluster.step(io.now());
      },
      hosts: { [key]: host },
      commands,
      random: () => cluster.rng.nextUint32(),
    },
    session,
    { builtins },
  );
  // the interpreter names itself bash: a container's sh speaks as its own shell
  const sink: OutputSink = {
    write: (stream, text) => {
      if (stream === 'stderr' && lookup !== 'bash') text = text.replace(/^bash: (.+): command not found$/gm, (_m, n: string) => notFoundText(lookup, n).trimEnd()).replace(/^bash: /gm, 'sh: ');
      if (stream === 'stderr' && !dashImage) text = busyboxWording(text);
      // dash reports a builtin's failed write without errno (eval.c: "%s: I/O error")
      if (stream === 'stderr' && dashImage && lookup !== 'bash') {
        text = text.replace(/^sh: (echo|printf): write error: .*$/gm, 'sh: 1: $1: I/O error').replace(/^sh: (.+): Read-only file system$/gm, 'sh: 1: cannot create $1: Read-only file system');
      }
      io.sink.write(stream, text);
    },
  };
  const result = await shell.run(line, sink, { isTTY: io.isTTY, signal: io.signal });
  saveContainerFs(cluster, built);
  return { exitCode: result.exitCode, exited: result.exited === true, cwd: shell.session.cwd, env: shell.session.env };
}

/** BusyBox's applets word the commonest errors their own way */
function busyboxWording(text: string): string {
  return text
    .replace(/^ls: cannot access '(.*)': (.*)$/gm, 'ls: $1: $2')
    .replace(/^cat: (.*): No such file or directory$/gm, "cat: can't open '$1': No such file or directory")
    .replace(/^cat: (.*): Is a directory$/gm, 'cat: read error: Is a directory')
    // ash's builtins: bb_perror_msg("write error") under the shell's own name
    .replace(/^sh: (?:echo|printf): write error: /gm, 'sh: write error: ')
    // applets copying with bb_copyfd: the same message under their own name
    .replace(/^cp: error writing '.*': /gm, 'cp: write error: ')
    // ash opening a redirection's file (openredirect: "can't create %s")
    .replace(/^sh: (.+): Read-only file system$/gm, "sh: can't create $1: Read-only file system")
    // libbb's messages: remove_file, make_directory, copy_file; touch says only the path
    .replace(/^rm: cannot remove '(.*)': Is a directory$/gm, "rm: '$1' is a directory")
    .replace(/^rm: cannot remove '(.*)': /gm, "rm: can't remove '$1': ")
    .replace(/^mkdir: cannot create directory ‘(.*)’: /gm, "mkdir: can't create directory '$1': ")
    .replace(/^cp: cannot create regular file '(.*)': /gm, "cp: can't create '$1': ")
    .replace(/^touch: cannot touch '(.*)': /gm, 'touch: $1: ');
}

function nginxCommand(argv: string[], image: ImageInfo, err: (t: string) => void): number {
  const version = image.vars?.version ?? '';
  const a = argv[1];
  if (a === '-v') err(`nginx version: nginx/${version}\n`);
  else if (a === '-V') err(`nginx version: nginx/${version}\nbuilt by gcc 12.2.0 (Debian 12.2.0-14)\nbuilt with OpenSSL 3.0.11 19 Sep 2023\nTLS SNI support enabled\n`);
  else if (a === '-t' || a === '-T') err('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
  else if (a === '-s') {
    if (argv[2] === 'reload') err(`${''}`);
    return 0;
  } else {
    // a second nginx cannot bind the port the running one holds
    err('nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\n');
    return 1;
  }
  return 0;
}

function psCommand(out: (t: string) => void, t: ContainerTarget): number {
  const main = [...(t.container.command ?? []), ...(t.container.args ?? [])].join(' ') || [...(t.image.entrypoint ?? []), ...(t.image.cmd ?? [])].join(' ');
  out(`PID   USER     TIME  COMMAND\n    1 root      0:00 ${main}\n    7 root      0:00 ps\n`);
  return 0;
}
