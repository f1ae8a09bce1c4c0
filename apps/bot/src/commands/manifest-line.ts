// A command line plus the manifest of its message: `-f -` reads the ```yaml block, else an
// attached .yaml or .yml file.
import { manifestFile, MAX_MANIFEST_CHARS, MessageFile, readManifest } from '../attachment';
import type { BotStrings } from '../i18n';
import { readsStdin, splitYamlBlock, withStdin } from '../yaml-block';

export type LineOrError = { line: string } | { error: string };

export async function lineWithManifest(prefix: string, args: string, files: readonly MessageFile[], t: BotStrings): Promise<LineOrError> {
  const { command, yaml } = splitYamlBlock(args);
  const line = prefix ? `${prefix} ${command}`.trim() : command;
  if (!readsStdin(command)) return { line };
  if (yaml !== undefined) {
    if (yaml.length > MAX_MANIFEST_CHARS) return { error: t.manifestTooLarge(MAX_MANIFEST_CHARS) };
    return { line: withStdin(line, yaml) };
  }
  const file = manifestFile(files);
  if (!file) return { error: t.missingYaml };
  const r = await readManifest(file, t);
  return 'error' in r ? r : { line: withStdin(line, r.yaml) };
}
