// Shell patterns as regular expressions: bracket expressions as bash reads them.
import { globToRegExp } from './glob';
import { testRig } from './testing/test-shell';

describe('globToRegExp', () => {
  it('makes a range whose end comes before its start match nothing, the rest of its brackets still counting', () => {
    expect(globToRegExp('[t-b]', true).test('c')).toBe(false);
    expect(['s', 'e', 'b', 't', 'x'].filter((c) => globToRegExp('[set-before]', true).test(c))).toEqual(['s', 'e']);
    expect(globToRegExp('[!t-b]', true).test('c')).toBe(true);
    expect(['a', '-', 'b'].filter((c) => globToRegExp('[a-]', true).test(c))).toEqual(['a', '-']);
  });

  it('expands words with such brackets as bash 5.2 does, where it crashed', async () => {
    const rig = testRig();
    await rig.run('cd /tmp && touch b s');
    // as bash prints them in a directory holding b and s
    expect(await rig.run('cd /tmp && echo [t-b] [set-before] [!t-b]; X=set-before; echo "[$X]" [$X]; case b in [z-a]) echo m;; *) echo n;; esac')).toEqual({
      stdout: '[t-b] s b s\n[set-before] s\nn\n',
      stderr: '',
      exitCode: 0,
    });
  });
});
