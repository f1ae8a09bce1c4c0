// -o values: kubectl v1.32's errors for bad ones, and template and columns files read from the host.
import { parseOutput } from './output';
import { newKit } from './verbs/verb-test-kit';
import { KubeObject } from '../api/types';

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

  it('wants a file for custom-columns-file', () => {
    const noFiles = (): string => '';
    for (const o of ['custom-columns-file', 'custom-columns-file=']) {
      expect(() => parseOutput(o, '', true, noFiles)).toThrow('error: custom-columns format specified but no custom columns given');
    }
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

describe('-o custom-columns-file, as kubectl v1.32 reads it', () => {
  // each answer checked against the real kubectl v1.32 (its get against a minimal API server)
  it('prints the columns its first two lines name, its header even with --no-headers', async () => {
    const kit = newKit();
    await kit.setup(
      "printf 'NAME   RV\\nmetadata.name   {.metadata.uid}\\nnot read\\n' > cols.txt",
      "printf '  NAME\\tIMAGE  \\r\\n  metadata.name\\t.spec.containers[*].image\\r\\n' > crlf.txt",
      'kubectl run web --image=nginx',
      'kubectl run db --image=redis',
    );
    const uid = (name: string) => (kit.sandbox.cluster.store.get('pods', 'default', name) as KubeObject).metadata.uid;
    const table = `NAME   RV\ndb     ${uid('db')}\nweb    ${uid('web')}\n`;
    expect(await kit.sh('kubectl get pods -o custom-columns-file=cols.txt')).toEqual({ stdout: table, stderr: '', exitCode: 0 });
    expect((await kit.sh('kubectl get pods -o custom-columns-file=cols.txt --no-headers')).stdout).toBe(table);
    expect((await kit.sh('kubectl get pods -o custom-columns-file --template=cols.txt')).stdout).toBe(table);
    expect((await kit.sh('kubectl get pod web -o custom-columns-file=crlf.txt')).stdout).toBe('NAME   IMAGE\nweb    nginx\n');
    // and a watch prints the header once, before its first row
    const watched = (await kit.sh('kubectl get pod web -w -o custom-columns-file=crlf.txt --no-headers --request-timeout=3s')).stdout;
    expect(watched.split('\n').slice(0, 2)).toEqual(['NAME   IMAGE', 'web    nginx']);
    expect(watched.match(/NAME/g)).toHaveLength(1);
    // an empty list still has its header; the file is read when the printer is made, after the
    // resource type is known
    expect(await kit.sh('kubectl get pods -n kube-public -o custom-columns-file=cols.txt')).toEqual({ stdout: 'NAME   RV\n', stderr: '', exitCode: 0 });
    expect((await kit.sh('kubectl get nothings -o custom-columns-file=missing.txt')).stderr).toBe('error: the server doesn\'t have a resource type "nothings"\n');
  });

  it("says what is wrong with a file in kubectl's words", async () => {
    const kit = newKit();
    await kit.setup(
      "printf 'NAME RV\\n' > header-only.txt",
      "printf 'NAME RV\\nmetadata.name\\n' > short.txt",
      "printf 'NAME\\n{.metadata.name\\n' > bad-path.txt",
      ': > empty.txt',
      'mkdir dir',
      'kubectl run web --image=nginx',
    );
    const err = async (file: string) => {
      const r = await kit.sh(`kubectl get pods -o custom-columns-file=${file}`);
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toBe('');
      return r.stderr;
    };
    const format = 'Expected format is one line of space separated headers, one line of space separated column specs.';
    expect(await err('missing.txt')).toBe('error: error reading template missing.txt, open missing.txt: no such file or directory\n');
    expect(await err('empty.txt')).toBe(`error: invalid template, missing header line. ${format}\n`);
    expect(await err('dir')).toBe(`error: invalid template, missing header line. ${format}\n`);
    expect(await err('header-only.txt')).toBe(`error: invalid template, missing spec line. ${format}\n`);
    expect(await err('short.txt')).toBe("error: number of headers (2) and field specifications (1) don't match\n");
    expect(await err('bad-path.txt')).toBe("error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n");
  });
});
