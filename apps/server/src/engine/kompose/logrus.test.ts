import { formatLogLine } from './logrus';

describe('logrus lines as kompose prints them (ForceColors, no timestamp)', () => {
  it.each([
    [{ level: 'info' as const, message: 'Kubernetes file "web-service.yaml" created' }, '\x1b[36mINFO\x1b[0m Kubernetes file "web-service.yaml" created   \n'],
    [{ level: 'warning' as const, message: 'short' }, `\x1b[33mWARN\x1b[0m ${'short'.padEnd(44)} \n`],
    [{ level: 'fatal' as const, message: 'boom' }, `\x1b[31mFATA\x1b[0m ${'boom'.padEnd(44)} \n`],
  ])('%j', (entry, want) => expect(formatLogLine(entry)).toBe(want));
});
