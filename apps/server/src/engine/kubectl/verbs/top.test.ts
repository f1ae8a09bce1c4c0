import { newKit } from './verb-test-kit';

describe('kubectl top', () => {
  test.each([
    ['kubectl top nodes', '', 'error: Metrics API not available\n', 1],
    ['kubectl top node node1', '', 'error: Metrics API not available\n', 1],
    ['kubectl top pods -A', '', 'error: Metrics API not available\n', 1],
    ['kubectl top po web', '', 'error: Metrics API not available\n', 1],
  ])('%s', async (line, stdout, stderr, exitCode) => {
    const kit = newKit();
    expect(await kit.sh(line)).toEqual({ stdout, stderr, exitCode });
  });
});
