// The kernel knobs a kubeadm install touches: swap, modules, sysctl; plus free and df. Their
// state lives in `HostState.services.kernel`, where kubeadm's preflight checks can read it.

import type { Builtin, Registry } from '../command-registry';
import type { HostState } from '../types';

export interface KernelState {
  /** swap is on (kubeadm's preflight refuses it) */
  swap: boolean;
  /** loaded modules (modprobe) */
  modules: string[];
  /** live sysctl values */
  sysctl: Record<string, string>;
}

const BASE_SYSCTL: Record<string, string> = {
  'kernel.hostname': '',
  'net.ipv4.ip_forward': '0',
  'net.ipv6.conf.all.forwarding': '0',
  'vm.swappiness': '60',
  'fs.inotify.max_user_watches': '65536',
};

/** keys that exist only while a module is loaded */
const MODULE_SYSCTL: Record<string, Record<string, string>> = {
  br_netfilter: { 'net.bridge.bridge-nf-call-iptables': '1', 'net.bridge.bridge-nf-call-ip6tables': '1', 'net.bridge.bridge-nf-call-arptables': '1' },
};

const SWAP_KB = 2097148;
const MEM_KB = { total: 4005032, used: 893420, free: 2271388, shared: 1212, cache: 1085652, available: 3111612 };

/** the host's kernel state, created with Ubuntu's defaults on first use */
export function kernelState(host: HostState): KernelState {
  const existing = host.services.kernel as KernelState | undefined;
  if (existing) return existing;
  const fresh: KernelState = { swap: false, modules: [], sysctl: { ...BASE_SYSCTL, 'kernel.hostname': host.hostname } };
  host.services.kernel = fresh;
  return fresh;
}

function sysctlValue(k: KernelState, key: string): string | undefined {
  if (Object.hasOwn(k.sysctl, key)) return k.sysctl[key];
  for (const m of k.modules) if (MODULE_SYSCTL[m] && Object.hasOwn(MODULE_SYSCTL[m], key)) return MODULE_SYSCTL[m][key];
  return undefined;
}

function sysctlExists(k: KernelState, key: string): boolean {
  return sysctlValue(k, key) !== undefined;
}

/** swapoff/swapon -a on the host's one swap file (/swap.img, as Ubuntu's installer makes) */
const swapoff: Builtin = (ctx) => {
  const k = kernelState(ctx.hostState);
  const on = ctx.argv[0] === 'swapon';
  if (on && ctx.argv.includes('--show')) {
    // util-linux's table for Ubuntu's 2 GiB swap file; nothing when swap is off
    if (k.swap) ctx.stdout('NAME      TYPE SIZE USED PRIO\n/swap.img file   2G   0B   -2\n');
    return 0;
  }
  if (k.swap === on) return 0;
  if (ctx.user !== 'root') {
    ctx.stderr(`${ctx.argv[0]}: /swap.img: ${ctx.argv[0]} failed: Operation not permitted\n`);
    return 4;
  }
  k.swap = on;
  return 0;
};

const modprobe: Builtin = (ctx) => {
  const names = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (names.length === 0) {
    ctx.stderr('modprobe: ERROR: missing parameters. See -h.\n');
    return 1;
  }
  if (ctx.user !== 'root') {
    ctx.stderr(`modprobe: ERROR: could not insert '${names[0]}': Operation not permitted\n`);
    return 1;
  }
  const k = kernelState(ctx.hostState);
  const remove = ctx.argv.includes('-r');
  for (const n of names) {
    const name = n.replace(/-/g, '_');
    if (remove) k.modules = k.modules.filter((m) => m !== name);
    else if (!k.modules.includes(name)) k.modules.push(name);
  }
  return 0;
};

const lsmod: Builtin = (ctx) => {
  const k = kernelState(ctx.hostState);
  ctx.stdout(`Module                  Size  Used by\n${k.modules.map((m) => `${m.padEnd(24)}${'32768'.padStart(6)}  0\n`).join('')}`);
  return 0;
};

