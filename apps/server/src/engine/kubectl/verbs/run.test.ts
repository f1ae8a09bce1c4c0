// kubectl run's flags that make more than a bare pod: --expose (a service too), --privileged,
// --overrides (also on expose), checked against kubectl v1.32's generators and messages.
import { KubeObject, Pod } from '../../api/types';
import { newKit, terminal } from './verb-test-kit';

describe('kubectl run', () => {
  it('--expose makes a ClusterIP service for the pod, printed first', async () => {
    const kit = newKit();
    expect(await kit.sh('kubectl run web --image=nginx --port=80 --expose')).toEqual({ stdout: 'service/web created\npod/web created\n', stderr: '', exitCode: 0 });
    const svc = kit.sandbox.cluster.api.get('services', 'default', 'web') as KubeObject & { spec: Record<string, unknown> };
    expect(svc.spec).toMatchObject({ type: 'ClusterIP', selector: { run: 'web' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] });
    expect(svc.metadata.labels).toBeUndefined();
    await kit.setup('sleep 10');
    expect((await kit.sh('kubectl get endpoints web --no-headers')).stdout).toMatch(/^web +10\.244\.\d+\.\d+:80 +\d+s\n$/);
  });

  it('--expose selects by --labels and labels the service with them', async () => {
    const kit = newKit();
    const r = await kit.sh('kubectl run web --image=nginx --port=8080 --labels=app=w,tier=x --expose --dry-run=client -o yaml');
    // kubectl v1.32 (run against a discovery-only server): the service, its own `---`, then the
    // shared YAML printer's `---` before the pod
    expect(r.stdout).toBe(
      'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: w\n    tier: x\n  name: web\nspec:\n  ports:\n  - port: 8080\n    protocol: TCP\n    targetPort: 8080\n  selector:\n    app: w\n    tier: x\nstatus:\n  loadBalancer: {}\n---\n---\n' +
        'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: w\n    tier: x\n  name: web\nspec:\n  containers:\n  - image: nginx\n    name: web\n    ports:\n    - containerPort: 8080\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n',
    );
    expect(kit.sandbox.cluster.api.tryGet('services', 'default', 'web')).toBeUndefined();
  });

  it('--expose needs --port; a service that exists already fails after the pod is made', async () => {
    const kit = newKit();
    expect(await kit.sh('kubectl run web --image=nginx --expose')).toEqual({ stdout: '', stderr: "error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples\n", exitCode: 1 });
    expect(kit.sandbox.cluster.api.tryGet('pods', 'default', 'web')).toBeUndefined();
    await kit.setup('kubectl create service clusterip web --tcp=80');
    expect(await kit.sh('kubectl run web --image=nginx --port=80 --expose')).toEqual({ stdout: 'pod/web created\n', stderr: 'Error from server (AlreadyExists): services "web" already exists\n', exitCode: 1 });
    expect(kit.sandbox.cluster.api.tryGet('pods', 'default', 'web')).toBeDefined();
  });

  it('--privileged sets the container privileged', async () => {
    const kit = newKit();
    await kit.setup('kubectl run p --image=nginx --privileged');
    expect((kit.sandbox.cluster.api.get('pods', 'default', 'p') as Pod).spec.containers[0].securityContext).toEqual({ privileged: true });
  });

  it('--overrides patches the generated pod (merge, strategic, json) and refuses bad input', async () => {
    const kit = newKit();
    await kit.setup(
      `kubectl run a --image=nginx --overrides='{"spec":{"nodeName":"node2"}}'`,
      `kubectl run b --image=nginx --override-type=strategic --overrides='{"spec":{"containers":[{"name":"b","image":"httpd"}]}}'`,
      `kubectl run c --image=nginx --override-type=json --overrides='[{"op":"add","path":"/metadata/labels/extra","value":"yes"}]'`,
    );
    const pod = (n: string) => kit.sandbox.cluster.api.get('pods', 'default', n) as Pod;
    expect(pod('a').spec.nodeName).toBe('node2');
    expect(pod('b').spec.containers.map((c) => [c.name, c.image])).toEqual([['b', 'httpd']]);
    expect(pod('c').metadata.labels).toEqual({ run: 'c', extra: 'yes' });
    expect(await kit.sh(`kubectl run d --image=nginx --overrides='{bad'`)).toEqual({ stdout: '', stderr: 'error: Invalid JSON Patch\n', exitCode: 1 });
    expect(await kit.sh(`kubectl run d --image=nginx --overrides='{}' --override-type=bogus`)).toEqual({ stdout: '', stderr: 'error: invalid override type: bogus\n', exitCode: 1 });
  });

  it('expose --overrides patches the generated service', async () => {
    const kit = newKit();
    await kit.setup('kubectl run web --image=nginx --port=80', `kubectl expose pod web --port=81 --name=w2 --overrides='{"spec":{"type":"NodePort"}}'`);
    expect((kit.sandbox.cluster.api.get('services', 'default', 'w2') as KubeObject & { spec: { type: string } }).spec.type).toBe('NodePort');
  });

  it("checks what kubectl checks before it makes anything (kubectl v1.32, against a discovery-only server)", async () => {
    const kit = newKit();
    const usage = (m: string) => ({ stdout: '', stderr: `error: ${m}\nSee 'kubectl run -h' for help and examples\n`, exitCode: 1 });
    expect(await kit.sh('kubectl run bb --image=busybox -t')).toEqual(usage('-i/--stdin is required for containers with -t/--tty=true'));
    expect(await kit.sh('kubectl run bb --image=busybox --image-pull-policy=Sometimes')).toEqual(usage('invalid image pull policy: Sometimes'));
    expect(await kit.sh('kubectl run -it bb --image=busybox --restart=Never --dry-run=client -- sh')).toEqual(usage("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)"));
    expect(await kit.sh("kubectl run bb --image='#bad'")).toEqual({ stdout: '', stderr: 'error: Invalid image name "#bad": invalid reference format\n', exitCode: 1 });
    expect((await kit.sh('kubectl run bb --image=Nginx')).stderr).toBe('error: Invalid image name "Nginx": invalid reference format\n');
    expect(kit.sandbox.cluster.api.tryGet('pods', 'default', 'bb')).toBeUndefined();
    // a namespace given with -n is written in what it prints
    await kit.setup('kubectl create namespace dev');
    expect((await kit.sh("kubectl run web --image=nginx -n dev --dry-run=client -o jsonpath='{.metadata.namespace}'")).stdout).toBe('dev');
    expect((await kit.sh("kubectl run web --image=nginx --dry-run=client -o jsonpath='{.metadata.namespace}'")).stdout).toBe('');
  });

  it('-i --rm --restart=Never: output, the delete, then the failed pod as the error with its exit code (run.go)', async () => {
    const kit = newKit();
    expect(await kit.sh(`kubectl run tmp --rm -i --image=busybox --restart=Never -- sh -c 'echo out; exit 3'`)).toEqual({
      stdout: 'out\npod "tmp" deleted\n',
      stderr: 'pod default/tmp terminated (Error)\n',
      exitCode: 3,
    });
    expect(await kit.sh(`kubectl run ok --rm -i --image=busybox --restart=Never -- echo fine`)).toEqual({ stdout: 'fine\npod "ok" deleted\n', stderr: '', exitCode: 0 });
    // without --rm the failed pod stays
    expect(await kit.sh(`kubectl run kept -i --image=busybox --restart=Never -- false`)).toEqual({ stdout: '', stderr: 'pod default/kept terminated (Error)\n', exitCode: 1 });
    expect((kit.sandbox.cluster.api.get('pods', 'default', 'kept') as Pod).status?.phase).toBe('Failed');
  });
});

