// Expected values recorded from kubectl v1.32: `kubectl create service clusterip web --tcp=SPEC --dry-run=client -o yaml`.
import { CommandError } from '../context';
import { parseTcpSpec } from './service-ports';

const ok: [string, { name: string; port: number; targetPort: number | string }][] = [
  ['80', { name: '80', port: 80, targetPort: 80 }],
  ['0', { name: '0', port: 0, targetPort: 0 }],
  ['80:8080', { name: '80-8080', port: 80, targetPort: 8080 }],
  ['80:abc', { name: '80-abc', port: 80, targetPort: 'abc' }],
  ['80:8080:1', { name: '80-8080-1', port: 80, targetPort: 8080 }],
  ['80:+5', { name: '80-+5', port: 80, targetPort: 5 }],
];

const bad: [string, string][] = [
  ['abc', 'error: strconv.ParseUint: parsing "abc": invalid syntax'],
  ['99999', 'error: strconv.ParseUint: parsing "99999": value out of range'],
  ['-1', 'error: strconv.ParseUint: parsing "-1": invalid syntax'],
  [' 80', 'error: strconv.ParseUint: parsing " 80": invalid syntax'],
  [':80', 'error: strconv.ParseUint: parsing "": invalid syntax'],
  ['abc:80', 'error: strconv.ParseUint: parsing "abc": invalid syntax'],
  ['80:0', 'error: must be between 1 and 65535, inclusive'],
  ['80:99999', 'error: must be between 1 and 65535, inclusive'],
  ['80:', 'error: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-),must contain at least one letter (a-z)'],
  ['80:ABC', 'error: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-),must contain at least one letter (a-z)'],
  ['80:a--b', 'error: must not contain consecutive hyphens'],
  ['80:-ab', 'error: must not begin or end with a hyphen'],
  ['80:abcdefghijklmnopq', 'error: must be no more than 15 characters'],
  ['80:a_b', 'error: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'],
];

describe('--tcp of kubectl create service', () => {
  it.each(ok)('%s', (spec, want) => expect(parseTcpSpec(spec)).toEqual(want));
  it.each(bad)('%s is refused', (spec, message) => {
    expect(() => parseTcpSpec(spec)).toThrow(CommandError);
    expect(() => parseTcpSpec(spec)).toThrow(message);
  });
});
