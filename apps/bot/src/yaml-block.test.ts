import { readsStdin, splitYamlBlock, withStdin } from './yaml-block';

describe('splitYamlBlock', () => {
  it.each([
    ['apply -f -', { command: 'apply -f -' }],
    ['apply -f -\n```yaml\nkind: Pod\n```', { command: 'apply -f -', yaml: 'kind: Pod\n' }],
    [' apply -f - ```yml\na: 1\n``` --dry-run=client', { command: 'apply -f -  --dry-run=client', yaml: 'a: 1\n' }],
    ['create -f -\n```\na: 1\n```', { command: 'create -f -', yaml: 'a: 1\n' }],
  ])('%j', (text, expected) => expect(splitYamlBlock(text)).toEqual(expected));
});

describe('readsStdin', () => {
  it.each([
    ['apply -f -', true],
    ['apply -f-', true],
    ['create --filename=- -n x', true],
    ['apply --filename -', true],
    ['apply -f pod.yaml', false],
    ['get pods -o wide', false],
  ])('%j', (args, expected) => expect(readsStdin(args)).toBe(expected));
});

describe('withStdin', () => {
  it('feeds the manifest through a quoted here-document, with a tag not in the manifest', () => {
    expect(withStdin('kubectl apply -f -', 'a: $X\n')).toBe("kubectl apply -f - <<'KUBEAULA_YAML'\na: $X\nKUBEAULA_YAML");
    expect(withStdin('k', 'KUBEAULA_YAML')).toBe("k <<'KUBEAULA_YAML_'\nKUBEAULA_YAML\nKUBEAULA_YAML_");
  });
});
