// kubeadm v1.32 on a simulated host: version, init, join, token create/list, reset, config images. The host
// side (files, preflight, output) is here; the cluster side is ../control-plane.ts.

import type { Sandbox } from '../../sandbox';
import type { CommandContext, ExternalCommand } from '../../shell/types';
import { KUBERNETES_VERSION } from '../../bootstrap/machines';
import { rfc3339 } from '../../time';
import { parseGoDuration } from '../../kubectl/flags';
import { TOKEN_TTL_MS, bootstrapTokens, createBootstrapToken, initCluster, joinNode, kubeadmSection, newToken, resetNode, staticPodsFor } from '../control-plane';
import { writeControlPlaneFiles, writeKubeletConf, writeNodeCa, writeRootFile as writeRootFileIn } from './control-plane-files';
import { isInstalled } from '../host-packages';
import { parseKubeadmConfig } from './init-config';
import { NOT_ROOT, STACK_HINT, applyIgnores, preflight, preflightError, warningLines } from './preflight';
import * as text from './kubeadm-text';
import { CONTROL_PLANE_IMAGES, PULL_ALL_MS, configCommand, missingImages } from './config-images';
import { kernelState } from '../../shell/utils/kernel';

const DISCOVERY_TIMEOUT_MS = 5 * 60_000;
const KUBELET_TIMEOUT_MS = 4 * 60_000;

interface Flags {
  values: Record<string, string>;
  bools: Set<string>;
  args: string[];
}

const BOOL_FLAGS = new Set(['print-join-command', 'force', 'f', 'dry-run', 'skip-token-print']);

function parseFlags(argv: string[]): Flags {
  const f: Flags = { values: {}, bools: new Set(), args: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-')) {
      f.args.push(a);
      continue;
    }
    const name = a.replace(/^--?/, '');
    const eq = name.indexOf('=');
    if (eq >= 0) f.values[name.slice(0, eq)] = name.slice(eq + 1);
    else if (BOOL_FLAGS.has(name)) f.bools.add(name);
    else f.values[name] = argv[++i] ?? '';
  }
  return f;
}

export function kubeadmCommand(sandbox: Sandbox): ExternalCommand {
  return async (ctx) => {
    if (!isInstalled(ctx.hostState, 'kubeadm')) return notFound(ctx, 'kubeadm');
    const [sub, ...rest] = ctx.argv.slice(1);
    const flags = parseFlags(rest);
    switch (sub) {
      case 'version':
        ctx.stdout(flags.values.o === 'short' || flags.values.output === 'short' ? `${KUBERNETES_VERSION}\n` : `kubeadm version: ${text.versionInfo()}\n`);
        return 0;
      case 'init':
        return init(sandbox, ctx, flags);
      case 'join':
        return join(sandbox, ctx, flags);
      case 'token':
        return token(sandbox, ctx, flags);
      case 'reset':
        return reset(sandbox, ctx, flags);
      case 'config':
        if (Object.keys(flags.values).length || flags.bools.size) {
          ctx.stderr(`kubeaula: kubeadm config takes no flags here: its images are those of Kubernetes ${KUBERNETES_VERSION}\n`);
          return 1;
        }
        return configCommand(sandbox, ctx, flags.args);
      case undefined:
        ctx.stdout(USAGE);
        return 0;
      default:
        ctx.stderr(`unknown command "${sub}" for "kubeadm"\nTo see the stack trace of this error execute with --v=5 or higher\n`);
        return 1;
    }
  };
}

