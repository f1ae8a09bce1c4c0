#!/usr/bin/env node
// The `kubeaula` command. `serve` starts the server (npm start); every other subcommand belongs
// to the command-line tools in apps/server/src/cli/main.ts. Both run the TypeScript sources
// compiled to JavaScript once per change of the sources (bin/compile-server.js, into dist/):
// there is no build step to remember, and the compiler stays out of the server's memory.
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS entry point */
'use strict';
const fs = require('fs');
const path = require('path');
const v8 = require('v8');
const { PerformanceObserver } = require('perf_hooks');

const root = path.join(__dirname, '..');

/**
 * The server's heap kept close to what is live (docs/design-notes.md, "Memory"). On a machine
 * with more than 16 GB V8 lets the old space grow to several times what is live before a full
 * collection, and the young space to 32 MB; the server keeps up to a thousand clusters for hours.
 * Old space: a full collection once it grew 25% past what the last one kept (10% read the same
 * RSS for more CPU, 50% missed 300 MB). Young space: about YOUNG_MB (2 MB cost twice the CPU per
 * command): V8 doubles it as it sees fit, and the growth factor read at each doubling is set to 1
 * once it is there. Set before the heap grows; a flag given in NODE_OPTIONS or on node's command
 * line wins. Returns what to call once the server listens.
 */
const HEAP_GROWING_PERCENT = 25;
const YOUNG_MB = 8;

function tightHeap() {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS || '').split(/\s+/)].map((a) => a.split('=')[0].replace(/_/g, '-'));
  if (!given.includes('--heap-growing-percent')) v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  if (given.includes('--semi-space-growth-factor') || given.includes('--max-semi-space-size')) return () => {};
  // Loading the modules runs without a turn of the event loop, where the observer below could
  // stop the growth: the young space stays at its first 2 MB until the server listens.
  const growth = (factor) => v8.setFlagsFromString(`--semi-space-growth-factor=${factor}`);
  growth(1);
  return () => {
    const young = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
    // after each collection (V8 may also shrink it when the server idles)
    const observer = new PerformanceObserver(() => growth(young() < YOUNG_MB * 1048576 ? 2 : 1));
    observer.observe({ entryTypes: ['gc'] });
    growth(young() < YOUNG_MB * 1048576 ? 2 : 1);
  };
}

function loadTypeScript(relative) {
  const build = require('./compile-server').ensureBuild(root);
  if (build !== undefined) return require(path.join(build, relative.replace(/\.ts$/, '.js')));
  // dist/ cannot be written (a read-only install): compile on load. swc-node reads the project's
  // tsconfig (experimentalDecorators, emitDecoratorMetadata) from the working directory unless
  // told where it is: tell it, so any cwd works.
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
    const started = tightHeap();
    await loadTypeScript('apps/server/src/main.ts').runServe();
    started();
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
