// A container whose main process is a network client (`kubectl run tmp --rm -i --image=busybox
// --restart=Never -- wget -qO- http://web`): the kubelet's process model cannot see Services, so
// the output is computed here, once per run, the first time anyone reads that run's logs
// (`kubectl logs`, `-p`, `-f`, `run -i`), and kept in the run's log lines. Simplification: the
// exit code stays the process model's (0).

import type { Cluster } from '../cluster';
import { Pod } from '../api/types';
import { kubeletSection } from '../controllers/kubelet/runtime-state';
import { lookupImage } from '../images/catalog';
import { imageTools, shellFlavor } from './image-tools';
import { curl, dig, nslookup, wget } from './net-tools';
import { podOrigin } from './network';

const TOOLS = new Set(['wget', 'curl', 'nslookup', 'dig']);

interface OutputSection {
  /** container run ids whose output was computed */
  done: Record<string, true>;
}

/** Computes the output of the container's current run (or, with `previous`, its last ended one) if its main process is a network client. */
export function containerOutputReady(cluster: Cluster, namespace: string, podName: string, container: string, previous = false): void {
  const rt = kubeletSection(cluster.runtime).pods[`${namespace}/${podName}`]?.containers.find((c) => c.name === container);
  const run = previous ? rt?.previous : rt?.current;
  if (!run || run.plan.lines.length || run.plan.template) return;
  const section = (cluster.runtime.sections['container-output'] ??= { done: {} }) as OutputSection;
  if (section.done[run.id]) return;
  const pod = cluster.api.tryGet('pods', namespace, podName) as Pod | undefined;
  const spec = pod?.spec.containers.find((c) => c.name === container) ?? pod?.spec.initContainers?.find((c) => c.name === container);
  if (!pod || !spec) return;
  const argv = [...(spec.command ?? []), ...(spec.args ?? [])];
  const prog = argv[0]?.split('/').pop() ?? '';
  if (!TOOLS.has(prog)) return;
  const found = lookupImage(spec.image ?? '');
  if (!found.ok || !imageTools(found.info).has(prog)) return;
  section.done[run.id] = true;
  let text = '';
  const io = { argv, stdout: (t: string) => (text += t), stderr: (t: string) => (text += t), isTTY: false };
  const origin = podOrigin(pod);
  const flavor = shellFlavor(found.info) === 'dash' ? 'debian' : 'busybox';
  if (prog === 'wget') wget(cluster, origin, io, flavor === 'debian' ? 'host' : 'busybox');
  else if (prog === 'curl') curl(cluster, origin, io, flavor);
  else if (prog === 'nslookup') nslookup(cluster, origin, io, flavor);
  else dig(cluster, origin, io);
  const lines = text.replace(/\n$/, '').split('\n');
  const extra = (run.extra ??= []);
  extra.unshift(...lines.map((l): [number, string] => [run.startedAt, l]));
}
