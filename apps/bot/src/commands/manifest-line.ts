// A command line plus the manifest of its message: `-f -` reads the ```yaml block, else an
// attached .yaml or .yml file.
import { manifestFile, MAX_MANIFEST_CHARS, MessageFile, readManifest } from '../attachment';
import { botText } from '../bot-messages';
import { readsStdin, splitYamlBlock, withStdin } from '../yaml-block';

export type LineOrError = { line: string } | { error: string };

export async function lineWithManifest(prefix: string, args: string, files: readonly MessageFile[]): Promise<LineOrError> {
  const { command, yaml } = splitYamlBlock(args);
  const line = prefix ? `${prefix} ${command}`.trim() : command;
  if (!readsStdin(command)) return { line };
  if (yaml !== undefined) {
    if (yaml.length > MAX_MANIFEST_CHARS) return { error: `The manifest is too large for the bot (at most ${MAX_MANIFEST_CHARS} characters).` };
    return { line: withStdin(line, yaml) };
  }
  const file = manifestFile(files);
  if (!file) return { error: botText.missingYaml };
  const r = await readManifest(file);
  return 'error' in r ? r : { line: withStdin(line, r.yaml) };
}
