// kubectl's help texts: what the real kubectl v1.32 prints for `--help`, `kubectl help` and
// `kubectl options`, recorded from the binary by tools/record-kubectl-help.ts (kubectl-help.json;
// re-run the tool to refresh it). A student reading `kubectl run --help` in the sandbox reads what
// they will read on a real cluster, examples and every flag included.

import recorded from './kubectl-help.json';

const TEXTS: Readonly<Record<string, string>> = recorded.help;

/** the kubectl version the texts were recorded from */
export const HELP_RECORDED_FROM: string = recorded.kubectl;

/** `kubectl <path> --help` (path '' is the root), or undefined when none was recorded */
export function helpText(path: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(TEXTS, path) ? TEXTS[path] : undefined;
}

/** every recorded command path ('' is the root) */
export function helpPaths(): string[] {
  return Object.keys(TEXTS);
}

/**
 * cobra's help command given a topic it cannot find: `Unknown help topic` with the arguments as
 * Go's %#q prints a []string, then the root's usage (its help without the long description),
 * all on stderr, exit 0.
 */
export function unknownHelpTopic(args: readonly string[]): string {
  const root = TEXTS[''];
  const usage = root.slice(root.indexOf('\n\n', root.indexOf(' Find more information')) + 2);
  return `Unknown help topic [${args.map(goQuote).join(' ')}]\n\n\n${usage}`;
}

/** %#q of one string: a raw `backquoted` string when it can be one, else a "quoted" one */
function goQuote(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!s.includes('`') && !/[\u0000-\u001f\u007f]/.test(s)) return `\`${s}\``;
  return JSON.stringify(s);
}

/** the one-line description `kubectl <parent> --help` lists for one of its subcommands */
export function listedShort(parent: string, name: string): string {
  const block = /\nAvailable Commands:\n([\s\S]*?)\n\n/.exec(TEXTS[parent] ?? '')?.[1] ?? '';
  for (const line of block.split('\n')) {
    const m = /^ {2}(\S+)\s+(.*)$/.exec(line);
    if (m && m[1] === name) return m[2];
  }
  throw new Error(`kubectl ${parent} --help lists no ${name}`);
}
