// splitScript: the command lines bash would read one at a time from a script.
import { splitScript } from './script';

const cmd = (text: string, line: number) => ({ kind: 'command', text, line });
const step = (id: string, line: number) => ({ kind: 'step', id, line });

describe('splitScript', () => {
  it('keeps `\\` continuations with their command and skips blank lines and comments', async () => {
    const script = ['kubectl run web \\', '  --image=nginx \\', '  --port=80', '', '   \t ', '# a comment', '  # an indented comment', 'echo hi'].join('\n');
    expect(await splitScript(script)).toEqual([cmd('kubectl run web \\\n  --image=nginx \\\n  --port=80', 1), cmd('echo hi', 8)]);
  });

  it('an even number of trailing backslashes is an escaped backslash, not a continuation', async () => {
    expect(await splitScript('echo a\\\\\nls\necho b\\\\\\\nc')).toEqual([cmd('echo a\\\\', 1), cmd('ls', 2), cmd('echo b\\\\\\\nc', 3)]);
  });

  it('a `\\` on the last line ends the script', async () => {
    expect(await splitScript('ls \\')).toEqual([cmd('ls \\', 1)]);
    expect(await splitScript('echo a && \\\n\\\n echo b\n')).toEqual([cmd('echo a && \\\n\\\n echo b', 1)]);
  });

  it('keeps a here-document with its body, blank lines and `#` lines included', async () => {
    const script = 'cat <<EOF > pod.yaml\nkind: Pod\n\n# not a comment here\nEOF\nkubectl apply -f pod.yaml\n';
    expect(await splitScript(script)).toEqual([cmd('cat <<EOF > pod.yaml\nkind: Pod\n\n# not a comment here\nEOF', 1), cmd('kubectl apply -f pod.yaml', 6)]);
  });

  it('keeps an open quote and a compound command together', async () => {
    expect(await splitScript("echo 'one\ntwo'\nif true; then\n  echo y\nfi\nls")).toEqual([cmd("echo 'one\ntwo'", 1), cmd('if true; then\n  echo y\nfi', 3), cmd('ls', 6)]);
  });

  it('an unclosed quote takes the rest of the script', async () => {
    expect(await splitScript("echo 'never closed\nls\n")).toEqual([cmd("echo 'never closed\nls", 1)]);
  });

  it('keeps `# step: ID` markers, ignores other comments and a trailing comment stays on its line', async () => {
    const script = '# step: create-pod\n#step:x\n#  step:   spaced   \n# step: two words\n# steps: no\nls # trailing\n';
    expect(await splitScript(script)).toEqual([step('create-pod', 1), step('x', 2), step('spaced', 3), cmd('ls # trailing', 6)]);
  });

  it('reads CRLF line ends as LF and numbers lines from 1', async () => {
    expect(await splitScript('echo "a\r\nb"\r\n\r\nls\r\n')).toEqual([cmd('echo "a\nb"', 1), cmd('ls', 4)]);
  });

  it('an empty script has no items', async () => {
    expect(await splitScript('')).toEqual([]);
    expect(await splitScript('\n\n# only comments\n')).toEqual([]);
  });
});