describe('kubectl run -it at a terminal', () => {
  it('attaches the terminal to the shell once the pod runs; leaving it with --rm deletes the pod', async () => {
    const kit = newKit();
    const tty = terminal(kit);
    const opened = await tty('kubectl run -it --rm debug --image=busybox --restart=Never -- sh');
    expect(opened).toMatchObject({ stderr: "If you don't see a command prompt, try pressing enter.\n", exitCode: 0, prompt: '/ # ' });
    expect(await tty('hostname')).toMatchObject({ stdout: 'debug\n', prompt: '/ # ' });
    expect(await tty('exit')).toMatchObject({ stdout: 'pod "debug" deleted\n', exitCode: 0, prompt: 'student@master:~$ ' });
    await kit.sh('sleep 40');
    expect((await kit.sh('kubectl get pods')).stderr).toBe('No resources found in default namespace.\n');
  });

  it('without --rm, leaving ends the container, which its restartPolicy restarts, and kubectl says how to attach again', async () => {
    const kit = newKit();
    const tty = terminal(kit);
    expect((await tty('kubectl run -it box --image=busybox')).prompt).toBe('/ # ');
    expect(await tty('exit 3')).toMatchObject({ stdout: "Session ended, resume using 'kubectl attach box -c box -i -t' command when the pod is running\n", prompt: 'student@master:~$ ' });
    await kit.sh('sleep 5');
    expect((await kit.sh('kubectl get pod box -o jsonpath={.status.containerStatuses[0].restartCount}/{.status.containerStatuses[0].lastState.terminated.exitCode}')).stdout).toBe('1/3');
  });

  it("the docs' MySQL client: kubectl run -it --rm ... -- mysql -h mysql -ppassword opens the monitor", async () => {
    const kit = newKit();
    await kit.setup('kubectl run db --image=mysql:5.6 --env=MYSQL_ROOT_PASSWORD=password', 'kubectl expose pod db --port=3306 --name=mysql', 'sleep 60');
    const tty = terminal(kit);
    const opened = await tty('kubectl run -it --rm --image=mysql:5.6 --restart=Never mysql-client -- mysql -h mysql -ppassword');
    expect(opened.stderr).toBe("If you don't see a command prompt, try pressing enter.\nWarning: Using a password on the command line interface can be insecure.\n");
    expect(opened.stdout).toMatch(/^Welcome to the MySQL monitor\./);
    expect(opened.prompt).toBe('mysql> ');
    expect((await tty('show databases;')).stdout).toContain('4 rows in set (0.00 sec)');
    expect(await tty('exit')).toMatchObject({ stdout: 'Bye\npod "mysql-client" deleted\n', prompt: 'student@master:~$ ' });
  });
});
