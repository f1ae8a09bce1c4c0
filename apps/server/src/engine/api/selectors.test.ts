import { ApiError } from './errors';
import { Selector, matches, parseFieldSelector, parseSelector } from './selectors';

const QN = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

const LV = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

function parseError(text: string): string {
  try {
    parseSelector(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).reason).toBe('BadRequest');
    return (e as ApiError).message;
  }
  throw new Error(`parsed: ${text}`);
}

describe('parseSelector (labels.Parse)', () => {
  test.each<[string, Selector]>([
    ['', []],
    ['app=web', [{ key: 'app', op: '=', values: ['web'] }]],
    ['app==web', [{ key: 'app', op: '==', values: ['web'] }]],
    ['app!=web', [{ key: 'app', op: '!=', values: ['web'] }]],
    ['a=', [{ key: 'a', op: '=', values: [''] }]],
    ['env in (b,a)', [{ key: 'env', op: 'in', values: ['a', 'b'] }]],
    ['env notin (a,)', [{ key: 'env', op: 'notin', values: ['', 'a'] }]],
    ['a in ()', [{ key: 'a', op: 'in', values: [''] }]],
    ['a in (b,,c)', [{ key: 'a', op: 'in', values: ['', 'b', 'c'] }]],
    ['env', [{ key: 'env', op: 'exists', values: [] }]],
    ['!env', [{ key: 'env', op: '!', values: [] }]],
    ['!a,b', [{ key: 'a', op: '!', values: [] }, { key: 'b', op: 'exists', values: [] }]],
    [' env = a , tier in ( x , y ) ', [{ key: 'env', op: '=', values: ['a'] }, { key: 'tier', op: 'in', values: ['x', 'y'] }]],
    ['in in (in)', [{ key: 'in', op: 'in', values: ['in'] }]],
    ['in=notin', [{ key: 'in', op: '=', values: ['notin'] }]],
    ['notin', [{ key: 'notin', op: 'exists', values: [] }]],
    ['x.y/z=w', [{ key: 'x.y/z', op: '=', values: ['w'] }]],
    ['x>1,y<20', [{ key: 'x', op: 'gt', values: ['1'] }, { key: 'y', op: 'lt', values: ['20'] }]],
  ])('parses %j', (text, want) => {
    expect(parseSelector(text)).toEqual(want);
  });

  // recorded from kubectl v1.32 (`create pdb --selector ...`, which reports labels.Parse's error)
  test.each<[string, string]>([
    ['env in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['env in (a b)', "unable to parse requirement: found 'b', expected: ',' or ')'"],
    ['a in (b,', "unable to parse requirement: found '', expected: ',', or identifier"],
    ['env in a', "unable to parse requirement: found 'a' expected: '('"],
    ['a in b)', "unable to parse requirement: found 'b' expected: '('"],
    ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ['a!b', "unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt"],
    ['a=b,c d', "unable to parse requirement: found 'd', expected: in, notin, =, ==, !=, gt, lt"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['!!a', "unable to parse requirement: found '!', expected: identifier"],
    ['a=(b', "unable to parse requirement: found '(', expected: identifier"],
    ['a=>b', "unable to parse requirement: found '>', expected: identifier"],
    ['a=b=c', "found '=', expected: ',' or 'end of string'"],
    ['a==b==c', "found '==', expected: ',' or 'end of string'"],
    ['!a=b', "found '=', expected: ',' or 'end of string'"],
    ['env=a b', "found 'b', expected: ',' or 'end of string'"],
    ['k=v!', "found '!', expected: ',' or 'end of string'"],
    ['a in (b)c', "found 'c', expected: ',' or 'end of string'"],
    [',', "found ',', expected: !, identifier, or 'end of string'"],
    ['(a)', "found '(', expected: !, identifier, or 'end of string'"],
    ['a,', "found '', expected: identifier after ','"],
    ['a=b,', "found '', expected: identifier after ','"],
    ['a,,b', "found ',', expected: identifier after ','"],
    ['-bad=1', `unable to parse requirement: <nil>: Invalid value: "-bad": ${QN}`],
    ['/a', 'unable to parse requirement: <nil>: Invalid value: "/a": prefix part must be non-empty'],
    ['a/', `unable to parse requirement: <nil>: Invalid value: "a/": name part must be non-empty; ${QN}`],
    [
      'a/b/c',
      `unable to parse requirement: <nil>: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ],
    [
      'Example.com/a',
      `unable to parse requirement: <nil>: Invalid value: "Example.com/a": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ],
    [
      'env=-x',
      `unable to parse requirement: values[0][env]: Invalid value: "-x": ${LV}`,
    ],
    ['x>a', `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['a>', `unable to parse requirement: values[0]: Invalid value: "": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['x<-2', `unable to parse requirement: values[0][x]: Invalid value: "-2": ${LV}`],
    ['x>-a', `unable to parse requirement: [values[0]: Invalid value: "-a": for 'Gt', 'Lt' operators, the value must be an integer, values[0][x]: Invalid value: "-a": ${LV}]`],
    ['x in (-a,-b)', `unable to parse requirement: [values[0][x]: Invalid value: "-a": ${LV}, values[1][x]: Invalid value: "-b": ${LV}]`],
  ])('refuses %j as kubectl v1.32 does', (text, message) => {
    expect(parseError(text)).toBe(message);
  });
});

describe('matches', () => {
  const sel = (text: string) => (labels: Record<string, string | undefined>) => matches(parseSelector(text), labels as Record<string, string>);
  test('equality, sets, existence; != and notin also match objects without the key', () => {
    expect([{ env: 'a' }, { env: 'b' }, { env: 'c' }, {}].map(sel('env in (a,b)'))).toEqual([true, true, false, false]);
    expect([{ env: 'a' }, { env: 'b' }, { env: 'c' }, {}].map(sel('env notin (a,b)'))).toEqual([false, false, true, true]);
    expect([{ env: 'a' }, { env: 'b' }, {}].map(sel('env!=a'))).toEqual([false, true, true]);
    expect([{ env: 'a' }, { env: '' }, {}].map(sel('env'))).toEqual([true, true, false]);
    expect([{ env: 'a' }, {}].map(sel('!env'))).toEqual([false, true]);
    expect([{ env: 'a', tier: 'fe' }, { env: 'a' }].map(sel('env=a,tier'))).toEqual([true, false]);
  });

  test('gt and lt compare integers; a label that is not one never matches', () => {
    expect([{ n: '2' }, { n: '1' }, { n: '1.5' }, { n: 'x' }, {}].map(sel('n>1'))).toEqual([true, false, false, false, false]);
    expect([{ n: '-3' }, { n: '0' }].map(sel('n<0'))).toEqual([true, false]);
  });
});

describe('parseFieldSelector', () => {
  test('the fields each resource supports', () => {
    expect(parseFieldSelector('metadata.namespace=kube-system,status.phase!=Running', 'pods', 'Pod')).toEqual([
      { field: 'metadata.namespace', op: '=', value: 'kube-system' },
      { field: 'status.phase', op: '!=', value: 'Running' },
    ]);
    expect(parseFieldSelector('spec.nodeName==node1', 'pods', 'Pod')).toEqual([{ field: 'spec.nodeName', op: '=', value: 'node1' }]);
  });

  test.each<[string, string, string]>([
    ['foo=bar', 'pods', 'field label not supported: foo'],
    ['spec.nodeName=x', 'services', 'field label not supported: spec.nodeName'],
    ['foo', 'pods', "invalid selector: 'foo'; can't understand 'foo'"],
  ])('refuses %j on %s', (text, resource, message) => {
    expect(() => parseFieldSelector(text, resource, 'X')).toThrow(new ApiError('BadRequest', message));
  });
});
