// Every kubectl command, in the order real kubectl registers them (cobra's suggestions and
// `kubectl help` list them in this order).

import { CommandDef } from './command';
import { applyCommand } from './verbs/apply';
import { apiResourcesCommand, apiVersionsCommand } from './verbs/api-resources';
import { clusterInfoCommand } from './verbs/cluster-info';
import { configCommand } from './verbs/config';
import { createCommand } from './verbs/create';
import { deleteCommand } from './verbs/delete';
import { describeCommand } from './verbs/describe';
import { getCommand } from './verbs/get';
import { notSupported } from './verbs/not-supported';
import { runCommand } from './verbs/run';
import { versionCommand } from './verbs/version';

export const COMMANDS: CommandDef[] = [
  // Basic Commands (Beginner)
  createCommand,
  notSupported('expose', 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service'),
  runCommand,
  notSupported('set', 'Set specific features on objects'),
  // Basic Commands (Intermediate)
  notSupported('explain', 'Get documentation for a resource'),
  getCommand,
  notSupported('edit', 'Edit a resource on the server', 'there is no editor in the sandbox; use `kubectl apply -f` or `kubectl patch`'),
  deleteCommand,
  // Deploy Commands
  notSupported('rollout', 'Manage the rollout of a resource'),
  notSupported('scale', 'Set a new size for a deployment, replica set, or replication controller'),
  notSupported('autoscale', 'Auto-scale a deployment, replica set, stateful set, or replication controller', 'the cluster has no metrics-server'),
  // Cluster Management Commands
  notSupported('certificate', 'Modify certificate resources'),
  clusterInfoCommand,
  notSupported('top', 'Display resource (CPU/memory) usage'),
  notSupported('cordon', 'Mark node as unschedulable'),
  notSupported('uncordon', 'Mark node as schedulable'),
  notSupported('drain', 'Drain node in preparation for maintenance'),
  notSupported('taint', 'Update the taints on one or more nodes'),
  // Troubleshooting and Debugging Commands
  describeCommand,
  notSupported('logs', 'Print the logs for a container in a pod'),
  notSupported('attach', 'Attach to a running container'),
  notSupported('exec', 'Execute a command in a container'),
  notSupported('port-forward', 'Forward one or more local ports to a pod', 'the sandbox has no network to forward to'),
  notSupported('proxy', 'Run a proxy to the Kubernetes API server', 'the sandbox has no network to listen on'),
  notSupported('cp', 'Copy files and directories to and from containers'),
  notSupported('auth', 'Inspect authorization'),
  notSupported('debug', 'Create debugging sessions for troubleshooting workloads and nodes'),
  notSupported('events', 'List events'),
  // Advanced Commands
  notSupported('diff', 'Diff the live version against a would-be applied version'),
  applyCommand,
  notSupported('patch', 'Update fields of a resource'),
  notSupported('replace', 'Replace a resource by file name or stdin'),
  notSupported('wait', 'Experimental: Wait for a specific condition on one or many resources'),
  notSupported('kustomize', 'Build a kustomization target from a directory or URL'),
  // Settings Commands
  notSupported('label', 'Update the labels on a resource'),
  notSupported('annotate', 'Update the annotations on a resource'),
  notSupported('completion', 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)'),
  // Other Commands
  notSupported('alpha', 'Commands for features in alpha'),
  apiResourcesCommand,
  apiVersionsCommand,
  configCommand,
  notSupported('plugin', 'Provides utilities for interacting with plugins'),
  versionCommand,
  notSupported('options', 'Print the list of flags inherited by all commands'),
];
