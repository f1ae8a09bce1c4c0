// kompose's command line as cobra and pflag read it: global flags anywhere, `--flag value`,
// `--flag=value`, `-f value`, `-fvalue`, `-f=value`, grouped boolean shorthands (`-jv`),
// booleans with an optional `=false`, repeatable string arrays; pflag's error messages, its
// deprecation notices, and its flag table (FlagUsages) for the usage texts.

export interface FlagDef {
  name: string;
  short?: string;
  type: 'bool' | 'string' | 'int' | 'stringArray';
  usage: string;
  /** the default as pflag prints it (DefValue); omitted = the zero value */
  def?: string;
  /** MarkHidden: parsed, but left out of the usage text */
  hidden?: boolean;
  /** MarkDeprecated's message (a deprecated flag is hidden too) */
  deprecated?: string;
  /** MarkShorthandDeprecated's message */
  shorthandDeprecated?: string;
}

export interface ParsedFlags {
  values: Record<string, string | boolean | number | string[]>;
  changed: Set<string>;
  args: string[];
  /** deprecation notices, printed on stderr once the command line parsed */
  notices: string[];
}

export class FlagError extends Error {}

const TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const FALSE = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

/** Go's strconv.ParseInt(s, 0, 64) (base prefixes 0x, 0o, 0b, a leading 0 for octal, `_` separators) */
export function parseGoInt(s: string): number {
  const bad = (why: string) => new FlagError(`strconv.ParseInt: parsing ${JSON.stringify(s)}: ${why}`);
  const m = /^([+-]?)(.*)$/.exec(s)!;
  let body = m[2];
  let radix = 10;
  // after a base prefix (or the leading 0 of octal) an underscore may come first; elsewhere it separates digits
  let leading = true;
  if (/^0[xX]/.test(body)) [radix, body] = [16, body.slice(2)];
  else if (/^0[oO]/.test(body)) [radix, body] = [8, body.slice(2)];
  else if (/^0[bB]/.test(body)) [radix, body] = [2, body.slice(2)];
  else if (/^0./.test(body)) [radix, body] = [8, body.slice(1)];
  else leading = false;
  const digits = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[radix]!;
  if ((leading ? /^_?[^_]+(_[^_]+)*$/ : /^[^_]+(_[^_]+)*$/).test(body)) body = body.replace(/_/g, '');
  if (!digits.test(body)) throw bad('invalid syntax');
  const n = BigInt(m[1] === '-' ? -1 : 1) * [...body].reduce((acc, d) => acc * BigInt(radix) + BigInt(parseInt(d, 16)), 0n);
  if (n > 9223372036854775807n || n < -9223372036854775808n) throw bad('value out of range');
  return Number(n);
}

