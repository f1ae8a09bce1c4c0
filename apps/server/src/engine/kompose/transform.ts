// kompose's Kubernetes transformer: per service (in name order) a Deployment, or a Pod for
// `restart: "no"`/`on-failure`; ConfigMaps for env files; volumes; a Service where there are
// ports (split by protocol for LoadBalancers, a placeholder port for headless services). Then
// Services first, duplicates removed, and the namespace applied.

import { KubeObject } from '../api/types';
import { ComposeProject, HealthCheck, KomposeFs, PortSpec, ServiceConfig } from './compose-types';
import { parseDotenv } from './interpolate';
import { KomposeFatal, KomposeLog } from './logrus';
import { decimalExponent, milliQuantity } from './quantity';
import { AnnotationOptions, configAnnotations, selectorLabels } from './transform-meta';
import { VolumesMode, serviceVolumes } from './transform-volumes';

export interface TransformOptions extends AnnotationOptions {
  /** --replicas, when given */
  replicas?: number;
  volumes: VolumesMode;
  pvcRequestSize: string;
  namespace: string;
  fs: KomposeFs;
  log: KomposeLog;
}

type Obj = Record<string, unknown>;

export function transform(project: ComposeProject, opts: TransformOptions): KubeObject[] {
  const all: KubeObject[] = [];
  if (opts.namespace) all.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: opts.namespace } });
  const names = Object.keys(project.services).sort();
  // `network_mode: service:X` puts the service's container in X's pod
  const sidecars: Record<string, ServiceConfig[]> = {};
  const merged = new Set<string>();
  for (const name of names) {
    const mode = project.services[name].networkMode;
    const target = mode.startsWith('service:') ? mode.slice(8) : '';
    if (target && project.services[target] && target !== name) {
      (sidecars[target] ??= []).push(project.services[name]);
      merged.add(name);
    }
  }
  for (const name of names) {
    if (merged.has(name)) continue;
    all.push(...serviceObjects(name, project.services[name], sidecars[name] ?? [], project, opts));
  }
  if (opts.namespace) for (const o of all) o.metadata.namespace = opts.namespace;
  const services = all.filter((o) => o.kind === 'Service');
  const sorted = [...services, ...all.filter((o) => o.kind !== 'Service')];
  const seen = new Set<string>();
  return sorted.filter((o) => {
    const key = `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function serviceObjects(name: string, svc: ServiceConfig, sidecars: ServiceConfig[], project: ComposeProject, opts: TransformOptions): KubeObject[] {
  const objects: KubeObject[] = [];
  const annotations = configAnnotations(svc, opts);
  const members = [svc, ...sidecars];
  const containers = members.map((s) => container(s, s === svc ? name : s.name, objects, opts));
  const podSpec: Obj = { containers };
  podSpec.restartPolicy = restartPolicyOf(svc.restart, name);
  const podSecurity: Obj = {};
  if (svc.groupAdd.length) podSecurity.supplementalGroups = svc.groupAdd;
  if (svc.fsGroup) podSecurity.fsGroup = svc.fsGroup;
  if (Object.keys(podSecurity).length) podSpec.securityContext = podSecurity;
  if (svc.hostname) podSpec.hostname = svc.hostname;
  if (svc.domainname) podSpec.subdomain = svc.domainname;
  if (svc.imagePullSecret) podSpec.imagePullSecrets = [{ name: svc.imagePullSecret }];
  if (svc.stopGracePeriod !== undefined) podSpec.terminationGracePeriodSeconds = svc.stopGracePeriod;

  const meta = (labels: Record<string, string>): KubeObject['metadata'] => ({ name, labels, ...(annotations ? { annotations: { ...annotations } } : {}) });
  let workload: KubeObject;
  if (svc.restart === 'no' || svc.restart === 'none' || svc.restart === 'on-failure') {
    opts.log.info(`Create kubernetes pod instead of pod controller due to restart policy: ${svc.restart}`);
    workload = { apiVersion: 'v1', kind: 'Pod', metadata: meta(selectorLabels(name)), spec: podSpec };
  } else {
    const replicas = opts.replicas !== undefined || svc.replicas === 0 ? opts.replicas ?? 1 : svc.replicas;
    const spec: Obj = {
      replicas,
      selector: { matchLabels: selectorLabels(name) },
      template: { metadata: { labels: selectorLabels(name), ...(annotations ? { annotations: { ...annotations } } : {}) }, spec: podSpec },
    };
    if (svc.volumes.length) spec.strategy = { type: 'Recreate' };
    workload = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta({ ...selectorLabels(name), ...svc.deployLabels }), spec };
  }
  objects.unshift(workload);
  if (svc.ports.length) objects.push(...kubeServices(name, svc, annotations, opts.log));
  else if (svc.serviceType === 'Headless') {
    objects.push(service(name, name, { clusterIP: 'None', ports: [{ name: 'headless', port: 55555, targetPort: 0 }] }, annotations));
  } else opts.log.warn(`Service "${name}" won't be created because 'ports' is not specified`);
  // volumes come last, as kompose's UpdateKubernetesObjects adds them to the workload
  const podVolumes: Obj[] = [];
  members.forEach((s, i) => {
    const vols = serviceVolumes(s === svc ? name : s.name, s, { mode: opts.volumes, pvcRequestSize: opts.pvcRequestSize, workingDir: project.workingDir, fs: opts.fs, log: opts.log });
    if (vols.mounts.length) containers[i].volumeMounts = vols.mounts;
    podVolumes.push(...vols.volumes);
    objects.push(...vols.objects);
  });
  if (podVolumes.length) podSpec.volumes = podVolumes;
  return objects;
}

function restartPolicyOf(restart: string, name: string): string {
  switch (restart) {
    case '':
    case 'always':
    case 'any':
      return 'Always';
    case 'no':
    case 'none':
      return 'Never';
    case 'on-failure':
      return 'OnFailure';
    default:
      if (restart.startsWith('on-failure:')) return 'OnFailure';
      throw new KomposeFatal(`Error transforming Kubernetes objects: Unknown restart policy ${restart} for service ${name}`);
  }
}

/** the container of one compose service; its env-file ConfigMaps go to `objects` */
function container(svc: ServiceConfig, name: string, objects: KubeObject[], opts: TransformOptions): Obj {
  const c: Obj = { name: svc.containerName || name, image: svc.image || name };
  if (svc.command) c.command = svc.command;
  if (svc.args) c.args = svc.args;
  const fileKeys = new Set<string>();
  const envFrom: Obj[] = [];
  for (const f of svc.envFiles) {
    const envName = formatEnvName(f.rel);
    const lookup = (k: string) => (Object.prototype.hasOwnProperty.call(svc.resolvedEnv, k) ? svc.resolvedEnv[k] : undefined);
    const data = parseDotenv(opts.fs.read(f.abs) ?? '', lookup);
    Object.keys(data).forEach((k) => fileKeys.add(k));
    objects.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: envName, labels: selectorLabels(`${name}-${envName}`) }, data });
    envFrom.push({ configMapRef: { name: envName } });
  }
  const env = new Map<string, string>();
  for (const e of svc.environment) if (!fileKeys.has(e.name)) env.set(e.name, e.value);
  if (env.size) c.env = [...env.keys()].sort().map((k) => ({ name: k, value: env.get(k) }));
  if (envFrom.length) c.envFrom = envFrom;
  const ports: Obj[] = [];
  const seen = new Set<string>();
  for (const p of svc.ports) {
    const key = `${p.containerPort}${p.protocol}`;
    if (seen.has(key)) continue;
    seen.add(key);
    ports.push({ containerPort: p.containerPort, protocol: p.protocol });
  }
  if (ports.length) c.ports = ports;
  const resources = containerResources(svc);
  if (resources) c.resources = resources;
  const sc: Obj = {};
  if (svc.privileged) sc.privileged = true;
  if (svc.readOnly) sc.readOnlyRootFilesystem = true;
  if (svc.capAdd.length || svc.capDrop.length) sc.capabilities = { ...(svc.capAdd.length ? { add: svc.capAdd } : {}), ...(svc.capDrop.length ? { drop: svc.capDrop } : {}) };
  const user = /^(\d+)(?::(\d+))?$/.exec(svc.user);
  if (user) {
    sc.runAsUser = Number(user[1]);
    if (user[2] !== undefined) sc.runAsGroup = Number(user[2]);
  }
  if (Object.keys(sc).length) c.securityContext = sc;
  if (svc.liveness) c.livenessProbe = probe(svc.liveness);
  if (svc.readiness) c.readinessProbe = probe(svc.readiness);
  if (svc.workingDir) c.workingDir = svc.workingDir;
  if (svc.stdin) c.stdin = true;
  if (svc.tty) c.tty = true;
  if (svc.imagePullPolicy) c.imagePullPolicy = svc.imagePullPolicy;
  return c;
}

