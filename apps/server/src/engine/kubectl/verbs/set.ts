// kubectl set: env, image, resources and serviceaccount (each in its own file); selector and
// subject answer that they are not offered here.

import { CommandDef } from '../command';
import { notSupported } from './not-supported';
import { setEnvCommand } from './set-env';
import { setImageCommand } from './set-image';
import { setResourcesCommand } from './set-resources';
import { setServiceAccountCommand } from './set-serviceaccount';

export const setCommand: CommandDef = {
  name: 'set',
  short: 'Set specific features on objects',
  subcommands: [
    setEnvCommand,
    setImageCommand,
    setResourcesCommand,
    notSupported('set selector', 'Set the selector on a resource', 'change the selector in the manifest and kubectl apply -f'),
    setServiceAccountCommand,
    notSupported('set subject', 'Update the user, group, or service account in a role binding or cluster role binding', 'RBAC bindings are written as manifests here; kubectl apply -f'),
  ],
};
