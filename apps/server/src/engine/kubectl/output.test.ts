// -o values: kubectl v1.32's errors for bad ones, and a clear line for real formats the
// simulation does not print (the -file forms).
import { parseOutput } from './output';

describe('parseOutput', () => {
  const refused = (o: string, template = '', table = true) => {
    try {
      parseOutput(o, template, table);
      return undefined;
    } catch (e) {
      return (e as Error).message;
    }
  };

  it('reads the formats it prints', () => {
    expect(parseOutput('wide', '', true)).toEqual({ kind: 'table', wide: true });
    expect(parseOutput('jsonpath={.a}')).toEqual({ kind: 'jsonpath', template: '{.a}', asJson: false });
    expect(parseOutput('jsonpath', '{.b}')).toEqual({ kind: 'jsonpath', template: '{.b}', asJson: false });
    expect(parseOutput('custom-columns=N:.metadata.name', '', true)).toEqual({ kind: 'custom-columns', spec: 'N:.metadata.name' });
    expect(parseOutput('go-template={{.a}}')).toEqual({ kind: 'go-template', template: '{{.a}}' });
    expect(parseOutput('template', '{{.b}}')).toEqual({ kind: 'go-template', template: '{{.b}}' });
    // --template alone
    expect(parseOutput('', '{{.c}}')).toEqual({ kind: 'go-template', template: '{{.c}}' });
    expect(parseOutput('')).toEqual({ kind: 'table', wide: false });
  });

  it('answers as kubectl for formats that do not exist or lack their template', () => {
    // kubectl v1.32: `get -o jsn`, and `create deployment ... -o jsn` (every command but get)
    expect(refused('jsn')).toBe(
      'error: unable to match a printer suitable for the output format "jsn", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml',
    );
    const objectFormats = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';
    expect(refused('jsn', '', false)).toBe(`error: unable to match a printer suitable for the output format "jsn", allowed formats are: ${objectFormats}`);
    expect(refused('jsonpath')).toBe('error: template format specified but no template given');
    expect(refused('go-template')).toBe('error: template format specified but no template given');
  });

  it('refuses the human-readable printers outside get, as kubectl does', () => {
    for (const o of ['wide', 'custom-columns=A:.x', 'custom-columns-file=c.txt']) {
      expect(refused(o, '', false)).toMatch(new RegExp(`^error: unable to match a printer suitable for the output format "${o.replace(/[.]/g, '\\.')}", allowed formats are: go-template,`));
    }
  });

  it('says plainly which real formats it does not print', () => {
    for (const f of ['go-template-file=t.tpl', 'templatefile=t.tpl', 'jsonpath-file=p.txt', 'custom-columns-file=c.txt']) {
      expect(refused(f)).toBe(`error: -o ${f.split('=')[0]} is not supported in kubeaula: use -o jsonpath='{...}' or -o custom-columns=... instead`);
    }
  });
});
