// Turns a recorded command line into what the student did, whatever the door or spelling:
// `k` or `kubectl` (or an alias of the shell, a Discord `/kubectl`), `sudo`, flags in any
// order, `-n dev` or `--namespace=dev`, several commands joined by `&&`, `;` or pipes.
// kubectl lines are parsed with kubectl's own command table and flag parser, so a check sees
// exactly the verb and flags kubectl saw.

import type { Command, List, Word, WordPart } from '../../engine/shell/ast';
import { parseShell } from '../../engine/shell/parser';
import { COMMANDS } from '../../engine/kubectl/commands';
import { CommandDef, GLOBAL_FLAGS } from '../../engine/kubectl/command';
import { FlagValue, parseFlags } from '../../engine/kubectl/flags';

export interface ParsedCommand {
  /** `kubectl`, `kompose`, `kubeadm`, `curl` ... */
  tool: string;
  /** kubectl's command path (`apply`, `rollout undo`); for other tools their first argument */
  verb: string;
  /** long flag name → value (kubectl); `name` → value or true (other tools) */
  flags: Map<string, FlagValue>;
  args: string[];
  /** the namespace flag, if given */
  namespace?: string;
}

const DEFAULT_ALIASES: Record<string, string> = { k: 'kubectl' };

export function parseCommandLine(line: string, aliases: Record<string, string> = {}): ParsedCommand[] {
  // a Discord slash command: `/kubectl get pods`, `/k get pods`
  const text = line.trimStart().replace(/^\/(?=[a-z])/, '');
  let list: List;
  try {
    list = parseShell(text).list;
  } catch {
    return [];
  }
  const out: ParsedCommand[] = [];
  for (const words of simpleCommands(list)) {
    out.push(...parseWords(words, { ...DEFAULT_ALIASES, ...aliases }));
  }
  return out;
}

function parseWords(input: string[], aliases: Record<string, string>, depth = 0): ParsedCommand[] {
  let words = [...input];
  // wrappers that run the next command
  while (words.length && ['sudo', 'env', 'time', 'command', 'exec'].includes(words[0])) {
    words = words.slice(1);
    while (words.length && (words[0].startsWith('-') || /^[A-Za-z_]\w*=/.test(words[0]))) words = words.slice(1);
  }
  if (!words.length) return [];
  const alias = aliases[words[0]];
  if (alias !== undefined && depth < 5) {
    const head = alias.trim().split(/\s+/).filter(Boolean);
    if (head.length && head[0] !== words[0]) return parseWords([...head, ...words.slice(1)], aliases, depth + 1);
  }
  const tool = words[0].replace(/^.*\//, '');
  if (tool === 'kubectl') return [parseKubectl(words.slice(1))];
  // `ssh node1 'sudo kubeadm join ...'`: what ran on the other host counts too
  const remote = tool === 'ssh' ? words.slice(1).filter((w) => !w.startsWith('-')) : [];
  if (remote.length > 1 && depth < 5) return [parseOther(tool, words.slice(1)), ...parseCommandLine(remote.slice(1).join(' '), aliases)];
  return [parseOther(tool, words.slice(1))];
}

function parseKubectl(argv: string[]): ParsedCommand {
  let commands = COMMANDS;
  let def: CommandDef | undefined;
  const path: string[] = [];
  const rest: string[] = [];
  const globalTakesValue = new Set(GLOBAL_FLAGS.filter((f) => f.type !== 'bool').flatMap((f) => [`--${f.name}`, f.shorthand ? `-${f.shorthand}` : '']));
  // the verb path: the first words that name (sub)commands, skipping global flags before it
  let i = 0;
  for (; i < argv.length; i++) {
    const w = argv[i];
    if (w.startsWith('-')) {
      rest.push(w);
      if (globalTakesValue.has(w) && i + 1 < argv.length) rest.push(argv[++i]);
      continue;
    }
    const found = commands.find((c) => c.name === w || c.aliases?.includes(w));
    if (!found) break;
    def = found;
    path.push(found.name);
    if (!found.subcommands?.length) {
      i++;
      break;
    }
    commands = found.subcommands;
  }
  rest.push(...argv.slice(i));
  const specs = [...GLOBAL_FLAGS, ...(def?.flags ?? [])];
  let flags: Map<string, FlagValue>;
  let args: string[];
  try {
    const parsed = parseFlags(rest, specs);
    flags = new Map([...parsed.values].filter(([name]) => parsed.changed.has(name)));
    args = parsed.args;
  } catch {
    ({ flags, args } = lenientFlags(rest));
  }
  const ns = flags.get('namespace');
  return { tool: 'kubectl', verb: path.join(' '), flags, args, namespace: typeof ns === 'string' ? ns : undefined };
}

function parseOther(tool: string, argv: string[]): ParsedCommand {
  const { flags, args } = lenientFlags(argv);
  // without a command table the first word may be a verb (`kompose convert`) or not (`curl URL`): args keep it
  return { tool, verb: args[0] ?? '', flags, args };
}

/** Without a flag table: `--x=v` is a value, `--x` and `-x` are switches, the rest arguments. */
function lenientFlags(argv: string[]): { flags: Map<string, FlagValue>; args: string[] } {
  const flags = new Map<string, FlagValue>();
  const args: string[] = [];
  for (const w of argv) {
    const m = /^--?([^=]+)(?:=(.*))?$/.exec(w);
    if (m && w !== '-') flags.set(m[1], m[2] ?? true);
    else args.push(w);
  }
  return { flags, args };
}

/** Every simple command in a parsed line, as literal words (expansions keep their source text). */
function simpleCommands(list: List): string[][] {
  const out: string[][] = [];
  const visitList = (l: List): void => {
    for (const item of l.items) {
      for (const p of [item.andOr.first, ...item.andOr.rest.map((r) => r.pipeline)]) for (const c of p.commands) visit(c);
    }
  };
  const visit = (c: Command): void => {
    switch (c.type) {
      case 'simple':
        if (c.words.length) out.push(c.words.map(literal));
        break;
      case 'subshell':
      case 'group':
        visitList(c.body);
        break;
      case 'if':
        for (const cl of c.clauses) {
          visitList(cl.cond);
          visitList(cl.body);
        }
        if (c.elseBody) visitList(c.elseBody);
        break;
      case 'for':
      case 'cfor':
        visitList(c.body);
        break;
      case 'while':
        visitList(c.cond);
        visitList(c.body);
        break;
      default:
        break;
    }
  };
  visitList(list);
  return out;
}

function literal(w: Word): string {
  const part = (p: WordPart): string | undefined => {
    if (p.kind === 'lit' || p.kind === 'quoted') return p.value;
    if (p.kind === 'dq') {
      const inner = p.parts.map(part);
      return inner.every((s) => s !== undefined) ? inner.join('') : undefined;
    }
    return undefined;
  };
  const parts = w.parts.map(part);
  if (parts.every((s) => s !== undefined)) return parts.join('');
  // an expansion the check cannot know: keep the source text, without its outer quotes
  return /^(["']).*\1$/s.test(w.raw) ? w.raw.slice(1, -1) : w.raw;
}
