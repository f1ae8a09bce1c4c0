// kubectl cluster-info: the control plane and the services labelled as cluster services.

import { Service } from '../../api/types';
import { CommandDef } from '../command';
import { listedShort } from '../help/help';
import { notSupported } from './not-supported';

const GREEN = '\x1b[0;32m';
const YELLOW = '\x1b[0;33m';
const RESET = '\x1b[0m';

export const clusterInfoCommand: CommandDef = {
  name: 'cluster-info',
  short: 'Display cluster information',
  subcommands: [notSupported('cluster-info dump', listedShort('cluster-info', 'dump'), 'look at what you need with kubectl get -o yaml, kubectl describe and kubectl logs')],
  run(inv) {
    const conn = inv.connect();
    const api = inv.api();
    const tty = inv.host.isTTY;
    const line = (name: string, link: string): string =>
      tty ? `${GREEN}${name}${RESET} is running at ${YELLOW}${link}${RESET}\n` : `${name} is running at ${link}\n`;
    let out = line('Kubernetes control plane', conn.server);
    for (const svc of api.list('services', { namespace: 'kube-system', labelSelector: 'kubernetes.io/cluster-service=true' }) as Service[]) {
      const name = svc.metadata.labels?.['kubernetes.io/name'] ?? svc.metadata.name!;
      const port = svc.spec.ports?.[0];
      const portPart = port?.name ? `:${port.name}` : port ? `:${port.port}` : '';
      out += line(name, `${conn.server}/api/v1/namespaces/kube-system/services/${svc.metadata.name}${portPart}/proxy`);
    }
    out += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
    inv.out(out);
    return 0;
  },
};
