// kompose's command line as cobra/pflag parse it: global flags anywhere, `--flag value`,
// `--flag=value`, `-f value`, `-fvalue`, booleans with optional `=false`, repeatable -f.

export interface FlagDef {
  name: string;
  short?: string;
  type: 'bool' | 'string' | 'int' | 'stringArray';
  /** cobra's MarkDeprecated message */
  deprecated?: string;
}

export interface ParsedFlags {
  values: Record<string, string | boolean | number | string[]>;
  changed: Set<string>;
  args: string[];
  /** deprecation notices pflag prints on stderr */
  notices: string[];
}

export class FlagError extends Error {}

export function parseFlags(argv: string[], defs: FlagDef[]): ParsedFlags {
  const out: ParsedFlags = { values: {}, changed: new Set(), args: [], notices: [] };
  const byName = new Map(defs.map((d) => [d.name, d]));
  const byShort = new Map(defs.filter((d) => d.short).map((d) => [d.short!, d]));
  const set = (d: FlagDef, raw: string | undefined, shown: string): void => {
    out.changed.add(d.name);
    if (d.deprecated) out.notices.push(`Flag --${d.name} has been deprecated, ${d.deprecated}\n`);
    if (d.type === 'bool') {
      const v = raw === undefined ? 'true' : raw;
      if (!['true', 'false', '1', '0', 't', 'f', 'TRUE', 'FALSE', 'True', 'False'].includes(v)) {
        throw new FlagError(`invalid argument "${v}" for "${shown}" flag: strconv.ParseBool: parsing "${v}": invalid syntax`);
      }
      out.values[d.name] = ['true', '1', 't', 'TRUE', 'True'].includes(v);
    } else if (d.type === 'int') {
      if (!/^[-+]?\d+$/.test(raw!)) throw new FlagError(`invalid argument "${raw}" for "${shown}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
      out.values[d.name] = Number(raw);
    } else if (d.type === 'stringArray') out.values[d.name] = [...((out.values[d.name] as string[] | undefined) ?? []), raw!];
    else out.values[d.name] = raw!;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const d = byName.get(name);
      if (!d) throw new FlagError(`unknown flag: --${name}`);
      let value = eq < 0 ? undefined : a.slice(eq + 1);
      if (value === undefined && d.type !== 'bool') {
        if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: --${name}`);
        value = argv[++i];
      }
      set(d, value, `--${name}`);
    } else if (a.startsWith('-') && a.length > 1) {
      const d = byShort.get(a[1]);
      if (!d) throw new FlagError(`unknown shorthand flag: '${a[1]}' in ${a}`);
      let value: string | undefined = a.length > 2 ? a.slice(2).replace(/^=/, '') : undefined;
      if (value === undefined && d.type !== 'bool') {
        if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: '${a[1]}' in -${a[1]}`);
        value = argv[++i];
      }
      set(d, value, `-${a[1]}, --${d.name}`);
    } else out.args.push(a);
  }
  return out;
}
