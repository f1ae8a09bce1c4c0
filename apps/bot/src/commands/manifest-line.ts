// A command line plus the ```yaml block of its message: `-f -` reads the block.
import { botText } from '../bot-messages';
import { readsStdin, splitYamlBlock, withStdin } from '../yaml-block';

export type LineOrError = { line: string } | { error: string };

export function lineWithManifest(prefix: string, args: string): LineOrError {
  const { command, yaml } = splitYamlBlock(args);
  const line = prefix ? `${prefix} ${command}`.trim() : command;
  if (readsStdin(command)) {
    if (yaml === undefined) return { error: botText.missingYaml };
    return { line: withStdin(line, yaml) };
  }
  return { line };
}
