// A container whose main process is a network client (`kubectl run tmp --image=busybox
// --restart=Never -- wget -qO- http://web`, curlimages/curl given a URL): the kubelet's process
// model cannot know what a Service answers, so this hook plays the client against the cluster as
// it is when the container starts. Its waits (a connection nobody answers, 129.6 s) pass in the
// run's own time: the run ends when the client would, its output at the times it printed it, with
// its exit status (wget's 1 for a refused connection makes the pod `Error`). What the client does
// to the cluster happens then too: the server it reached logs the request.

import { ProcessHookInput, registerProcessHook } from '../controllers/kubelet/process-hooks';
import type { ProcessPlan } from '../controllers/kubelet/process-model';
import type { ImageInfo } from '../images/catalog';
import { viewAt } from './cluster-view';
import { imageTools } from './image-tools';
import { ToolIo, isNetClient, runNetClient } from './net-tools';
import { podOrigin } from './network';
import { clientOptions, opensMonitor } from './mysql-client';
import type { HostState } from '../shell/types';

/** What an entrypoint script such as curlimages/curl's runs for these arguments. */
function throughShim(argv: string[], image: ImageInfo, tools: Set<string>): string[] {
  const shim = image.entrypointShim;
  if (!shim || argv.length < 2 || argv[0] !== image.entrypoint?.[0]) return argv;
  const first = argv[1];
  // `[ "${1#-}" != "$1" ] || [ -z "$(command -v "$1")" ]`: an option, or no program of the image
  const program = !first.startsWith('-') && tools.has(first.split('/').pop()!);
  return program ? argv.slice(1) : [shim, ...argv.slice(1)];
}

/** short options that take the next argument as their value, and long ones (no `=` given) */
const SHORT_VALUES: Record<string, string> = { wget: 'OoTtUPY', curl: 'oHXAdmwueTrE' };
const LONG_VALUES = new Set(['--output-document', '--output', '--header', '--user-agent', '--timeout', '--tries', '--connect-timeout', '--max-time', '--request', '--data', '--write-out', '--user', '--referer', '--post-data', '--post-file']);

/** The hosts the client's arguments name (URLs, or the name a lookup asks for). */
function targets(prog: string, args: string[]): string[] {
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      if (LONG_VALUES.has(a)) i++;
    } else if (a.startsWith('-') && a.length > 1) {
      // the first value-taking letter of a group takes the rest of it (`-qO-`, `-Ofile`), or the
      // next argument when it ends the group (`-qO FILE`, `-sH 'x: y'`)
      const letters = a.slice(1);
      const at = [...letters].findIndex((c) => (SHORT_VALUES[prog] ?? '').includes(c));
      if (at === letters.length - 1) i++;
    } else if (!a.startsWith('@') && !a.startsWith('+')) positional.push(a);
  }
  if (prog === 'mysql' || prog === 'mariadb') {
    const host = clientOptions(args)?.host;
    return host ? [host] : [];
  }
  // nslookup NAME [SERVER], dig [@SERVER] NAME [TYPE]: the name is the first
  const named = prog === 'nslookup' || prog === 'dig' ? positional.slice(0, 1) : positional;
  return named.map((u) => /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/:?#]*)/i.exec(u)?.[1] ?? '').filter(Boolean);
}

/**
 * A name on the Internet (`info.cern.ch`): dotted, and its last label none of the cluster's
 * (`svc`, `cluster.local`, a namespace of the cluster). The sandbox has no Internet to ask.
 */
function onInternet(host: string, ctx: ProcessHookInput['ctx']): boolean {
  if (!host.includes('.') || /^\d+(\.\d+){3}$/.test(host)) return false;
  const last = host.replace(/\.$/, '').split('.').pop()!.toLowerCase();
  return !['local', 'svc', 'cluster'].includes(last) && !ctx.store.get('namespaces', undefined, last);
}

/** A run that ends by itself `exitAfterMs` after its start, printing `lines`, and serves nothing. */
function ended(exitCode: number, exitAfterMs: number, lines: [number, string][]): Partial<ProcessPlan> {
  return { exitCode, exitAfterMs, lines, template: undefined, ports: [], http: undefined, loop: undefined, stopMs: 0 };
}

/** the machines' own files as the network code reads them (a web server's hostPath document root) */
function nodeHosts(ctx: ProcessHookInput['ctx']): Record<string, HostState> {
  const hosts: Record<string, HostState> = {};
  for (const m of Object.values(ctx.runtime.machines)) {
    const fs = ctx.nodeFiles(m.name);
    if (fs) hosts[m.name] = { hostname: m.name, ip: m.ip, fs, services: {} };
  }
  return hosts;
}

export function clientProcess(input: ProcessHookInput): Partial<ProcessPlan> | undefined {
  const { container, pod, ctx, at, image } = input;
  // the image's own process (no command, no args) is the catalog's
  if (!image || (!container.command && !container.args)) return undefined;
  let argv = input.argv();
  const first = argv[0]?.split('/').pop() ?? '';
  // most commands are no client, and need no look at the image's programs
  if (!isNetClient(first) && !image.entrypointShim) return undefined;
  const tools = imageTools(image);
  argv = throughShim(argv, image, tools);
  const prog = argv[0]?.split('/').pop() ?? '';
  if (!isNetClient(prog) || !tools.has(prog)) return undefined;
  // the mysql client with its input open and no -e waits for statements (`kubectl run -it ... --
  // mysql`): the terminal attached to it is its monitor
  if (container.stdin && opensMonitor(argv)) return undefined;
  // what a client fetches from the Internet (the docs' init container downloading a page) is
  // taken as done, at once and silently: the sandbox has no Internet to ask
  if (targets(prog, argv.slice(1)).some((h) => onInternet(h, ctx))) return ended(0, 0, []);

  // the cluster as the kubelet sees it at the start (a sync may apply an instant already past)
  const view = viewAt(ctx, at);
  const lines: [number, string][] = [];
  let offset = 0;
  let partial = '';
  const write = (text: string): void => {
    const parts = (partial + text).split('\n');
    partial = parts.pop()!;
    for (const l of parts) lines.push([offset, l]);
  };
  const io: ToolIo = {
    argv,
    isTTY: false,
    stdout: write,
    stderr: write,
    // a wait of the client's is time in its run, not in the cluster
    sleep: (ms) => {
      offset += ms;
    },
    // a download saved into the container's layer: the run ends with it, nobody can read it
    writeFile: () => true,
  };
  // without a sleep that waits, every client runs to its end at once; a web server's document
  // root on its node (a hostPath, a hostPath PV) is read from the node's files
  const ran = runNetClient(prog, view, { ...podOrigin(pod), hosts: nodeHosts(ctx) }, io, image);
  if (partial) lines.push([offset, partial]);
  return { ...ended(typeof ran === 'number' ? ran : 0, offset, lines), client: true };
}

registerProcessHook(clientProcess);
