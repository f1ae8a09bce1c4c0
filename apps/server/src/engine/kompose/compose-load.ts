// Loads compose files the way kompose does through compose-go: YAML, `.env` and environment
// interpolation, the spec's key validation, merging of several -f files in order, and the
// mapping to kompose's service configs (kompose's pkg/loader/compose).

import { parseDocument } from 'yaml';
import { dirname, resolvePath } from '../shell/filesystem';
import { ComposeProject, EnvFileRef, HealthCheck, KomposeFs, PortSpec, ServiceConfig, VolumeSpec } from './compose-types';
import { isObj, keyValues, parsePortEntry, parseVolumeEntry, str, stringList, toMap } from './compose-fields';
import { Lookup, parseDotenv, substitute } from './interpolate';
import { KomposeFatal, KomposeLog } from './logrus';
import { durationSeconds, ramInBytes } from './quantity';
import { shellSplit } from './shell-words';
import { SERVICE_KEYS, TOP_LEVEL_KEYS } from './compose-schema';

type Obj = Record<string, unknown>;

export interface ComposeFile {
  /** absolute path */
  path: string;
  content: string;
}

export interface LoadContext {
  fs: KomposeFs;
  /** the process environment (the shell's variables) */
  env: Record<string, string>;
  home: string;
  log: KomposeLog;
  /** --profile: services with `profiles:` are loaded only when one of theirs is active */
  profiles?: string[];
}

const unable = (msg: string) => new KomposeFatal(`Unable to load files: ${msg}`);

/** compose-go's project loading followed by kompose's mapping to service configs */
export function loadCompose(files: ComposeFile[], ctx: LoadContext): ComposeProject {
  const workingDir = dirname(files[0].path);
  const dotenvText = ctx.fs.read(`${workingDir === '/' ? '' : workingDir}/.env`);
  const osLookup: Lookup = (k) => (Object.prototype.hasOwnProperty.call(ctx.env, k) ? ctx.env[k] : undefined);
  const projectEnv: Record<string, string> = { ...(dotenvText !== undefined ? parseDotenv(dotenvText, osLookup) : {}), ...ctx.env };
  const lookup: Lookup = (k) => (Object.prototype.hasOwnProperty.call(projectEnv, k) ? projectEnv[k] : undefined);

  let merged: Obj = {};
  for (const file of files) merged = mergeTop(merged, readFile(file, lookup, ctx.log));
  const services = isObj(merged.services) ? merged.services : {};
  const volumes = isObj(merged.volumes) ? merged.volumes : {};
  const networks = isObj(merged.networks) ? merged.networks : {};

  const out: Record<string, ServiceConfig> = {};
  for (const name of Object.keys(services).sort()) {
    const raw = services[name];
    if (!isObj(raw)) throw unable(`services.${name} must be a mapping`);
    const profiles = stringList(raw.profiles);
    if (profiles.length && !profiles.some((p) => ctx.profiles?.includes(p))) continue;
    if (!raw.image && !raw.build) throw unable(`service "${name}" has neither an image nor a build context specified: invalid compose project`);
    for (const net of Array.isArray(raw.networks) ? raw.networks.map(str) : isObj(raw.networks) ? Object.keys(raw.networks) : []) {
      if (net !== 'default' && !(net in networks)) throw unable(`service "${name}" refers to undefined network ${net}: invalid compose project`);
    }
    const deps = Array.isArray(raw.depends_on) ? raw.depends_on.map(str) : isObj(raw.depends_on) ? Object.keys(raw.depends_on) : [];
    for (const dep of deps) if (!(dep in services)) throw unable(`service "${name}" depends on undefined service "${dep}": invalid compose project`);
    const svc = mapService(name, raw, { workingDir, volumes, projectEnv, lookup, ctx });
    const normalized = normalizeServiceName(name);
    if (normalized !== name) ctx.log.info(`Service name in docker-compose has been changed from "${name}" to "${normalized}"`);
    svc.name = normalized;
    out[normalized] = svc;
  }
  return { workingDir, services: out };
}

export function normalizeServiceName(name: string): string {
  return name.replace(/[._]/g, '-').toLowerCase();
}

