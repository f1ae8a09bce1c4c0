// kompose's commands as cobra defines them: their flags (cmd/root.go, cmd/convert.go of the current
// release; cmd/up.go and cmd/down.go of 1.21) and the usage and help texts cobra renders from them
// (convert and 1.21's up use kompose's own usage template, with a fixed "Kubernetes Flags" and
// "OpenShift Flags" part before pflag's table).

import { FlagDef, flagUsages } from './cli-flags';

export const GLOBAL_FLAGS: FlagDef[] = [
  { name: 'verbose', short: 'v', type: 'bool', usage: 'verbose output' },
  { name: 'suppress-warnings', type: 'bool', usage: 'Suppress all warnings' },
  { name: 'error-on-warning', type: 'bool', usage: 'Treat any warning as an error' },
  { name: 'file', short: 'f', type: 'stringArray', usage: 'Specify an alternative compose file' },
  { name: 'provider', type: 'string', usage: 'Specify a provider. Kubernetes or OpenShift.', def: 'kubernetes' },
];

const helpFlag = (command: string): FlagDef => ({ name: 'help', short: 'h', type: 'bool', usage: `help for ${command}` });

/** `kompose convert`'s own flags; what the simulation does with each is in kompose-command.ts */
export const CONVERT_FLAGS: FlagDef[] = [
  { name: 'chart', short: 'c', type: 'bool', usage: 'Create a Helm chart for converted objects', hidden: true },
  { name: 'daemon-set', type: 'bool', usage: 'Generate a Kubernetes daemonset object (deprecated, use --controller instead)', deprecated: 'use --controller' },
  { name: 'deployment', short: 'd', type: 'bool', usage: 'Generate a Kubernetes deployment object (deprecated, use --controller instead)', deprecated: 'use --controller' },
  {
    name: 'replication-controller',
    type: 'bool',
    usage: 'Generate a Kubernetes replication controller object (deprecated, use --controller instead)',
    deprecated: 'use --controller',
  },
  { name: 'controller', type: 'string', usage: 'Set the output controller ("deployment"|"daemonSet"|"replicationController")' },
  { name: 'multiple-container-mode', type: 'bool', usage: "Create multiple containers grouped by 'kompose.service.group' label", deprecated: 'use --service-group-mode=label' },
  { name: 'service-group-mode', type: 'string', usage: 'Group multiple service to create single workload by `label`(`kompose.service.group`) or `volume`(shared volumes)' },
  { name: 'service-group-name', type: 'string', usage: 'Using with --service-group-mode=volume to specific a final service name for the group' },
  { name: 'secrets-as-files', type: 'bool', usage: 'Always convert docker-compose secrets into files instead of symlinked directories' },
  { name: 'deployment-config', type: 'bool', usage: 'Generate an OpenShift deploymentconfig object', def: 'true', deprecated: 'use --controller' },
  { name: 'insecure-repository', type: 'bool', usage: 'Use an insecure Docker repository for OpenShift ImageStream', hidden: true },
  { name: 'build-repo', type: 'string', usage: 'Specify source repository for buildconfig (default remote origin)', hidden: true },
  { name: 'build-branch', type: 'string', usage: 'Specify repository branch to use for buildconfig (default master)', hidden: true },
  { name: 'build', type: 'string', usage: 'Set the type of build ("local"|"build-config"(OpenShift only)|"none")', def: 'none' },
  { name: 'push-image', type: 'bool', usage: 'If we should push the docker image we built' },
  {
    name: 'build-command',
    type: 'string',
    usage: 'Set the command used to build the container image, which will override the docker build command. Should be used in conjuction with --push-command flag.',
  },
  {
    name: 'push-command',
    type: 'string',
    usage: 'Set the command used to push the container image. override the docker push command. Should be used in conjuction with --build-command flag.',
  },
  { name: 'push-image-registry', type: 'string', usage: 'Specify registry for pushing image, which will override registry from image name' },
  {
    name: 'yaml',
    short: 'y',
    type: 'bool',
    usage: 'Generate resource files into YAML format',
    deprecated: 'YAML is the default format now',
    shorthandDeprecated: 'YAML is the default format now',
  },
  { name: 'json', short: 'j', type: 'bool', usage: 'Generate resource files into JSON format' },
  { name: 'stdout', type: 'bool', usage: 'Print converted objects to stdout' },
  { name: 'out', short: 'o', type: 'string', usage: 'Specify a file name or directory to save objects to (if path does not exist, a file will be created)' },
  { name: 'replicas', type: 'int', usage: 'Specify the number of replicas in the generated resource spec', def: '1' },
  { name: 'volumes', type: 'string', usage: 'Volumes to be generated ("persistentVolumeClaim"|"emptyDir"|"hostPath" | "configMap")', def: 'persistentVolumeClaim' },
  { name: 'pvc-request-size', type: 'string', usage: 'Specify the size of pvc storage requests in the generated resource spec' },
  { name: 'namespace', short: 'n', type: 'string', usage: 'Specify the namespace of the generated resources' },
  { name: 'generate-network-policies', type: 'bool', usage: 'Specify whether to generate network policies or not' },
  { name: 'with-kompose-annotation', type: 'bool', usage: 'Add kompose annotations to generated resource', def: 'true' },
  { name: 'emptyvols', type: 'bool', usage: 'Use Empty Volumes. Do not generate PVCs', deprecated: 'emptyvols has been marked as deprecated. Use --volumes emptyDir' },
  { name: 'indent', type: 'int', usage: 'Spaces length to indent generated yaml files', def: '2' },
  { name: 'profile', type: 'stringArray', usage: 'Specify the profile to use, can use multiple profiles' },
  helpFlag('convert'),
];

