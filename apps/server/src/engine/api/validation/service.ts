// Service validation (ValidateService): ports, their names and protocols, selector, type and
// session affinity, duplicate ports and node ports. IP allocation errors are the allocator's.

import { FieldError } from '../errors';
import { duplicate, forbidden, goQuote, invalid, notSupported, raw, required } from './field';
import { validateLabels } from './meta';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortNum } from './names';
import { validatePortNumOrName } from './pod';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const AFFINITIES = ['ClientIP', 'None'];
const KUBELET_PORT = 10250;

/** %#v of the core.ServicePort key the duplicate check uses (only protocol and port set). */
function servicePortKey(protocol: string, port: number): string {
  return `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
}

export function validateService(obj: any): FieldError[] {
  const errs: FieldError[] = [];
  const spec = obj.spec ?? {};
  const ports: any[] = spec.ports ?? [];
  const headless = spec.clusterIP === 'None';
  if (!ports.length && !headless && spec.type !== 'ExternalName') errs.push(required('spec.ports'));
  switch (spec.type) {
    case 'LoadBalancer':
      if (headless) errs.push(invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for LoadBalancer services"));
      ports.forEach((p, i) => {
        if (p?.port === KUBELET_PORT) errs.push(invalid(`spec.ports[${i}]`, p.port, `may not expose port ${KUBELET_PORT} externally since it is used by kubelet`));
      });
      break;
    case 'NodePort':
      if (headless) errs.push(invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for NodePort services"));
      break;
    case 'ExternalName': {
      if (spec.clusterIP) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
      const cname = String(spec.externalName ?? '').replace(/\.$/, '');
      if (cname) for (const m of isDNS1123Subdomain(cname)) errs.push(invalid('spec.externalName', cname, m));
      else errs.push(required('spec.externalName'));
      break;
    }
  }
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const path = `spec.ports[${i}]`;
    if (ports.length > 1 && !p?.name) errs.push(required(`${path}.name`));
    else if (p?.name) {
      for (const m of isDNS1123Label(String(p.name))) errs.push(invalid(`${path}.name`, String(p.name), m));
      if (names.has(p.name)) errs.push(duplicate(`${path}.name`, p.name));
      else names.add(p.name);
    }
    for (const m of isValidPortNum(p?.port ?? 0)) errs.push(invalid(`${path}.port`, p?.port ?? 0, m));
    if (!p?.protocol) errs.push(required(`${path}.protocol`));
    else if (!PROTOCOLS.includes(p.protocol)) errs.push(notSupported(`${path}.protocol`, String(p.protocol), PROTOCOLS));
    errs.push(...validatePortNumOrName(p?.targetPort, `${path}.targetPort`));
  });
  if (spec.selector) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  if (!spec.sessionAffinity) errs.push(required('spec.sessionAffinity'));
  else if (!AFFINITIES.includes(spec.sessionAffinity)) errs.push(notSupported('spec.sessionAffinity', String(spec.sessionAffinity), AFFINITIES));
  if (!spec.type) errs.push(required('spec.type'));
  else if (!TYPES.includes(spec.type)) errs.push(notSupported('spec.type', String(spec.type), TYPES));
  if (spec.type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p?.nodePort) errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p?.nodePort) return;
    const key = `${p.protocol}/${p.nodePort}`;
    if (nodePorts.has(key)) errs.push(duplicate(`spec.ports[${i}].nodePort`, p.nodePort));
    nodePorts.add(key);
  });
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p?.protocol}/${p?.port}`;
    if (seen.has(key)) errs.push(duplicate(`spec.ports[${i}]`, raw(servicePortKey(String(p?.protocol ?? ''), Number(p?.port ?? 0)))));
    seen.add(key);
  });
  for (const policy of ['externalTrafficPolicy', 'internalTrafficPolicy'] as const) {
    const v = spec[policy];
    if (v !== undefined && v !== '' && v !== 'Cluster' && v !== 'Local') errs.push(notSupported(`spec.${policy}`, String(v), ['Cluster', 'Local']));
  }
  const externallyAccessible = spec.type === 'NodePort' || spec.type === 'LoadBalancer' || (spec.type === 'ClusterIP' && spec.externalIPs?.length);
  if (spec.externalTrafficPolicy && !externallyAccessible) {
    errs.push(invalid('spec.externalTrafficPolicy', String(spec.externalTrafficPolicy), 'may only be set for externally-accessible services'));
  }
  return errs;
}
