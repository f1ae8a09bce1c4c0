// The server's TypeScript (apps/server/src) compiled once to JavaScript, into
// dist/server-<hash>/, for `kubeaula serve` and the command-line tools. Compiling on load instead
// (@swc-node/register) keeps the compiler, its transform cache and every file's source map in the
// process: about 90 MB of an idle server's 270 MB RSS.
//
// The hash covers every source file, the tsconfig and the compiler versions, so a changed source
// gets a new build on the next start with no build step to remember (`npm install && npm start`
// on a fresh clone still just works), and processes starting at the same time never see a
// half-written build: each one is written aside and renamed into place. The compile runs in a
// child process (`node bin/compile-server.js ROOT OUT`) so the compiler never loads into the server.
// The output is what @swc-node/register produces (same options, decorators and their metadata
// included, as Nest needs), with the source maps beside each file: run with
// NODE_OPTIONS=--enable-source-maps for stack traces in TypeScript lines.
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS script */
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

/** Bump when what this file writes changes (the hash then names a new build). */
const FORMAT = 'server-build-1';
/** Builds of other sources kept (other checkouts' servers may still run from them). */
const KEEP_BUILDS = 3;
const PRUNE_AFTER_MS = 60 * 60 * 1000;

const SOURCES = path.join('apps', 'server', 'src');

/** Every file of the build: TypeScript to compile and JSON to copy, tests and test data left out. */
function sourceFiles(root) {
  const files = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const rel = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'testdata') walk(rel);
      } else if ((e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts')) || e.name.endsWith('.json')) {
        files.push(rel);
      }
    }
  };
  walk(SOURCES);
  return files;
}

/** The folder of package `name` as `from` resolves it (package.json may not be exported). */
function packageDir(from, name) {
  let dir = path.dirname(require.resolve(name, { paths: [from] }));
  while (!fs.existsSync(path.join(dir, 'package.json')) || JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name !== name) {
    if (path.dirname(dir) === dir) throw new Error(`${name}: package.json not found`);
    dir = path.dirname(dir);
  }
  return dir;
}

/** The compilers: @swc-node/register's own options and its copy of @swc-node/core (and swc). */
function compilers(root) {
  const register = packageDir(root, '@swc-node/register');
  const core = packageDir(register, '@swc-node/core');
  const swc = packageDir(core, '@swc/core');
  const version = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  return { register, core, versions: `${version(register)}/${version(core)}/${version(swc)}` };
}

/** The build directory the current sources compile to. */
function buildDir(root) {
  const h = crypto.createHash('sha256');
  h.update(`${FORMAT}\0${process.version}\0${compilers(root).versions}\0`);
  h.update(fs.readFileSync(path.join(root, 'tsconfig.json')));
  for (const rel of sourceFiles(root)) {
    h.update(`\0${rel}\0`);
    h.update(fs.readFileSync(path.join(root, rel)));
  }
  return path.join(root, 'dist', `server-${h.digest('hex').slice(0, 16)}`);
}

/**
 * The compiled tree for the current sources, built first if missing; undefined when it cannot be
 * written (a read-only install), in which case the caller compiles on load as before.
 */
function ensureBuild(root) {
  const dir = buildDir(root);
  if (fs.existsSync(path.join(dir, 'BUILT'))) return dir;
  const r = spawnSync(process.execPath, [path.join(__dirname, 'compile-server.js'), root, dir], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status === 0) return dir;
  if (r.status === EXIT_READ_ONLY) return undefined;
  throw new Error(`compiling the server failed:\n${r.stderr || r.error || `exit ${r.status}`}`);
}

const EXIT_READ_ONLY = 3;

/** Compiles the sources into `dir` (written aside, then renamed into place). */
function build(root, dir) {
  const c = compilers(root);
  const { readDefaultTsConfig, tsCompilerOptionsToSwcConfig } = require(path.join(c.register, 'lib', 'read-default-tsconfig.js'));
  const { transformSync } = require(c.core);
  const options = readDefaultTsConfig(path.join(root, 'tsconfig.json'));
  options.module = 1; // CommonJS, as @swc-node/register sets it
  const tmp = `${dir}.tmp-${process.pid}`;
  try {
    fs.mkdirSync(tmp, { recursive: true });
  } catch (e) {
    if (e.code === 'EACCES' || e.code === 'EROFS' || e.code === 'EPERM') process.exit(EXIT_READ_ONLY);
    throw e;
  }
  try {
    for (const rel of sourceFiles(root)) {
      const from = path.join(root, rel);
      const to = path.join(tmp, rel);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      if (rel.endsWith('.json')) {
        fs.copyFileSync(from, to);
        continue;
      }
      const out = to.replace(/\.ts$/, '.js');
      const { code, map } = transformSync(fs.readFileSync(from, 'utf8'), from, tsCompilerOptionsToSwcConfig(options, from));
      fs.writeFileSync(out, map ? `${code}\n//# sourceMappingURL=${path.basename(out)}.map\n` : code);
      if (map) fs.writeFileSync(`${out}.map`, map);
    }
    // the sources import the generated Prisma client by a relative path: the same one here
    fs.symlinkSync(path.relative(dir, path.join(root, 'generated')), path.join(tmp, 'generated'));
    fs.writeFileSync(path.join(tmp, 'BUILT'), `${new Date().toISOString()}\n`);
    try {
      fs.renameSync(tmp, dir);
    } catch (e) {
      // another process built the same sources meanwhile: theirs is as good
      if (!fs.existsSync(path.join(dir, 'BUILT'))) throw e;
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  prune(path.dirname(dir), dir);
}

/** Old builds go, except the newest few and any made in the last hour. */
function prune(distDir, keep) {
  const builds = fs
    .readdirSync(distDir)
    .filter((n) => n.startsWith('server-'))
    .map((n) => path.join(distDir, n))
    .filter((p) => p !== keep)
    .map((p) => ({ p, t: fs.statSync(p).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  const now = Date.now();
  for (const [i, b] of builds.entries()) {
    if (i >= KEEP_BUILDS - 1 && now - b.t > PRUNE_AFTER_MS) fs.rmSync(b.p, { recursive: true, force: true });
  }
}

module.exports = { ensureBuild, buildDir, sourceFiles };

if (require.main === module) {
  build(process.argv[2], process.argv[3]);
}
