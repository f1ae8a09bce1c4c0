// runScript's directive hook: `#! TEXT` lines outside commands go to the harness, in script order,
// with the session the commands before them left (their shell variables).
import { runScript } from './run-command';
import { DEFAULT_START } from './sandbox-options';
import { parseTime } from '../engine/time';

const OPTS = { seed: 1, start: parseTime(DEFAULT_START), shape: 'kubeadm' as const, workers: 2, proxyMode: 'iptables' as const };

describe('runScript directives', () => {
  const script = [
    '#!/bin/sh',
    'X=one',
    '#! first $X',
    "cat <<'EOF' > f.txt",
    '#! inside a here-document',
    'EOF',
    '  #!   second   ',
    'cat f.txt',
    '# a comment',
    '',
  ].join('\n');

  it('calls the directive between commands and writes its line and answer to the transcript', async () => {
    const seen: string[] = [];
    let out = '';
    await runScript(
      script,
      {
        ...OPTS,
        directive: (text, { session, sandbox }) => {
          seen.push(`${text} X=${session.env.X} t=${sandbox.clock.now() - OPTS.start}`);
          return text === 'second' ? 'noted\n' : undefined;
        },
      },
      (t) => (out += t),
    );
    expect(seen).toEqual(['first $X X=one t=0', 'second X=one t=0']);
    expect(out).toBe(
      "$ X=one\n#! first $X\n$ cat <<'EOF' > f.txt\n#! inside a here-document\nEOF\n#! second\nnoted\n$ cat f.txt\n#! inside a here-document\n",
    );
  });

  it('without a directive hook the lines are comments, as `kubeaula run` reads them', async () => {
    let out = '';
    await runScript(script, OPTS, (t) => (out += t));
    expect(out).toBe("$ X=one\n$ cat <<'EOF' > f.txt\n#! inside a here-document\nEOF\n$ cat f.txt\n#! inside a here-document\n");
  });

  it('a directive that throws stops the script', async () => {
    let out = '';
    const run = runScript('echo a\n#! boom\necho b\n', { ...OPTS, directive: () => { throw new Error('no such fault'); } }, (t) => (out += t));
    await expect(run).rejects.toThrow('no such fault');
    expect(out).toBe('$ echo a\na\n#! boom\n');
  });
});
