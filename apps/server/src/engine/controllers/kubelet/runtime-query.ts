// Questions other parts of the engine ask the container runtime: is this container running,
// what does it answer over HTTP (curl through a Service), which shells does it have (exec).

import type { ApiServer } from '../../api/api-server';
import type { RuntimeState } from '../../cluster-state';
import { Pod } from '../../api/types';
import { lookupImage } from '../../images/catalog';
import { ProcessPlan } from './process-model';
import { RunRecord, kubeletSection } from './runtime-state';

export interface RunningContainer {
  pod: Pod;
  container: string;
  run: RunRecord;
  plan: ProcessPlan;
  podIP: string;
  /** shells in the image (`sh`, `bash`) */
  shells: string[];
}

/** The running container `container` (default: the first) of a pod, or undefined. */
export function runningContainer(api: Pick<ApiServer, 'tryGet'>, runtime: RuntimeState, namespace: string, podName: string, container?: string): RunningContainer | undefined {
  const pod = api.tryGet('pods', namespace, podName) as Pod | undefined;
  if (!pod) return undefined;
  const name = container ?? pod.spec.containers[0]?.name;
  const rt = kubeletSection(runtime).pods[`${namespace}/${podName}`]?.containers.find((c) => c.name === name && !c.init);
  if (!rt || rt.stage !== 'running' || !rt.current) return undefined;
  const spec = pod.spec.containers.find((c) => c.name === name)!;
  const found = lookupImage(spec.image ?? '');
  return {
    pod,
    container: name,
    run: rt.current,
    plan: rt.current.plan,
    podIP: pod.status?.podIP ?? '',
    shells: found.ok ? found.info.shells : [],
  };
}

export type HttpOutcome = { kind: 'response'; status: number; body: string } | { kind: 'refused' };

/** What an HTTP GET to `port` and `path` of a pod gets: the first container listening answers. */
export function podHttpGet(api: Pick<ApiServer, 'tryGet'>, runtime: RuntimeState, namespace: string, podName: string, port: number, path = '/'): HttpOutcome {
  const pod = api.tryGet('pods', namespace, podName) as Pod | undefined;
  if (!pod) return { kind: 'refused' };
  for (const c of pod.spec.containers) {
    const rc = runningContainer(api, runtime, namespace, podName, c.name);
    if (!rc || !rc.plan.ports.includes(port)) continue;
    const http = rc.plan.http;
    if (!http) return { kind: 'response', status: 200, body: '' };
    if (http.paths && !http.paths.includes(path.split('?')[0])) return { kind: 'response', status: 404, body: http.notFound ?? '404 page not found\n' };
    return { kind: 'response', status: 200, body: http.body };
  }
  return { kind: 'refused' };
}
