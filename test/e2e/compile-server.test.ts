// bin/compile-server.js: the server's sources compiled once per change into dist/server-<hash>/,
// as @swc-node/register would compile them on load (decorator metadata included, as Nest needs).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectPath } from '../../apps/server/src/config/paths';
import { tempDir } from './app-harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the plain CommonJS script under test
const { ensureBuild, buildDir } = require(projectPath('bin', 'compile-server.js')) as { ensureBuild(root: string): string | undefined; buildDir(root: string): string };

jest.setTimeout(60_000);

const SOURCE = `import 'reflect-metadata';
import data from './data.json';
class Dep {}
function Injectable(): ClassDecorator { return () => {}; }
@Injectable()
export class Service {
  constructor(readonly dep: Dep) {}
}
export const paramTypes = (Reflect as unknown as { getMetadata(k: string, t: object): unknown[] }).getMetadata('design:paramtypes', Service).map((t) => (t as { name: string }).name);
export const greeting: string = data.greeting;
`;

describe('compiling the server once per change of its sources', () => {
  let root: string;
  beforeAll(() => {
    // a project of its own: a source tree, the tsconfig, and the real node_modules
    root = tempDir('kubeaula-compile-');
    const src = path.join(root, 'apps', 'server', 'src');
    fs.mkdirSync(path.join(src, 'testdata'), { recursive: true });
    fs.writeFileSync(path.join(src, 'service.ts'), SOURCE);
    fs.writeFileSync(path.join(src, 'data.json'), '{"greeting":"hola"}');
    fs.writeFileSync(path.join(src, 'service.test.ts'), 'it("x", () => {});');
    fs.writeFileSync(path.join(src, 'testdata', 'big.json'), '{}');
    fs.copyFileSync(projectPath('tsconfig.json'), path.join(root, 'tsconfig.json'));
    fs.mkdirSync(path.join(root, 'generated'));
    fs.symlinkSync(projectPath('node_modules'), path.join(root, 'node_modules'));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes plain JavaScript that keeps decorator metadata, and the JSON, without tests or test data', () => {
    const dir = ensureBuild(root)!;
    expect(dir).toBe(buildDir(root));
    expect(path.basename(dir)).toMatch(/^server-[0-9a-f]{16}$/);
    const out = path.join(dir, 'apps', 'server', 'src');
    expect(fs.readdirSync(out).sort()).toEqual(['data.json', 'service.js', 'service.js.map']);
    expect(fs.readlinkSync(path.join(dir, 'generated'))).toBe(path.join('..', '..', 'generated'));
    // run by a plain node, as `kubeaula serve` runs it
    const r = spawnSync(process.execPath, ['-e', `const m = require(${JSON.stringify(path.join(out, 'service.js'))}); console.log(JSON.stringify([m.paramTypes, m.greeting]))`], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([['Dep'], 'hola']);
  });

  it('reuses the build while the sources are the same, and makes another when one changes', () => {
    const first = ensureBuild(root)!;
    const built = fs.statSync(path.join(first, 'BUILT')).mtimeMs;
    expect(ensureBuild(root)).toBe(first);
    expect(fs.statSync(path.join(first, 'BUILT')).mtimeMs).toBe(built);
    fs.appendFileSync(path.join(root, 'apps', 'server', 'src', 'service.ts'), 'export const more = 1;\n');
    const second = ensureBuild(root)!;
    expect(second).not.toBe(first);
    expect(fs.readFileSync(path.join(second, 'apps', 'server', 'src', 'service.js'), 'utf8')).toContain('more = 1');
    // a test file is not part of the build: changing it changes nothing
    fs.appendFileSync(path.join(root, 'apps', 'server', 'src', 'service.test.ts'), '// more\n');
    expect(ensureBuild(root)).toBe(second);
  });

  it('stops with the compiler message when a source does not compile', () => {
    const bad = path.join(root, 'apps', 'server', 'src', 'bad.ts');
    fs.writeFileSync(bad, 'export const = ;\n');
    try {
      expect(() => ensureBuild(root)).toThrow(/compiling the server failed:[\s\S]*bad\.ts/);
      expect(fs.readdirSync(path.join(root, 'dist')).filter((n) => n.includes('.tmp-'))).toEqual([]);
    } finally {
      fs.rmSync(bad);
    }
  });
});
