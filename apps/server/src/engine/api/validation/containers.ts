// Containers (validateContainers, validateInitContainers, validateContainerCommon): names,
// images, ports, env, mounts, resources and probes, in the real order.

import { FieldError } from '../errors';
import { duplicate, forbidden, invalid, notFound, notSupported, required } from './field';
import { NEGATIVE_ERROR, isConfigMapKey, isEnvVarName, isQualifiedName, isValidPortName, isValidPortNum } from './names';
import { quantityValue } from './quantity';
import { dnsLabel, nonNegative } from './pod-common';
import { localDescendingPath } from './volumes';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const INTEGER_RESOURCES = new Set(['pods', 'services', 'storage', 'ephemeral-storage']);
const OVERCOMMIT_FORBIDDEN = (name: string): boolean => name.startsWith('hugepages-') || (name.includes('/') && !name.startsWith('kubernetes.io/'));
export function validateContainers(containers: any[] | undefined, volumes: Set<string>, path: string): FieldError[] {
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
    errs.push(...validateProbe(c?.livenessProbe, `${p}.livenessProbe`));
    errs.push(...validateProbe(c?.readinessProbe, `${p}.readinessProbe`));
    errs.push(...validateProbe(c?.startupProbe, `${p}.startupProbe`));
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

export function validateInitContainers(inits: any[] | undefined, containers: any[] | undefined, volumes: Set<string>, path: string): FieldError[] {
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

function validateProbe(probe: any, path: string): FieldError[] {
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

