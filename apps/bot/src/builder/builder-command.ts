// The command the builder teaches: verb, resource type and name chosen from menus become the
// kubectl line a student would type (shown as it grows, then run). Pure: no Discord, no server.

export const BUILDER_VERBS = ['get', 'describe', 'logs', 'delete', 'rollout status'] as const;
export type BuilderVerb = (typeof BUILDER_VERBS)[number];

/** Resource types the builder offers (those the simulated cluster serves): kubectl's plural, and the singular used with a name. */
export const RESOURCES: Record<string, string> = {
  pods: 'pod',
  deployments: 'deployment',
  replicasets: 'replicaset',
  services: 'service',
  configmaps: 'configmap',
  secrets: 'secret',
  namespaces: 'namespace',
  nodes: 'node',
  daemonsets: 'daemonset',
  persistentvolumeclaims: 'persistentvolumeclaim',
  serviceaccounts: 'serviceaccount',
};

const ALL = Object.keys(RESOURCES);

export function resourcesFor(verb: BuilderVerb): string[] {
  switch (verb) {
    case 'logs':
      return ['pods'];
    case 'rollout status':
      return ['deployments', 'daemonsets'];
    case 'delete':
      return ALL.filter((r) => r !== 'nodes');
    default:
      return ALL;
  }
}

/** `get` may leave the name out (the whole list); the others need one object. */
export function nameOptional(verb: BuilderVerb): boolean {
  return verb === 'get';
}

export interface NamedObject {
  namespace?: string;
  name: string;
}

/** The kubectl line for the choices so far (a verb alone, a verb and a type, or everything). */
export function builtLine(verb: BuilderVerb, resource?: string, target?: NamedObject | 'all', everyNamespace = false): string {
  const words = ['kubectl', verb];
  if (resource === undefined) return words.join(' ');
  const ns = (o: NamedObject) => (o.namespace && o.namespace !== 'default' ? ['-n', o.namespace] : []);
  if (target === undefined || target === 'all') {
    if (verb === 'logs' || verb === 'rollout status') return words.join(' ');
    words.push(resource);
    if (target === 'all' && everyNamespace) words.push('-A');
    return words.join(' ');
  }
  const singular = RESOURCES[resource] ?? resource;
  if (verb === 'logs') words.push(target.name);
  else if (verb === 'rollout status') words.push(`${singular}/${target.name}`);
  else words.push(singular, target.name);
  return [...words, ...ns(target)].join(' ');
}
