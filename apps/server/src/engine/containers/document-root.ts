// What nginx and httpd serve when their document root holds files other than the image's own: a
// volume mounted there, or a page written into the container with `kubectl exec`. Without
// either, the image's stock answer stands (the fast path: no file system is built).

import type { ClusterView } from './cluster-view';
import { Pod } from '../api/types';
import type { HostState } from '../shell/types';
import { runningContainer } from '../controllers/kubelet/runtime-query';
import { lookupImage } from '../images/catalog';
import { NGINX_FORBIDDEN_PAGE, NGINX_NOT_FOUND_PAGE } from '../images/nginx-page';
import { buildContainerFs, volumesSection } from './container-fs';

const ROOTS = { nginx: '/usr/share/nginx/html', httpd: '/usr/local/apache2/htdocs' };
const HTTPD_NOT_FOUND = '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';

export function served(cluster: ClusterView, pod: Pod, container: string, kind: 'nginx' | 'httpd', path: string, hosts: Record<string, HostState>): { kind: 'response'; status: number; body: string } | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  const spec = pod.spec.containers.find((c) => c.name === container);
  if (!spec) return undefined;
  const root = ROOTS[kind];
  const mounted = (spec.volumeMounts ?? []).some((m) => root.startsWith(m.mountPath.replace(/\/+$/, '')) || m.mountPath.startsWith(root));
  const layers = volumesSection(cluster).layers;
  // the common case: nothing mounted there, nothing written anywhere
  if (!mounted && !hasAny(layers)) return undefined;
  const rc = runningContainer(cluster.api, cluster.runtime, ns, pod.metadata.name!, container);
  if (!rc) return undefined;
  const layer = layers[rc.run.id];
  const written = layer && Object.keys(layer).some((p) => p.startsWith(root));
  if (!mounted && !written) return undefined;
  const found = lookupImage(spec.image ?? '');
  if (!found.ok) return undefined;
  const { fs } = buildContainerFs(cluster, pod, spec, found.info, rc.run.id, hosts, false);
  const clean = path.split('?')[0];
  let file = `${root}${clean}`.replace(/\/+$/, '');
  const directory = fs.isDir(file);
  if (directory) file = `${file}/index.html`;
  if (fs.isFile(file)) return { kind: 'response', status: 200, body: fs.read(file) };
  if (kind === 'nginx') {
    // a directory without index.html is 403 Forbidden in nginx (no autoindex); a missing file 404
    const version = found.info.vars?.version ?? '';
    return directory ? { kind: 'response', status: 403, body: NGINX_FORBIDDEN_PAGE(version) } : { kind: 'response', status: 404, body: NGINX_NOT_FOUND_PAGE(version) };
  }
  return { kind: 'response', status: 404, body: HTTPD_NOT_FOUND };
}

function hasAny(o: object): boolean {
  for (const _ in o) return true;
  return false;
}
