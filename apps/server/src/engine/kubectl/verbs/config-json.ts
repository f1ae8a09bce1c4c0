// `kubectl config view -o json` prints the kubeconfig as client-go's v1.Config struct encodes it:
// fields in the struct's order, `name` before each entry's body. (YAML goes through a map, so its
// keys come out sorted; JSON does not.) Keys the structs do not know are left at the end.

const ORDER: Record<string, readonly string[]> = {
  config: ['kind', 'apiVersion', 'preferences', 'clusters', 'users', 'contexts', 'current-context', 'extensions'],
  cluster: ['server', 'tls-server-name', 'insecure-skip-tls-verify', 'certificate-authority', 'certificate-authority-data', 'proxy-url', 'disable-compression', 'extensions'],
  user: [
    'client-certificate',
    'client-certificate-data',
    'client-key',
    'client-key-data',
    'token',
    'tokenFile',
    'as',
    'as-uid',
    'as-groups',
    'as-user-extra',
    'username',
    'password',
    'auth-provider',
    'exec',
    'extensions',
  ],
  context: ['cluster', 'user', 'namespace', 'extensions'],
};

function ordered(v: unknown, order: readonly string[]): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const src = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of order) if (k in src) out[k] = src[k];
  for (const k of Object.keys(src)) if (!(k in out)) out[k] = src[k];
  return out;
}

/** one `{name, <body>}` entry of clusters, users or contexts */
function named(entry: unknown, body: 'cluster' | 'user' | 'context'): unknown {
  if (!entry || typeof entry !== 'object') return entry;
  const e = entry as Record<string, unknown>;
  return ordered({ ...e, [body]: ordered(e[body], ORDER[body]) }, ['name', body]);
}

export function configInStructOrder(doc: Record<string, unknown>): Record<string, unknown> {
  const list = (key: string, body: 'cluster' | 'user' | 'context'): unknown => (Array.isArray(doc[key]) ? (doc[key] as unknown[]).map((e) => named(e, body)) : doc[key]);
  return ordered({ ...doc, clusters: list('clusters', 'cluster'), users: list('users', 'user'), contexts: list('contexts', 'context') }, ORDER.config) as Record<string, unknown>;
}
