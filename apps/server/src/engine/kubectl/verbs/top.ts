// kubectl top node|pod: a kubeadm cluster has no metrics-server, so the Metrics API is not
// available, as kubectl reports it.

import { ALL_NAMESPACES_FLAG, CommandDef, FIELD_SELECTOR_FLAG, SELECTOR_FLAG } from '../command';
import { CommandError } from '../context';
import { FlagSpec } from '../flags';

const NO_METRICS = 'error: Metrics API not available';

const COMMON: FlagSpec[] = [SELECTOR_FLAG, { name: 'no-headers', type: 'bool' }, { name: 'sort-by', type: 'string' }, { name: 'use-protocol-buffers', type: 'bool', default: true }];

function noMetrics(inv: { api(): unknown }): never {
  inv.api(); // a cluster that cannot be reached answers with the connection error first
  throw new CommandError(NO_METRICS);
}

export const topCommand: CommandDef = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  subcommands: [
    { name: 'node', aliases: ['nodes', 'no'], short: 'Display resource (CPU/memory) usage of nodes', flags: [...COMMON, { name: 'show-capacity', type: 'bool' }], run: noMetrics },
    {
      name: 'pod',
      aliases: ['pods', 'po'],
      short: 'Display resource (CPU/memory) usage of pods',
      flags: [...COMMON, ALL_NAMESPACES_FLAG, FIELD_SELECTOR_FLAG, { name: 'containers', type: 'bool' }, { name: 'sum', type: 'bool' }],
      run: noMetrics,
    },
  ],
};
