// What a student sees asking kubectl for help: kubectl v1.32's own texts (recorded, see
// tools/record-kubectl-help.ts), through `--help`, `-h`, `kubectl help`, `kubectl options`, and
// the commands kubectl has that the simulation refuses in one line.

import { newKit } from '../verbs/verb-test-kit';
import { helpText } from './help';

describe('kubectl help in the sandbox', () => {
  it('prints kubectl v1.32 help for a command, examples and every flag described', async () => {
    const k = newKit();
    const run = await k.sh('kubectl run --help');
    expect(run).toEqual({ stdout: helpText('run'), stderr: '', exitCode: 0 });
    expect(run.stdout.startsWith('Create and run a particular image in a pod.\n\nExamples:\n  # Start a nginx pod\n  kubectl run nginx --image=nginx\n')).toBe(true);
    expect(run.stdout).toContain("    --restart='Always':\n\tThe restart policy for this Pod.  Legal values [Always, OnFailure, Never].\n");
    expect((await k.sh('kubectl create deployment -h')).stdout).toBe(helpText('create deployment'));
    expect((await k.sh('kubectl create deploy --help')).stdout).toBe(helpText('create deployment'));
  });

  it('prints the root help with no command, grouped as kubectl groups it', async () => {
    const k = newKit();
    const root = await k.sh('kubectl');
    expect(root.stdout).toBe(helpText(''));
    expect(root.stdout).toContain('\nDeploy Commands:\n  rollout         Manage the rollout of a resource\n');
    expect((await k.sh('kubectl --help')).stdout).toBe(helpText(''));
  });

  it('kubectl help names the deepest command its words reach', async () => {
    const k = newKit();
    expect(await k.sh('kubectl help')).toEqual({ stdout: helpText(''), stderr: '', exitCode: 0 });
    expect((await k.sh('kubectl help create deployment')).stdout).toBe(helpText('create deployment'));
    expect((await k.sh('kubectl help create nope')).stdout).toBe(helpText('create'));
    expect((await k.sh('kubectl help -n dev get')).stdout).toBe(helpText('get'));
    expect((await k.sh('kubectl help --help')).stdout).toBe(helpText('help'));
  });

  it('an unknown help topic goes to stderr with the root usage, exit 0 (cobra)', async () => {
    const k = newKit();
    const r = await k.sh('kubectl help nonexist');
    expect(r.stdout).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stderr.startsWith('Unknown help topic [`nonexist`]\n\n\nBasic Commands (Beginner):\n')).toBe(true);
  });

  it('kubectl options lists the global flags; kubectl alpha has none in v1.32', async () => {
    const k = newKit();
    const o = await k.sh('kubectl options');
    expect(o.stdout).toBe(helpText('options'));
    expect(o.stdout).toContain("    -n, --namespace='':\n\tIf present, the namespace scope for this CLI request\n");
    const none = { stdout: '', stderr: 'No alpha commands are available in this version of kubectl\n', exitCode: 0 };
    expect(await k.sh('kubectl alpha')).toEqual(none);
    expect(await k.sh('kubectl alpha --help')).toEqual(none);
  });

  it('a command group without a subcommand prints its help and fails, on stderr but for rollout (kubectl v1.32)', async () => {
    const k = newKit();
    expect(await k.sh('kubectl rollout')).toEqual({ stdout: helpText('rollout'), stderr: '', exitCode: 1 });
    expect(await k.sh('kubectl config')).toEqual({ stdout: '', stderr: helpText('config'), exitCode: 1 });
    expect(await k.sh('kubectl create secret')).toEqual({ stdout: '', stderr: helpText('create secret'), exitCode: 1 });
  });

  it('refuses what it does not offer in one line, whatever the flags, and still has its help', async () => {
    const k = newKit();
    expect(await k.sh('kubectl edit pod x -o yaml --foo')).toEqual({
      stdout: '',
      stderr: 'error: `kubectl edit` is not supported in kubeaula: there is no editor in the sandbox; use `kubectl apply -f` or `kubectl patch`\n',
      exitCode: 1,
    });
    expect(await k.sh('kubectl create job hello --image=busybox -- echo hi')).toEqual({
      stdout: '',
      stderr: 'error: `kubectl create job` is not supported in kubeaula: the simulated cluster does not serve Jobs (batch/v1)\n',
      exitCode: 1,
    });
    expect((await k.sh('kubectl create secret tls x --cert=c --key=k')).stderr).toMatch(/^error: `kubectl create secret tls` is not supported in kubeaula: /);
    expect((await k.sh('kubectl cluster-info dump')).stderr).toMatch(/^error: `kubectl cluster-info dump` is not supported in kubeaula: /);
    expect(await k.sh('kubectl create job --help')).toEqual({ stdout: helpText('create job'), stderr: '', exitCode: 0 });
  });

  it("knows the refused generators by kubectl's aliases too (pdb, cj, ing, pc, resourcequota)", async () => {
    const k = newKit();
    const refusal = (what: string, served: string) => ({ stdout: '', stderr: `error: \`kubectl create ${what}\` is not supported in kubeaula: the simulated cluster does not serve ${served}\n`, exitCode: 1 });
    expect(await k.sh('kubectl create pdb p --selector=app=web --min-available=1')).toEqual(refusal('poddisruptionbudget', 'PodDisruptionBudgets (policy/v1)'));
    expect(await k.sh('kubectl create cj c --image=busybox --schedule="* * * * *"')).toEqual(refusal('cronjob', 'CronJobs (batch/v1)'));
    expect(await k.sh('kubectl create ing x --rule=a/b=c:80')).toEqual(refusal('ingress', 'Ingresses (networking.k8s.io/v1)'));
    expect(await k.sh('kubectl create pc high --value=1')).toEqual(refusal('priorityclass', 'PriorityClasses (scheduling.k8s.io/v1)'));
    expect(await k.sh('kubectl create resourcequota q --hard=pods=1')).toEqual(refusal('quota', 'ResourceQuotas'));
    expect(await k.sh('kubectl create pdb --help')).toEqual({ stdout: helpText('create poddisruptionbudget'), stderr: '', exitCode: 0 });
  });

  it("refuses flags kubectl v1.32 does not have, as kubectl does", async () => {
    const k = newKit();
    await k.setup('kubectl create deployment web --image=nginx');
    expect(await k.sh('kubectl rollout restart deployment/web --dry-run=client')).toEqual({ stdout: '', stderr: "error: unknown flag: --dry-run\nSee 'kubectl rollout restart --help' for usage.\n", exitCode: 1 });
    expect((await k.sh('kubectl set image deployment/web web=nginx:1.26 --all-namespaces')).stderr).toBe("error: unknown flag: --all-namespaces\nSee 'kubectl set image --help' for usage.\n");
    expect((await k.sh('kubectl top pod --show-capacity')).stderr).toBe("error: unknown flag: --show-capacity\nSee 'kubectl top pod --help' for usage.\n");
    expect((await k.sh('kubectl top node --field-selector=a=b')).stderr).toBe("error: unknown flag: --field-selector\nSee 'kubectl top node --help' for usage.\n");
    expect((await k.sh('kubectl drain node1 --delete-local-data')).stderr).toBe("error: unknown flag: --delete-local-data\nSee 'kubectl drain --help' for usage.\n");
    // and accepts the printing flags it has everywhere (no managedFields to show here)
    expect((await k.sh('kubectl scale deployment web --replicas=2 --show-managed-fields -o name')).stdout).toBe('deployment.apps/web\n');
  });
});
