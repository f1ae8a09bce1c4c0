import { fillTemplate, formatTime } from './log-template';

const at = Date.UTC(2026, 0, 2, 3, 4, 5, 67);
const vars = { at, hostname: 'web-1', ip: '10.244.1.5', vars: { version: '1.27.3', dollar: '$&' } };

describe('fillTemplate', () => {
  it.each([
    ['{time:nginx} [notice] 1#1: nginx/{version}', '2026/01/02 03:04:05 [notice] 1#1: nginx/1.27.3'],
    ['{hostname} at {ip}', 'web-1 at 10.244.1.5'],
    ['unknown {nope} stays, {dollar} is taken literally', 'unknown {nope} stays, $& is taken literally'],
    ['{time:redis}|{time:apache}|{time:pg}', '02 Jan 2026 03:04:05.067|Fri Jan 02 03:04:05.067000 2026|2026-01-02 03:04:05.067'],
    ['no placeholders', 'no placeholders'],
    ['{} and {time:} and {{hostname}}', '{} and {time:} and {web-1}'],
    ['{hostname}', 'web-1'],
  ])('%s', (line, expected) => {
    expect(fillTemplate(line, vars)).toBe(expected);
    expect(fillTemplate(line, vars)).toBe(expected); // the compiled form answers the same
  });

  it('formats each time in its own style, not the last one asked', () => {
    expect(formatTime('mysql', at)).toBe('2026-01-02 03:04:05+00:00');
    expect(formatTime('mysql', at + 1000)).toBe('2026-01-02 03:04:06+00:00');
    expect(formatTime('php', at + 1000)).toBe('02-Jan-2026 03:04:06');
  });
});
