#!/usr/bin/env node
// `npm run bot`: the Discord bot (apps/bot/src/main.ts), its TypeScript compiled on load by
// @swc-node/register as bin/kubeaula.js does.
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS entry point */
'use strict';
const path = require('path');

const root = path.join(__dirname, '..');
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(root, 'tsconfig.json');
require('@swc-node/register');
const { main } = require(path.join(root, 'apps', 'bot', 'src', 'main.ts'));

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(e && e.stack ? e.stack : String(e));
    process.exit(1);
  },
);