/** kompose 1.21's `up` */
export const UP_FLAGS: FlagDef[] = [
  { name: 'replicas', type: 'int', usage: 'Specify the number of replicas generated', def: '1' },
  { name: 'volumes', type: 'string', usage: 'Volumes to be generated ("persistentVolumeClaim"|"emptyDir"|"hostPath")', def: 'persistentVolumeClaim' },
  { name: 'insecure-repository', type: 'bool', usage: 'Use an insecure Docker repository for OpenShift ImageStream', hidden: true },
  { name: 'namespace', type: 'string', usage: 'Specify Namespace to deploy your application', def: 'default' },
  { name: 'build', type: 'string', usage: 'Set the type of build ("local"|"build-config" (OpenShift only)|"none")', def: 'local' },
  { name: 'build-repo', type: 'string', usage: 'Specify source repository for buildconfig (default remote origin)', hidden: true },
  { name: 'build-branch', type: 'string', usage: 'Specify repository branch to use for buildconfig (default master)', hidden: true },
  { name: 'push-image', type: 'bool', usage: 'If we should push the docker image we built', def: 'true' },
  { name: 'store-manifest', type: 'bool', usage: 'Store the generated manifest (default false)' },
  { name: 'controller', type: 'string', usage: 'Set the output controller ("deployment"|"daemonSet"|"replicationController")' },
  { name: 'server', type: 'string', usage: 'kubernetes apiserver url (default https://127.0.0.1:6443)' },
  { name: 'emptyvols', type: 'bool', usage: 'Use empty volumes. Do not generate PersistentVolumeClaim', deprecated: 'emptyvols has been marked as deprecated. Use --volumes empty' },
  helpFlag('up'),
];

/** kompose 1.21's `down` */
export const DOWN_FLAGS: FlagDef[] = [
  { name: 'namespace', type: 'string', usage: ' Specify Namespace to deploy your application', def: 'default' },
  { name: 'controller', type: 'string', usage: 'Set the output controller ("deployment"|"daemonSet"|"replicationController")' },
  helpFlag('down'),
];

export const VERSION_FLAGS: FlagDef[] = [helpFlag('version')];
export const COMPLETION_FLAGS: FlagDef[] = [helpFlag('completion')];
export const HELP_FLAGS: FlagDef[] = [helpFlag('help')];
export const ROOT_FLAGS: FlagDef[] = [...GLOBAL_FLAGS, helpFlag('kompose')];

const GLOBAL = `\n\nGlobal Flags:\n${flagUsages(GLOBAL_FLAGS).trimEnd()}`;

const EXAMPLES = `  kompose --file compose.yaml convert
  kompose -f first.yaml -f second.yaml convert
  kompose --provider openshift --file compose.yaml convert`;

const OPENSHIFT_FLAGS = `OpenShift Flags:
      --build-branch             Specify repository branch to use for buildconfig (default is current branch name)
      --build-repo               Specify source repository for buildconfig (default is current branch's remote url)
      --insecure-repository      Specify to use insecure docker repository while generating Openshift image stream object`;