/** `key = value` lines from sysctl.conf-style text */
function confEntries(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    out.push([line.slice(0, eq).trim().replace(/\//g, '.'), line.slice(eq + 1).trim()]);
  }
  return out;
}

const sysctl: Builtin = (ctx) => {
  const k = kernelState(ctx.hostState);
  const args = ctx.argv.slice(1);
  let status = 0;
  const set = (key: string, value: string): void => {
    if (!sysctlExists(k, key)) {
      ctx.stderr(`sysctl: cannot stat /proc/sys/${key.replace(/\./g, '/')}: No such file or directory\n`);
      status = 1;
      return;
    }
    if (ctx.user !== 'root') {
      ctx.stderr(`sysctl: permission denied on key "${key}"\n`);
      status = 1;
      return;
    }
    k.sysctl[key] = value;
    ctx.stdout(`${key} = ${value}\n`);
  };
  const applyFile = (path: string): void => {
    let text: string;
    try {
      text = ctx.fs.readFile(path);
    } catch {
      ctx.stderr(`sysctl: cannot open "${path}": No such file or directory\n`);
      status = 1;
      return;
    }
    for (const [key, value] of confEntries(text)) set(key, value);
  };
  if (args[0] === '--system') {
    const files: string[] = [];
    for (const dir of ['/etc/sysctl.d', '/usr/lib/sysctl.d']) {
      try {
        for (const f of ctx.fs.readDir(dir)) if (f.endsWith('.conf')) files.push(`${dir}/${f}`);
      } catch {
        /* no such directory */
      }
    }
    if (ctx.fs.exists('/etc/sysctl.conf')) files.push('/etc/sysctl.conf');
    for (const f of files) {
      ctx.stdout(`* Applying ${f} ...\n`);
      applyFile(f);
    }
    return status;
  }
  if (args[0] === '-p' || args[0] === '--load') {
    applyFile(args[1] ?? '/etc/sysctl.conf');
    return status;
  }
  if (args[0] === '-a' || args[0] === '--all' || args.length === 0) {
    const keys = new Set([...Object.keys(k.sysctl), ...k.modules.flatMap((m) => Object.keys(MODULE_SYSCTL[m] ?? {}))]);
    for (const key of [...keys].sort()) ctx.stdout(`${key} = ${sysctlValue(k, key)}\n`);
    return 0;
  }
  const quiet = args.includes('-n');
  for (const a of args.filter((x) => x !== '-w' && x !== '-n' && x !== '-q')) {
    const eq = a.indexOf('=');
    if (eq >= 0) {
      set(a.slice(0, eq), a.slice(eq + 1));
      continue;
    }
    const v = sysctlValue(k, a.replace(/\//g, '.'));
    if (v === undefined) {
      ctx.stderr(`sysctl: cannot stat /proc/sys/${a.replace(/\./g, '/')}: No such file or directory\n`);
      status = 1;
    } else ctx.stdout(quiet ? `${v}\n` : `${a} = ${v}\n`);
  }
  return status;
};

const free: Builtin = (ctx) => {
  const human = ctx.argv.some((a) => /^-\w*h/.test(a) || a === '--human');
  const swap = kernelState(ctx.hostState).swap ? SWAP_KB : 0;
  // procps -h: one decimal under 10, truncated above
  const fmt = (kb: number): string => {
    if (!human) return String(kb);
    if (kb === 0) return '0B';
    let v = kb;
    let unit = 0;
    while (v >= 1024 && unit < 3) {
      v /= 1024;
      unit++;
    }
    const num = v < 10 ? (Math.floor(v * 10) / 10).toFixed(1) : String(Math.floor(v));
    return `${num}${['Ki', 'Mi', 'Gi', 'Ti'][unit]}`;
  };
  // procps: the label, then columns of 12 right-aligned under the header
  const row = (label: string, cells: number[]): string => `${label.padEnd(8)}${cells.map((c) => fmt(c).padStart(12)).join('')}\n`;
  ctx.stdout(`${' '.repeat(15)}total        used        free      shared  buff/cache   available\n`);
  ctx.stdout(row('Mem:', [MEM_KB.total, MEM_KB.used, MEM_KB.free, MEM_KB.shared, MEM_KB.cache, MEM_KB.available]));
  ctx.stdout(row('Swap:', [swap, 0, swap]));
  return 0;
};

const df: Builtin = (ctx) => {
  const human = ctx.argv.some((a) => /^-\w*h/.test(a));
  ctx.stdout(
    human
      ? 'Filesystem      Size  Used Avail Use% Mounted on\n/dev/root        29G  6.1G   23G  22% /\ntmpfs           2.0G     0  2.0G   0% /dev/shm\n/dev/sda15      105M  6.1M   99M   6% /boot/efi\n'
      : 'Filesystem     1K-blocks    Used Available Use% Mounted on\n/dev/root       30298176 6345812  23935980  22% /\ntmpfs            2002516       0   2002516   0% /dev/shm\n/dev/sda15        106858    6186    100673   6% /boot/efi\n',
  );
  return 0;
};

export const KERNEL_UTILS: Registry = { swapoff, swapon: swapoff, modprobe, lsmod, sysctl, free, df };
