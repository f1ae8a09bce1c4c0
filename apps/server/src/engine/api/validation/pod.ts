// Pod spec validation in the order of pkg/apis/core/validation ValidatePodSpec: volumes, then
// containers (name, image, ports, env, mounts, resources, probes), init containers, restart and
// DNS policy, node selector, service account, and the scalar fields.

import { FieldError } from '../errors';
import { duplicate, forbidden, goQuote, invalid, notFound, notSupported, raw, required } from './field';
import { validateLabels, validateAnnotations } from './meta';
import {
  NEGATIVE_ERROR,
  inclusiveRangeError,
  isConfigMapKey,
  isDNS1123Label,
  isDNS1123Subdomain,
  isEnvVarName,
  isQualifiedName,
  isValidLabelValue,
  isValidPortName,
  isValidPortNum,
} from './names';
import { quantityValue } from './quantity';
import { validateAffinity } from './affinity';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const INTEGER_RESOURCES = new Set(['pods', 'services', 'storage', 'ephemeral-storage']);
const OVERCOMMIT_FORBIDDEN = (name: string): boolean => name.startsWith('hugepages-') || (name.includes('/') && !name.startsWith('kubernetes.io/'));
const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc',
  'azureFile', 'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected',
  'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image',
];

const dnsLabel = (value: string, path: string): FieldError[] => isDNS1123Label(value).map((m) => invalid(path, value, m));
const nonNegative = (value: unknown, path: string): FieldError[] =>
  typeof value === 'number' && value < 0 ? [invalid(path, value, NEGATIVE_ERROR)] : [];

export function validatePodSpec(spec: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  spec ??= {};
  const { errs: volErrs, names: volumes } = validateVolumes(spec.volumes, `${path}.volumes`);
  errs.push(...volErrs);
  errs.push(...validateContainers(spec.containers, volumes, `${path}.containers`, spec.terminationGracePeriodSeconds));
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, volumes, `${path}.initContainers`));
  errs.push(...validateEnum(spec.restartPolicy, RESTART_POLICIES, `${path}.restartPolicy`));
  errs.push(...validateEnum(spec.dnsPolicy, DNS_POLICIES, `${path}.dnsPolicy`));
  if (spec.dnsPolicy === 'None' && !spec.dnsConfig) errs.push(required(`${path}.dnsConfig`, "must provide `dnsConfig` when `dnsPolicy` is None"));
  errs.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  errs.push(...validateAffinity(spec.affinity, `${path}.affinity`));
  if (spec.serviceAccountName) {
    for (const m of isDNS1123Subdomain(spec.serviceAccountName)) errs.push(invalid(`${path}.serviceAccountName`, spec.serviceAccountName, m));
  }
  if (spec.nodeName) for (const m of isDNS1123Subdomain(spec.nodeName)) errs.push(invalid(`${path}.nodeName`, spec.nodeName, m));
  if (typeof spec.activeDeadlineSeconds === 'number' && (spec.activeDeadlineSeconds < 1 || spec.activeDeadlineSeconds > 2147483647)) {
    errs.push(invalid(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, inclusiveRangeError(1, 2147483647)));
  }
  if (spec.hostname) errs.push(...dnsLabel(spec.hostname, `${path}.hostname`));
  if (spec.subdomain) errs.push(...dnsLabel(spec.subdomain, `${path}.subdomain`));
  (spec.tolerations ?? []).forEach((t: any, i: number) => errs.push(...validateToleration(t, `${path}.tolerations[${i}]`)));
  errs.push(...nonNegative(spec.terminationGracePeriodSeconds, `${path}.terminationGracePeriodSeconds`));
  return errs;
}

export function validatePodTemplateSpec(template: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateLabels(template?.metadata?.labels, `${path}.metadata.labels`));
  errs.push(...validateAnnotations(template?.metadata?.annotations, `${path}.metadata.annotations`));
  errs.push(...validatePodSpec(template?.spec, `${path}.spec`));
  if (template?.spec?.ephemeralContainers?.length) errs.push(forbidden(`${path}.spec.ephemeralContainers`, 'ephemeral containers not allowed in pod template'));
  return errs;
}

