// Two mutating admission plugins every kubeadm API server runs on new pods:
// ServiceAccount (plugin/pkg/admission/serviceaccount) and DefaultTolerationSeconds
// (plugin/pkg/admission/defaulttolerationseconds).

import { Pod, Toleration, Volume, VolumeMount } from '../types';
import { Random } from '../../random';
import { deepFreeze } from '../store';

export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/**
 * Names the pod's ServiceAccount (`default` when none) and, unless automounting is off for the
 * pod or its ServiceAccount, adds the `kube-api-access-<suffix>` projected volume and mounts it
 * read-only in every container. Mirror pods are left alone, as the real plugin leaves them.
 */
export function admitServiceAccount(pod: Pod, randomSuffix: string | (() => string), serviceAccountAutomount?: boolean): void {
  if (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return;
  const spec = pod.spec;
  spec.serviceAccountName ||= spec.serviceAccount || 'default';
  // the v1 conversion mirrors the deprecated field
  spec.serviceAccount = spec.serviceAccountName;
  const automount = spec.automountServiceAccountToken ?? serviceAccountAutomount ?? true;
  if (!automount) return;

  // a pod that already has a kube-api-access volume (a re-created pod) keeps using it
  const existing = (spec.volumes ?? []).find((v) => v.name.startsWith('kube-api-access-'));
  // drawn (like the plugin's generateName) only when the pod has no such volume yet
  const volumeName = existing?.name ?? `kube-api-access-${typeof randomSuffix === 'string' ? randomSuffix : randomSuffix()}`;
  let needed = false;
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    // a container that mounts something at the token path keeps its own
    if ((c.volumeMounts ?? []).some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH)) continue;
    // concat, not a spread: the array is made at its length (a spread leaves room for 17 items in
    // every stored pod)
    c.volumeMounts = (c.volumeMounts ?? NO_MOUNTS).concat([{ name: volumeName, readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT_PATH }]);
    needed = true;
  }
  if (needed && !existing) spec.volumes = (spec.volumes ?? NO_VOLUMES).concat([serviceAccountVolume(volumeName)]);
}

const NO_MOUNTS: readonly VolumeMount[] = [];
const NO_VOLUMES: readonly Volume[] = [];

function serviceAccountVolume(name: string): Volume {
  return { name, projected: SERVICE_ACCOUNT_PROJECTION };
}

/**
 * What every kube-api-access volume projects: one deep-frozen object that every pod's volume
 * shares (stored objects are never changed in place, and the shared parts of a loaded cluster
 * are shared the same way): a dozen objects fewer to make and keep per pod.
 */
const SERVICE_ACCOUNT_PROJECTION: NonNullable<Volume['projected']> = deepFreeze({
  sources: [
    { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
    { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
    { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
  ],
  defaultMode: 420,
});

/**
 * Both plugins, in the API server's order, for a pod being created. `serviceAccountAutomount`
 * is the pod's ServiceAccount's `automountServiceAccountToken`, when it has one.
 */
export function admitPod(pod: Pod, rng: Random, serviceAccountAutomount?: boolean): void {
  admitServiceAccount(pod, () => rng.string(5), serviceAccountAutomount);
  admitDefaultTolerations(pod);
}

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';
const DEFAULT_SECONDS = 300;

/** Adds the 300 s NoExecute tolerations for not-ready and unreachable nodes, unless tolerated. */
export function admitDefaultTolerations(pod: Pod): void {
  const tolerations = pod.spec.tolerations ?? [];
  const tolerates = (key: string): boolean =>
    tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));
  const add: Toleration[] = [];
  if (!tolerates(NOT_READY)) add.push(TOLERATE_NOT_READY);
  if (!tolerates(UNREACHABLE)) add.push(TOLERATE_UNREACHABLE);
  if (add.length === 2 && tolerations.length === 0) pod.spec.tolerations = DEFAULT_TOLERATIONS;
  else if (add.length) pod.spec.tolerations = tolerations.concat(add);
}

// shared by every pod, as the projection above
const TOLERATE_NOT_READY: Toleration = Object.freeze({ key: NOT_READY, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_SECONDS });
const TOLERATE_UNREACHABLE: Toleration = Object.freeze({ key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_SECONDS });
/** the list most pods end with (they declare no tolerations of their own): one frozen array for all */
const DEFAULT_TOLERATIONS = Object.freeze([TOLERATE_NOT_READY, TOLERATE_UNREACHABLE]) as Toleration[];

/**
 * The reasons the admission plugins refuse a pod, for `ApiError.forbidden('pods', name, why)`:
 * a ServiceAccount that does not exist in the pod's namespace, a PriorityClass that does not.
 */
export function missingServiceAccount(namespace: string, name: string): string {
  return `error looking up service account ${namespace}/${name}: serviceaccount "${name}" not found`;
}

export function missingPriorityClass(name: string): string {
  return `no PriorityClass with name ${name} was found`;
}
