// dd and yes, the two ways a course fills a disk: `dd if=/dev/zero of=/data/f bs=1M count=200` and
// `yes > /data/f`. Data from /dev/zero or /dev/urandom is counted, not kept (FileSystem.fill), so
// gigabytes cost nothing; a full file system ends them as GNU coreutils (Ubuntu hosts, Debian
// images) or BusyBox (busybox and alpine images) end: their own error line and record counts.
// dd's transfer time is simulated (a fixed rate), so its third status line is deterministic.

import type { Builtin, BuiltinContext } from '../command-registry';
import { FsError, WriteError, utf8Length } from '../filesystem';

export type Flavor = 'gnu' | 'busybox';

/** bytes per second a simulated disk takes writes at */
const WRITE_RATE = 1_300_000_000;
/** a dd run's fixed cost in seconds */
const DD_SETUP_S = 0.000052;
/** what `yes` prints to a terminal or a pipe before it is taken as stopped (^C, a closed pipe) */
const YES_SCREEN_BYTES = 64 * 1024;

const GNU_SUFFIXES: Record<string, number> = {
  '': 1, c: 1, w: 2, b: 512, k: 1024, K: 1024, KiB: 1024, kB: 1000, KB: 1000, M: 1024 ** 2, MiB: 1024 ** 2, MB: 1e6, G: 1024 ** 3, GiB: 1024 ** 3, GB: 1e9, T: 1024 ** 4, TB: 1e12,
};
const BUSYBOX_SUFFIXES: Record<string, number> = { '': 1, c: 1, w: 2, b: 512, kD: 1000, k: 1024, K: 1024, MD: 1e6, M: 1024 ** 2, GD: 1e9, G: 1024 ** 3 };

function parseSize(v: string, flavor: Flavor): number | undefined {
  const m = /^(\d+)([A-Za-z]*)$/.exec(v);
  if (!m) return undefined;
  const mult = (flavor === 'gnu' ? GNU_SUFFIXES : BUSYBOX_SUFFIXES)[m[2]];
  return mult === undefined ? undefined : Number(m[1]) * mult;
}

/** coreutils human_readable with autoscale and rounding: `512 B`, `1.0 MB`, `210 MB`, `200 MiB` */
function gnuHuman(n: number, base: 1000 | 1024): string {
  const units = base === 1000 ? ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] : ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = n;
  let u = 0;
  while (v >= base && u < units.length - 1) {
    v /= base;
    u++;
  }
  if (u === 0) return `${Math.round(v)} B`;
  if (v < 10) {
    const r = Math.round(v * 10) / 10;
    if (r < 10) return `${r.toFixed(1)} ${units[u]}`;
    v = r;
  }
  return `${Math.round(v)} ${units[u]}`;
}

/** C's %g: six significant digits, trailing zeros dropped */
function cG(x: number): string {
  if (x === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(x)));
  if (exp < -4 || exp >= 6) {
    const [mant, e] = x.toExponential(5).split('e');
    const m = mant.replace(/\.?0+$/, '');
    const en = Number(e);
    return `${m}e${en < 0 ? '-' : '+'}${String(Math.abs(en)).padStart(2, '0')}`;
  }
  return x.toPrecision(6).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/** BusyBox make_human_readable_str(val, 1, 0): `512`, `200.0M` */
function busyboxHuman(n: number): string {
  let val = Math.floor(n);
  let frac = 0;
  let u = 0;
  const units = ['', 'K', 'M', 'G', 'T', 'P', 'E'];
  while (val >= 1024) {
    u++;
    frac = Math.floor(((val % 1024) * 10 + 512) / 1024);
    val = Math.floor(val / 1024);
  }
  if (frac >= 10) {
    val++;
    frac = 0;
  }
  return u === 0 ? String(val) : `${val}.${frac}${units[u]}`;
}

interface Transfer {
  inFull: number;
  inPart: number;
  outFull: number;
  outPart: number;
  bytes: number;
}

function status(ctx: BuiltinContext, flavor: Flavor, t: Transfer, level: string): void {
  if (level === 'none') return;
  let text = `${t.inFull}+${t.inPart} records in\n${t.outFull}+${t.outPart} records out\n`;
  if (level !== 'noxfer') {
    const secs = DD_SETUP_S + t.bytes / WRITE_RATE;
    if (flavor === 'gnu') {
      const si = gnuHuman(t.bytes, 1000);
      const iec = gnuHuman(t.bytes, 1024);
      // a rate is never shown in plain bytes: below 1 kB/s it reads `0.0 kB/s`
      const bps = t.bytes / secs;
      const rate = `${bps < 1000 ? `${(bps / 1000).toFixed(1)} kB` : gnuHuman(bps, 1000)}/s`;
      const amount = t.bytes < 1000 ? `${t.bytes} ${t.bytes === 1 ? 'byte' : 'bytes'} copied` : t.bytes < 1024 ? `${t.bytes} bytes (${si}) copied` : `${t.bytes} bytes (${si}, ${iec}) copied`;
      text += `${amount}, ${cG(secs)} s, ${rate}\n`;
    } else {
      text += `${t.bytes} bytes (${busyboxHuman(t.bytes)}B) copied, ${secs.toFixed(6)} seconds, ${busyboxHuman(t.bytes / secs)}B/s\n`;
    }
  }
  ctx.stderr(text);
}

function records(bytes: number, bs: number): [number, number] {
  return [Math.floor(bytes / bs), bytes % bs > 0 ? 1 : 0];
}

