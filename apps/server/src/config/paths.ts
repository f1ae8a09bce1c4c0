// Where the project's own folders are (views/, public/, prisma/migrations/, data/), whether the
// server runs from its TypeScript sources or from a compiled dist/ tree, and whatever the
// working directory is.
import fs from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

/** The folder holding kubeaula's package.json. */
export function projectRoot(): string {
  if (cached !== undefined) return cached;
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && readName(manifest) === 'kubeaula') return (cached = dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`kubeaula's package.json not found above ${__dirname}`);
    dir = parent;
  }
}

function readName(manifest: string): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}

export const projectPath = (...parts: string[]): string => path.join(projectRoot(), ...parts);
