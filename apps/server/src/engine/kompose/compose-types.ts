// The compose project after loading, in the shape kompose's transformer reads (kobject).

/** what kompose needs from a file system: the compose files' side files (.env, env_file, bind mounts) */
export interface KomposeFs {
  /** file content, or undefined when there is no such file */
  read(path: string): string | undefined;
  isDir(path: string): boolean;
  /** names directly under a directory */
  list(path: string): string[];
}

export interface PortSpec {
  /** published port; 0 when none */
  hostPort: number;
  containerPort: number;
  hostIP: string;
  /** TCP, UDP or SCTP */
  protocol: string;
}

export interface VolumeSpec {
  /** named volume (normalized), '' for bind mounts and anonymous volumes */
  volumeName: string;
  /** absolute host path of a bind mount, '' otherwise */
  host: string;
  container: string;
  /** 'ro' or '' */
  mode: string;
  /** `<service>-claim<i>` */
  pvcName: string;
  /** from the top-level volume's kompose.volume.size / kompose.volume.selector labels */
  pvcSize: string;
  selector: string;
  storageClass: string;
}

export interface HealthCheck {
  test: string[];
  httpPath: string;
  httpPort: number;
  tcpPort: number;
  timeout: number;
  interval: number;
  retries: number;
  startPeriod: number;
}

export interface EnvFileRef {
  /** path relative to the compose file's directory, as kompose names ConfigMaps after it */
  rel: string;
  abs: string;
}

export interface ServiceConfig {
  name: string;
  image: string;
  containerName: string;
  /** entrypoint → container command */
  command?: string[];
  /** command → container args */
  args?: string[];
  /** the explicit `environment` entries with values, in file order */
  environment: { name: string; value: string }[];
  /** env_file values merged with environment (environment wins), as compose resolves them */
  resolvedEnv: Record<string, string>;
  envFiles: EnvFileRef[];
  ports: PortSpec[];
  volumes: VolumeSpec[];
  tmpfs: string[];
  restart: string;
  /** deploy.replicas; 0 when unset */
  replicas: number;
  /** compose labels as written (annotations come from the non-kompose ones) */
  annotations: Record<string, string>;
  /** compose labels that are not consumed kompose settings */
  labels: Record<string, string>;
  deployLabels: Record<string, string>;
  serviceType: string;
  nodePortPort: number;
  volumeSubPath: string;
  imagePullSecret: string;
  imagePullPolicy: string;
  fsGroup: number;
  liveness?: HealthCheck;
  readiness?: HealthCheck;
  memLimit: number;
  memReservation: number;
  cpuLimit: number;
  cpuReservation: number;
  groupAdd: number[];
  readOnly: boolean;
  privileged: boolean;
  capAdd: string[];
  capDrop: string[];
  user: string;
  workingDir: string;
  stdin: boolean;
  tty: boolean;
  hostname: string;
  domainname: string;
  stopGracePeriod?: number;
  networkMode: string;
}

export interface ComposeProject {
  /** directory of the first compose file: relative paths start there */
  workingDir: string;
  /** keyed by normalized service name */
  services: Record<string, ServiceConfig>;
}