function validateEnum(value: unknown, supported: string[], path: string): FieldError[] {
  if (value === undefined || value === '') return [required(path)];
  return supported.includes(String(value)) ? [] : [notSupported(path, String(value), supported)];
}

function validateVolumes(volumes: any[] | undefined, path: string): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (volumes ?? []).forEach((v, i) => {
    const p = `${path}[${i}]`;
    const el: FieldError[] = validateVolumeSource(v ?? {}, p);
    if (!v?.name) el.push(required(`${p}.name`));
    else el.push(...dnsLabel(v.name, `${p}.name`));
    if (v?.name && names.has(v.name)) el.push(duplicate(`${p}.name`, v.name));
    if (!el.length) names.add(v.name);
    errs.push(...el);
  });
  return { errs, names };
}

function validateVolumeSource(v: any, path: string): FieldError[] {
  const sources = VOLUME_SOURCES.filter((s) => v[s] !== undefined && v[s] !== null);
  if (!sources.length) return [required(path, 'must specify a volume type')];
  const errs: FieldError[] = [];
  for (const extra of sources.slice(1)) errs.push(forbidden(`${path}.${extra}`, 'may not specify more than 1 volume type'));
  const mode = (m: unknown, p: string): void => {
    if (typeof m === 'number' && (m > 0o777 || m < 0)) errs.push(invalid(p, m, 'must be a number between 0 and 0777 (octal), both inclusive'));
  };
  if (v.hostPath && !v.hostPath.path) errs.push(required(`${path}.hostPath.path`));
  if (v.hostPath?.type !== undefined && v.hostPath.type !== '') {
    const types = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];
    if (!types.includes(v.hostPath.type)) errs.push(notSupported(`${path}.hostPath.type`, v.hostPath.type, types));
  }
  if (v.configMap) {
    if (!v.configMap.name) errs.push(required(`${path}.configMap.name`));
    mode(v.configMap.defaultMode, `${path}.configMap.defaultMode`);
    errs.push(...validateKeyToPaths(v.configMap.items, `${path}.configMap.items`));
  }
  if (v.secret) {
    if (!v.secret.secretName) errs.push(required(`${path}.secret.secretName`));
    mode(v.secret.defaultMode, `${path}.secret.defaultMode`);
    errs.push(...validateKeyToPaths(v.secret.items, `${path}.secret.items`));
  }
  if (v.persistentVolumeClaim && !v.persistentVolumeClaim.claimName) errs.push(required(`${path}.persistentVolumeClaim.claimName`));
  if (v.nfs) {
    if (!v.nfs.server) errs.push(required(`${path}.nfs.server`));
    if (!v.nfs.path) errs.push(required(`${path}.nfs.path`));
  }
  return errs;
}

function validateKeyToPaths(items: any[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (items ?? []).forEach((it, i) => {
    const p = `${path}[${i}]`;
    const target = String(it?.path ?? '');
    if (!it?.key) errs.push(required(`${p}.key`));
    if (!target) errs.push(required(`${p}.path`));
    // ValidateLocalNonReservedPath
    errs.push(...localDescendingPath(target, `${p}.path`));
    if (normalizedStartsWithDotDot(target)) errs.push(invalid(`${p}.path`, target, "must not start with '..'"));
    if (typeof it?.mode === 'number' && (it.mode > 0o777 || it.mode < 0)) {
      errs.push(invalid(`${p}.mode`, it.mode, 'must be a number between 0 and 0777 (octal), both inclusive'));
    }
  });
  return errs;
}

/** strings.HasPrefix(path.Clean(p), "..") */
function normalizedStartsWithDotDot(p: string): boolean {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return !p.startsWith('/') && out.join('/').startsWith('..');
}

function validateContainers(containers: any[] | undefined, volumes: Set<string>, path: string, grace: unknown): FieldError[] {
  void grace;
  if (!containers?.length) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c ?? {}, volumes, p));
    if (c?.name) {
      if (names.has(c.name)) errs.push(duplicate(`${p}.name`, c.name));
      else names.add(c.name);
    }
    errs.push(...validateProbe(c?.livenessProbe, `${p}.livenessProbe`, true));
    errs.push(...validateProbe(c?.readinessProbe, `${p}.readinessProbe`, true));
    errs.push(...validateProbe(c?.startupProbe, `${p}.startupProbe`, true));
    if (c?.livenessProbe && c.livenessProbe.successThreshold !== undefined && c.livenessProbe.successThreshold !== 1) {
      errs.push(invalid(`${p}.livenessProbe.successThreshold`, c.livenessProbe.successThreshold, 'must be 1'));
    }
    if (c?.startupProbe && c.startupProbe.successThreshold !== undefined && c.startupProbe.successThreshold !== 1) {
      errs.push(invalid(`${p}.startupProbe.successThreshold`, c.startupProbe.successThreshold, 'must be 1'));
    }
    if (c?.restartPolicy !== undefined) errs.push(forbidden(`${p}.restartPolicy`, 'may not be set for non-init containers'));
  });
  errs.push(...hostPortConflicts(containers, path));
  return errs;
}

