// -o values: kubectl v1.32's errors for bad ones, and a clear line for real formats the
// simulation does not print (the -file forms).
import { parseOutput } from './output';

describe('parseOutput', () => {
  const refused = (o: string, template = '') => {
    try {
      parseOutput(o, template);
      return undefined;
    } catch (e) {
      return (e as Error).message;
    }
  };

  it('reads the formats it prints', () => {
    expect(parseOutput('wide')).toEqual({ kind: 'table', wide: true });
    expect(parseOutput('jsonpath={.a}')).toEqual({ kind: 'jsonpath', template: '{.a}', asJson: false });
    expect(parseOutput('jsonpath', '{.b}')).toEqual({ kind: 'jsonpath', template: '{.b}', asJson: false });
    expect(parseOutput('custom-columns=N:.metadata.name')).toEqual({ kind: 'custom-columns', spec: 'N:.metadata.name' });
    expect(parseOutput('go-template={{.a}}')).toEqual({ kind: 'go-template', template: '{{.a}}' });
    expect(parseOutput('template', '{{.b}}')).toEqual({ kind: 'go-template', template: '{{.b}}' });
  });

  it('answers as kubectl for formats that do not exist or lack their template', () => {
    expect(refused('foo')).toMatch(/^error: unable to match a printer suitable for the output format "foo", allowed formats are: json, yaml, name, go-template/);
    expect(refused('jsonpath')).toBe('error: template format specified but no template given');
    expect(refused('go-template')).toBe('error: template format specified but no template given');
  });

  it('says plainly which real formats it does not print', () => {
    for (const f of ['go-template-file=t.tpl', 'templatefile=t.tpl', 'jsonpath-file=p.txt', 'custom-columns-file=c.txt']) {
      expect(refused(f)).toBe(`error: -o ${f.split('=')[0]} is not supported in kubeaula: use -o jsonpath='{...}' or -o custom-columns=... instead`);
    }
  });
});
