// kompose's help texts (cobra layout), as data.

export const ROOT_HELP = `Kompose is a tool to help users who are familiar with docker-compose move to Kubernetes.

Usage:
  kompose [command]

Examples:
  kompose --file compose.yaml convert
  kompose -f first.yaml -f second.yaml convert
  kompose --provider openshift --file compose.yaml convert
  kompose completion bash

Available Commands:
  completion  Output shell completion code
  convert     Convert a Compose file
  help        Help about any command
  version     Print the version of Kompose

Flags:
      --error-on-warning    Treat any warning as an error
  -f, --file stringArray    Specify an alternative compose file
  -h, --help                help for kompose
      --provider string     Specify a provider. Kubernetes or OpenShift. (default "kubernetes")
      --suppress-warnings   Suppress all warnings
  -v, --verbose             verbose output

Use "kompose [command] --help" for more information about a command.
`;

export const CONVERT_HELP = `Convert a Compose file

Usage:
  kompose convert [flags]

Examples:
  kompose --file compose.yaml convert
  kompose -f first.yaml -f second.yaml convert
  kompose --provider openshift --file compose.yaml convert

Kubernetes Flags:
  -c, --chart                    Create a Helm chart for converted objects
      --controller               Set the output controller ("deployment"|"daemonSet"|"replicationController")
      --service-group-mode       Group multiple service to create single workload by "label"("kompose.service.group") or "volume"(shared volumes)
      --service-group-name       Using with --service-group-mode=volume to specific a final service name for the group

Flags:
      --generate-network-policies   Specify whether to generate network policies or not
  -h, --help                        help for convert
  -j, --json                        Generate resource files into JSON format
  -n, --namespace string            Specify the namespace of the generated resources
  -o, --out string                  Specify a file name or directory to save objects to (if path does not exist, a file will be created)
      --pvc-request-size string     Specify the size of pvc storage requests in the generated resource spec
      --replicas int                Specify the number of replicas in the generated resource spec (default 1)
      --stdout                      Print converted objects to stdout
      --volumes string              Volumes to be generated ("persistentVolumeClaim"|"emptyDir"|"hostPath" | "configMap") (default "persistentVolumeClaim")
      --with-kompose-annotation     Add kompose annotations to generated resource (default true)

Global Flags:
      --error-on-warning    Treat any warning as an error
  -f, --file stringArray    Specify an alternative compose file
      --provider string     Specify a provider. Kubernetes or OpenShift. (default "kubernetes")
      --suppress-warnings   Suppress all warnings
  -v, --verbose             verbose output
`;
