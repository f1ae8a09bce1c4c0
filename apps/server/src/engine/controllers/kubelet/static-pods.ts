// Static pods: the kubelet runs the manifests in /etc/kubernetes/manifests (machine.staticPods)
// and keeps a mirror pod `<name>-<node>` for each in the API, owned by its Node. A deleted mirror
// pod comes straight back; the containers behind it never stopped.

import { clone } from '../../api/store';
import { KubeObject, Node, Pod } from '../../api/types';
import { fakeMd5 } from '../../images/digest';
import { rfc3339 } from '../../time';
import { ControllerContext, keyOf } from '../controller';
import { MIRROR_ANNOTATION } from './pod-sync';
import { KubeletSection, kubeletSection } from './runtime-state';
import { postReadyAfterStart } from './node-status';
import { postSchedulable } from './node-schedulable';

export function syncMachine(ctx: ControllerContext, nodeName: string): void {
  const machine = ctx.runtime.machines[nodeName];
  if (!machine) return;
  const section = kubeletSection(ctx.runtime);
  if (!machine.poweredOn) {
    (section.poweredOff ??= {})[nodeName] = true;
    return;
  }
  if (!machine.kubeletRunning || !ctx.runtime.apiServerUp) return;
  if (section.poweredOff?.[nodeName]) {
    delete section.poweredOff[nodeName];
    rebooted(section, nodeName, ctx.now);
  }
  const node = ctx.store.get('nodes', undefined, nodeName) as Node | undefined;
  if (!node) return;
  postReadyAfterStart(ctx, node);
  postSchedulable(ctx, node);
  const seen = (section.staticSeen ??= {});
  for (const manifest of machine.staticPods) {
    const hash = fakeMd5(JSON.stringify(manifest));
    seen[hash] ??= ctx.now;
    const namespace = manifest.metadata.namespace || 'default';
    const name = `${manifest.metadata.name}-${nodeName}`;
    const existing = ctx.store.get('pods', namespace, name) as Pod | undefined;
    if (existing) continue;
    try {
      ctx.api.create(mirrorPod(manifest, node, name, namespace, hash, seen[hash]), { internal: true });
    } catch {
      // the namespace may not exist yet (kube-system before kubeadm creates it): retried later
    }
  }
  // a kubelet that comes back resumes its pods
  for (const p of ctx.store.list('pods')) if ((p as Pod).spec?.nodeName === nodeName) ctx.enqueue('kubelet', keyOf(p));
}

/** After a power cycle every container is gone: it shows as ended (Unknown, 255) and restarts. */
function rebooted(section: KubeletSection, nodeName: string, now: number): void {
  for (const prt of Object.values(section.pods)) {
    if (prt.node !== nodeName) continue;
    for (const c of prt.containers) {
      if (c.current && c.current.finishedAt === undefined) {
        c.current.finishedAt = now;
        c.current.exitCode = 255;
        c.current.reason = 'Unknown';
        c.stage = 'exited';
        c.nextAt = now;
      } else if (c.stage === 'pulling') {
        c.stage = 'fresh';
        c.nextAt = now;
      }
    }
  }
}

function mirrorPod(manifest: KubeObject, node: Node, name: string, namespace: string, hash: string, seenAt: number): KubeObject {
  const seen = `${rfc3339(seenAt).slice(0, -1)}.${String(parseInt(hash.slice(0, 8), 16) % 1_000_000_000).padStart(9, '0')}Z`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      labels: clone(manifest.metadata.labels ?? {}),
      annotations: {
        ...(manifest.metadata.annotations ?? {}),
        'kubernetes.io/config.hash': hash,
        [MIRROR_ANNOTATION]: hash,
        'kubernetes.io/config.seen': seen,
        'kubernetes.io/config.source': 'file',
      },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.metadata.name!, uid: node.metadata.uid!, controller: true }],
    },
    // a deep copy: the API server defaults what it is given, and the manifest must stay as written
    spec: { ...clone(manifest.spec), nodeName: node.metadata.name, tolerations: [{ effect: 'NoExecute', operator: 'Exists' }] },
  };
}
