// `!kubectl apply -f -` takes its manifest from a ```yaml code block in the same message: the
// block becomes the command's standard input through a quoted here-document, which the sandbox
// shell reads literally (no expansion).

export interface SplitMessage {
  /** The text with the code block removed, trimmed. */
  command: string;
  /** The code block's content, if the message had one. */
  yaml?: string;
}

const BLOCK = /```(?:ya?ml)?[ \t]*\n([\s\S]*?)```/i;

export function splitYamlBlock(text: string): SplitMessage {
  const m = BLOCK.exec(text);
  if (!m) return { command: text.trim() };
  return { command: (text.slice(0, m.index) + text.slice(m.index + m[0].length)).trim(), yaml: m[1] };
}

/** Reads `-f -` (or `--filename=-`) among the arguments. */
export function readsStdin(args: string): boolean {
  return /(^|\s)(-f\s*-|--filename(=|\s+)-)(\s|$)/.test(args);
}

/** A command line with `yaml` as its standard input. */
export function withStdin(command: string, yaml: string): string {
  let tag = 'KUBEAULA_YAML';
  while (yaml.split('\n').includes(tag)) tag += '_';
  const body = yaml.endsWith('\n') ? yaml : yaml + '\n';
  return `${command} <<'${tag}'\n${body}${tag}`;
}