/** kompose's FormatEnvName: the file's base name with dots as dashes ("foo.env" → "foo-env") */
export function formatEnvName(rel: string): string {
  let name = rel.replace(/^[./]+|[./]+$/g, '');
  if (name.includes('/')) name = name.slice(name.lastIndexOf('/') + 1);
  name = name.replace(/\./g, '-');
  return name.length > 63 ? name.slice(0, 63) : name;
}

function containerResources(svc: ServiceConfig): Obj | undefined {
  const limits: Obj = {};
  const requests: Obj = {};
  if (svc.memLimit) limits.memory = decimalExponent(svc.memLimit);
  if (svc.cpuLimit) limits.cpu = milliQuantity(svc.cpuLimit);
  if (svc.memReservation) requests.memory = decimalExponent(svc.memReservation);
  if (svc.cpuReservation) requests.cpu = milliQuantity(svc.cpuReservation);
  const all = { ...svc.labels, ...svc.deployLabels };
  if (all['kompose.ephemeral-storage.limit']) limits['ephemeral-storage'] = all['kompose.ephemeral-storage.limit'];
  if (all['kompose.ephemeral-storage.request']) requests['ephemeral-storage'] = all['kompose.ephemeral-storage.request'];
  const out: Obj = {};
  if (Object.keys(limits).length) out.limits = limits;
  if (Object.keys(requests).length) out.requests = requests;
  return Object.keys(out).length ? out : undefined;
}