const USAGE = `

    ┌──────────────────────────────────────────────────────────┐
    │ KUBEADM                                                  │
    │ Easily bootstrap a secure Kubernetes cluster             │
    │                                                          │
    │ Please give us feedback at:                              │
    │ https://github.com/kubernetes/kubeadm/issues             │
    └──────────────────────────────────────────────────────────┘

Usage:
  kubeadm [command]

Available Commands:
  certs       Commands related to handling kubernetes certificates
  completion  Output shell completion code for the specified shell (bash or zsh)
  config      Manage configuration for a kubeadm cluster persisted in a ConfigMap in the cluster
  help        Help about any command
  init        Run this command in order to set up the Kubernetes control plane
  join        Run this on any machine you wish to join an existing cluster
  kubeconfig  Kubeconfig file utilities
  reset       Performs a best effort revert of changes made to this host by 'kubeadm init' or 'kubeadm join'
  token       Manage bootstrap tokens
  upgrade     Upgrade your cluster smoothly to a newer version with this command
  version     Print the version of kubeadm

Flags:
  -h, --help                     help for kubeadm
      --rootfs string            [EXPERIMENTAL] The path to the 'real' host root filesystem. This will cause kubeadm to chroot into the provided path.

Additional help topics:
  kubeadm alpha      Kubeadm experimental sub-commands

Use "kubeadm [command] --help" for more information about a command.
`;

/** the shell's answer for a program the host does not have */
export function notFound(ctx: CommandContext, name: string): number {
  if (ctx.user === 'root' && ctx.env.SUDO_USER) {
    ctx.stderr(`sudo: ${name}: command not found\n`);
    return 1;
  }
  ctx.stderr(`bash: ${name}: command not found\n`);
  return 127;
}

function writeRootFile(ctx: CommandContext, path: string, content: string, mode = 0o600): void {
  writeRootFileIn(ctx.hostState.fs, path, content, mode, ctx.now());
}

function fail(ctx: CommandContext, message: string): number {
  ctx.stderr(`${message}\n${STACK_HINT}`);
  return 1;
}

/** runs the preflight checks; prints warnings, returns false (after the error) on failure */
function runPreflight(ctx: CommandContext, role: 'init' | 'join', controlPlaneUp: boolean, joined: boolean, ignore: string[]): boolean {
  ctx.stdout('[preflight] Running pre-flight checks\n');
  if (ctx.user !== 'root') {
    ctx.stderr(preflightError([NOT_ROOT]));
    return false;
  }
  const r = applyIgnores(preflight(ctx, role, controlPlaneUp, joined), ignore);
  ctx.stderr(warningLines(r.warnings));
  if (r.errors.length) {
    ctx.stderr(preflightError(r.errors));
    return false;
  }
  return true;
}

function ignoreList(flags: Flags): string[] {
  return (flags.values['ignore-preflight-errors'] ?? '').split(',').filter(Boolean);
}

