import { parsePortEntry, parseVolumeEntry } from './compose-fields';
import { shellSplit } from './shell-words';

const p = (hostPort: number, containerPort: number, protocol = 'TCP', hostIP = '') => ({ hostPort, containerPort, protocol, hostIP });

describe('ports', () => {
  it.each<[unknown, ReturnType<typeof p>[]]>([
    ['80', [p(0, 80)]],
    [80, [p(0, 80)]],
    ['8080:80', [p(8080, 80)]],
    ['6379/udp', [p(0, 6379, 'UDP')]],
    ['127.0.0.1:8001:8001', [p(8001, 8001, 'TCP', '127.0.0.1')]],
    ['3000-3002', [p(0, 3000), p(0, 3001), p(0, 3002)]],
    ['9090-9091:8080-8081', [p(9090, 8080), p(9091, 8081)]],
    ['1234:1235/udp', [p(1234, 1235, 'UDP')]],
    [{ target: 80, published: 8080, protocol: 'tcp', mode: 'host' }, [p(8080, 80)]],
    [{ target: 53, protocol: 'udp' }, [p(0, 53, 'UDP')]],
  ])('%j', (entry, want) => {
    expect(parsePortEntry(entry)).toEqual(want);
  });
});

describe('volumes', () => {
  it.each([
    ['data:/var/lib/mysql', { type: 'volume', source: 'data', target: '/var/lib/mysql', readOnly: false }],
    ['./html:/usr/share/nginx/html:ro', { type: 'bind', source: '/app/html', target: '/usr/share/nginx/html', readOnly: true }],
    ['/srv/data:/data', { type: 'bind', source: '/srv/data', target: '/data', readOnly: false }],
    ['~/cfg:/cfg', { type: 'bind', source: '/home/student/cfg', target: '/cfg', readOnly: false }],
    ['/cache', { type: 'volume', source: '', target: '/cache', readOnly: false }],
    ['C:\\Users\\data:D:\\config:rw', { type: 'bind', source: 'C:\\Users\\data', target: 'D:\\config', readOnly: false }],
    [{ type: 'bind', source: './x', target: '/x', read_only: true }, { type: 'bind', source: '/app/x', target: '/x', readOnly: true }],
  ])('%j', (entry, want) => {
    expect(parseVolumeEntry(entry, '/app', '/home/student')).toEqual(want);
  });
});

describe('shellSplit', () => {
  it.each([
    ['python app.py', ['python', 'app.py']],
    ['server --console-address ":9001" /data', ['server', '--console-address', ':9001', '/data']],
    ['sh -c "echo Hello Foo"', ['sh', '-c', 'echo Hello Foo']],
    ["echo 'a  b' c\\ d", ['echo', 'a  b', 'c d']],
  ])('%s', (text, want) => expect(shellSplit(text)).toEqual(want));
});