const ROOT_USAGE = `Usage:
  kompose [command]

Examples:
${EXAMPLES}
  kompose completion bash

Available Commands:
  completion  Output shell completion code
  convert     Convert a Compose file
  help        Help about any command
  version     Print the version of Kompose

Flags:
${flagUsages(ROOT_FLAGS).trimEnd()}

Use "kompose [command] --help" for more information about a command.
`;

const CONVERT_USAGE = `Usage:
  kompose convert [flags]

Examples:
${EXAMPLES}

Kubernetes Flags:
  -c, --chart                    Create a Helm chart for converted objects
      --controller               Set the output controller ("deployment"|"daemonSet"|"replicationController")
      --service-group-mode       Group multiple service to create single workload by "label"("kompose.service.group") or "volume"(shared volumes)
      --service-group-name       Using with --service-group-mode=volume to specific a final service name for the group

${OPENSHIFT_FLAGS}

Flags:
${flagUsages(CONVERT_FLAGS).trimEnd()}${GLOBAL}
`;

const simpleUsage = (path: string, flags: FlagDef[]) => `Usage:\n  ${path} [flags]\n\nFlags:\n${flagUsages(flags).trimEnd()}${GLOBAL}\n`;

const UP_USAGE = `Usage:
  kompose up [flags]

${OPENSHIFT_FLAGS}

Flags:
${flagUsages(UP_FLAGS).trimEnd()}${GLOBAL}
`;

export interface KomposeCommandSpec {
  flags: FlagDef[];
  /** what cobra prints (stderr) when a flag does not parse */
  usage: string;
  /** --help (stdout) */
  help: string;
}

const COMPLETION_LONG = `Generates shell completion code.

Auto completion supports bash, zsh and fish. Output is to STDOUT.

source <(kompose completion bash)
source <(kompose completion zsh)
kompose completion fish | source

Will load the shell completion code.`;

export const COMMANDS: Record<'' | 'completion' | 'convert' | 'version' | 'help' | 'up' | 'down', KomposeCommandSpec> = {
  '': {
    flags: ROOT_FLAGS,
    usage: ROOT_USAGE,
    help: `Kompose is a tool to help users who are familiar with docker-compose move to Kubernetes.\n\n${ROOT_USAGE}`,
  },
  completion: {
    flags: [...COMPLETION_FLAGS, ...GLOBAL_FLAGS],
    usage: simpleUsage('kompose completion SHELL', COMPLETION_FLAGS),
    help: `${COMPLETION_LONG}\n\n${simpleUsage('kompose completion SHELL', COMPLETION_FLAGS)}`,
  },
  convert: { flags: [...CONVERT_FLAGS, ...GLOBAL_FLAGS], usage: CONVERT_USAGE, help: `Convert a Compose file\n\n${CONVERT_USAGE}` },
  version: {
    flags: [...VERSION_FLAGS, ...GLOBAL_FLAGS],
    usage: simpleUsage('kompose version', VERSION_FLAGS),
    help: `Print the version of Kompose\n\n${simpleUsage('kompose version', VERSION_FLAGS)}`,
  },
  help: {
    flags: [...HELP_FLAGS, ...GLOBAL_FLAGS],
    usage: simpleUsage('kompose help [command]', HELP_FLAGS),
    help: `Help provides help for any command in the application.\nSimply type kompose help [path to command] for full details.\n\n${simpleUsage('kompose help [command]', HELP_FLAGS)}`,
  },
  up: {
    flags: [...UP_FLAGS, ...GLOBAL_FLAGS],
    usage: UP_USAGE,
    help: `Deploy your Dockerized application to a container orchestrator. (default "kubernetes")\n\n${UP_USAGE}`,
  },
  down: {
    flags: [...DOWN_FLAGS, ...GLOBAL_FLAGS],
    usage: simpleUsage('kompose down', DOWN_FLAGS),
    help: `Delete instantiated services/deployments from kubernetes. (default "kubernetes")\n\n${simpleUsage('kompose down', DOWN_FLAGS)}`,
  },
};

export const ROOT_HELP = COMMANDS[''].help;
export const CONVERT_HELP = COMMANDS.convert.help;
