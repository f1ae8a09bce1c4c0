// -o values: kubectl v1.32's errors for bad ones, template files read from the host, and a clear
// line for custom-columns-file, which the simulation does not print.
import { parseOutput } from './output';
import { newKit } from './verbs/verb-test-kit';

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

  it('says plainly that get does not print custom-columns-file', () => {
    expect(refused('custom-columns-file=c.txt')).toBe("error: -o custom-columns-file is not supported in kubeaula: use -o jsonpath='{...}' or -o custom-columns=... instead");
  });
});

describe('template files (-o go-template-file, templatefile, jsonpath-file), as kubectl v1.32 reads them', () => {
  it('prints with the text of the file, its newline included, or says why it could not read it', async () => {
    const kit = newKit();
    await kit.setup("printf '{{.metadata.name}}\\n' > t.tmpl", "printf '{.metadata.name}' > t.jp", "printf '{{.bad' > bad.tmpl", 'mkdir dd');
    const create = (o: string) => kit.sh(`kubectl create deployment web --image=nginx --dry-run=client -o ${o}`);
    expect(await create('go-template-file=t.tmpl')).toEqual({ stdout: 'web\n', stderr: '', exitCode: 0 });
    expect(await create('templatefile=t.tmpl')).toEqual({ stdout: 'web\n', stderr: '', exitCode: 0 });
    expect(await create('jsonpath-file=t.jp')).toEqual({ stdout: 'web', stderr: '', exitCode: 0 });
    expect(await create('go-template-file --template=t.tmpl')).toEqual({ stdout: 'web\n', stderr: '', exitCode: 0 });
    expect((await create('go-template-file=x')).stderr).toBe('error: error reading --template x, open x: no such file or directory\n');
    expect((await create('jsonpath-file=dd')).stderr).toBe('error: error reading --template dd, read dd: is a directory\n');
    expect((await create('jsonpath-file')).stderr).toBe('error: template format specified but no template given\n');
    expect((await create('go-template-file=bad.tmpl')).stderr).toBe('error: error parsing template {{.bad, template: output:1: unclosed action\n');
    await kit.setup('kubectl create deployment web --image=nginx');
    expect((await kit.sh('kubectl get deploy web -o go-template-file=t.tmpl')).stdout).toBe('web\n');
  });
});
