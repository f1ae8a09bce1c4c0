// kubectl set: env, image, resources, selector and serviceaccount (each in its own file);
// subject answers that it is not offered here.

import { CommandDef } from '../command';
import { notSupported } from './not-supported';
import { setEnvCommand } from './set-env';
import { setImageCommand } from './set-image';
import { setResourcesCommand } from './set-resources';
import { setSelectorCommand } from './set-selector';
import { setServiceAccountCommand } from './set-serviceaccount';

export const setCommand: CommandDef = {
  name: 'set',
  short: 'Set specific features on objects',
  subcommands: [
    setEnvCommand,
    setImageCommand,
    setResourcesCommand,
    setSelectorCommand,
    setServiceAccountCommand,
    notSupported('set subject', 'Update the user, group, or service account in a role binding or cluster role binding', 'RBAC bindings are written as manifests here; kubectl apply -f'),
  ],
};
