// `kubectl get --raw PATH`: a GET of an API path, printed as the API server answers it (JSON of
// an object or a list, `ok` from the health endpoints, the version document).

import { ApiError } from '../../api/errors';
import { qualifiedResource, resourceByName } from '../../api/resources';
import { KubeObject } from '../../api/types';
import { Invocation } from '../command';
import { CommandError } from '../context';
import { versionInfo } from './version';

/** kubectl's checks before any request (get.go Complete and Validate) */
function validateRaw(inv: Invocation, raw: string): void {
  const { flags } = inv;
  if (inv.args.length) throw new CommandError('error: arguments may not be passed when --raw is specified');
  if (flags.bool('watch') || flags.bool('watch-only') || flags.str('selector')) {
    throw new CommandError('error: --raw may not be specified with other flags that filter the server request or alter the output');
  }
  if (flags.str('output')) throw new CommandError('error: --raw and --output are mutually exclusive');
  // Go's url.ParseRequestURI: an absolute path or an absolute URL
  if (!raw.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(raw)) {
    throw new CommandError(`error: --raw must be a valid URL path: parse "${raw}": invalid URI for request`);
  }
}

export function runRawGet(inv: Invocation, raw: string): number {
  validateRaw(inv, raw);
  inv.connect();
  const [path, query = ''] = raw.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').split('?', 2);
  const trimmed = path.replace(/\/+$/, '') || '/';
  if (['/healthz', '/livez', '/readyz'].includes(trimmed)) {
    inv.out('ok');
    return 0;
  }
  if (trimmed === '/version') {
    // the API server's version document, in its field order and indented
    const v = versionInfo();
    const ordered = Object.fromEntries(['major', 'minor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform'].map((k) => [k, v[k]]));
    inv.out(JSON.stringify(ordered, null, 2));
    return 0;
  }
  inv.out(JSON.stringify(answer(inv, trimmed, new URLSearchParams(query))) + '\n');
  return 0;
}

const NOT_FOUND = () => new ApiError('NotFound', 'the server could not find the requested resource');

/** /api/v1[/namespaces/NS]/RESOURCE[/NAME] and /apis/GROUP/VERSION/... */
function answer(inv: Invocation, path: string, query: URLSearchParams): unknown {
  const parts = path.split('/').filter(Boolean);
  let group: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 2) {
    group = '';
    rest = parts.slice(1);
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    group = parts[1];
    rest = parts.slice(2);
  } else throw NOT_FOUND();
  const version = rest[0];
  let namespace: string | undefined;
  let segs = rest.slice(1);
  if (segs[0] === 'namespaces' && segs.length >= 3) {
    namespace = segs[1];
    segs = segs.slice(2);
  }
  const info = segs.length >= 1 && segs.length <= 2 ? resourceByName(segs[0]) : undefined;
  if (!info || info.group !== group || info.version !== version || (namespace !== undefined && !info.namespaced)) throw NOT_FOUND();
  const api = inv.api();
  const apiVersion = group ? `${group}/${version}` : version;
  if (segs.length === 2) {
    if (info.namespaced && namespace === undefined) throw NOT_FOUND();
    const obj = api.tryGet(info.resource, namespace, segs[1]);
    if (!obj) throw ApiError.notFound(qualifiedResource(info), segs[1]);
    return typed(obj, info.kind, apiVersion);
  }
  const items = api.list(info.resource, {
    namespace,
    labelSelector: query.get('labelSelector') ?? undefined,
    fieldSelector: query.get('fieldSelector') ?? undefined,
  });
  // as the server lists them: kind and apiVersion on the list, not on its items
  return {
    kind: `${info.kind}List`,
    apiVersion,
    metadata: { resourceVersion: String(api.store.resourceVersion) },
    items: items.map(({ kind: _kind, apiVersion: _apiVersion, ...rest }) => rest),
  };
}

/** the object with kind and apiVersion first, as the server's encoder writes them */
function typed(obj: KubeObject, kind: string, apiVersion: string): unknown {
  const { kind: _kind, apiVersion: _apiVersion, ...rest } = obj;
  return { kind, apiVersion, ...rest };
}