export function ddCommand(flavor: Flavor): Builtin {
  return (ctx) => {
    const name = 'dd';
    const ops: Record<string, string> = {};
    for (const a of ctx.argv.slice(1)) {
      const eq = a.indexOf('=');
      const key = eq < 0 ? a : a.slice(0, eq);
      if (eq < 0 || !['if', 'of', 'bs', 'ibs', 'obs', 'count', 'skip', 'seek', 'status', 'conv', 'iflag', 'oflag'].includes(key)) {
        ctx.stderr(flavor === 'gnu' ? `${name}: unrecognized operand '${a}'\nTry 'dd --help' for more information.\n` : `dd: invalid argument '${a}'\n`);
        return 1;
      }
      ops[key] = a.slice(eq + 1);
    }
    const size = (key: string, dflt: number): number | string => {
      if (ops[key] === undefined) return dflt;
      const v = parseSize(ops[key], flavor);
      if (v === undefined || (v === 0 && key !== 'count' && key !== 'skip' && key !== 'seek')) return flavor === 'gnu' ? `${name}: invalid number: '${ops[key]}'\n` : `dd: invalid number '${ops[key]}'\n`;
      return v;
    };
    const bsV = size('bs', ops.ibs !== undefined ? Number(size('ibs', 512)) : 512);
    const countV = ops.count === undefined ? Number.POSITIVE_INFINITY : size('count', 0);
    for (const v of [bsV, countV]) {
      if (typeof v === 'string') {
        ctx.stderr(v);
        return 1;
      }
    }
    const bs = bsV as number;
    const count = countV as number;
    const level = ops.status ?? '';
    // the input: a device that never ends, or text
    const device = ops.if === '/dev/zero' || ops.if === '/dev/urandom' || ops.if === '/dev/random' || ops.if === '/dev/full';
    let text: string | undefined;
    if (!device) {
      if (ops.if === undefined) text = ctx.stdin;
      else {
        try {
          text = ctx.fs.readFile(ops.if);
        } catch (e) {
          if (!(e instanceof FsError)) throw e;
          ctx.stderr(flavor === 'gnu' ? `${name}: failed to open '${ops.if}': ${e.message}\n` : `dd: can't open '${ops.if}': ${e.message}\n`);
          return 1;
        }
      }
      if (count !== Number.POSITIVE_INFINITY) text = text.slice(0, count * bs);
    }
    const wanted = device ? count * bs : utf8Length(text!);
    const target = ops.of ?? ctx.io.outFile;
    const append = ops.of === undefined || /notrunc/.test(ops.conv ?? '') || ops.seek !== undefined;
    let written: number;
    let full = false;
    if (target !== undefined) {
      try {
        if (device) written = ctx.fs.fill(target, '\0', wanted, append);
        else {
          try {
            ctx.fs.writeFile(target, text!, append);
            written = wanted;
          } catch (e) {
            if (!(e instanceof FsError) || e.code !== 'ENOSPC') throw e;
            written = ctx.fs.stat(target)?.size ?? utf8Length(ctx.fs.readFile(target));
          }
        }
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        ctx.stderr(flavor === 'gnu' ? `${name}: failed to open '${target}': ${e.message}\n` : `dd: can't open '${target}': ${e.message}\n`);
        return 1;
      }
      full = written < wanted;
    } else {
      // to a terminal or a pipe: what a reader would take of an endless device
      const n = Math.min(wanted, YES_SCREEN_BYTES * 16);
      ctx.stdout(device ? '\0'.repeat(n) : text!);
      written = device ? n : wanted;
    }
    if (!full) {
      const [inFull, inPart] = records(written, bs);
      status(ctx, flavor, { inFull, inPart, outFull: inFull, outPart: inPart, bytes: written }, level);
      return 0;
    }
    // the block that did not fit was read; a short write of it counts as a partial record in GNU dd
    const outFull = Math.floor(written / bs);
    const short = written % bs;
    const readBytes = Math.min(wanted, (outFull + 1) * bs);
    const [inFull, inPart] = records(readBytes, bs);
    if (flavor === 'gnu') {
      ctx.stderr(`${name}: error writing '${target}': No space left on device\n`);
      status(ctx, flavor, { inFull, inPart, outFull, outPart: short ? 1 : 0, bytes: written }, level);
    } else {
      // BusyBox warns only when a write fails outright; a short write ends it silently
      if (!short) ctx.stderr(`dd: writing '${target}': No space left on device\n`);
      status(ctx, flavor, { inFull, inPart, outFull, outPart: 0, bytes: written }, level);
    }
    return 1;
  };
}

export function yesCommand(flavor: Flavor): Builtin {
  return (ctx) => {
    const unit = `${ctx.argv.length > 1 ? ctx.argv.slice(1).join(' ') : 'y'}\n`;
    const file = ctx.io.outFile;
    if (file !== undefined) {
      // endless: it writes until the file system is full
      try {
        ctx.fs.fill(file, unit, Number.POSITIVE_INFINITY, true);
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
      }
      ctx.stderr(flavor === 'gnu' ? 'yes: standard output: No space left on device\n' : 'yes: No space left on device\n');
      return 1;
    }
    try {
      ctx.stdout(unit.repeat(Math.ceil(YES_SCREEN_BYTES / unit.length)));
    } catch (e) {
      if (!(e instanceof WriteError)) throw e;
      ctx.stderr(flavor === 'gnu' ? `yes: standard output: ${e.message}\n` : `yes: ${e.message}\n`);
      return 1;
    }
    return 0;
  };
}

export const DD_UTILS = { dd: ddCommand('gnu'), yes: yesCommand('gnu') };
