// The recorded help texts against the command tree: every command the simulation knows has
// kubectl's text, every subcommand kubectl lists answers in the simulation, and the flags each
// command accepts are the ones kubectl's help lists, with kubectl's defaults. A flag kubectl does
// not have is refused as kubectl refuses it; one it has is never an "unknown flag" here.

import { CommandDef, GLOBAL_FLAGS } from '../command';
import { COMMANDS } from '../commands';
import { FlagSpec } from '../flags';
import { HELP_RECORDED_FROM, helpPaths, helpText, unknownHelpTopic } from './help';

interface Node {
  path: string;
  def: CommandDef;
}

function walk(defs: readonly CommandDef[], prefix: string[] = []): Node[] {
  return defs.filter((d) => !d.hidden).flatMap((def) => [{ path: [...prefix, def.name].join(' '), def }, ...walk(def.subcommands ?? [], [...prefix, def.name])]);
}

const NODES = walk(COMMANDS);

/** `--name=default` of each flag a help text lists under its heading */
function listedFlags(text: string, heading: string): Map<string, { shorthand?: string; def: string }> {
  const start = text.indexOf(`${heading}\n`);
  const out = new Map<string, { shorthand?: string; def: string }>();
  if (start < 0) return out;
  const end = text.indexOf('\n\nUsage:', start);
  const section = text.slice(start, end < 0 ? undefined : end);
  for (const m of section.matchAll(/^ {4}(?:-(\S), )?--([\w-]+)=(.*):$/gm)) out.set(m[2], { ...(m[1] ? { shorthand: m[1] } : {}), def: m[3] });
  return out;
}

/** how pflag prints a flag's default in a usage line */
function shownDefault(f: FlagSpec): string {
  switch (f.type) {
    case 'bool':
      return String(f.default ?? false);
    case 'int':
      return String(f.default ?? 0);
    case 'duration':
      return String(f.default ?? '0s');
    case 'stringArray':
    case 'stringSlice':
      return `[${((f.default as string[] | undefined) ?? []).join(',')}]`;
    default:
      return `'${String(f.default ?? '')}'`;
  }
}

/** commands that answer one line instead of running (verbs/not-supported.ts), whatever they are given */
const refuses = (def: CommandDef): boolean => def.refusal !== undefined;

describe('kubectl help texts', () => {
  it(`are recorded from kubectl v1.32 for every command the simulation knows (${HELP_RECORDED_FROM})`, () => {
    expect(HELP_RECORDED_FROM).toMatch(/^v1\.32\./);
    const missing = NODES.filter((n) => helpText(n.path) === undefined).map((n) => n.path);
    expect(missing).toEqual([]);
    // and nothing recorded that no command prints
    const known = new Set(['', 'help', ...NODES.map((n) => n.path)]);
    expect(helpPaths().filter((p) => !known.has(p))).toEqual([]);
  });

  it('lists no subcommand the simulation does not answer', () => {
    const missing: string[] = [];
    for (const { path, def } of NODES) {
      if (refuses(def)) continue;
      const text = helpText(path)!;
      const block = /\nAvailable Commands:\n([\s\S]*?)\n\n/.exec(text)?.[1] ?? '';
      for (const line of block.split('\n')) {
        const name = line.trim().split(/\s+/)[0];
        if (name && !(def.subcommands ?? []).some((s) => s.name === name)) missing.push(`${path} ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("accepts exactly the flags kubectl's help lists, with kubectl's shorthands and defaults", () => {
    const problems: string[] = [];
    for (const { path, def } of NODES) {
      if (refuses(def) || def.helpIsRun) continue;
      const listed = listedFlags(helpText(path)!, 'Options:');
      const ours = (def.flags ?? []).filter((f) => !f.hidden);
      for (const f of ours) {
        const real = listed.get(f.name);
        if (!real) problems.push(`${path}: --${f.name} is not a flag of kubectl ${path}`);
        else {
          if (real.shorthand !== f.shorthand) problems.push(`${path}: --${f.name} shorthand ${f.shorthand ?? 'none'}, kubectl's ${real.shorthand ?? 'none'}`);
          if (real.def !== shownDefault(f)) problems.push(`${path}: --${f.name} default ${shownDefault(f)}, kubectl's ${real.def}`);
        }
      }
      for (const name of listed.keys()) if (!ours.some((f) => f.name === name)) problems.push(`${path}: kubectl's --${name} is missing`);
    }
    expect(problems).toEqual([]);
  });

  it("inherits kubectl's global flags (kubectl options)", () => {
    const listed = listedFlags(helpText('options')!, 'The following options can be passed to any command:');
    const problems: string[] = [];
    for (const f of GLOBAL_FLAGS.filter((g) => g.name !== 'help')) {
      const real = listed.get(f.name);
      if (!real) problems.push(`--${f.name} is not a global flag`);
      else if (real.shorthand !== f.shorthand) problems.push(`--${f.name} shorthand ${f.shorthand ?? 'none'}, kubectl's ${real.shorthand ?? 'none'}`);
    }
    for (const name of listed.keys()) if (!GLOBAL_FLAGS.some((f) => f.name === name)) problems.push(`kubectl's global --${name} is missing`);
    expect(problems).toEqual([]);
  });

  it('names an unknown topic as cobra does, then prints the root usage', () => {
    const text = unknownHelpTopic(['nope', 'a`b']);
    expect(text.startsWith('Unknown help topic [`nope` "a`b"]\n\n\nBasic Commands (Beginner):\n')).toBe(true);
    expect(text.endsWith('Use "kubectl options" for a list of global command-line options (applies to all commands).\n')).toBe(true);
  });
});
