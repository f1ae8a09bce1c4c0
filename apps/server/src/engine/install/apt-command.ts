// apt-get, apt, apt-mark, apt-key and add-apt-repository on a simulated host, for the packages a
// Kubernetes installation needs. No network is used: the repositories are known by address.

import type { CommandContext, ExternalCommand } from '../shell/types';
import { AptState, KUBE_PACKAGES, UBUNTU_PACKAGES, aptState, bareAptState } from './host-packages';
import { LEGACY_MIRROR, PKGS_CDN, PKGS_KEY_ID, aptSize, kubeSources } from './apt-sources';

const UBUNTU_MIRROR = 'http://archive.ubuntu.com/ubuntu';
const STABLE_CLI = '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n';
export const LEGACY_NOTE =
  'kubeaula: note: apt.kubernetes.io (packages.cloud.google.com) was shut down in 2024; on a real host this repository fails. ' +
  "Today's repository is https://pkgs.k8s.io/core:/stable:/v1.32/deb/ (signed-by /etc/apt/keyrings/kubernetes-apt-keyring.gpg).\n";

interface Out {
  out(text: string): void;
  err(text: string): void;
}

function state(ctx: CommandContext): AptState {
  return (aptState(ctx.hostState) ?? (ctx.hostState.services.apt = installedEverything())) as AptState;
}

/** a host of a cluster installed beforehand: the Kubernetes packages are there and held */
function installedEverything(): AptState {
  const st = bareAptState();
  for (const name of ['conntrack', 'cri-tools', 'kubernetes-cni', 'kubeadm', 'kubectl', 'kubelet']) st.installed[name] = (KUBE_PACKAGES[name] ?? UBUNTU_PACKAGES[name]).version;
  st.held = ['kubeadm', 'kubectl', 'kubelet'];
  st.lists = ['pkgs'];
  return st;
}

function reading(ctx: CommandContext, o: Out, full: boolean): void {
  const done = ctx.isTTY ? ' Done' : '';
  o.out(`Reading package lists...${done}\n`);
  if (full) o.out(`Building dependency tree...${done}\nReading state information...${done}\n`);
}

/** apt update / apt-get update */
function update(ctx: CommandContext, o: Out, friendly: boolean): number {
  if (ctx.user !== 'root') {
    o.out(`Reading package lists...${ctx.isTTY ? ' Done' : ''}\n`);
    o.err('E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n');
    o.err('W: Problem unlinking the file /var/cache/apt/pkgcache.bin - RemoveCaches (13: Permission denied)\nW: Problem unlinking the file /var/cache/apt/srcpkgcache.bin - RemoveCaches (13: Permission denied)\n');
    return 100;
  }
  const st = state(ctx);
  const lines = [`${UBUNTU_MIRROR} noble InRelease`, `${UBUNTU_MIRROR} noble-updates InRelease`, `${UBUNTU_MIRROR} noble-backports InRelease`, 'http://security.ubuntu.com/ubuntu noble-security InRelease'];
  lines.forEach((l, i) => o.out(`Hit:${i + 1} ${l}\n`));
  let n = lines.length;
  let fetched = 0;
  const lists: AptState['lists'] = [];
  const tail: string[] = [];
  let unsigned = false;
  for (const src of kubeSources(ctx.fs)) {
    if (src.kind === 'pkgs') {
      if (!src.signed) {
        o.out(`Get:${++n} ${PKGS_CDN}  InRelease [1186 B]\n`);
        o.out(`Err:${n} ${PKGS_CDN}  InRelease\n  The following signatures couldn't be verified because the public key is not available: NO_PUBKEY ${PKGS_KEY_ID}\n`);
        tail.push(
          `W: GPG error: ${PKGS_CDN}  InRelease: The following signatures couldn't be verified because the public key is not available: NO_PUBKEY ${PKGS_KEY_ID}\n`,
          `E: The repository '${src.url.replace(/\/?$/, '')}  InRelease' is not signed.\n`,
          "N: Updating from such a repository can't be done securely, and is therefore disabled by default.\n",
          'N: See apt-secure(8) manpage for repository creation and user configuration details.\n',
        );
        unsigned = true;
        continue;
      }
      if (st.lists.includes('pkgs')) o.out(`Hit:${++n} ${PKGS_CDN}  InRelease\n`);
      else {
        o.out(`Get:${++n} ${PKGS_CDN}  InRelease [1186 B]\n`);
        o.out(`Get:${++n} ${PKGS_CDN}  Packages [4865 B]\n`);
        fetched += 1186 + 4865;
      }
      lists.push('pkgs');
    } else {
      ctx.stderr(LEGACY_NOTE);
      if (st.lists.includes('legacy')) o.out(`Hit:${++n} ${LEGACY_MIRROR} kubernetes-xenial InRelease\n`);
      else {
        o.out(`Get:${++n} ${LEGACY_MIRROR} kubernetes-xenial InRelease [8993 B]\n`);
        o.out(`Get:${++n} ${LEGACY_MIRROR} kubernetes-xenial/main amd64 Packages [69.9 kB]\n`);
        fetched += 8993 + 69_900;
      }
      lists.push('legacy');
    }
  }
  if (fetched) o.out(`Fetched ${aptSize(fetched)} in 1s (${aptSize(fetched)}/s)\n`);
  st.lists = lists;
  reading(ctx, o, friendly);
  if (friendly && !unsigned) o.out('All packages are up to date.\n');
  for (const l of tail) o.err(l);
  return unsigned ? 100 : 0;
}

