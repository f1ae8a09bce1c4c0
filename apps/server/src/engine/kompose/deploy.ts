// `kompose up` and `kompose down` as kompose 1.21 ran them (removed in 1.22): create, or delete,
// through the API server what convert generates, logging each object as 1.21 did.

import { ApiServer } from '../api/api-server';
import { ApiError } from '../api/errors';
import { KubeObject } from '../api/types';
import { KomposeFatal, formatLogLine } from './logrus';
import { SELECTOR } from './transform-meta';

export interface DeployOutput {
  /** stderr lines (logrus format) */
  stderr: string[];
  stdout: string;
}

const RESOURCES: Record<string, { resource: string; label: string }> = {
  Deployment: { resource: 'deployments', label: 'Deployment' },
  Service: { resource: 'services', label: 'Service' },
  PersistentVolumeClaim: { resource: 'persistentvolumeclaims', label: 'PersistentVolumeClaim' },
  Pod: { resource: 'pods', label: 'Pod' },
  ConfigMap: { resource: 'configmaps', label: 'Config Map' },
};

const info = (m: string) => formatLogLine({ level: 'info', message: m });

function apiMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  throw e;
}

/**
 * What 1.21's Deploy logged once the objects were built, before it read the kubeconfig. The message
 * ended in "\n", which the logrus of that release printed before its padding space.
 */
export const UP_BANNER = `\x1b[36mINFO\x1b[0m We are going to create Kubernetes Deployments, Services and PersistentVolumeClaims for your Dockerized application. If you need different kind of resources, use the 'kompose convert' and 'kubectl create -f' commands instead. \n \n`;

/** kompose 1.21's Deploy once connected; throws KomposeFatal (with the lines printed so far in `out`) on an API error */
export function komposeUp(api: ApiServer, namespace: string, objects: KubeObject[], out: DeployOutput): void {
  out.stderr.push(info(`Deploying application in "${namespace}" namespace`));
  const pvcs = new Set<string>();
  for (const obj of objects) {
    const r = RESOURCES[obj.kind];
    if (!r) continue;
    if (obj.kind === 'PersistentVolumeClaim' && pvcs.has(obj.metadata.name!)) {
      out.stderr.push(info(`Skip creation of PersistentVolumeClaim as it is already created: ${obj.metadata.name}`));
      continue;
    }
    const toSend: KubeObject = { ...obj, metadata: { ...obj.metadata, namespace } };
    try {
      api.create(toSend);
    } catch (e) {
      throw new KomposeFatal(`Error while deploying application: ${apiMessage(e)}`);
    }
    if (obj.kind === 'PersistentVolumeClaim') {
      pvcs.add(obj.metadata.name!);
      const size = (obj.spec?.resources?.requests?.storage as string | undefined) ?? '';
      out.stderr.push(
        info(
          `Successfully created PersistentVolumeClaim: ${obj.metadata.name} of size ${size}. If your cluster has dynamic storage provisioning, you don't have to do anything. Otherwise you have to create PersistentVolume to make PVC work`,
        ),
      );
    } else out.stderr.push(info(`Successfully created ${r.label}: ${obj.metadata.name}`));
  }
  out.stdout += "\nYour application has been deployed to Kubernetes. You can run 'kubectl get deployment,svc,pods,pvc' for details.\n";
}

/** kompose 1.21's Undeploy: deletes what carries exactly the `io.kompose.service: <name>` label */
export function komposeDown(api: ApiServer, namespace: string, objects: KubeObject[], out: DeployOutput): void {
  out.stderr.push(info(`Deleting application in "${namespace}" namespace`));
  for (const obj of objects) {
    const r = RESOURCES[obj.kind];
    if (!r) continue;
    const name = obj.metadata.name!;
    let items: KubeObject[];
    try {
      items = api.list(r.resource, { namespace, labelSelector: `${SELECTOR}=${name}` });
    } catch (e) {
      throw new KomposeFatal(`Error while deleting application: ${apiMessage(e)}`);
    }
    for (const item of items) {
      const labels = item.metadata.labels ?? {};
      if (Object.keys(labels).length !== 1 || labels[SELECTOR] !== name || item.metadata.deletionTimestamp) continue;
      try {
        api.delete(r.resource, namespace, name, { propagationPolicy: 'Background' });
      } catch (e) {
        throw new KomposeFatal(`Error while deleting application: ${apiMessage(e)}`);
      }
      out.stderr.push(info(`Successfully deleted ${obj.kind === 'ConfigMap' ? 'ConfigMap' : r.label}: ${name}`));
    }
  }
}
