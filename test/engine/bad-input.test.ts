// Bad input gets what real kubectl would print (or a clear line in its style), a non-zero exit
// code, and leaves the state as real kubectl would (nothing for a rejected object).

import { Sandbox, VirtualClock } from '../../apps/server/src/engine/sandbox';
import { runKubectl } from '../../apps/server/src/engine/kubectl/kubectl';
import { UserFs } from '../../apps/server/src/engine/shell/user-fs';

const START = Date.UTC(2026, 0, 1);

async function session() {
  const sandbox = Sandbox.create({ seed: 1, start: START, options: { limits: { maxPods: 40, maxObjects: 160 } } }, new VirtualClock(START));
  let s = sandbox.newSession();
  const run = async (line: string) => {
    const before = sandbox.cluster.store.resourceVersion;
    const { result, session } = await sandbox.run(s, line, undefined, { isTTY: false });
    s = session;
    return { ...result, wrote: sandbox.cluster.store.resourceVersion !== before };
  };
  const write = (path: string, text: string) => sandbox.hosts.master.fs.write(`/home/student/${path}`, text, { owner: 'student', mode: 0o644 });
  return { sandbox, run, write };
}

describe('bad input', () => {
  it('malformed YAML', async () => {
    const { run, write } = await session();
    write('bad.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   labels: a\n');
    const r = await run('kubectl apply -f bad.yaml');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error: error parsing bad\.yaml: error converting YAML to JSON: yaml: line \d+: /);
    expect(r.wrote).toBe(false);
  });

  it('a manifest without apiVersion or kind: the validator names what is missing, the decoder the kind first', async () => {
    // kubectl v1.32 against a server, with and without --validate=false
    const { run, write } = await session();
    write('nokind.yaml', 'apiVersion: v1\nmetadata:\n  name: x\n');
    write('none.yaml', 'metadata:\n  name: x\n');
    const tail = '; if you choose to ignore these errors, turn validation off with --validate=false\n';
    expect((await run('kubectl apply -f nokind.yaml')).stderr).toBe(`error: error validating "nokind.yaml": error validating data: kind not set${tail}`);
    const none = await run('kubectl apply -f none.yaml');
    expect(none.stderr).toBe(`error: error validating "none.yaml": error validating data: [apiVersion not set, kind not set]${tail}`);
    expect(none.exitCode).toBe(1);
    expect((await run('kubectl apply -f none.yaml --validate=false')).stderr).toBe(`error: unable to decode "none.yaml": Object 'Kind' is missing in '{"metadata":{"name":"x"}}'\n`);
    expect((await run('kubectl apply -f nokind.yaml --validate=false')).stderr).toBe(`error: unable to decode "nokind.yaml": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"x"}}'\n`);
  });

  it('arguments a command does not take, in the order kubectl v1.32 checks them', async () => {
    const { run, write } = await session();
    write('a.yaml', '');
    const said = async (line: string) => {
      const r = await run(line);
      return `${r.stderr}rc=${r.exitCode}`;
    };
    // the arguments before the files; no files: a plain error
    expect(await said('kubectl apply nginx.yaml')).toBe("error: Unexpected args: [nginx.yaml]\nSee 'kubectl apply -h' for help and examples\nrc=1");
    expect(await said('kubectl apply -f a.yaml x y')).toBe("error: Unexpected args: [x y]\nSee 'kubectl apply -h' for help and examples\nrc=1");
    expect(await said('kubectl create -f a.yaml x')).toBe("error: Unexpected args: [x]\nSee 'kubectl create -h' for help and examples\nrc=1");
    expect(await said('kubectl create')).toBe('error: must specify one of -f and -k\nrc=1');
    // an image without its container= is a resource argument, and the builder refuses the mix
    expect(await said('kubectl set image deployment/web nginx:1.25')).toBe(
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\nrc=1",
    );
    // -o: the human-readable printers belong to get
    expect(await said('kubectl create deployment web --image=nginx -o wide --dry-run=client')).toBe(
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\nrc=1',
    );
  });

  it('a YAML 1.1 boolean where the API wants a string: the server refuses it, as a real one does', async () => {
    const { run, write } = await session();
    write('p.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n    env:\n    - name: DEBUG\n      value: yes\n');
    const r = await run('kubectl apply -f p.yaml');
    expect(r.stderr).toBe('Error from server (BadRequest): error when creating "p.yaml": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal bool into Go struct field EnvVar.spec.containers.env.value of type string\n');
    expect(r.wrote).toBe(false);
    // the decoder's message prints what it read as json.Marshal does: keys sorted
    write('x.yaml', 'z: 1\nn: on\n');
    expect((await run('kubectl apply -f x.yaml --validate=false')).stderr).toBe(`error: unable to decode "x.yaml": Object 'Kind' is missing in '{"false":true,"z":1}'\n`);
  });

  it('unknown apiVersion or kind', async () => {
    const { run, write } = await session();
    write('k.yaml', 'apiVersion: v1\nkind: Poddy\nmetadata:\n  name: x\n');
    const r = await run('kubectl apply -f k.yaml');
    expect(r.stderr).toBe('error: resource mapping not found for name: "x" namespace: "" from "k.yaml": no matches for kind "Poddy" in version "v1"\nensure CRDs are installed first\n');
    expect(r.exitCode).toBe(1);
    write('v.yaml', 'apiVersion: apps/v9\nkind: Deployment\nmetadata:\n  name: x\n');
    expect((await run('kubectl create -f v.yaml')).stderr).toMatch(/no matches for kind "Deployment" in version "apps\/v9"/);
  });

  it('a multi-document file: valid objects applied, invalid ones reported, exit 1', async () => {
    const { run, write, sandbox } = await session();
    write('multi.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good2\n');
    const r = await run('kubectl apply -f multi.yaml');
    expect(r.stdout).toBe('configmap/good created\nconfigmap/good2 created\n');
    expect(r.stderr).toMatch(/^The ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
    expect(r.exitCode).toBe(1);
    expect(sandbox.cluster.store.get('configmaps', 'default', 'Bad_Name')).toBeUndefined();
  });

  it('a YAML alias bomb', async () => {
    const { run, write } = await session();
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) lines.push(`${'abcdefghijkl'[i]}: &${'abcdefghijkl'[i]} [*${'abcdefghijkl'[i - 1]},*${'abcdefghijkl'[i - 1]},*${'abcdefghijkl'[i - 1]},*${'abcdefghijkl'[i - 1]},*${'abcdefghijkl'[i - 1]},*${'abcdefghijkl'[i - 1]},*${'abcdefghijkl'[i - 1]},*${'abcdefghijkl'[i - 1]},*${'abcdefghijkl'[i - 1]}]`);
    write('bomb.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\n${lines.join('\n')}\n`);
    const t0 = Date.now();
    const r = await run('kubectl apply -f bomb.yaml');
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/excessive aliasing|cannot be handled/);
    expect(r.wrote).toBe(false);
  });

  it('a 2 MB manifest is refused without being stored', async () => {
    const { run, sandbox } = await session();
    // the sandbox's own files are limited to 1 MiB (shell tests), so a 2 MB manifest arrives
    // through stdin (a door that passes a manifest): the API server refuses the object
    void run;
    const manifest = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  k: ${'x'.repeat(2 * 1024 * 1024)}\n`;
    let out = '';
    let err = '';
    const code = await runKubectl(['apply', '-f', '-'], {
      cluster: sandbox.cluster,
      stdin: manifest,
      out: (t) => (out += t),
      err: (t) => (err += t),
      fs: new UserFs(sandbox.hosts.master.fs, 'student', '/home/student', sandbox.cluster.now),
      env: { HOME: '/home/student' },
      user: 'student',
      host: 'master',
      isTTY: false,
      signal: { aborted: false, onAbort: () => () => undefined },
      now: () => sandbox.cluster.now,
      sleep: () => undefined,
      virtualTime: true,
    });
    expect(code).toBe(1);
    expect(out).toBe('');
    // kubectl apply also stores the manifest in an annotation, which has its own limit
    expect(err).toBe('The ConfigMap "big" is invalid: \n* metadata.annotations: Too long: may not be more than 262144 bytes\n* []: Too long: may not be more than 1048576 bytes\n');
    expect(sandbox.cluster.store.get('configmaps', 'default', 'big')).toBeUndefined();
  });

  it('a 100 kB command line', async () => {
    const { run } = await session();
    const r = await run(`kubectl get pods ${'x'.repeat(100_001)}`);
    expect(r.stderr).toBe('bash: command line too long\n');
    expect(r.exitCode).toBe(2);
    expect(r.wrote).toBe(false);
  });

  it('invalid names and unknown flags', async () => {
    const { run } = await session();
    const r = await run('kubectl create namespace Dev');
    expect(r.stderr).toBe(
      'The Namespace "Dev" is invalid: metadata.name: Invalid value: "Dev": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')\n',
    );
    const f = await run('kubectl get pods --wat');
    expect(f.stderr).toBe("error: unknown flag: --wat\nSee 'kubectl get --help' for usage.\n");
    expect(f.exitCode).toBe(1);
  });

  it('the object limits: refused at admission, and controllers get FailedCreate', async () => {
    const { run, sandbox } = await session();
    const pods = sandbox.cluster.store.countOf('pods');
    const r = await run(`kubectl create deployment many --image=nginx --replicas=${40 - pods + 5}`);
    expect(r.exitCode).toBe(0);
    await run('sleep 60');
    expect(sandbox.cluster.store.countOf('pods')).toBe(40);
    const ev = await run('kubectl get events --field-selector reason=FailedCreate -o jsonpath={.items[0].message}');
    expect(ev.stdout).toMatch(/^Error creating: pods "many-[a-z0-9]+-[a-z0-9]{5}" is forbidden: exceeded quota: cluster-limits, requested: pods=1, used: pods=40, limited: pods=40/);
    const direct = await run('kubectl run one-more --image=nginx');
    expect(direct.stderr).toBe('Error from server (Forbidden): pods "one-more" is forbidden: exceeded quota: cluster-limits, requested: pods=1, used: pods=40, limited: pods=40\n');
  });
});
