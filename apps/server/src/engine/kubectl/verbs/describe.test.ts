import { newKit } from './verb-test-kit';

// describe.go: `describe TYPE NAME` alone falls back to names that begin with NAME on a NotFound
// (DescribeMatchingResources prints each followed by a blank line); any other form reports it.
describe('kubectl describe', () => {
  it('describes the objects whose names begin with the one given, each followed by a blank line', async () => {
    const kit = newKit();
    await kit.setup('kubectl run web-a --image=nginx', 'kubectl run web-b --image=nginx', 'kubectl run db --image=nginx');
    const one = await kit.sh('kubectl describe pod web-a');
    const matched = await kit.sh('kubectl describe pod web');
    const b = await kit.sh('kubectl describe pod web-b');
    expect(matched.exitCode).toBe(0);
    expect(matched.stdout).toBe(`${one.stdout}\n${b.stdout}\n`);
    // both together, by name: separated by a blank line, with none after the last
    expect((await kit.sh('kubectl describe pods web-a web-b')).stdout).toBe(`${one.stdout}\n\n${b.stdout}`);
  });

  it('matches names only in the `describe TYPE NAME` form', async () => {
    const kit = newKit();
    await kit.setup('kubectl run web-a --image=nginx');
    const cases: [string, string, number][] = [
      ['kubectl describe pod/web', 'Error from server (NotFound): pods "web" not found\n', 1],
      ['kubectl describe pods web db', 'Error from server (NotFound): pods "web" not found\nError from server (NotFound): pods "db" not found\n', 1],
      ['kubectl describe pod nope', 'Error from server (NotFound): pods "nope" not found\n', 1],
    ];
    for (const [line, stderr, exit] of cases) {
      const r = await kit.sh(line);
      expect([line, r.stdout, r.stderr, r.exitCode]).toEqual([line, '', stderr, exit]);
    }
  });

  it('says "No resources found" by -A alone, as describe.go does', async () => {
    const kit = newKit();
    expect((await kit.sh('kubectl describe pv')).stderr).toBe('No resources found in default namespace.\n');
    expect((await kit.sh('kubectl describe pv -A')).stderr).toBe('No resources found\n');
    expect((await kit.sh('kubectl describe pods -n kube-public')).stderr).toBe('No resources found in kube-public namespace.\n');
  });
});