/** pflag's (*FlagSet).Parse with cobra's settings (ContinueOnError, interspersed arguments) */
export function parseFlags(argv: string[], defs: FlagDef[]): ParsedFlags {
  const out: ParsedFlags = { values: {}, changed: new Set(), args: [], notices: [] };
  const byName = new Map(defs.map((d) => [d.name, d]));
  const byShort = new Map(defs.filter((d) => d.short).map((d) => [d.short!, d]));
  const set = (d: FlagDef, value: string): void => {
    const shown = d.short && !d.shorthandDeprecated ? `-${d.short}, --${d.name}` : `--${d.name}`;
    const invalid = (why: string) => new FlagError(`invalid argument ${JSON.stringify(value)} for ${JSON.stringify(shown)} flag: ${why}`);
    if (d.type === 'bool') {
      if (!TRUE.includes(value) && !FALSE.includes(value)) throw invalid(`strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`);
      out.values[d.name] = TRUE.includes(value);
    } else if (d.type === 'int') {
      try {
        out.values[d.name] = parseGoInt(value);
      } catch (e) {
        throw invalid((e as Error).message);
      }
    } else if (d.type === 'stringArray') {
      out.values[d.name] = [...((out.values[d.name] as string[] | undefined) ?? []), value];
    } else out.values[d.name] = value;
    out.changed.add(d.name);
    if (d.deprecated) out.notices.push(`Flag --${d.name} has been deprecated, ${d.deprecated}\n`);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const name = a.slice(2);
      if (!name || name.startsWith('-') || name.startsWith('=')) throw new FlagError(`bad flag syntax: ${a}`);
      const eq = name.indexOf('=');
      const key = eq < 0 ? name : name.slice(0, eq);
      const d = byName.get(key);
      if (!d) throw new FlagError(`unknown flag: --${key}`);
      let value: string;
      if (eq >= 0) value = name.slice(eq + 1);
      else if (d.type === 'bool') value = 'true';
      else if (i + 1 < argv.length) value = argv[++i];
      else throw new FlagError(`flag needs an argument: ${a}`);
      set(d, value);
    } else if (a.startsWith('-') && a.length > 1) {
      let shorts = a.slice(1);
      while (shorts.length) {
        const c = shorts[0];
        const d = byShort.get(c);
        if (!d) throw new FlagError(`unknown shorthand flag: '${c}' in -${shorts}`);
        let value: string;
        let rest = shorts.slice(1);
        if (shorts.length > 2 && shorts[1] === '=') [value, rest] = [shorts.slice(2), ''];
        else if (d.type === 'bool') value = 'true';
        else if (shorts.length > 1) [value, rest] = [shorts.slice(1), ''];
        else if (i + 1 < argv.length) value = argv[++i];
        else throw new FlagError(`flag needs an argument: '${c}' in -${shorts}`);
        if (d.shorthandDeprecated) out.notices.push(`Flag shorthand -${c} has been deprecated, ${d.shorthandDeprecated}\n`);
        set(d, value);
        shorts = rest;
      }
    } else out.args.push(a);
  }
  return out;
}

function takesValue(arg: string, defs: FlagDef[]): boolean {
  if (arg.includes('=')) return false;
  if (arg.startsWith('--')) return defs.find((d) => d.name === arg.slice(2))?.type !== 'bool';
  return arg.length === 2 && defs.find((d) => d.short === arg[1])?.type !== 'bool';
}

/** cobra's stripFlags: the words that are neither flags nor (as far as `defs` tell) their values */
export function stripFlags(argv: string[], defs: FlagDef[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (a.startsWith('-') && takesValue(a, defs)) {
      if (i + 1 >= argv.length - 1) break;
      i++;
    } else if (a !== '' && !a.startsWith('-')) words.push(a);
  }
  return words;
}

/** cobra's argsMinusFirstX: argv without the first `word` that is not a flag's value */
export function argsMinusFirst(argv: string[], word: string, defs: FlagDef[]): string[] {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (a.startsWith('-') && takesValue(a, defs)) i++;
    else if (!a.startsWith('-') && a === word) return [...argv.slice(0, i), ...argv.slice(i + 1)];
  }
  return argv;
}

/** pflag's UnquoteUsage: the first `name` in back quotes names the value, else its type does */
function unquoteUsage(d: FlagDef): { name: string; usage: string } {
  const m = /^([^`]*)`([^`]*)`([\s\S]*)$/.exec(d.usage);
  if (m) return { name: m[2], usage: m[1] + m[2] + m[3] };
  return { name: d.type === 'bool' ? '' : d.type, usage: d.usage };
}

/** pflag's FlagUsages: visible flags sorted by name, usages aligned one column past the longest flag */
export function flagUsages(defs: FlagDef[]): string {
  const lines: [string, string][] = [];
  let width = 0;
  for (const d of [...defs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (d.hidden || d.deprecated) continue;
    const { name, usage } = unquoteUsage(d);
    let left = d.short && !d.shorthandDeprecated ? `  -${d.short}, --${d.name}` : `      --${d.name}`;
    if (name) left += ` ${name}`;
    width = Math.max(width, left.length + 1);
    let right = usage;
    if (d.def !== undefined) right += d.type === 'string' ? ` (default ${JSON.stringify(d.def)})` : ` (default ${d.def})`;
    lines.push([left, right]);
  }
  return lines.map(([left, right]) => `${left} ${' '.repeat(width - left.length)} ${right}\n`).join('');
}
