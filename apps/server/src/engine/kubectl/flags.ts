// Command-line flags as spf13/pflag parses them (and cobra reports their errors): long and
// shorthand forms, `--x=v`, `--x v`, `-xv`, `-x=v`, combined booleans `-it`, `--` to end flags,
// flags anywhere among the arguments.

export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice' | 'duration';

export interface FlagSpec {
  name: string;
  shorthand?: string;
  type: FlagType;
  default?: string | number | boolean | string[];
  usage?: string;
  /** a bool flag given without a value means this (pflag's NoOptDefVal), e.g. --dry-run=unchanged */
  noOptDefault?: string;
  required?: boolean;
  hidden?: boolean;
  /** pflag's deprecation: setting the flag prints `Flag --<name> has been deprecated, <this>` */
  deprecated?: string;
}

export type FlagValue = string | number | boolean | string[];

export interface ParsedFlags {
  values: Map<string, FlagValue>;
  /** names of flags the user set */
  changed: Set<string>;
  args: string[];
  /** arguments after `--` (cobra's ArgsLenAtDash) */
  dashIndex: number;
  /** every flag as set, in the order given, with the text given (`--record`: 'true') */
  given: [name: string, raw: string][];
}

export class FlagError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlagError';
  }
}

export function parseFlags(argv: string[], specs: FlagSpec[]): ParsedFlags {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.shorthand).map((s) => [s.shorthand!, s]));
  const values = new Map<string, FlagValue>();
  const changed = new Set<string>();
  const given: [string, string][] = [];
  const args: string[] = [];
  let dashIndex = -1;

  const set = (spec: FlagSpec, raw: string, display: string): void => {
    let v: FlagValue;
    switch (spec.type) {
      case 'bool': {
        const b = parseBool(raw);
        if (b === undefined) throw new FlagError(`invalid argument "${raw}" for "${display}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
        v = b;
        break;
      }
      case 'int': {
        if (!/^[-+]?\d+$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${display}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
        v = parseInt(raw, 10);
        break;
      }
      case 'stringArray': {
        const prev = changed.has(spec.name) ? (values.get(spec.name) as string[]) : [];
        v = [...prev, raw];
        break;
      }
      case 'stringSlice': {
        const prev = changed.has(spec.name) ? (values.get(spec.name) as string[]) : [];
        v = [...prev, ...(raw === '' ? [] : splitCsv(raw))];
        break;
      }
      case 'duration': {
        if (parseGoDuration(raw) === undefined) throw new FlagError(`invalid argument "${raw}" for "${display}" flag: ${goDurationError(raw)}`);
        v = raw;
        break;
      }
      default:
        v = raw;
    }
    values.set(spec.name, v);
    changed.add(spec.name);
    given.push([spec.name, raw]);
  };

  const displayName = (s: FlagSpec): string => (s.shorthand ? `-${s.shorthand}, --${s.name}` : `--${s.name}`);

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      dashIndex = args.length;
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) set(spec, a.slice(eq + 1), displayName(spec));
      else if (spec.type === 'bool') set(spec, 'true', displayName(spec));
      else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault, displayName(spec));
      else if (i + 1 < argv.length) set(spec, argv[++i], displayName(spec));
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      const shorts = a.slice(1);
      for (let j = 0; j < shorts.length; j++) {
        const c = shorts[j];
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        const rest = shorts.slice(j + 1);
        if (rest.startsWith('=')) {
          set(spec, rest.slice(1), displayName(spec));
          break;
        }
        if (spec.type === 'bool') {
          set(spec, 'true', displayName(spec));
          continue;
        }
        if (spec.noOptDefault !== undefined && rest === '') {
          set(spec, spec.noOptDefault, displayName(spec));
          break;
        }
        if (rest) set(spec, rest, displayName(spec));
        else if (i + 1 < argv.length) set(spec, argv[++i], displayName(spec));
        else throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
        break;
      }
      continue;
    }
    args.push(a);
  }
  for (const s of specs) if (!values.has(s.name) && s.default !== undefined) values.set(s.name, s.default);
  return { values, changed, args, dashIndex, given };
}

function parseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** pflag's stringSlice reads its value as one CSV record. */
function splitCsv(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') {
      if (quoted && s[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = !quoted;
    } else if (c === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Go's time.ParseDuration, in milliseconds; undefined when malformed. `0` is allowed. */
export function parseGoDuration(s: string): number | undefined {
  if (s === '0') return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gy;
  let total = 0;
  let m: RegExpExecArray | null;
  let pos = 0;
  const sign = s.startsWith('-') ? -1 : 1;
  const body = s.replace(/^[-+]/, '');
  if (!body) return undefined;
  while ((m = re.exec(body))) {
    pos = re.lastIndex;
    const n = parseFloat(m[1]);
    const unit = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 }[m[2]]!;
    total += n * unit;
  }
  if (pos !== body.length) return undefined;
  return sign * total;
}

/** Go's time.ParseDuration error for a malformed duration, in its words. */
export function goDurationError(s: string): string {
  const invalid = `time: invalid duration ${JSON.stringify(s)}`;
  const body = s.replace(/^[-+]/, '');
  if (!body) return invalid;
  // [number][unit] pairs: a number is digits with an optional fraction; a unit runs to the next digit or '.'
  const re = /(\d*)(\.\d*)?([^\d.]*)/y;
  for (let pos = 0; pos < body.length; ) {
    re.lastIndex = pos;
    const m = re.exec(body)!;
    if (!m[1] && (!m[2] || m[2] === '.')) return invalid;
    if (!m[3]) return `time: missing unit in duration ${JSON.stringify(s)}`;
    if (!['ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h'].includes(m[3])) return `time: unknown unit ${JSON.stringify(m[3])} in duration ${JSON.stringify(s)}`;
    pos = re.lastIndex;
  }
  return invalid;
}

export class Flags {
  /**
   * @param readFile reads a file a flag names (`-o go-template-file=F`) on the host kubectl runs
   * on; it throws the file system's FsError
   */
  constructor(
    private readonly parsed: ParsedFlags,
    readonly readFile: (path: string) => string = () => {
      throw new Error('no file system');
    },
  ) {}
  get args(): string[] {
    return this.parsed.args;
  }
  get dashIndex(): number {
    return this.parsed.dashIndex;
  }
  /** the flags set, in order, as given */
  get given(): readonly (readonly [string, string])[] {
    return this.parsed.given;
  }
  changed(name: string): boolean {
    return this.parsed.changed.has(name);
  }
  str(name: string): string {
    const v = this.parsed.values.get(name);
    return v === undefined ? '' : String(v);
  }
  bool(name: string): boolean {
    return this.parsed.values.get(name) === true;
  }
  int(name: string): number {
    const v = this.parsed.values.get(name);
    return typeof v === 'number' ? v : 0;
  }
  list(name: string): string[] {
    const v = this.parsed.values.get(name);
    return Array.isArray(v) ? v : [];
  }
}
