// RBAC kinds (Role, RoleBinding, ClusterRole, ClusterRoleBinding) are stored only: served,
// listed with kubectl's columns (printers.go: a Role or ClusterRole has no printer, so the API
// server's default table gives NAME and CREATED AT; bindings print NAME, ROLE, AGE and, wide,
// USERS, GROUPS, SERVICEACCOUNTS), described as describe.go does, validated where a student meets
// it (a binding's roleRef cannot change), and never enforced: nothing authorizes by them, so the
// student's kubectl stays cluster-admin whatever they say. The RBAC generators (`create role`
// and the like, `set subject`) and `kubectl auth` answer one clear line.

import { Sandbox, VirtualClock } from '../../apps/server/src/engine/sandbox';

const START = Date.UTC(2026, 0, 1);

const RBAC_YAML = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: pod-reader
  namespace: default
rules:
- apiGroups: [""]
  resources: ["pods", "pods/log"]
  verbs: ["get", "watch", "list"]
- apiGroups: ["apps"]
  resources: ["deployments"]
  resourceNames: ["web"]
  verbs: ["get"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: read-pods
  namespace: default
subjects:
- kind: User
  name: jane
  apiGroup: rbac.authorization.k8s.io
- kind: Group
  name: devs
  apiGroup: rbac.authorization.k8s.io
- kind: ServiceAccount
  name: robot
  namespace: default
roleRef:
  kind: Role
  name: pod-reader
  apiGroup: rbac.authorization.k8s.io
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: secret-reader
  labels:
    team: platform
rules:
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "watch", "list"]
- nonResourceURLs: ["/healthz", "/version"]
  verbs: ["get"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: read-secrets-global
subjects:
- kind: Group
  name: manager
  apiGroup: rbac.authorization.k8s.io
roleRef:
  kind: ClusterRole
  name: secret-reader
  apiGroup: rbac.authorization.k8s.io
`;

/**
 * Binds the student's own user (kubernetes-admin, in group kubeadm:cluster-admins, as kubeadm's
 * admin.conf certificate says) to a Role that grants nothing.
 */
const NOTHING_YAML = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: nothing
rules: []
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: admin-gets-nothing
subjects:
- kind: User
  name: kubernetes-admin
- kind: Group
  name: kubeadm:cluster-admins
roleRef:
  kind: Role
  name: nothing
`;

interface Out {
  stdout: string;
  stderr: string;
  exitCode: number;
}

function session() {
  const sandbox = Sandbox.create({ seed: 1, start: START }, new VirtualClock(START));
  let s = sandbox.newSession();
  const sh = async (line: string): Promise<Out> => {
    const { result, session: next } = await sandbox.run(s, line, undefined, { isTTY: false });
    s = next;
    return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
  };
  const write = (name: string, text: string) => sandbox.hosts.master.fs.write(`/home/student/${name}`, text, { owner: 'student', mode: 0o644 });
  return { sandbox, sh, write };
}

const ok = (stdout: string): Out => ({ stdout, stderr: '', exitCode: 0 });
const failed = (stderr: string): Out => ({ stdout: '', stderr, exitCode: 1 });

describe('RBAC objects: stored, listed, described, not enforced', () => {
  it("lists and describes the kubeadm cluster's built-in ClusterRoles and ClusterRoleBindings", async () => {
    const { sh } = session();
    // the cluster was made five minutes before the student's first command (a real one has
    // some seventy ClusterRoles and sixty bindings more: the simulation keeps these)
    expect(await sh('kubectl get clusterroles cluster-admin admin edit view system:coredns flannel')).toEqual(
      ok(
        'NAME             CREATED AT\n' +
          'cluster-admin    2025-12-31T23:55:00Z\n' +
          'admin            2025-12-31T23:55:00Z\n' +
          'edit             2025-12-31T23:55:00Z\n' +
          'view             2025-12-31T23:55:00Z\n' +
          'system:coredns   2025-12-31T23:55:00Z\n' +
          'flannel          2025-12-31T23:55:00Z\n',
      ),
    );
    expect(await sh('kubectl get clusterrolebindings cluster-admin kubeadm:cluster-admins system:coredns flannel -o wide')).toEqual(
      ok(
        'NAME                     ROLE                         AGE   USERS   GROUPS                   SERVICEACCOUNTS\n' +
          'cluster-admin            ClusterRole/cluster-admin    5m            system:masters           \n' +
          'kubeadm:cluster-admins   ClusterRole/cluster-admin    5m            kubeadm:cluster-admins   \n' +
          'system:coredns           ClusterRole/system:coredns   5m                                     kube-system/coredns\n' +
          'flannel                  ClusterRole/flannel          5m                                     kube-flannel/flannel\n',
      ),
    );
    expect(await sh('kubectl describe clusterrole cluster-admin')).toEqual(
      ok(
        'Name:         cluster-admin\n' +
          'Labels:       kubernetes.io/bootstrapping=rbac-defaults\n' +
          'Annotations:  rbac.authorization.kubernetes.io/autoupdate: true\n' +
          'PolicyRule:\n' +
          '  Resources  Non-Resource URLs  Resource Names  Verbs\n' +
          '  ---------  -----------------  --------------  -----\n' +
          '  *.*        []                 []              [*]\n' +
          '             [*]                []              [*]\n',
      ),
    );
    expect(await sh('kubectl describe clusterrolebinding kubeadm:cluster-admins')).toEqual(
      ok(
        'Name:         kubeadm:cluster-admins\n' +
          'Labels:       <none>\n' +
          'Annotations:  <none>\n' +
          'Role:\n' +
          '  Kind:  ClusterRole\n' +
          '  Name:  cluster-admin\n' +
          'Subjects:\n' +
          '  Kind   Name                    Namespace\n' +
          '  ----   ----                    ---------\n' +
          '  Group  kubeadm:cluster-admins  \n',
      ),
    );
    // a ServiceAccount subject has no apiGroup in what the API server returns (omitempty)
    expect(JSON.parse((await sh('kubectl get clusterrolebinding system:coredns -o json')).stdout).subjects).toStrictEqual([
      { kind: 'ServiceAccount', name: 'coredns', namespace: 'kube-system' },
    ]);
    expect(await sh('kubectl api-resources --api-group=rbac.authorization.k8s.io')).toEqual(
      ok(
        'NAME                  SHORTNAMES   APIVERSION                     NAMESPACED   KIND\n' +
          'clusterrolebindings                rbac.authorization.k8s.io/v1   false        ClusterRoleBinding\n' +
          'clusterroles                       rbac.authorization.k8s.io/v1   false        ClusterRole\n' +
          'rolebindings                       rbac.authorization.k8s.io/v1   true         RoleBinding\n' +
          'roles                              rbac.authorization.k8s.io/v1   true         Role\n',
      ),
    );
  });

  it("applies a Role, RoleBinding, ClusterRole and ClusterRoleBinding and gets them with kubectl's columns", async () => {
    const { sh, write } = session();
    write('rbac.yaml', RBAC_YAML);
    expect(await sh('kubectl apply -f rbac.yaml')).toEqual(
      ok(
        'role.rbac.authorization.k8s.io/pod-reader created\n' +
          'rolebinding.rbac.authorization.k8s.io/read-pods created\n' +
          'clusterrole.rbac.authorization.k8s.io/secret-reader created\n' +
          'clusterrolebinding.rbac.authorization.k8s.io/read-secrets-global created\n',
      ),
    );
    await sh('sleep 90');
    // Role: the default table (NAME, CREATED AT in RFC 3339)
    expect(await sh('kubectl get roles')).toEqual(ok('NAME         CREATED AT\npod-reader   2026-01-01T00:00:00Z\n'));
    expect(await sh('kubectl get role pod-reader -o wide')).toEqual(ok('NAME         CREATED AT\npod-reader   2026-01-01T00:00:00Z\n'));
    // RoleBinding: NAME, ROLE (Kind/name), AGE; wide adds the subjects by kind
    expect(await sh('kubectl get rolebindings')).toEqual(ok('NAME        ROLE              AGE\nread-pods   Role/pod-reader   90s\n'));
    expect(await sh('kubectl get rolebindings -o wide')).toEqual(
      ok('NAME        ROLE              AGE   USERS   GROUPS   SERVICEACCOUNTS\nread-pods   Role/pod-reader   90s   jane    devs     default/robot\n'),
    );
    expect(await sh('kubectl get clusterrole secret-reader')).toEqual(ok('NAME            CREATED AT\nsecret-reader   2026-01-01T00:00:00Z\n'));
    expect(await sh('kubectl get clusterrolebinding read-secrets-global')).toEqual(
      ok('NAME                  ROLE                        AGE\nread-secrets-global   ClusterRole/secret-reader   90s\n'),
    );
    expect(await sh('kubectl get roles,rolebindings -o name')).toEqual(ok('role.rbac.authorization.k8s.io/pod-reader\nrolebinding.rbac.authorization.k8s.io/read-pods\n'));
    // namespaced kinds live in their namespace
    await sh('kubectl create namespace team-a');
    expect(await sh('kubectl get roles -n team-a')).toEqual({ stdout: '', stderr: 'No resources found in team-a namespace.\n', exitCode: 0 });
    expect(await sh('kubectl get role pod-reader -n team-a')).toEqual(failed('Error from server (NotFound): roles.rbac.authorization.k8s.io "pod-reader" not found\n'));
    expect(await sh('kubectl get rolebindings -n default')).toEqual(ok('NAME        ROLE              AGE\nread-pods   Role/pod-reader   90s\n'));
    // stored as sent, with the subjects' groups defaulted (none for the ServiceAccount)
    expect(JSON.parse((await sh('kubectl get rolebinding read-pods -o json')).stdout)).toMatchObject({
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' },
      subjects: [
        { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'jane' },
        { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'devs' },
        { kind: 'ServiceAccount', name: 'robot', namespace: 'default' },
      ],
    });
    expect((await sh("kubectl get rolebinding read-pods -o jsonpath='{.subjects[2]}'")).stdout).toBe('{"kind":"ServiceAccount","name":"robot","namespace":"default"}');
    expect((await sh("kubectl get role pod-reader -o jsonpath='{.rules}'")).stdout).toBe(
      '[{"apiGroups":[""],"resources":["pods","pods/log"],"verbs":["get","watch","list"]},{"apiGroups":["apps"],"resourceNames":["web"],"resources":["deployments"],"verbs":["get"]}]',
    );
  });

  it('describes them as kubectl does: rules broken down per resource, compacted and sorted; subjects by kind', async () => {
    const { sh, write } = session();
    write('rbac.yaml', RBAC_YAML);
    await sh('kubectl apply -f rbac.yaml');
    expect(await sh('kubectl describe role pod-reader')).toEqual(
      ok(
        'Name:         pod-reader\n' +
          'Labels:       <none>\n' +
          'Annotations:  <none>\n' +
          'PolicyRule:\n' +
          '  Resources         Non-Resource URLs  Resource Names  Verbs\n' +
          '  ---------         -----------------  --------------  -----\n' +
          '  pods/log          []                 []              [get watch list]\n' +
          '  pods              []                 []              [get watch list]\n' +
          '  deployments.apps  []                 [web]           [get]\n',
      ),
    );
    expect(await sh('kubectl describe rolebinding read-pods')).toEqual(
      ok(
        'Name:         read-pods\n' +
          'Labels:       <none>\n' +
          'Annotations:  <none>\n' +
          'Role:\n' +
          '  Kind:  Role\n' +
          '  Name:  pod-reader\n' +
          'Subjects:\n' +
          '  Kind            Name   Namespace\n' +
          '  ----            ----   ---------\n' +
          '  User            jane   \n' +
          '  Group           devs   \n' +
          '  ServiceAccount  robot  default\n',
      ),
    );
    expect(await sh('kubectl describe clusterrole secret-reader')).toEqual(
      ok(
        'Name:         secret-reader\n' +
          'Labels:       team=platform\n' +
          'Annotations:  <none>\n' +
          'PolicyRule:\n' +
          '  Resources  Non-Resource URLs  Resource Names  Verbs\n' +
          '  ---------  -----------------  --------------  -----\n' +
          '  secrets    []                 []              [get watch list]\n' +
          '             [/healthz]         []              [get]\n' +
          '             [/version]         []              [get]\n',
      ),
    );
    expect(await sh('kubectl describe clusterrolebinding read-secrets-global')).toEqual(
      ok(
        'Name:         read-secrets-global\n' +
          'Labels:       <none>\n' +
          'Annotations:  <none>\n' +
          'Role:\n' +
          '  Kind:  ClusterRole\n' +
          '  Name:  secret-reader\n' +
          'Subjects:\n' +
          '  Kind   Name     Namespace\n' +
          '  ----   ----     ---------\n' +
          '  Group  manager  \n',
      ),
    );
    // `describe roles` describes every Role of the namespace; these describers show no events
    expect((await sh('kubectl describe roles')).stdout).toBe((await sh('kubectl describe role pod-reader')).stdout);
  });

  it('refuses to change a binding\'s roleRef, as the API server does; delete and create it instead', async () => {
    const { sh, write } = session();
    write('rbac.yaml', RBAC_YAML);
    await sh('kubectl apply -f rbac.yaml');
    const refusal = (kind: string, name: string, refKind: string, refName: string) =>
      `The ${kind} "${name}" is invalid: roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"${refKind}", Name:"${refName}"}: cannot change roleRef\n`;
    expect(await sh("sed 's/name: pod-reader$/name: pod-writer/' rbac.yaml | kubectl apply -f -")).toEqual({
      stdout:
        'role.rbac.authorization.k8s.io/pod-writer created\n' +
        'clusterrole.rbac.authorization.k8s.io/secret-reader unchanged\n' +
        'clusterrolebinding.rbac.authorization.k8s.io/read-secrets-global unchanged\n',
      stderr: refusal('RoleBinding', 'read-pods', 'Role', 'pod-writer'),
      exitCode: 1,
    });
    expect(await sh(`kubectl patch clusterrolebinding read-secrets-global --type=merge -p '{"roleRef":{"name":"view"}}'`)).toEqual(
      failed(refusal('ClusterRoleBinding', 'read-secrets-global', 'ClusterRole', 'view')),
    );
    expect((await sh("kubectl get rolebinding read-pods -o jsonpath='{.roleRef.name}'")).stdout).toBe('pod-reader');
    expect((await sh("kubectl get clusterrolebinding read-secrets-global -o jsonpath='{.roleRef.name}'")).stdout).toBe('secret-reader');
    // the subjects may change
    expect(await sh(`kubectl patch rolebinding read-pods --type=json -p '[{"op":"remove","path":"/subjects/0"}]'`)).toEqual(
      ok('rolebinding.rbac.authorization.k8s.io/read-pods patched\n'),
    );
    expect(await sh('kubectl delete rolebinding read-pods')).toEqual(ok('rolebinding.rbac.authorization.k8s.io "read-pods" deleted\n'));
    expect(await sh("sed 's/name: pod-reader$/name: pod-writer/' rbac.yaml | kubectl apply -f -")).toEqual(
      ok(
        'role.rbac.authorization.k8s.io/pod-writer unchanged\n' +
          'rolebinding.rbac.authorization.k8s.io/read-pods created\n' +
          'clusterrole.rbac.authorization.k8s.io/secret-reader unchanged\n' +
          'clusterrolebinding.rbac.authorization.k8s.io/read-secrets-global unchanged\n',
      ),
    );
    expect(await sh('kubectl get rolebinding read-pods')).toEqual(ok('NAME        ROLE              AGE\nread-pods   Role/pod-writer   0s\n'));
  });

  it("is not enforced: a binding that grants nothing, or the admin's own bindings deleted, change nothing the student can do", async () => {
    const { sh, write, sandbox } = session();
    write('nothing.yaml', NOTHING_YAML);
    expect(await sh('kubectl apply -f nothing.yaml')).toEqual(
      ok('role.rbac.authorization.k8s.io/nothing created\nrolebinding.rbac.authorization.k8s.io/admin-gets-nothing created\n'),
    );
    const admin = async () => {
      // what a cluster-admin does: read, write, delete, in any namespace, cluster-scoped too
      expect(await sh('kubectl get pods')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
      expect(await sh('kubectl run probe --image=nginx')).toEqual(ok('pod/probe created\n'));
      expect(await sh('kubectl get configmap kubeadm-config -n kube-system -o name')).toEqual(ok('configmap/kubeadm-config\n'));
      expect(await sh('kubectl create namespace scratch')).toEqual(ok('namespace/scratch created\n'));
      expect(await sh('kubectl label node node1 probed=yes')).toEqual(ok('node/node1 labeled\n'));
      expect(await sh('kubectl delete pod probe --wait=false')).toEqual(ok('pod "probe" deleted\n'));
      expect(await sh('kubectl delete namespace scratch --wait=false')).toEqual(ok('namespace "scratch" deleted\n'));
      expect(await sh('kubectl label node node1 probed-')).toEqual(ok('node/node1 unlabeled\n'));
    };
    await admin();
    // A real cluster would now refuse this student everything (since kubeadm v1.29 admin.conf's
    // user is in group kubeadm:cluster-admins, not the system:masters that bypasses RBAC). Here
    // nothing authorizes by these objects: deleting them changes nothing.
    expect(await sh('kubectl delete clusterrolebinding kubeadm:cluster-admins cluster-admin')).toEqual(
      ok(
        'clusterrolebinding.rbac.authorization.k8s.io "kubeadm:cluster-admins" deleted\n' +
          'clusterrolebinding.rbac.authorization.k8s.io "cluster-admin" deleted\n',
      ),
    );
    expect(await sh('kubectl delete clusterrole cluster-admin')).toEqual(ok('clusterrole.rbac.authorization.k8s.io "cluster-admin" deleted\n'));
    await sh('sleep 60');
    await admin();
    // and no controller puts them back or acts on them: the cluster runs on without a fault
    expect(await sh('kubectl get clusterrole cluster-admin')).toEqual(
      failed('Error from server (NotFound): clusterroles.rbac.authorization.k8s.io "cluster-admin" not found\n'),
    );
    expect(sandbox.cluster.faults()).toEqual([]);
  });

  it('answers the RBAC generators and `kubectl auth` with one clear line, writing nothing', async () => {
    const { sh, sandbox } = session();
    const before = sandbox.cluster.store.resourceVersion;
    const generator = (what: string) => failed(`error: \`kubectl create ${what}\` is not supported in kubeaula: RBAC objects are written as manifests here; use kubectl apply -f\n`);
    expect(await sh('kubectl create role pod-reader --verb=get --verb=list --resource=pods')).toEqual(generator('role'));
    expect(await sh('kubectl create role pod-reader --verb=get --resource=pods --dry-run=client -o yaml')).toEqual(generator('role'));
    expect(await sh('kubectl create rolebinding read-pods --role=pod-reader --user=jane')).toEqual(generator('rolebinding'));
    expect(await sh('kubectl create clusterrole secret-reader --verb=get --resource=secrets')).toEqual(generator('clusterrole'));
    expect(await sh('kubectl create clusterrolebinding read-secrets --clusterrole=secret-reader --group=manager')).toEqual(generator('clusterrolebinding'));
    expect(await sh('kubectl set subject clusterrolebinding cluster-admin --user=jane')).toEqual(
      failed('error: `kubectl set subject` is not supported in kubeaula: RBAC bindings are written as manifests here; kubectl apply -f\n'),
    );
    const auth = failed('error: `kubectl auth` is not supported in kubeaula: the simulated cluster does not offer it\n');
    expect(await sh('kubectl auth can-i create pods')).toEqual(auth);
    expect(await sh('kubectl auth can-i --list')).toEqual(auth);
    expect(await sh('kubectl auth whoami')).toEqual(auth);
    expect(await sh('kubectl auth reconcile -f x.yaml')).toEqual(auth);
    // their help is kubectl's
    expect((await sh('kubectl create role --help')).stdout.split('\n')[0]).toBe('Create a role with single rule.');
    expect((await sh('kubectl auth --help')).stdout.split('\n')[0]).toBe('Inspect authorization.');
    expect(sandbox.cluster.store.resourceVersion).toBe(before);
  });
});
