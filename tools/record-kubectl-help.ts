// Records apps/server/src/engine/kubectl/help/kubectl-help.json: what the real kubectl v1.32
// prints for `--help` on every command path the simulation knows (the tree in
// engine/kubectl/commands.ts, every level of it), for the root and for `kubectl options`. These
// are kubectl's own words, as its error messages are: the simulation prints them as they are.
// The recording runs with HOME=/home/student, the sandbox's home, since some defaults name it.
//
// Usage: node -r @swc-node/register tools/record-kubectl-help.ts [path/to/kubectl.1.32]

import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { COMMANDS } from '../apps/server/src/engine/kubectl/commands';
import { CommandDef } from '../apps/server/src/engine/kubectl/command';

const KUBECTL = process.argv[2] ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';
const OUT = path.join(__dirname, '../apps/server/src/engine/kubectl/help/kubectl-help.json');

function help(args: string[]): string {
  return execFileSync(KUBECTL, args, { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: '/home/student' } });
}

function paths(defs: readonly CommandDef[], prefix: string[]): string[][] {
  const out: string[][] = [];
  for (const d of defs) {
    if (d.hidden) continue;
    out.push([...prefix, d.name]);
    out.push(...paths(d.subcommands ?? [], [...prefix, d.name]));
  }
  return out;
}

const texts: Record<string, string> = { '': help(['--help']), options: help(['options']), help: help(['help', '--help']) };
for (const p of paths(COMMANDS, [])) {
  const key = p.join(' ');
  if (key === 'options') continue;
  texts[key] = help([...p, '--help']);
}
const version = help(['version', '--client', '-o', 'json']);
const sorted = Object.fromEntries(Object.keys(texts).sort().map((k) => [k, texts[k]]));
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, JSON.stringify({ kubectl: JSON.parse(version).clientVersion.gitVersion, help: sorted }, null, 1) + '\n');
console.log(`${Object.keys(sorted).length} help texts -> ${path.relative(process.cwd(), OUT)}`);
