// Documents kubectl cannot map, read from -f FILE or a directory: the decoder's and the schema's
// refusals, files named as filepath.Join names them, and several errors printed as one Aggregate
// (no `error: ` prefix on each), after every object that was applied or deleted. Checked against
// kubectl v1.32 (client side, --dry-run=client, where these errors come before any request).
import { newKit } from './verb-test-kit';

const VALIDATE = (file: string) =>
  `error validating "${file}": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false`;
const DECODE = (file: string, json: string) => `unable to decode "${file}": Object 'Kind' is missing in '${json}'`;

async function folder() {
  const kit = newKit();
  await kit.setup(
    'mkdir app',
    `printf 'services:\\n  web:\\n    image: nginx\\n    ports:\\n      - "80:80"\\n' > app/docker-compose.yaml`,
    `printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: settings\\n' > app/settings.yaml`,
  );
  return kit;
}

describe('documents that are not Kubernetes objects', () => {
  it('apply -f DIR: the valid object is applied, the refusal follows it, named as filepath.Join names it', async () => {
    const kit = await folder();
    await kit.setup('cd app');
    expect(await kit.sh('kubectl apply -f .')).toEqual({ stdout: 'configmap/settings created\n', stderr: `error: ${VALIDATE('docker-compose.yaml')}\n`, exitCode: 1 });
    await kit.setup('cd ..');
    expect(await kit.sh('kubectl apply -f ./app/')).toEqual({ stdout: 'configmap/settings unchanged\n', stderr: `error: ${VALIDATE('app/docker-compose.yaml')}\n`, exitCode: 1 });
  });

  it('delete -f: a document without a kind cannot be decoded (delete does not validate)', async () => {
    const kit = await folder();
    await kit.setup('kubectl apply -f app/settings.yaml');
    expect(await kit.sh('kubectl delete -f app')).toEqual({
      stdout: 'configmap "settings" deleted\n',
      stderr: `error: ${DECODE('app/docker-compose.yaml', '{"services":{"web":{"image":"nginx","ports":["80:80"]}}}')}\n`,
      exitCode: 1,
    });
  });

  it('several errors are one Aggregate: a line each, without the error: prefix', async () => {
    const kit = await folder();
    await kit.setup(`printf 'foo: 1\\nbar: [a, b]\\n' > app/other.yaml`);
    expect(await kit.sh('kubectl apply -f app')).toEqual({
      stdout: 'configmap/settings created\n',
      stderr: `${VALIDATE('app/docker-compose.yaml')}\n${VALIDATE('app/other.yaml')}\n`,
      exitCode: 1,
    });
    expect(await kit.sh('kubectl delete -f app')).toEqual({
      stdout: 'configmap "settings" deleted\n',
      // the document's JSON as Go marshals a map: keys sorted
      stderr: `${DECODE('app/docker-compose.yaml', '{"services":{"web":{"image":"nginx","ports":["80:80"]}}}')}\n${DECODE('app/other.yaml', '{"bar":["a","b"],"foo":1}')}\n`,
      exitCode: 1,
    });
    // an API error keeps its own form among them, in the order the documents are visited
    expect(await kit.sh('kubectl delete -f app/settings.yaml -f app/other.yaml')).toEqual({
      stdout: '',
      stderr: `Error from server (NotFound): error when deleting "app/settings.yaml": configmaps "settings" not found\n${DECODE('app/other.yaml', '{"bar":["a","b"],"foo":1}')}\n`,
      exitCode: 1,
    });
  });

  it('describe -f and get -f stop at the document they cannot decode, printed as it is (no error: prefix)', async () => {
    const kit = await folder();
    await kit.setup('kubectl apply -f app/settings.yaml');
    const compose = DECODE('app/docker-compose.yaml', '{"services":{"web":{"image":"nginx","ports":["80:80"]}}}');
    expect(await kit.sh('kubectl describe -f app/docker-compose.yaml')).toEqual({ stdout: '', stderr: `${compose}\n`, exitCode: 1 });
    // nothing is read, not even the ConfigMap that is there
    expect(await kit.sh('kubectl get -f app')).toEqual({ stdout: '', stderr: `${compose}\n`, exitCode: 1 });
    await kit.setup(`printf 'apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: a\\n spec: {}\\n' > bad.yaml`);
    expect(await kit.sh('kubectl get -f bad.yaml')).toEqual({ stdout: '', stderr: 'error parsing bad.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key\n', exitCode: 1 });
  });

  it('a document that is not an object: validation refuses it and stops reading its file; unvalidated, the decoder refuses it', async () => {
    const kit = newKit();
    await kit.setup(
      `printf -- '- 1\\n- 2\\n---\\napiVersion: v1\\nkind: Namespace\\nmetadata:\\n  name: ok\\n' > list-first.yaml`,
      `printf 'apiVersion: v1\\nkind: Namespace\\nmetadata:\\n  name: first\\n---\\nhello\\n---\\nworld\\n' > strings.yaml`,
    );
    const invalid = (f: string) => `error validating "${f}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`;
    const undecodable = (f: string, t: string) => `unable to decode "${f}": json: cannot unmarshal ${t} into Go value of type unstructured.detector`;
    // the Namespace after the list is never read
    expect(await kit.sh('kubectl apply -f list-first.yaml')).toEqual({ stdout: '', stderr: `error: ${invalid('list-first.yaml')}\n`, exitCode: 1 });
    // the one before the first string is applied, the second string is not reached
    expect(await kit.sh('kubectl apply -f strings.yaml')).toEqual({ stdout: 'namespace/first created\n', stderr: `error: ${invalid('strings.yaml')}\n`, exitCode: 1 });
    expect(await kit.sh('kubectl apply -f strings.yaml --validate=false')).toEqual({
      stdout: 'namespace/first unchanged\n',
      stderr: `${undecodable('strings.yaml', 'string')}\n${undecodable('strings.yaml', 'string')}\n`,
      exitCode: 1,
    });
    expect(await kit.sh('kubectl get -f list-first.yaml')).toEqual({ stdout: '', stderr: `${undecodable('list-first.yaml', 'array')}\n`, exitCode: 1 });
  });

  it('a document without apiVersion or kind stops the reading of its file too, when validated', async () => {
    const kit = newKit();
    await kit.setup(`printf 'apiVersion: v1\\nmetadata:\\n  name: a\\n---\\napiVersion: v1\\nkind: Namespace\\nmetadata:\\n  name: ok\\n' > nokind.yaml`);
    expect(await kit.sh('kubectl apply -f nokind.yaml')).toEqual({
      stdout: '',
      stderr: 'error: error validating "nokind.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n',
      exitCode: 1,
    });
    expect((await kit.sh('kubectl get ns ok')).exitCode).toBe(1);
  });

  it('files with no object: apply and create say so, get finds nothing, delete finds nothing', async () => {
    const kit = newKit();
    await kit.setup(`printf -- '---\\n---\\n' > empty.yaml`, 'touch zero.yaml');
    expect(await kit.sh('kubectl apply -f empty.yaml')).toEqual({ stdout: '', stderr: 'error: no objects passed to apply\n', exitCode: 1 });
    expect(await kit.sh('kubectl apply -f - < zero.yaml')).toEqual({ stdout: '', stderr: 'error: no objects passed to apply\n', exitCode: 1 });
    expect(await kit.sh('kubectl create -f zero.yaml')).toEqual({ stdout: '', stderr: 'error: no objects passed to create\n', exitCode: 1 });
    expect(await kit.sh('kubectl replace -f empty.yaml')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(await kit.sh('kubectl get -f empty.yaml')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
    expect(await kit.sh('kubectl delete -f empty.yaml')).toEqual({ stdout: 'No resources found\n', stderr: '', exitCode: 0 });
  });

  it('create -f and replace -f print their errors the same way, after the objects', async () => {
    const kit = await folder();
    await kit.setup(`printf 'foo: 1\\nbar: [a, b]\\n' > app/other.yaml`);
    expect(await kit.sh('kubectl create -f app')).toEqual({
      stdout: 'configmap/settings created\n',
      stderr: `${VALIDATE('app/docker-compose.yaml')}\n${VALIDATE('app/other.yaml')}\n`,
      exitCode: 1,
    });
    expect(await kit.sh('kubectl replace -f app/other.yaml')).toEqual({ stdout: '', stderr: `error: ${VALIDATE('app/other.yaml')}\n`, exitCode: 1 });
  });
});
