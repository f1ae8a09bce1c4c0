// kubectl create serviceaccount, checked against kubectl v1.32 (`--dry-run=client` needs no server).
import { newKit } from './verb-test-kit';

describe('kubectl create serviceaccount', () => {
  test('--dry-run=client prints what kubectl builds, and stores nothing', async () => {
    const kit = newKit();
    expect(await kit.sh('kubectl create serviceaccount sa1 --dry-run=client -o yaml')).toEqual({
      stdout: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  creationTimestamp: null\n  name: sa1\n',
      stderr: '',
      exitCode: 0,
    });
    expect((await kit.sh('kubectl create sa sa1 --dry-run=client -o json')).stdout).toBe(
      '{\n    "kind": "ServiceAccount",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "sa1",\n        "creationTimestamp": null\n    }\n}\n',
    );
    expect((await kit.sh('kubectl create serviceaccount sa1 --dry-run=client')).stdout).toBe('serviceaccount/sa1 created (dry run)\n');
    // the client does not validate the name
    expect((await kit.sh('kubectl create sa Bad_Name --dry-run=client -o yaml')).stdout).toBe('apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  creationTimestamp: null\n  name: Bad_Name\n');
    expect(kit.sandbox.cluster.api.tryGet('serviceaccounts', 'default', 'sa1')).toBeUndefined();
  });

  test('creates it (no token Secret), once; the server checks the name', async () => {
    const kit = newKit();
    expect(await kit.sh('kubectl create serviceaccount sa1')).toEqual({ stdout: 'serviceaccount/sa1 created\n', stderr: '', exitCode: 0 });
    expect(await kit.sh('kubectl create sa sa1')).toEqual({ stdout: '', stderr: 'Error from server (AlreadyExists): serviceaccounts "sa1" already exists\n', exitCode: 1 });
    expect(await kit.sh('kubectl create sa sa2 -n kube-public')).toEqual({ stdout: 'serviceaccount/sa2 created\n', stderr: '', exitCode: 0 });
    await kit.setup('sleep 5');
    expect((await kit.sh('kubectl get sa')).stdout).toBe('NAME      SECRETS   AGE\ndefault   0         5m5s\nsa1       0         5s\n');
    expect(kit.sandbox.cluster.api.list('secrets', { namespace: 'default' })).toEqual([]);
    expect(await kit.sh('kubectl create sa Bad_Name')).toEqual({
      stdout: '',
      stderr:
        'The ServiceAccount "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')\n',
      exitCode: 1,
    });
    expect(await kit.sh('kubectl create sa')).toEqual({ stdout: '', stderr: "error: exactly one NAME is required, got 0\nSee 'kubectl create serviceaccount -h' for help and examples\n", exitCode: 1 });
  });
});
