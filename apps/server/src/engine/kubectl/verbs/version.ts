// kubectl version: client, kustomize and (when reachable) server versions.

import { KUBERNETES_VERSION } from '../../bootstrap/machines';
import { CommandDef, OUTPUT_FLAG } from '../command';
import { CommandError } from '../context';
import { printJson, printYaml } from '../printers/object-printer';

const KUSTOMIZE_VERSION = 'v5.5.0';

export function versionInfo(): Record<string, string> {
  const [major, minor] = KUBERNETES_VERSION.slice(1).split('.');
  return {
    buildDate: '2025-05-15T08:19:50Z',
    compiler: 'gc',
    gitCommit: '9894294ef13a5b32803e3ca2c0d620a088cc84d1',
    gitTreeState: 'clean',
    gitVersion: KUBERNETES_VERSION,
    goVersion: 'go1.23.8',
    major,
    minor,
    platform: 'linux/amd64',
  };
}

export const versionCommand: CommandDef = {
  name: 'version',
  short: 'Print the client and server version information',
  flags: [OUTPUT_FLAG, { name: 'client', type: 'bool' }],
  run(inv) {
    const clientOnly = inv.flags.bool('client');
    const o = inv.flags.str('output');
    if (o && o !== 'yaml' && o !== 'json') throw new CommandError(`error: --output must be 'yaml' or 'json'`);
    let serverError: unknown;
    if (!clientOnly) {
      try {
        inv.connect();
      } catch (e) {
        serverError = e;
      }
    }
    if (o) {
      const doc: Record<string, unknown> = { clientVersion: versionInfo(), kustomizeVersion: KUSTOMIZE_VERSION };
      if (!clientOnly && !serverError) doc.serverVersion = versionInfo();
      // kubectl Fprintln's the marshalled text: yaml's ends in a newline already, so a blank line follows
      inv.out(o === 'json' ? printJson(doc) : `${printYaml(doc)}\n`);
    } else {
      inv.out(`Client Version: ${KUBERNETES_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
      if (!clientOnly && !serverError) inv.out(`Server Version: ${KUBERNETES_VERSION}\n`);
    }
    if (serverError) throw serverError;
    return 0;
  },
};
