import { newKit } from '../../kubectl/verbs/verb-test-kit';

function svcYaml(verb: string, name: string, spec: string): string {
  return `cat <<'EOF2' | kubectl ${verb} -f -\napiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec:\n${spec}\nEOF2`;
}
it('probe', async () => {
  const kit = newKit();
  await kit.setup(svcYaml('create', 'a', '  type: NodePort\n  selector: {app: a}\n  ports: [{port: 80, nodePort: 30080}]'));
  await kit.setup(svcYaml('create', 'web', '  type: NodePort\n  selector: {app: web}\n  ports: [{name: a, port: 80, nodePort: 30070}]'));
  const out: unknown[] = [];
  const run = async (l: string) => { const r = await kit.sh(l); out.push([l.split('\n').slice(4).join(' '), r.stdout, r.stderr, r.exitCode]); };
  await run(svcYaml('replace', 'web', '  type: NodePort\n  selector: {app: web}\n  ports: [{name: a, port: 80, nodePort: 30070}, {name: b, port: 80, nodePort: 30090}]'));
  await run(svcYaml('replace', 'web', '  type: NodePort\n  externalTrafficPolicy: Bogus\n  selector: {app: web}\n  ports: [{name: a, port: 80, nodePort: 30091}]'));
  await run(svcYaml('replace', 'web', '  type: Foo\n  selector: {app: web}\n  ports: [{name: a, port: 80, nodePort: 30092}]'));
  await run(svcYaml('replace', 'web', '  type: NodePort\n  selector: {app: web}\n  ports: [{name: a, port: 80, nodePort: 30093}, {name: b, port: 81, nodePort: 30080}]'));
  await run(svcYaml('create', 'x', '  type: NodePort\n  externalTrafficPolicy: Bogus\n  selector: {app: web}\n  ports: [{name: a, port: 80, nodePort: 30080}]'));
  await run(svcYaml('create', 'x', '  type: NodePort\n  externalTrafficPolicy: Bogus\n  selector: {app: web}\n  ports: [{name: a, port: 80, nodePort: 30094}]'));
  await run('kubectl get svc -o wide');
  await run('kubectl get svc web -o yaml');
  console.log(JSON.stringify(out, null, 1));
});
