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

  it('describe -f reports the document it cannot decode', async () => {
    const kit = await folder();
    expect(await kit.sh('kubectl describe -f app/docker-compose.yaml')).toEqual({
      stdout: '',
      stderr: `error: ${DECODE('app/docker-compose.yaml', '{"services":{"web":{"image":"nginx","ports":["80:80"]}}}')}\n`,
      exitCode: 1,
    });
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
