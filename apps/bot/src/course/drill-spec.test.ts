import { drillWords, parseDrill } from './drill-spec';

describe('!drill start words', () => {
  it.each([
    [['stop-kubelet', 'node1'], { kind: 'stop-kubelet', node: 'node1' }],
    [['power-off', 'node2'], { kind: 'power-off', node: 'node2' }],
    [['delete-instance', 'node1'], { kind: 'delete-instance', node: 'node1' }],
    [['kill-container', 'lamp'], { kind: 'kill-container', pod: 'lamp' }],
    [['kill-container', 'lamp', 'mariadb'], { kind: 'kill-container', pod: 'lamp', container: 'mariadb' }],
    [['image-unavailable', 'nginx:1.25'], { kind: 'image-unavailable', image: 'nginx:1.25' }],
    [['slow-pulls', 'node1', '30'], { kind: 'slow-pulls', node: 'node1', delaySeconds: 30 }],
    [['fill-volume', 'shared', 'html'], { kind: 'fill-volume', pod: 'shared', volume: 'html' }],
  ])('%j', (words, spec) => {
    expect(parseDrill(words)).toEqual(spec);
    expect(drillWords(spec)).toBe(words.join(' '));
  });

  it.each([[[]], [['stop-kubelet']], [['stop-kubelet', 'a', 'b']], [['slow-pulls', 'node1', 'soon']], [['reboot', 'node1']], [['fill-volume', 'shared']]])('refuses %j', (words) => {
    expect(parseDrill(words)).toBeUndefined();
  });
});