async function init(sandbox: Sandbox, ctx: CommandContext, flags: Flags): Promise<number> {
  const cluster = sandbox.cluster;
  let podNetworkCidr = flags.values['pod-network-cidr'];
  let external = false;
  const warnings: string[] = [];
  if (flags.values.config) {
    let src: string;
    try {
      src = ctx.fs.readFile(flags.values.config);
    } catch {
      return fail(ctx, `unable to read config from "${flags.values.config}" : open ${flags.values.config}: no such file or directory`);
    }
    const parsed = parseKubeadmConfig(src, flags.values.config);
    if (!parsed.ok) return fail(ctx, parsed.error);
    podNetworkCidr = parsed.config.podSubnet ?? podNetworkCidr;
    external = parsed.config.kubeletExtraArgs['cloud-provider'] === 'external';
    warnings.push(...parsed.warnings);
  }
  for (const w of warnings) ctx.stderr(`${text.klog('W', ctx.now())}common.go:101] ${w}\n`);
  ctx.stdout(`[init] Using Kubernetes version: ${KUBERNETES_VERSION}\n`);
  if (ctx.host !== 'master' || !cluster.runtime.machines.master) {
    ctx.stderr('kubeaula: in this classroom the control plane is the host "master": run kubeadm init there.\n');
    return 1;
  }
  if (!runPreflight(ctx, 'init', cluster.runtime.apiServerUp, false, ignoreList(flags))) return 1;
  ctx.stdout(text.PULLING);
  // only what `kubeadm config images pull` did not fetch beforehand takes time
  await ctx.sleep(Math.round((PULL_ALL_MS * missingImages(sandbox, ctx.host).length) / CONTROL_PLANE_IMAGES.length));
  const master = sandbox.hosts.master;
  ctx.stdout(text.certsAndManifests(master.hostname, master.ip));
  writeControlPlaneFiles(ctx.hostState.fs, `https://${master.ip}:6443`, staticPodsFor(master.ip, podNetworkCidr), ctx.now());
  writeRootFile(ctx, '/var/lib/kubelet/kubeadm-flags.env', kubeletFlags(external), 0o644);
  writeRootFile(ctx, '/var/lib/kubelet/config.yaml', 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ncgroupDriver: systemd\nclusterDNS:\n- 10.96.0.10\nclusterDomain: cluster.local\n', 0o644);
  ctx.stdout(text.KUBELET_CHECK);
  if (kernelState(ctx.hostState).swap) {
    await ctx.sleep(KUBELET_TIMEOUT_MS);
    const r = text.kubeletNotHealthy('wait-control-plane');
    ctx.stdout(r.out);
    return fail(ctx, r.err.trimEnd());
  }
  await ctx.sleep(1_000);
  ctx.stdout('[kubelet-check] The kubelet is healthy after 1.001730298s\n[api-check] Waiting for a healthy API server. This can take up to 4m0s\n');
  const tok = flags.values.token ?? newToken(cluster);
  cluster.at(ctx.now(), () => initCluster(cluster, { podNetworkCidr, externalCloudProvider: external, token: tok }));
  await ctx.sleep(6_500);
  ctx.stdout('[api-check] The API server is healthy after 6.502416838s\n');
  ctx.stdout(text.afterApiServer(master.hostname, tok));
  ctx.stdout(text.initSuccess(`${master.ip}:6443`, tok, kubeadmSection(cluster)!.caCertHash));
  return 0;
}

function kubeletFlags(external: boolean): string {
  return `KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.10${external ? ' --cloud-provider=external' : ''}"\n`;
}

async function join(sandbox: Sandbox, ctx: CommandContext, flags: Flags): Promise<number> {
  const cluster = sandbox.cluster;
  let endpoint = flags.args[0];
  let tok = flags.values.token ?? flags.values['discovery-token'];
  let hashes = flags.values['discovery-token-ca-cert-hash'] ? [flags.values['discovery-token-ca-cert-hash']] : [];
  let external = false;
  if (flags.values.config) {
    let src: string;
    try {
      src = ctx.fs.readFile(flags.values.config);
    } catch {
      return fail(ctx, `unable to read config from "${flags.values.config}" : open ${flags.values.config}: no such file or directory`);
    }
    const parsed = parseKubeadmConfig(src, flags.values.config);
    if (!parsed.ok) return fail(ctx, parsed.error);
    endpoint = parsed.config.apiServerEndpoint ?? endpoint;
    tok = parsed.config.token ?? tok;
    hashes = parsed.config.caCertHashes ?? hashes;
    external = parsed.config.kubeletExtraArgs['cloud-provider'] === 'external';
  }
  const machine = cluster.runtime.machines[ctx.host];
  if (!runPreflight(ctx, 'join', false, !!machine?.joined, ignoreList(flags))) return 1;
  if (!endpoint || !tok) {
    return fail(ctx, 'error execution phase preflight: discovery: Invalid value: "": bootstrapToken or file must be set');
  }
  const section = kubeadmSection(cluster);
  const master = cluster.runtime.machines.master;
  const host = endpoint.replace(/^https?:\/\//, '');
  if (!section || !cluster.runtime.apiServerUp || host !== `${master.ip}:6443`) {
    await ctx.sleep(DISCOVERY_TIMEOUT_MS);
    return fail(
      ctx,
      `error execution phase preflight: couldn't validate the identity of the API Server: failed to request the cluster-info ConfigMap: Get "https://${host}/api/v1/namespaces/kube-public/configmaps/cluster-info?timeout=10s": dial tcp ${host}: connect: connection refused`,
    );
  }
  const id = tok.split('.')[0];
  if (!bootstrapTokens(cluster).some((t) => t.token === tok)) {
    await ctx.sleep(DISCOVERY_TIMEOUT_MS);
    return fail(ctx, `error execution phase preflight: couldn't validate the identity of the API Server: could not find a JWS signature in the cluster-info ConfigMap for token ID "${id}"`);
  }
  if (hashes.length === 0) {
    return fail(ctx, 'error execution phase preflight: couldn\'t validate the identity of the API Server: discovery.bootstrapToken: Invalid value: "": using token-based discovery without caCertHashes can be unsafe. Set unsafeSkipCAVerification as true in your kubeadm config file or pass --discovery-token-unsafe-skip-ca-verification flag to continue');
  }
  if (!hashes.includes(`sha256:${section.caCertHash}`)) {
    return fail(ctx, `error execution phase preflight: couldn't validate the identity of the API Server: cluster CA found in cluster-info ConfigMap is invalid: none of the public keys "sha256:${section.caCertHash}" are pinned`);
  }
  if (!machine || ctx.host === 'master') {
    ctx.stderr('kubeaula: only the worker hosts of this classroom can join the cluster.\n');
    return 1;
  }
  ctx.stdout(text.JOIN_KUBELET_START);
  writeNodeCa(ctx.hostState.fs, ctx.now());
  writeRootFile(ctx, '/var/lib/kubelet/kubeadm-flags.env', kubeletFlags(external), 0o644);
  ctx.stdout(text.KUBELET_CHECK);
  if (kernelState(ctx.hostState).swap) {
    await ctx.sleep(KUBELET_TIMEOUT_MS);
    const r = text.kubeletNotHealthy('kubelet-start');
    ctx.stdout(r.out);
    return fail(ctx, r.err.trimEnd());
  }
  await ctx.sleep(500);
  ctx.stdout('[kubelet-check] The kubelet is healthy after 501.2247ms\n');
  writeKubeletConf(ctx.hostState.fs, cluster.runtime.apiServerEndpoint, ctx.now());
  cluster.at(ctx.now(), () => joinNode(cluster, ctx.host, external));
  await ctx.sleep(1_500);
  ctx.stdout(text.JOIN_SUCCESS);
  return 0;
}

function shortHuman(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 48 * 3600) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

/** tabwriter(minwidth 10, tabwidth 4, padding 3) */
function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(10, ...rows.map((r) => r[i].length + 3)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('') + '\n').join('');
}

function token(sandbox: Sandbox, ctx: CommandContext, flags: Flags): number {
  const cluster = sandbox.cluster;
  const [verb] = flags.args;
  try {
    ctx.fs.readFile('/etc/kubernetes/admin.conf');
  } catch (e) {
    const why = ctx.fs.exists('/etc/kubernetes/admin.conf') ? 'permission denied' : 'no such file or directory';
    void e;
    return fail(ctx, `failed to load admin kubeconfig: open /etc/kubernetes/admin.conf: ${why}`);
  }
  const section = kubeadmSection(cluster);
  if (!section || !cluster.runtime.apiServerUp) {
    return fail(ctx, `failed to list bootstrap tokens: Get "${cluster.runtime.apiServerEndpoint || 'https://192.168.56.10:6443'}/api/v1/namespaces/kube-system/secrets?fieldSelector=type%3Dbootstrap.kubernetes.io%2Ftoken": dial tcp: connect: connection refused`);
  }
  if (verb === 'create') {
    const tok = flags.args[1] ?? newToken(cluster);
    const ttl = flags.values.ttl === undefined ? TOKEN_TTL_MS : parseGoDuration(flags.values.ttl);
    if (ttl === undefined) return fail(ctx, `invalid argument "${flags.values.ttl}" for "--ttl" flag: time: invalid duration "${flags.values.ttl}"`);
    cluster.at(ctx.now(), () => createBootstrapToken(cluster, tok, undefined, ttl));
    const master = cluster.runtime.machines.master;
    ctx.stdout(flags.bools.has('print-join-command') ? text.joinCommand(`${master.ip}:6443`, tok, section.caCertHash, false) : `${tok}\n`);
    return 0;
  }
  if (verb === 'list') {
    const tokens = bootstrapTokens(cluster);
    if (!tokens.length) return 0;
    const rows = [['TOKEN', 'TTL', 'EXPIRES', 'USAGES', 'DESCRIPTION', 'EXTRA GROUPS']];
    for (const t of tokens) {
      const forever = t.expires === Infinity;
      rows.push([t.token, forever ? '<forever>' : shortHuman(t.expires - ctx.now()), forever ? '<never>' : rfc3339(t.expires), t.usages.join(','), t.description || '<none>', t.groups]);
    }
    ctx.stdout(table(rows));
    return 0;
  }
  if (verb === 'delete') {
    for (const t of flags.args.slice(1)) {
      const id = t.split('.')[0];
      try {
        cluster.at(ctx.now(), () => cluster.api.delete('secrets', 'kube-system', `bootstrap-token-${id}`));
        ctx.stdout(`bootstrap token "${id}" deleted\n`);
      } catch {
        return fail(ctx, `bootstrap token "${id}" not found`);
      }
    }
    return 0;
  }
  return fail(ctx, verb ? `unknown command "${verb}" for "kubeadm token"` : 'missing subcommand; "token" is not meant to be run on its own');
}

function reset(sandbox: Sandbox, ctx: CommandContext, flags: Flags): number {
  const cluster = sandbox.cluster;
  if (ctx.user !== 'root') {
    ctx.stdout('[preflight] Running pre-flight checks\n');
    ctx.stderr(preflightError([NOT_ROOT]));
    return 1;
  }
  const controlPlane = ctx.host === 'master';
  if (controlPlane && cluster.runtime.apiServerUp) {
    ctx.stdout('[reset] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...\n[reset] Use \'kubeadm init phase upload-config --config your-config.yaml\' to re-upload it.\n');
  }
  if (!flags.bools.has('f') && !flags.bools.has('force')) {
    ctx.stderr(text.resetPrompt(ctx.now()));
    const answer = ctx.stdin.split('\n')[0].trim().toLowerCase();
    if (answer !== 'y' && answer !== 'yes') {
      ctx.stderr('\n');
      return fail(ctx, "error execution phase preflight: won't proceed; the user didn't answer (Y|y) in order to continue");
    }
  }
  ctx.stdout(text.resetDone(controlPlane));
  const fs = ctx.hostState.fs;
  for (const p of ['/etc/kubernetes/manifests', '/etc/kubernetes/pki', '/var/lib/kubelet']) {
    if (!fs.exists(p)) continue;
    for (const child of fs.list(p)) fs.remove(`${p}/${child}`, true);
  }
  for (const f of ['admin.conf', 'super-admin.conf', 'kubelet.conf', 'bootstrap-kubelet.conf', 'controller-manager.conf', 'scheduler.conf']) {
    if (fs.exists(`/etc/kubernetes/${f}`)) fs.remove(`/etc/kubernetes/${f}`);
  }
  if (cluster.runtime.machines[ctx.host]) {
    cluster.at(ctx.now(), () => {
      resetNode(cluster, ctx.host);
      if (controlPlane) wipe(sandbox);
    });
  }
  return 0;
}

/** the etcd data directory is emptied: every object of the cluster is gone */
function wipe(sandbox: Sandbox): void {
  const store = sandbox.cluster.store;
  for (const r of store.resources()) for (const o of store.list(r)) store.remove(r, o.metadata.namespace, o.metadata.name!);
}