interface Candidate {
  name: string;
  version: string;
  size: number;
  installedKb: number;
  origin: string;
}

function candidate(st: AptState, name: string): Candidate | undefined {
  const kube = KUBE_PACKAGES[name];
  if (kube) {
    if (st.lists.includes('pkgs')) return { name, ...kube, origin: `${PKGS_CDN}  ${name}` };
    if (st.lists.includes('legacy')) return { name, ...kube, origin: `${LEGACY_MIRROR} kubernetes-xenial/main amd64 ${name} amd64` };
    return undefined;
  }
  const ub = UBUNTU_PACKAGES[name];
  return ub ? { name, ...ub, origin: `${UBUNTU_MIRROR} noble/main amd64 ${name} amd64` } : undefined;
}

function wrapList(names: string[]): string {
  const lines: string[] = [];
  let cur = ' ';
  for (const n of names) {
    if (cur.length + n.length + 1 > 80) {
      lines.push(cur);
      cur = ' ';
    }
    cur += ` ${n}`;
  }
  lines.push(cur);
  return `${lines.join('\n')}\n`;
}

/** apt install / apt-get install */
function install(ctx: CommandContext, o: Out, args: string[], friendly: boolean): number {
  const assumeYes = args.some((a) => a === '-y' || a === '--yes' || a === '--assume-yes' || /^-\w*y/.test(a));
  const names = args.filter((a) => !a.startsWith('-')).map((a) => a.split('=')[0]);
  if (ctx.user !== 'root') {
    o.err('E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n');
    return 100;
  }
  const st = state(ctx);
  reading(ctx, o, true);
  const want: Candidate[] = [];
  for (const name of names) {
    const c = candidate(st, name);
    if (!c) {
      o.err(`E: Unable to locate package ${name}\n`);
      return 100;
    }
    if (st.installed[name]) o.out(`${name} is already the newest version (${st.installed[name]}).\n`);
    else if (!want.some((w) => w.name === name)) want.push(c);
  }
  const extra: Candidate[] = [];
  for (const w of want) {
    for (const dep of KUBE_PACKAGES[w.name]?.depends ?? []) {
      if (st.installed[dep] || want.some((x) => x.name === dep) || extra.some((x) => x.name === dep)) continue;
      extra.push(candidate(st, dep)!);
    }
  }
  const all = [...want, ...extra].sort((a, b) => a.name.localeCompare(b.name));
  if (all.length === 0) {
    o.out('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
    return 0;
  }
  if (extra.length) o.out(`The following additional packages will be installed:\n${wrapList(extra.map((e) => e.name).sort())}`);
  o.out(`The following NEW packages will be installed:\n${wrapList(all.map((e) => e.name))}`);
  o.out(`0 upgraded, ${all.length} newly installed, 0 to remove and 0 not upgraded.\n`);
  const bytes = all.reduce((s, c) => s + c.size, 0);
  o.out(`Need to get ${aptSize(bytes)} of archives.\n`);
  o.out(`After this operation, ${aptSize(all.reduce((s, c) => s + c.installedKb * 1024, 0))} of additional disk space will be used.\n`);
  // the terminal cannot answer apt's question: the simulation answers yes for the student
  if (extra.length && !assumeYes) o.out('Do you want to continue? [Y/n] Y\n');
  all.forEach((c, i) => o.out(`Get:${i + 1} ${c.origin} ${c.version} [${aptSize(c.size)}]\n`));
  o.out(`Fetched ${aptSize(bytes)} in 2s (${aptSize(bytes / 2)}/s)\n`);
  let files = 74_412;
  all.forEach((c, i) => {
    o.out(`Selecting previously unselected package ${c.name}.\n`);
    if (i === 0) o.out(`(Reading database ... ${files} files and directories currently installed.)\n`);
    o.out(`Preparing to unpack .../${all.length > 1 ? `${i}-` : ''}${c.name}_${c.version.replace(':', '%3a')}_amd64.deb ...\nUnpacking ${c.name} (${c.version}) ...\n`);
    files += 40;
  });
  // dependencies are configured before what depends on them
  const order = [...all].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
  for (const c of order) {
    o.out(`Setting up ${c.name} (${c.version}) ...\n`);
    st.installed[c.name] = c.version;
  }
  o.out('Processing triggers for man-db (2.12.0-4build2) ...\n');
  void friendly;
  return 0;
}

function rank(name: string): number {
  return KUBE_PACKAGES[name]?.depends.length ?? 0;
}

/** apt-get / apt */
export function aptCommand(friendly: boolean): ExternalCommand {
  return (ctx) => {
    const o: Out = { out: ctx.stdout, err: ctx.stderr };
    const args = ctx.argv.slice(1);
    const verb = args.find((a) => !a.startsWith('-'));
    if (friendly && !ctx.isTTY && verb) ctx.stderr(STABLE_CLI);
    const rest = args.filter((a) => a !== verb);
    switch (verb) {
      case 'update':
        return update(ctx, o, friendly);
      case 'install':
        return install(ctx, o, rest, friendly);
      case undefined:
        ctx.stdout(friendly ? 'apt 2.7.14 (amd64)\nUsage: apt [options] command\n' : 'apt 2.7.14 (amd64)\nUsage: apt-get [options] command\n');
        return friendly ? 1 : 0;
      default:
        ctx.stderr(`E: Invalid operation ${verb}\n`);
        return 100;
    }
  };
}

export const aptMarkCommand: ExternalCommand = (ctx) => {
  const [verb, ...names] = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const st = state(ctx);
  if (verb === 'showhold') {
    for (const n of [...st.held].sort()) ctx.stdout(`${n}\n`);
    return 0;
  }
  if (verb !== 'hold' && verb !== 'unhold') {
    ctx.stderr(verb ? `E: Invalid operation ${verb}\n` : 'apt 2.7.14 (amd64)\nUsage: apt-mark [options] {auto|manual} pkg1 [pkg2 ...]\n');
    return 100;
  }
  if (names.length === 0) {
    ctx.stderr('E: No packages found\n');
    return 100;
  }
  for (const n of names) {
    if (!st.installed[n] && !KUBE_PACKAGES[n] && !UBUNTU_PACKAGES[n]) {
      ctx.stderr(`E: Unable to locate package ${n}\n`);
      return 100;
    }
  }
  if (ctx.user !== 'root') {
    ctx.stderr('E: Could not create temporary file for /var/lib/apt/extended_states - mkstemp (13: Permission denied)\nE: Failed to write temporary StateFile /var/lib/apt/extended_states\n');
    return 100;
  }
  for (const n of names) {
    const held = st.held.includes(n);
    if (verb === 'hold') {
      ctx.stdout(held ? `${n} was already set on hold.\n` : `${n} set on hold.\n`);
      if (!held) st.held.push(n);
    } else {
      ctx.stdout(held ? `Canceled hold on ${n}.\n` : `${n} was already not on hold.\n`);
      st.held = st.held.filter((h) => h !== n);
    }
  }
  return 0;
};

export const aptKeyCommand: ExternalCommand = (ctx) => {
  const args = ctx.argv.slice(1);
  if (ctx.user !== 'root') {
    ctx.stderr('ERROR: This command can only be used by root.\n');
    return 1;
  }
  ctx.stderr('Warning: apt-key is deprecated. Manage keyring files in trusted.gpg.d instead (see apt-key(8)).\n');
  if (args[0] === 'add') {
    const text = args[1] === '-' ? ctx.stdin : '';
    if (!text.includes('PGP PUBLIC KEY BLOCK') && !text.startsWith('\u0099')) {
      ctx.stderr('gpg: no valid OpenPGP data found.\n');
      return 2;
    }
    state(ctx).legacyKey = true;
    ctx.stdout('OK\n');
    return 0;
  }
  if (args[0] === 'list') return 0;
  ctx.stderr(`E: Invalid operation ${args[0] ?? ''}\n`);
  return 1;
};

/** add-apt-repository (apt-add-repository) with a one-line `deb ...` source */
export const addAptRepositoryCommand: ExternalCommand = (ctx) => {
  const args = ctx.argv.slice(1);
  const line = args.find((a) => !a.startsWith('-'));
  if (ctx.user !== 'root') {
    ctx.stderr('Error: must run as root\n');
    return 1;
  }
  if (!line) {
    ctx.stderr(`usage: ${ctx.argv[0]} [options] repository\n`);
    return 2;
  }
  const m = /^deb\s+(\S+)\s+(\S+)\s*(.*)$/.exec(line.trim());
  if (!m) {
    ctx.stderr(`ERROR: '${line}' is not a valid repository line\n`);
    return 1;
  }
  const [, uri, suite, components] = m;
  const host = uri.replace(/^\w+:\/\//, '').replace(/\/$/, '');
  const file = `/etc/apt/sources.list.d/archive_uri-${uri.split(':')[0]}_${host.replace(/[./]/g, '_')}_-noble.list`;
  ctx.stdout(`Repository: '${line.trim()}'\nDescription:\nArchive for codename: ${suite} components: ${components}\nMore info: ${uri}\nAdding repository.\n`);
  if (!args.includes('-y') && !args.includes('--yes')) ctx.stdout('Press [ENTER] to continue or Ctrl-c to cancel.\n');
  ctx.stdout(`Adding deb entry to ${file}\nAdding disabled deb-src entry to ${file}\n`);
  ctx.fs.writeFile(file, `deb ${uri} ${suite} ${components}\n# deb-src ${uri} ${suite} ${components}\n`);
  return update(ctx, { out: ctx.stdout, err: ctx.stderr }, false);
};
