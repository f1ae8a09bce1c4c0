// Each line ran in real bash with GNU coreutils in a fresh directory holding `files`; the sandbox
// must print the same stdout and stderr and exit with the same status. To add a case, append
// `{ "line": "..." }` to the JSON and re-record with real tools (never edit expectations by hand):
//   UPDATE_GOLDEN=1 npx jest apps/server/src/engine/shell/utils/coreutils-golden
// Recording needs bash, GNU coreutils, grep, sed and mawk on the machine (Debian/Ubuntu).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import golden from '../testing/coreutils-golden.json';
import { testRig } from '../testing/test-shell';

interface GoldenCase {
  line: string;
  stdout: string;
  stderr: string;
  code: number;
}

interface GoldenFile {
  recorded: string;
  files: Record<string, string>;
  cases: GoldenCase[];
}

const table = golden as GoldenFile;
const GOLDEN_PATH = join(__dirname, '../testing/coreutils-golden.json');

function record(t: GoldenFile): GoldenFile {
  const cases = t.cases.map(({ line }) => {
    const dir = mkdtempSync('/tmp/kubeaula-golden-');
    for (const [name, content] of Object.entries(t.files)) writeFileSync(join(dir, name), content);
    const env = { LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/home/student' };
    const p = spawnSync('bash', ['-c', line], { cwd: dir, encoding: 'utf8', env });
    rmSync(dir, { recursive: true });
    // bash -c says `bash: line 1: x`; an interactive bash says `bash: x`
    const strip = (s: string): string => s.replace(/^bash: line \d+: /gm, 'bash: ');
    return { line, stdout: strip(p.stdout), stderr: strip(p.stderr), code: p.status ?? -1 };
  });
  return { ...t, cases };
}

if (process.env.UPDATE_GOLDEN) {
  it('records the golden table with real tools', () => {
    writeFileSync(GOLDEN_PATH, `${JSON.stringify(record(table), null, 1)}\n`);
  });
} else {
  describe(`utilities match real tools (${table.recorded})`, () => {
    it.each(table.cases.map((c) => [c.line, c] as const))('%s', async (_line, c) => {
      const rig = testRig();
      for (const [name, content] of Object.entries(table.files)) rig.env.hosts.master.fs.write(`/home/student/${name}`, content, { owner: 'student' });
      const r = await rig.run(c.line);
      expect({ stdout: r.stdout, stderr: r.stderr, code: r.exitCode }).toEqual({ stdout: c.stdout, stderr: c.stderr, code: c.code });
    });
  });
}
