// A manifest attached to the message as a .yaml or .yml file, for `-f -` without a code block.
// Its text travels inside the command line, which the server caps at 10,000 characters.
import type { BotStrings } from './i18n';

export interface MessageFile {
  name: string;
  url: string;
  size: number;
}

export const MAX_MANIFEST_CHARS = 9000;

export function manifestFile(files: readonly MessageFile[]): MessageFile | undefined {
  return files.find((f) => /\.ya?ml$/i.test(f.name));
}

export type ManifestOrError = { yaml: string } | { error: string };

export async function readManifest(file: MessageFile, t: BotStrings, timeoutMs = 10_000): Promise<ManifestOrError> {
  const tooLarge = (n: number) => ({ error: t.fileTooLarge(file.name, n, MAX_MANIFEST_CHARS) });
  if (file.size > MAX_MANIFEST_CHARS) return tooLarge(file.size);
  try {
    const res = await fetch(file.url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return { error: t.fileUnreadable(file.name, res.status) };
    const yaml = await res.text();
    if (yaml.length > MAX_MANIFEST_CHARS) return tooLarge(yaml.length);
    return { yaml };
  } catch {
    return { error: t.fileUnreadable(file.name) };
  }
}
