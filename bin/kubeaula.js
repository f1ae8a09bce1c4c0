#!/usr/bin/env node
// The `kubeaula` command. `serve` starts the server (npm start); every other subcommand belongs
// to the command-line tools in apps/server/src/cli/main.ts. The TypeScript sources run as they
// are, compiled on load by @swc-node/register (decorators and their metadata included, as Nest
// needs): there is no build step.
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS entry point */
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');

function loadTypeScript(relative) {
  // swc-node reads the project's tsconfig (experimentalDecorators, emitDecoratorMetadata)
  // from the working directory unless told where it is: tell it, so any cwd works.
  process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(root, 'tsconfig.json');
  require('@swc-node/register');
  return require(path.join(root, relative));
}

function usage() {
  return [
    'usage: kubeaula <command> [args]',
    '',
    '  serve      start the server (PORT, DATABASE_URL, ...: see README)',
    '  <other>    command-line tools (shell, run, admin, ...): `kubeaula help`',
  ].join('\n');
}

async function main(argv) {
  const [command] = argv;
  if (command === 'serve') {
    await loadTypeScript('apps/server/src/main.ts').runServe();
    return;
  }
  const cli = path.join(root, 'apps', 'server', 'src', 'cli', 'main.ts');
  if (!fs.existsSync(cli)) {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      console.log(usage());
      return;
    }
    console.error(`kubeaula: unknown command "${command}": only "serve" is available in this build (the command-line tools, apps/server/src/cli/main.ts, are not there yet).`);
    console.error(usage());
    process.exitCode = 2;
    return;
  }
  // The CLI module either exports main(argv) -> exit code, or runs when loaded.
  const mod = loadTypeScript('apps/server/src/cli/main.ts');
  if (typeof mod.main === 'function') {
    const code = await mod.main(argv);
    if (typeof code === 'number') process.exitCode = code;
  }
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