function readFile(file: ComposeFile, lookup: Lookup, log: KomposeLog): Obj {
  const doc = parseDocument(file.content, { merge: true, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line ?? 1;
    throw unable(`yaml: line ${line}: ${goYamlMessage(e.code)}`);
  }
  const data: unknown = doc.toJS({ maxAliasCount: -1 });
  if (data === null || data === undefined) throw unable('empty compose file');
  if (!isObj(data)) throw unable('Top-level object must be a mapping');
  if ('version' in data) log.warn(`${file.path}: the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion`);
  for (const key of Object.keys(data)) {
    if (!TOP_LEVEL_KEYS.has(key) && !key.startsWith('x-')) throw unable(`validating ${file.path}: (root) additional properties '${key}' not allowed`);
  }
  if (data.services !== undefined && data.services !== null && !isObj(data.services)) throw unable(`validating ${file.path}: services must be a mapping`);
  for (const [name, svc] of Object.entries(isObj(data.services) ? data.services : {})) {
    if (!isObj(svc)) continue;
    for (const key of Object.keys(svc)) {
      if (!SERVICE_KEYS.has(key) && !key.startsWith('x-')) throw unable(`validating ${file.path}: services.${name} additional properties '${key}' not allowed`);
    }
  }
  const onMissing = (name: string) => log.warn(`The "${name}" variable is not set. Defaulting to a blank string.`);
  const interpolated = interpolate(data, lookup, onMissing) as Obj;
  for (const svc of Object.values(isObj(interpolated.services) ? interpolated.services : {})) {
    if (!isObj(svc)) continue;
    for (const key of ['environment', 'labels']) if (svc[key] !== undefined) svc[key] = toMap(svc[key]);
    if (isObj(svc.deploy) && svc.deploy.labels !== undefined) svc.deploy.labels = toMap(svc.deploy.labels);
  }
  return interpolated;
}

function goYamlMessage(code: string): string {
  switch (code) {
    case 'BAD_INDENT':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'mapping values are not allowed in this context';
    case 'DUPLICATE_KEY':
      return 'mapping key already defined';
    case 'MISSING_CHAR':
    case 'BAD_SCALAR_START':
      return 'did not find expected node content';
    default:
      return 'did not find expected key';
  }
}

function interpolate(v: unknown, lookup: Lookup, onMissing: (n: string) => void): unknown {
  if (typeof v === 'string') return substitute(v, lookup, { onMissing });
  if (Array.isArray(v)) return v.map((x) => interpolate(x, lookup, onMissing));
  if (isObj(v)) {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) out[k] = interpolate(x, lookup, onMissing);
    return out;
  }
  return v;
}

// ---- merging several files (compose's override rules) ---------------------------------------

const APPEND_UNIQUE = new Set(['ports', 'expose', 'env_file', 'cap_add', 'cap_drop', 'group_add', 'dns', 'dns_search', 'external_links', 'extra_hosts', 'tmpfs', 'devices', 'security_opt', 'links', 'depends_on', 'profiles', 'configs', 'secrets']);

function mergeTop(base: Obj, over: Obj): Obj {
  const out: Obj = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (k === 'services' && isObj(v)) {
      const services: Obj = { ...(isObj(base.services) ? base.services : {}) };
      for (const [name, svc] of Object.entries(v)) services[name] = isObj(services[name]) && isObj(svc) ? mergeService(services[name] as Obj, svc) : svc;
      out.services = services;
    } else out[k] = isObj(out[k]) && isObj(v) ? deepMerge(out[k] as Obj, v) : v;
  }
  return out;
}

function mergeService(base: Obj, over: Obj): Obj {
  const out: Obj = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    if (k === 'volumes' && Array.isArray(b) && Array.isArray(v)) {
      const target = (e: unknown) => (isObj(e) ? str(e.target) : str(e).split(':')[1] ?? str(e));
      const kept = b.filter((e) => !v.some((o) => target(o) === target(e)));
      out[k] = [...kept, ...v];
    } else if (APPEND_UNIQUE.has(k) && Array.isArray(b) && Array.isArray(v)) {
      const seen = new Set(b.map((e) => JSON.stringify(e)));
      out[k] = [...b, ...v.filter((e) => !seen.has(JSON.stringify(e)))];
    } else if (isObj(b) && isObj(v) && k !== 'command' && k !== 'entrypoint') out[k] = deepMerge(b, v);
    else out[k] = v;
  }
  return out;
}