function probe(h: HealthCheck): Obj {
  const p: Obj = {};
  if (h.test.length) p.exec = { command: h.test };
  else if (h.httpPath && h.httpPort) p.httpGet = { path: h.httpPath, port: h.httpPort };
  else if (h.tcpPort) p.tcpSocket = { port: h.tcpPort };
  else throw new KomposeFatal('Error transforming Kubernetes objects: Health check must contain a command');
  if (h.timeout) p.timeoutSeconds = h.timeout;
  if (h.interval) p.periodSeconds = h.interval;
  if (h.retries) p.failureThreshold = h.retries;
  if (h.startPeriod) p.initialDelaySeconds = h.startPeriod;
  return p;
}

function service(objName: string, selectorName: string, spec: Obj, annotations: Record<string, string> | undefined): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: objName, labels: selectorLabels(objName), ...(annotations ? { annotations: { ...annotations } } : {}) },
    spec: { ...spec, selector: selectorLabels(selectorName) },
  };
}

/** kompose's ConfigServicePorts: published port (or the container port), named after it */
function servicePorts(ports: PortSpec[], type: string): Obj[] {
  const out: Obj[] = [];
  const seen = new Set<number>();
  for (const p of ports) {
    const port = p.hostPort || p.containerPort;
    let name = String(port);
    if (seen.has(port)) {
      if (type === 'LoadBalancer') throw new KomposeFatal(`Service ${name} of type LoadBalancer cannot use TCP and UDP for the same port`);
      name = `${name}-${p.protocol.toLowerCase()}`;
    }
    const sp: Obj = { name, port, targetPort: p.containerPort };
    if (p.protocol !== 'TCP') sp.protocol = p.protocol;
    out.push(sp);
    seen.add(port);
  }
  return out;
}

function kubeServices(name: string, svc: ServiceConfig, annotations: Record<string, string> | undefined, log: KomposeLog): KubeObject[] {
  if (svc.serviceType === 'LoadBalancer') {
    const tcp = svc.ports.filter((p) => p.protocol === 'TCP');
    const udp = svc.ports.filter((p) => p.protocol !== 'TCP');
    if (tcp.length && udp.length) {
      log.warn(`Create multiple service to avoid using mixed protocol in the same service when it's loadbalancer type`);
      return [
        service(`${name}-tcp`, name, { ports: servicePorts(tcp, 'LoadBalancer'), type: 'LoadBalancer' }, annotations),
        service(`${name}-udp`, name, { ports: servicePorts(udp, 'LoadBalancer'), type: 'LoadBalancer' }, annotations),
      ];
    }
    return [service(name, name, { ports: servicePorts(svc.ports, 'LoadBalancer'), type: 'LoadBalancer' }, annotations)];
  }
  const spec: Obj = { ports: servicePorts(svc.ports, svc.serviceType) };
  if (svc.serviceType === 'Headless') spec.clusterIP = 'None';
  else if (svc.serviceType) spec.type = svc.serviceType;
  if (svc.serviceType === 'NodePort' && svc.nodePortPort) (spec.ports as Obj[])[0].nodePort = svc.nodePortPort;
  return [service(name, name, spec, annotations)];
}
