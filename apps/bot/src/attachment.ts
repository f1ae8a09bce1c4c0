// A manifest attached to the message as a .yaml or .yml file, for `-f -` without a code block.
// Its text travels inside the command line, which the server caps at 10,000 characters.

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

export async function readManifest(file: MessageFile, timeoutMs = 10_000): Promise<ManifestOrError> {
  const tooLarge = (n: number) => ({ error: `${file.name} is too large for the bot (${n} bytes; at most ${MAX_MANIFEST_CHARS}). Apply it from the web terminal instead.` });
  if (file.size > MAX_MANIFEST_CHARS) return tooLarge(file.size);
  try {
    const res = await fetch(file.url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return { error: `Could not read ${file.name} from Discord (HTTP ${res.status}). Try again, or paste it in a \`\`\`yaml block.` };
    const yaml = await res.text();
    if (yaml.length > MAX_MANIFEST_CHARS) return tooLarge(yaml.length);
    return { yaml };
  } catch {
    return { error: `Could not read ${file.name} from Discord. Try again, or paste it in a \`\`\`yaml block.` };
  }
}
