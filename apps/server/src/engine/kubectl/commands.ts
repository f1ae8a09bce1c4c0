// Every kubectl command, in the order real kubectl registers them (cobra's suggestions and
// `kubectl help` list them in this order).

import { CommandDef } from './command';
import { alphaCommand } from './verbs/alpha';
import { annotateCommand } from './verbs/annotate';
import { apiResourcesCommand, apiVersionsCommand } from './verbs/api-resources';
import { applyCommand } from './verbs/apply';
import { clusterInfoCommand } from './verbs/cluster-info';
import { configCommand } from './verbs/config';
import { cordonCommand, uncordonCommand } from './verbs/cordon';
import { createCommand } from './verbs/create';
import { deleteCommand } from './verbs/delete';
import { describeCommand } from './verbs/describe';
import { drainCommand } from './verbs/drain';
import { eventsCommand } from './verbs/events';
import { execCommand } from './verbs/exec';
import { exposeCommand } from './verbs/expose';
import { explainCommand } from './verbs/explain';
import { getCommand } from './verbs/get';
import { labelCommand } from './verbs/label';
import { logsCommand } from './verbs/logs';
import { notSupported } from './verbs/not-supported';
import { optionsCommand } from './verbs/options';
import { patchCommand } from './verbs/patch';
import { replaceCommand } from './verbs/replace';
import { rolloutCommand } from './verbs/rollout';
import { runCommand } from './verbs/run';
import { scaleCommand } from './verbs/scale';
import { setCommand } from './verbs/set';
import { taintCommand } from './verbs/taint';
import { topCommand } from './verbs/top';
import { versionCommand } from './verbs/version';
import { waitCommand } from './verbs/wait';

export const COMMANDS: CommandDef[] = [
  // Basic Commands (Beginner)
  createCommand,
  exposeCommand,
  runCommand,
  setCommand,
  // Basic Commands (Intermediate)
  explainCommand,
  getCommand,
  notSupported('edit', 'Edit a resource on the server', 'there is no editor in the sandbox; use `kubectl apply -f` or `kubectl patch`'),
  deleteCommand,
  // Deploy Commands
  rolloutCommand,
  scaleCommand,
  notSupported('autoscale', 'Auto-scale a deployment, replica set, stateful set, or replication controller', 'the cluster has no metrics-server'),
  // Cluster Management Commands
  notSupported('certificate', 'Modify certificate resources'),
  clusterInfoCommand,
  topCommand,
  cordonCommand,
  uncordonCommand,
  drainCommand,
  taintCommand,
  // Troubleshooting and Debugging Commands
  describeCommand,
  logsCommand,
  notSupported('attach', 'Attach to a running container'),
  execCommand,
  notSupported('port-forward', 'Forward one or more local ports to a pod', 'the sandbox has no network to forward to'),
  notSupported('proxy', 'Run a proxy to the Kubernetes API server', 'the sandbox has no network to listen on'),
  notSupported('cp', 'Copy files and directories to and from containers'),
  notSupported('auth', 'Inspect authorization'),
  notSupported('debug', 'Create debugging sessions for troubleshooting workloads and nodes'),
  eventsCommand,
  // Advanced Commands
  notSupported('diff', 'Diff the live version against a would-be applied version'),
  applyCommand,
  patchCommand,
  replaceCommand,
  waitCommand,
  notSupported('kustomize', 'Build a kustomization target from a directory or URL'),
  // Settings Commands
  labelCommand,
  annotateCommand,
  notSupported('completion', 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)'),
  // Other Commands
  alphaCommand,
  apiResourcesCommand,
  apiVersionsCommand,
  configCommand,
  notSupported('plugin', 'Provides utilities for interacting with plugins'),
  versionCommand,
  optionsCommand,
];
