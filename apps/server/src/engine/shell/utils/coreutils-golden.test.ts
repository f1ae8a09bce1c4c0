// Each line ran in real bash with GNU coreutils in a directory holding `files`; the sandbox must
// print the same stdout and stderr and exit with the same status. Regenerate the table by
// running the lines through real bash (see `recorded`); never edit expectations by hand.

import golden from '../testing/coreutils-golden.json';
import { testRig } from '../testing/test-shell';

interface GoldenCase {
  line: string;
  stdout: string;
  stderr: string;
  code: number;
}

const table = golden as { recorded: string; files: Record<string, string>; cases: GoldenCase[] };

describe(`utilities match real tools (${table.recorded})`, () => {
  it.each(table.cases.map((c) => [c.line, c] as const))('%s', async (_line, c) => {
    const rig = testRig();
    for (const [name, content] of Object.entries(table.files)) rig.env.hosts.master.fs.write(`/home/student/${name}`, content, { owner: 'student' });
    const r = await rig.run(c.line);
    expect({ stdout: r.stdout, stderr: r.stderr, code: r.exitCode }).toEqual({ stdout: c.stdout, stderr: c.stderr, code: c.code });
  });
});
