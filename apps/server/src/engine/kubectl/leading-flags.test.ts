// Flags before the command (`kubectl -n dev get pods`), as kubectl v1.32 treats them: cobra's
// stripFlags gives a flag without `=` the next word as its value while it looks for the command,
// and a command it cannot find is looked for as a plugin, which no flag may precede. Every
// expected text below is what the real kubectl 1.32.5 printed for the same words.

import { newKit } from './verbs/verb-test-kit';
import { helpText } from './help/help';

const refusedPlugin = (flag: string) => ({ stdout: '', stderr: `Error: flags cannot be placed before plugin name: ${flag}\n`, exitCode: 1 });

describe('flags before the command', () => {
  it('a known flag with its value, then a command, runs the command', async () => {
    const k = newKit();
    expect(await k.sh('kubectl -n default get ns default -o name')).toEqual({ stdout: 'namespace/default\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl --namespace=kube-system get ns kube-system -o name')).toEqual({ stdout: 'namespace/kube-system\n', stderr: '', exitCode: 0 });
  });

  it('flags and no command: the root help, or the flag error with the root usage line', async () => {
    const k = newKit();
    expect(await k.sh('kubectl -n dev')).toEqual({ stdout: helpText(''), stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl --namespace=dev')).toEqual({ stdout: helpText(''), stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl -n')).toEqual({ stdout: '', stderr: "error: flag needs an argument: 'n' in -n\nSee 'kubectl --help' for usage.\n", exitCode: 1 });
    expect(await k.sh('kubectl --context')).toEqual({ stdout: '', stderr: "error: flag needs an argument: --context\nSee 'kubectl --help' for usage.\n", exitCode: 1 });
    expect(await k.sh('kubectl --bogus')).toEqual({ stdout: '', stderr: "error: unknown flag: --bogus\nSee 'kubectl --help' for usage.\n", exitCode: 1 });
    // the unknown flag took `pods` as its value: no command is left
    expect(await k.sh('kubectl --bogus pods')).toEqual({ stdout: '', stderr: "error: unknown flag: --bogus\nSee 'kubectl --help' for usage.\n", exitCode: 1 });
  });

  it('a mistyped command after a flag is looked for as a plugin, which no flag may precede', async () => {
    const k = newKit();
    expect(await k.sh('kubectl -n dev gte pods')).toEqual(refusedPlugin('-n'));
    expect(await k.sh('kubectl -n=dev bogus')).toEqual(refusedPlugin('-n=dev'));
    // an unknown flag without `=` swallows the command word
    expect(await k.sh('kubectl --bogus get pods')).toEqual(refusedPlugin('--bogus'));
    expect(await k.sh('kubectl -x get pods')).toEqual(refusedPlugin('-x'));
    // with `=` the command is found, and its own parse refuses the flag
    expect(await k.sh('kubectl --bogus=1 get pods')).toEqual({ stdout: '', stderr: "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n", exitCode: 1 });
    // no flag first: cobra's unknown command, with its suggestion
    expect(await k.sh('kubectl bogus -n dev')).toEqual({ stdout: '', stderr: 'error: unknown command "bogus" for "kubectl"\n\nDid you mean this?\n\tlogs\n', exitCode: 1 });
  });
});

describe('kubectl version -o', () => {
  it('yaml ends with a blank line (kubectl Fprintln\'s the marshalled text), json does not', async () => {
    const k = newKit();
    const yaml = await k.sh('kubectl version --client -o yaml');
    expect(yaml.stdout.endsWith('kustomizeVersion: v5.5.0\n\n')).toBe(true);
    const json = await k.sh('kubectl version --client -o json');
    expect(json.stdout.endsWith('"kustomizeVersion": "v5.5.0"\n}\n')).toBe(true);
  });
});