function validateInitContainers(inits: any[] | undefined, containers: any[] | undefined, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>((containers ?? []).map((c) => c?.name).filter(Boolean));
  (inits ?? []).forEach((c, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c ?? {}, volumes, p));
    if (c?.name) {
      if (names.has(c.name)) errs.push(duplicate(`${p}.name`, c.name));
      else names.add(c.name);
    }
    if (c?.restartPolicy !== undefined && c.restartPolicy !== 'Always') errs.push(notSupported(`${p}.restartPolicy`, String(c.restartPolicy), ['Always']));
    if (c?.restartPolicy !== 'Always') {
      if (c?.lifecycle) errs.push(forbidden(`${p}.lifecycle`, 'may not be set for init containers without restartPolicy=Always'));
      if (c?.livenessProbe) errs.push(forbidden(`${p}.livenessProbe`, 'may not be set for init containers without restartPolicy=Always'));
      if (c?.readinessProbe) errs.push(forbidden(`${p}.readinessProbe`, 'may not be set for init containers without restartPolicy=Always'));
      if (c?.startupProbe) errs.push(forbidden(`${p}.startupProbe`, 'may not be set for init containers without restartPolicy=Always'));
    }
  });
  return errs;
}

function validateContainerCommon(c: any, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(required(`${path}.name`));
  else errs.push(...dnsLabel(String(c.name), `${path}.name`));
  if (!c.image) errs.push(required(`${path}.image`));
  if (c.terminationMessagePolicy === undefined || c.terminationMessagePolicy === '') errs.push(required(`${path}.terminationMessagePolicy`));
  else if (!TERMINATION_MESSAGE_POLICIES.includes(c.terminationMessagePolicy)) {
    errs.push(notSupported(`${path}.terminationMessagePolicy`, c.terminationMessagePolicy, TERMINATION_MESSAGE_POLICIES));
  }
  errs.push(...validateContainerPorts(c.ports, `${path}.ports`));
  errs.push(...validateEnv(c.env, `${path}.env`));
  errs.push(...validateEnvFrom(c.envFrom, `${path}.envFrom`));
  errs.push(...validateVolumeMounts(c.volumeMounts, volumes, `${path}.volumeMounts`));
  if (c.imagePullPolicy === undefined || c.imagePullPolicy === '') errs.push(required(`${path}.imagePullPolicy`));
  else if (!PULL_POLICIES.includes(c.imagePullPolicy)) errs.push(notSupported(`${path}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
  errs.push(...validateResources(c.resources, `${path}.resources`));
  return errs;
}

function validateContainerPorts(ports: any[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const p = `${path}[${i}]`;
    if (port?.name) {
      const msgs = isValidPortName(String(port.name));
      if (msgs.length) for (const m of msgs) errs.push(invalid(`${p}.name`, String(port.name), m));
      else if (names.has(port.name)) errs.push(duplicate(`${p}.name`, port.name));
      else names.add(port.name);
    }
    if (!port?.containerPort) errs.push(required(`${p}.containerPort`));
    else for (const m of isValidPortNum(port.containerPort)) errs.push(invalid(`${p}.containerPort`, port.containerPort, m));
    if (port?.hostPort) for (const m of isValidPortNum(port.hostPort)) errs.push(invalid(`${p}.hostPort`, port.hostPort, m));
    if (!port?.protocol) errs.push(required(`${p}.protocol`));
    else if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(`${p}.protocol`, String(port.protocol), PROTOCOLS));
  });
  return errs;
}

function hostPortConflicts(containers: any[], path: string): FieldError[] {
  const seen = new Set<string>();
  const errs: FieldError[] = [];
  containers.forEach((c, ci) => {
    (c?.ports ?? []).forEach((port: any, pi: number) => {
      if (!port?.hostPort) return;
      const key = `${port.protocol ?? ''}/${port.hostIP ?? ''}/${port.hostPort}`;
      if (seen.has(key)) errs.push(duplicate(`${path}[${ci}].ports[${pi}].hostPort`, key));
      seen.add(key);
    });
  });
  return errs;
}

/** validateLocalDescendingPath: both checks apply, one error each. */
function localDescendingPath(p: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (p.startsWith('/')) errs.push(invalid(path, p, 'must be a relative path'));
  if (p.split('/').includes('..')) errs.push(invalid(path, p, "must not contain '..'"));
  return errs;
}

function validateEnv(env: any[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (env ?? []).forEach((e, i) => {
    const p = `${path}[${i}]`;
    const name = String(e?.name ?? '');
    if (!name) errs.push(required(`${p}.name`));
    for (const m of isEnvVarName(name)) errs.push(invalid(`${p}.name`, name, m));
    const from = e?.valueFrom;
    if (!from) return;
    const refs = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter((k) => from[k]);
    if (from.configMapKeyRef) {
      if (!from.configMapKeyRef.key) errs.push(required(`${p}.valueFrom.configMapKeyRef.key`));
      else for (const m of isConfigMapKey(from.configMapKeyRef.key)) errs.push(invalid(`${p}.valueFrom.configMapKeyRef.key`, from.configMapKeyRef.key, m));
      if (!from.configMapKeyRef.name) errs.push(required(`${p}.valueFrom.configMapKeyRef.name`));
    }
    if (from.secretKeyRef) {
      if (!from.secretKeyRef.key) errs.push(required(`${p}.valueFrom.secretKeyRef.key`));
      else for (const m of isConfigMapKey(from.secretKeyRef.key)) errs.push(invalid(`${p}.valueFrom.secretKeyRef.key`, from.secretKeyRef.key, m));
      if (!from.secretKeyRef.name) errs.push(required(`${p}.valueFrom.secretKeyRef.name`));
    }
    if (from.fieldRef && !from.fieldRef.fieldPath) errs.push(required(`${p}.valueFrom.fieldRef.fieldPath`));
    if (from.resourceFieldRef && !from.resourceFieldRef.resource) errs.push(required(`${p}.valueFrom.resourceFieldRef.resource`));
    if (refs.length === 0) {
      errs.push(invalid(`${p}.valueFrom`, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
    } else if (refs.length > 1) {
      errs.push(invalid(`${p}.valueFrom`, '', 'may not have more than one field specified at a time'));
    } else if (e.value) {
      errs.push(invalid(`${p}.valueFrom`, '', 'may not be specified when `value` is not empty'));
    }
  });
  return errs;
}

function validateEnvFrom(envFrom: any[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (envFrom ?? []).forEach((e, i) => {
    const p = `${path}[${i}]`;
    if (e?.prefix) for (const m of isEnvVarName(e.prefix)) errs.push(invalid(`${p}.prefix`, e.prefix, m));
    const n = (e?.configMapRef ? 1 : 0) + (e?.secretRef ? 1 : 0);
    if (n === 0) errs.push(invalid(p, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (n > 1) errs.push(invalid(p, '', 'may not have more than one field specified at a time'));
    if (e?.configMapRef && !e.configMapRef.name) errs.push(required(`${p}.configMapRef.name`));
    if (e?.secretRef && !e.secretRef.name) errs.push(required(`${p}.secretRef.name`));
  });
  return errs;
}

function validateVolumeMounts(mounts: any[] | undefined, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const points = new Set<string>();
  (mounts ?? []).forEach((m, i) => {
    const p = `${path}[${i}]`;
    const name = String(m?.name ?? '');
    if (!name) errs.push(required(`${p}.name`));
    if (!volumes.has(name)) errs.push(notFound(`${p}.name`, name));
    if (!m?.mountPath) errs.push(required(`${p}.mountPath`));
    if (m?.mountPath && points.has(m.mountPath)) errs.push(invalid(`${p}.mountPath`, m.mountPath, 'must be unique'));
    if (m?.mountPath) points.add(m.mountPath);
    // the real code reports it at the list's path, not the mount's
    if (m?.subPath) errs.push(...localDescendingPath(String(m.subPath), `${path}.subPath`));
  });
  return errs;
}

function validateResources(res: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const limits: Record<string, unknown> = res?.limits ?? {};
  const requests: Record<string, unknown> = res?.requests ?? {};
  const checkName = (name: string, p: string): boolean => {
    const msgs = isQualifiedName(name);
    if (msgs.length) {
      for (const m of msgs) errs.push(invalid(p, name, m));
      return false;
    }
    if (!name.includes('/') && !STANDARD_CONTAINER_RESOURCES.has(name) && !name.startsWith('hugepages-')) {
      errs.push(invalid(p, name, 'must be a standard resource for containers'));
      return false;
    }
    return true;
  };
  const checkValue = (name: string, q: unknown, p: string): void => {
    const v = quantityValue(q);
    if (v < 0) errs.push(invalid(p, String(q), NEGATIVE_ERROR));
    if (INTEGER_RESOURCES.has(name) && !Number.isInteger(v)) errs.push(invalid(p, String(q), 'must be an integer'));
  };
  for (const name of Object.keys(limits).sort()) {
    const p = `${path}.limits[${name}]`;
    if (checkName(name, p)) checkValue(name, limits[name], p);
  }
  for (const name of Object.keys(requests).sort()) {
    const p = `${path}.requests[${name}]`;
    if (!checkName(name, p)) continue;
    checkValue(name, requests[name], p);
    if (limits[name] === undefined) continue;
    const req = quantityValue(requests[name]);
    const lim = quantityValue(limits[name]);
    if (req !== lim && OVERCOMMIT_FORBIDDEN(name)) {
      errs.push(invalid(p, String(requests[name]), `must be equal to ${name} limit of ${String(limits[name])}`));
    } else if (req > lim) {
      errs.push(invalid(p, String(requests[name]), `must be less than or equal to ${name} limit of ${String(limits[name])}`));
    }
  }
  return errs;
}

function validateProbe(probe: any, path: string, _allowed: boolean): FieldError[] {
  if (!probe) return [];
  const errs: FieldError[] = [];
  const handlers = ['exec', 'httpGet', 'tcpSocket', 'grpc'].filter((h) => probe[h]);
  if (!handlers.length) errs.push(required(path, 'must specify a handler type'));
  for (const extra of handlers.slice(1)) errs.push(forbidden(`${path}.${extra}`, 'may not specify more than 1 handler type'));
  if (probe.exec && !probe.exec.command?.length) errs.push(required(`${path}.exec.command`));
  for (const h of ['httpGet', 'tcpSocket'] as const) {
    if (!probe[h]) continue;
    errs.push(...validatePortNumOrName(probe[h].port, `${path}.${h}.port`));
  }
  if (probe.httpGet?.scheme && !['HTTP', 'HTTPS'].includes(probe.httpGet.scheme)) {
    errs.push(notSupported(`${path}.httpGet.scheme`, probe.httpGet.scheme, ['HTTP', 'HTTPS']));
  }
  if (probe.grpc) for (const m of isValidPortNum(probe.grpc.port)) errs.push(invalid(`${path}.grpc.port`, probe.grpc.port, m));
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    errs.push(...nonNegative(probe[f], `${path}.${f}`));
  }
  return errs;
}

export function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalid(path, port, m));
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m));
  // an absent IntOrString is the integer 0
  return isValidPortNum(0).map((m) => invalid(path, 0, m));
}

function validateToleration(t: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (t?.key) for (const m of isQualifiedName(t.key)) errs.push(invalid(`${path}.key`, t.key, m));
  if (!t?.key && t?.operator !== 'Exists') {
    errs.push(invalid(`${path}.operator`, String(t?.operator ?? ''), 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
  }
  if (t?.tolerationSeconds !== undefined && t?.tolerationSeconds !== null && t?.effect !== 'NoExecute') {
    errs.push(invalid(`${path}.effect`, String(t?.effect ?? ''), "effect must be 'NoExecute' when `tolerationSeconds` is set"));
  }
  const op = t?.operator ?? '';
  if (op === 'Equal' || op === '') {
    const msgs = isValidLabelValue(String(t?.value ?? ''));
    if (msgs.length) errs.push(invalid(`${path}.operator`, String(t?.value ?? ''), msgs.join(';')));
  } else if (op === 'Exists') {
    if (t?.value) errs.push(invalid(`${path}.operator`, raw(goToleration(t)), "value must be empty when `operator` is 'Exists'"));
  } else {
    errs.push(notSupported(`${path}.operator`, String(op), ['Equal', 'Exists']));
  }
  if (t?.effect) errs.push(...validateTaintEffect(t.effect, `${path}.effect`));
  return errs;
}

/** Not sorted: the real list is in this order. */
export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function validateTaintEffect(effect: unknown, path: string): FieldError[] {
  return TAINT_EFFECTS.includes(String(effect)) ? [] : [notSupported(path, String(effect), TAINT_EFFECTS)];
}

function goToleration(t: any): string {
  const secs = t.tolerationSeconds === undefined ? '(*int64)(nil)' : `(*int64)(0x${'c000000000'})`;
  return `core.Toleration{Key:${goQuote(String(t.key ?? ''))}, Operator:${goQuote(String(t.operator ?? ''))}, Value:${goQuote(String(t.value ?? ''))}, Effect:${goQuote(String(t.effect ?? ''))}, TolerationSeconds:${secs}}`;
}

export const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** ValidatePodUpdate's spec half: only images, deadlines and added tolerations may change. */
export function validatePodSpecUpdate(spec: any, old: any): FieldError[] {
  const errs: FieldError[] = [];
  const cs = spec?.containers ?? [];
  const oldCs = old?.containers ?? [];
  if (cs.length !== oldCs.length) return [forbidden('spec.containers', 'pod updates may not add or remove containers')];
  const inits = spec?.initContainers ?? [];
  const oldInits = old?.initContainers ?? [];
  if (inits.length !== oldInits.length) return [forbidden('spec.initContainers', 'pod updates may not add or remove containers')];
  const oldTols: any[] = old?.tolerations ?? [];
  const newTols: any[] = spec?.tolerations ?? [];
  for (const o of oldTols) {
    const kept = newTols.some((n) => n?.key === o.key && n?.operator === o.operator && n?.value === o.value && n?.effect === o.effect);
    if (!kept) {
      errs.push(forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds'));
      break;
    }
  }
  // the real code copies the updatable fields from the old pod into the new spec and compares;
  // comparing around them gives the same answer without the copy
  const UPDATABLE = new Set(['containers', 'initContainers', 'activeDeadlineSeconds', 'tolerations', 'terminationGracePeriodSeconds']);
  const sameBesides = (a: any, b: any, skip: (k: string) => boolean): boolean => {
    for (const k of new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])) if (!skip(k) && !deepEqual(a?.[k], b?.[k])) return false;
    return true;
  };
  const sameContainers = (x: any[], y: any[]): boolean => x.every((c, i) => sameBesides(c, y[i], (k) => k === 'image'));
  const graceOk =
    deepEqual(spec?.terminationGracePeriodSeconds, old?.terminationGracePeriodSeconds) ||
    (old?.terminationGracePeriodSeconds < 0 && spec?.terminationGracePeriodSeconds === 1);
  const same =
    sameBesides(spec, old, (k) => UPDATABLE.has(k)) &&
    sameContainers(cs, oldCs) &&
    sameContainers(inits, oldInits) &&
    graceOk;
  if (!same) errs.push(forbidden('spec', POD_UPDATE_FORBIDDEN));
  return errs;
}

/** JSON equality that ignores key order and treats a missing key as undefined. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!deepEqual(ao[k], bo[k])) return false;
  return true;
}