function deepMerge(base: Obj, over: Obj): Obj {
  const out: Obj = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = isObj(out[k]) && isObj(v) ? deepMerge(out[k] as Obj, v) : v;
  return out;
}

// ---- one service ----------------------------------------------------------------------------

interface MapContext {
  workingDir: string;
  volumes: Obj;
  projectEnv: Record<string, string>;
  lookup: Lookup;
  ctx: LoadContext;
}

function mapService(name: string, raw: Obj, m: MapContext): ServiceConfig {
  const labels: Record<string, string> = {};
  for (const [k, v] of keyValues(raw.labels)) labels[k] = v ?? '';
  const deploy = isObj(raw.deploy) ? raw.deploy : undefined;
  const deployLabels: Record<string, string> = {};
  for (const [k, v] of keyValues(deploy?.labels)) deployLabels[k] = v ?? '';

  const envFiles = envFileRefs(raw.env_file, m);
  const resolvedEnv: Record<string, string> = {};
  for (const f of envFiles) Object.assign(resolvedEnv, parseDotenv(m.ctx.fs.read(f.abs) ?? '', m.lookup));
  const environment: { name: string; value: string }[] = [];
  for (const [k, v] of keyValues(raw.environment)) {
    const value = v ?? m.lookup(k);
    if (value === undefined) continue;
    resolvedEnv[k] = value;
    environment.push({ name: k, value });
  }

  let restart = str(raw.restart);
  if (isObj(deploy?.restart_policy) && deploy!.restart_policy.condition !== undefined) restart = str((deploy!.restart_policy as Obj).condition);
  if (restart === 'unless-stopped') {
    m.ctx.log.warn(`Restart policy 'unless-stopped' in service ${name} is not supported, convert it to 'always'`);
    restart = 'always';
  }

  const resources = isObj(deploy?.resources) ? (deploy!.resources as Obj) : {};
  const limits = isObj(resources.limits) ? resources.limits : {};
  const reservations = isObj(resources.reservations) ? resources.reservations : {};
  const cpu = (v: unknown) => (v === undefined ? 0 : Math.round(parseFloat(str(v)) * 1000));

  const svc: ServiceConfig = {
    name,
    image: str(raw.image),
    containerName: normalizeContainerName(str(raw.container_name)),
    command: commandList(raw.entrypoint),
    args: commandList(raw.command),
    environment,
    resolvedEnv,
    envFiles,
    ports: loadPorts(raw.ports, raw.expose),
    volumes: [],
    tmpfs: stringList(raw.tmpfs),
    restart,
    replicas: deploy?.replicas !== undefined ? Number(deploy.replicas) : 0,
    annotations: labels,
    labels: {},
    deployLabels,
    serviceType: deploy?.endpoint_mode === 'vip' ? 'NodePort' : '',
    nodePortPort: 0,
    volumeSubPath: '',
    imagePullSecret: '',
    imagePullPolicy: '',
    fsGroup: 0,
    memLimit: ramInBytes(limits.memory ?? raw.mem_limit) ?? 0,
    memReservation: ramInBytes(reservations.memory ?? raw.mem_reservation) ?? 0,
    cpuLimit: cpu(limits.cpus),
    cpuReservation: cpu(reservations.cpus),
    groupAdd: groupAdd(raw.group_add),
    readOnly: raw.read_only === true,
    privileged: raw.privileged === true,
    capAdd: stringList(raw.cap_add),
    capDrop: stringList(raw.cap_drop),
    user: str(raw.user),
    workingDir: str(raw.working_dir),
    stdin: raw.stdin_open === true,
    tty: raw.tty === true,
    hostname: str(raw.hostname),
    domainname: str(raw.domainname),
    stopGracePeriod: raw.stop_grace_period !== undefined ? durationSeconds(str(raw.stop_grace_period)) : undefined,
    networkMode: str(raw.network_mode),
  };
  svc.volumes = loadVolumes(name, raw.volumes, svc, m);
  const hc = isObj(raw.healthcheck) ? raw.healthcheck : undefined;
  if (hc && hc.disable !== true && !(Array.isArray(hc.test) && hc.test[0] === 'NONE')) svc.liveness = liveness(hc, labels);
  const readiness = readinessFromLabels(labels);
  if (readiness) svc.readiness = readiness;
  applyKomposeLabels(labels, svc);
  return svc;
}

