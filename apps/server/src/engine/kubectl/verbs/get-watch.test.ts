// kubectl get -w (get.go watch): the list and every event after it go through one tabwriter
// with RememberWidths, so later rows keep the columns of the first table; a watch of several
// types fails before anything is printed (the builder's SingleResourceType check).
import { newKit } from './verb-test-kit';

describe('kubectl get --watch', () => {
  it('prints the events in the columns of the listed table', async () => {
    const kit = newKit();
    await kit.setup('kubectl run web --image=nginx');
    expect(await kit.sh('kubectl get pods -w --request-timeout=10s')).toEqual({
      stdout:
        'NAME   READY   STATUS              RESTARTS   AGE\n' +
        'web    0/1     ContainerCreating   0          0s\n' +
        'web    0/1     ContainerCreating   0          1s\n' +
        'web    1/1     Running             0          4s\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('a wider cell widens its column from that row on', async () => {
    const kit = newKit();
    await kit.setup('kubectl run a --image=busybox --restart=Never -- sleep 5', 'sleep 4');
    expect((await kit.sh('kubectl get pods -w --request-timeout=10s')).stdout).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE\n' + 'a      1/1     Running   0          4s\n' + 'a      0/1     Completed   0          7s\n',
    );
  });

  it('several types: the error alone, nothing listed first', async () => {
    const kit = newKit();
    await kit.setup('kubectl run web --image=nginx');
    expect(await kit.sh('kubectl get pods,svc -w')).toEqual({ stdout: '', stderr: 'error: you may only specify a single resource type\n', exitCode: 1 });
  });

  it('--output-watch-events: a table gets an EVENT column, padded as formatEventType does', async () => {
    const kit = newKit();
    await kit.setup('kubectl run web --image=nginx');
    expect(await kit.sh('kubectl get pods -w --output-watch-events --request-timeout=10s')).toEqual({
      stdout:
        'EVENT      NAME   READY   STATUS              RESTARTS   AGE\n' +
        'ADDED      web    0/1     ContainerCreating   0          0s\n' +
        'MODIFIED   web    0/1     ContainerCreating   0          1s\n' +
        'MODIFIED   web    1/1     Running             0          4s\n',
      stderr: '',
      exitCode: 0,
    });
  });
});

describe('kubectl get --watch --output-watch-events with an object printer (a metav1.WatchEvent per object)', () => {
  const endpoints = async () => {
    const kit = newKit();
    await kit.setup('kubectl run web --image=nginx --labels=app=web', 'kubectl create service clusterip web --tcp=80');
    return kit;
  };
  const meta = (trigger: string, rv: string): string =>
    `"metadata":{"annotations":{"endpoints.kubernetes.io/last-change-trigger-time":"${trigger}"},"creationTimestamp":"2026-01-01T00:00:00Z","labels":{"app":"web"},"name":"web","namespace":"default","resourceVersion":"${rv}","uid":"338e0d0d-a608-4e75-a8ea-925140d4efd2"}`;
  const subset = (key: string): string =>
    `"subsets":[{"${key}":[{"ip":"10.244.1.2","nodeName":"node1","targetRef":{"kind":"Pod","name":"web","namespace":"default","uid":"20f8e1da-9657-49ed-8809-35eeecd88b93"}}],"ports":[{"name":"80","port":80,"protocol":"TCP"}]}]`;

  it('-o json: each event on one line, {"type","object"} compact as json.Marshal writes it', async () => {
    const kit = await endpoints();
    expect(await kit.sh('kubectl get endpoints web -w --output-watch-events -o json --request-timeout=10s')).toEqual({
      stdout:
        `{"type":"ADDED","object":{"apiVersion":"v1","kind":"Endpoints",${meta('2026-01-01T00:00:00Z', '126')}}}\n` +
        `{"type":"MODIFIED","object":{"apiVersion":"v1","kind":"Endpoints",${meta('2026-01-01T00:00:01Z', '130')},${subset('notReadyAddresses')}}}\n` +
        `{"type":"MODIFIED","object":{"apiVersion":"v1","kind":"Endpoints",${meta('2026-01-01T00:00:04Z', '136')},${subset('addresses')}}}\n`,
      stderr: '',
      exitCode: 0,
    });
  });

  it('-o yaml: each event a document with object then type, documents after the first opening with ---', async () => {
    const kit = await endpoints();
    const r = await kit.sh('kubectl get endpoints web --watch-only --output-watch-events -o yaml --request-timeout=10s');
    const doc = (trigger: string, rv: string, key: string): string =>
      [
        'object:',
        '  apiVersion: v1',
        '  kind: Endpoints',
        '  metadata:',
        '    annotations:',
        `      endpoints.kubernetes.io/last-change-trigger-time: "${trigger}"`,
        '    creationTimestamp: "2026-01-01T00:00:00Z"',
        '    labels:',
        '      app: web',
        '    name: web',
        '    namespace: default',
        `    resourceVersion: "${rv}"`,
        '    uid: 338e0d0d-a608-4e75-a8ea-925140d4efd2',
        '  subsets:',
        `  - ${key}:`,
        '    - ip: 10.244.1.2',
        '      nodeName: node1',
        '      targetRef:',
        '        kind: Pod',
        '        name: web',
        '        namespace: default',
        '        uid: 20f8e1da-9657-49ed-8809-35eeecd88b93',
        '    ports:',
        '    - name: "80"',
        '      port: 80',
        '      protocol: TCP',
        'type: MODIFIED',
        '',
      ].join('\n');
    expect(r).toEqual({ stdout: doc('2026-01-01T00:00:01Z', '130', 'notReadyAddresses') + '---\n' + doc('2026-01-01T00:00:04Z', '136', 'addresses'), stderr: '', exitCode: 0 });
  });

  it('-o name prints the object alone; jsonpath, go-template and custom-columns read type and object', async () => {
    // each on a new cluster: a watch runs the cluster's 10 seconds
    const watch = async (o: string) => (await endpoints()).sh(`kubectl get endpoints web -w --output-watch-events ${o} --request-timeout=10s`);
    expect((await watch('-o name')).stdout).toBe('endpoints/web\n'.repeat(3));
    expect((await watch(`-o jsonpath='{.type} {.metadata.name}/{.object.metadata.name}{"\\n"}'`)).stdout).toBe('ADDED /web\nMODIFIED /web\nMODIFIED /web\n');
    expect((await watch(`-o go-template='{{.type}} {{.object.metadata.resourceVersion}}{{"\\n"}}'`)).stdout).toBe('ADDED 126\nMODIFIED 130\nMODIFIED 136\n');
    // the header once, the rows through the watch's tabwriter: a wider cell widens its column from there on
    expect((await watch('-o custom-columns=T:.type,N:.object.metadata.name,M:.metadata.name')).stdout).toBe(
      'T       N     M\n' + 'ADDED   web   <none>\n' + 'MODIFIED   web   <none>\n' + 'MODIFIED   web   <none>\n',
    );
  });

  it('without events, -o yaml separates the documents and custom-columns prints its header once', async () => {
    const kit = await endpoints();
    const kubernetes = (await kit.sh('kubectl get endpoints kubernetes -o yaml')).stdout;
    const r = await kit.sh('kubectl get endpoints -w -o yaml --request-timeout=10s');
    const docs = r.stdout.split('---\n');
    expect(docs).toHaveLength(4);
    expect(docs[0]).toBe(kubernetes);
    expect(docs.slice(1).map((d) => d.match(/resourceVersion: "(\d+)"/)![1])).toEqual(['126', '130', '136']);
    const again = await endpoints();
    expect((await again.sh('kubectl get endpoints -w -o custom-columns=NAME:.metadata.name,RV:.metadata.resourceVersion --request-timeout=10s')).stdout).toBe(
      'NAME         RV\n' + 'kubernetes   14\n' + 'web          126\n' + 'web          130\n' + 'web          136\n',
    );
  });

  it('is refused without --watch, and --show-labels with an object printer, as Validate does', async () => {
    const kit = await endpoints();
    expect(await kit.sh('kubectl get pods --output-watch-events -o json')).toEqual({ stdout: '', stderr: 'error: --output-watch-events option can only be used with --watch or --watch-only\n', exitCode: 1 });
    expect(await kit.sh('kubectl get pods --output-watch-events -o bogus')).toEqual({ stdout: '', stderr: 'error: --output-watch-events option can only be used with --watch or --watch-only\n', exitCode: 1 });
    expect(await kit.sh('kubectl get pods --show-labels --output-watch-events -o name')).toEqual({ stdout: '', stderr: 'error: --show-labels option cannot be used with name printer\n', exitCode: 1 });
    // Complete's check comes first
    expect((await kit.sh('kubectl get --output-watch-events -o bogus')).stderr).toMatch(/^You must specify the type of resource to get\./);
  });
});