export function normalizeContainerName(name: string): string {
  return name.replace(/_/g, '-').toLowerCase();
}

function commandList(v: unknown): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  return Array.isArray(v) ? v.map(str) : shellSplit(str(v));
}

function envFileRefs(v: unknown, m: MapContext): EnvFileRef[] {
  const entries = v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
  const out: EnvFileRef[] = [];
  for (const e of entries) {
    const path = isObj(e) ? str(e.path) : str(e);
    const required = isObj(e) ? e.required !== false : true;
    const abs = resolvePath(m.workingDir, path);
    if (m.ctx.fs.read(abs) === undefined) {
      if (!required) continue;
      throw unable(`env file ${abs} not found: stat ${abs}: no such file or directory`);
    }
    out.push({ rel: relativeTo(m.workingDir, abs), abs });
  }
  return out;
}

function relativeTo(dir: string, abs: string): string {
  const a = dir.split('/').filter(Boolean);
  const b = abs.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

function loadPorts(ports: unknown, expose: unknown): PortSpec[] {
  const out: PortSpec[] = [];
  const seen = new Set<string>();
  for (const entry of Array.isArray(ports) ? ports : []) {
    for (const p of parsePortEntry(entry)) {
      const key = `${p.hostIP}|${p.hostPort}|${p.containerPort}|${p.protocol}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(p);
    }
  }
  const exists = new Set(out.map((p) => `${p.containerPort}${p.protocol}`));
  for (const e of stringList(expose)) {
    const [port, proto = 'tcp'] = e.split('/');
    const protocol = proto.toUpperCase();
    if (exists.has(`${port}${protocol}`)) continue;
    out.push({ hostPort: 0, containerPort: Number(port), hostIP: '', protocol });
  }
  return out;
}

function loadVolumes(service: string, v: unknown, svc: ServiceConfig, m: MapContext): VolumeSpec[] {
  const out: VolumeSpec[] = [];
  const entries = Array.isArray(v) ? v : [];
  entries.forEach((entry, i) => {
    const raw = parseVolumeEntry(entry, m.workingDir, m.ctx.home);
    if (raw.type === 'tmpfs') {
      svc.tmpfs.push(raw.target);
      return;
    }
    let volumeName = '';
    let pvcSize = '';
    let selector = '';
    let storageClass = '';
    if (raw.type === 'volume' && raw.source) {
      if (!(raw.source in m.volumes)) throw unable(`service "${service}" refers to undefined volume ${raw.source}: invalid compose project`);
      const top = m.volumes[raw.source];
      for (const [k, val] of keyValues(isObj(top) ? top.labels : undefined)) {
        if (k === 'kompose.volume.size') pvcSize = val ?? '';
        else if (k === 'kompose.volume.selector') selector = val ?? '';
        else if (k === 'kompose.volume.storage-class-name') storageClass = val ?? '';
      }
      volumeName = raw.source.replace(/_/g, '-').toLowerCase();
    }
    out.push({
      volumeName,
      host: raw.type === 'bind' ? raw.source : '',
      container: raw.target,
      mode: raw.readOnly ? 'ro' : '',
      pvcName: `${normalizeServiceName(service)}-claim${i}`,
      pvcSize,
      selector,
      storageClass,
    });
  });
  return out;
}

function groupAdd(v: unknown): number[] {
  return stringList(v).map((g) => {
    if (!/^-?\d+$/.test(g)) throw new KomposeFatal(`GroupAdd should be mentioned in gid format, not a group name: unable to get group_add key: strconv.Atoi: parsing "${g}": invalid syntax`);
    return Number(g);
  });
}

function seconds(v: unknown, what: string, prefix: string): number {
  if (v === undefined || v === null) return 0;
  const s = durationSeconds(str(v));
  if (s === undefined) throw new KomposeFatal(`${prefix}unable to parse health check ${what} variable: time: invalid duration "${str(v)}"`);
  return s;
}

const L = 'kompose.service.healthcheck.';

function liveness(hc: Obj, labels: Record<string, string>): HealthCheck {
  let test: string[] = [];
  if (typeof hc.test === 'string') test = [hc.test];
  else if (Array.isArray(hc.test)) test = hc.test.map(str).slice(1);
  const p = 'Unable to parse health check: ';
  return {
    test,
    httpPath: labels[`${L}liveness.http_get_path`] ?? '',
    httpPort: Number(labels[`${L}liveness.http_get_port`] ?? 0) || 0,
    tcpPort: Number(labels[`${L}liveness.tcp_port`] ?? 0) || 0,
    timeout: seconds(hc.timeout, 'timeout', p),
    interval: seconds(hc.interval, 'interval', p),
    retries: Number(hc.retries ?? 0) || 0,
    startPeriod: seconds(hc.start_period, 'startPeriod', p),
  };
}

function readinessFromLabels(labels: Record<string, string>): HealthCheck | undefined {
  const get = (k: string) => labels[`${L}readiness.${k}`];
  if (['true', '1', 'TRUE', 'True', 't', 'T'].includes(get('disable') ?? '')) return undefined;
  let test = get('test') ? shellSplit(get('test')!) : [];
  if (test[0] === 'NONE') return undefined;
  if (test[0] === 'CMD' || test[0] === 'CMD-SHELL') test = test.slice(1);
  const p = 'Unable to parse health check: ';
  const h: HealthCheck = {
    test,
    httpPath: get('http_get_path') ?? '',
    httpPort: Number(get('http_get_port') ?? 0) || 0,
    tcpPort: Number(get('tcp_port') ?? 0) || 0,
    timeout: seconds(get('timeout'), 'timeout', p),
    interval: seconds(get('interval'), 'interval', p),
    retries: Number(get('retries') ?? 0) || 0,
    startPeriod: seconds(get('start_period'), 'startPeriod', p),
  };
  const empty = !h.test.length && !h.httpPath && !h.httpPort && !h.tcpPort && !h.timeout && !h.interval && !h.retries && !h.startPeriod;
  return empty ? undefined : h;
}

function applyKomposeLabels(labels: Record<string, string>, svc: ServiceConfig): void {
  for (const [key, value] of Object.entries(labels)) {
    switch (key) {
      case 'kompose.service.type':
        svc.serviceType = serviceType(value);
        break;
      case 'kompose.service.nodeport.port':
        svc.nodePortPort = Number(value) || 0;
        break;
      case 'kompose.volume.subpath':
        svc.volumeSubPath = value;
        break;
      case 'kompose.image-pull-secret':
        svc.imagePullSecret = value;
        break;
      case 'kompose.image-pull-policy':
        svc.imagePullPolicy = value;
        break;
      case 'kompose.security-context.fsgroup':
        svc.fsGroup = Number(value) || 0;
        break;
      default:
        svc.labels[key] = value;
    }
  }
  if (svc.serviceType !== 'NodePort' && svc.nodePortPort !== 0) throw new KomposeFatal('kompose.service.type must be nodeport when assign node port value');
  if (svc.ports.length > 1 && svc.nodePortPort !== 0) throw new KomposeFatal('cannot set kompose.service.nodeport.port when service has multiple ports');
}

function serviceType(value: string): string {
  switch (value.toLowerCase()) {
    case '':
    case 'clusterip':
      return 'ClusterIP';
    case 'nodeport':
      return 'NodePort';
    case 'loadbalancer':
      return 'LoadBalancer';
    case 'headless':
      return 'Headless';
    default:
      throw new KomposeFatal(`handleServiceType failed: Unknown value ${value}, supported values are 'nodeport, clusterip, headless or loadbalancer'`);
  }
}

