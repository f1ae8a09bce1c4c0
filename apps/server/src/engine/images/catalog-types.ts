// The shape of the image catalog: what an image is (size, digest) and what its default process
// does when the kubelet starts it (serve, exit, refuse without configuration).

/** What a container answers over HTTP. */
/** a server that turns unhealthy: `status` on `paths` once it has run longer than `ms` */
export interface HttpFailAfter {
  ms: number;
  status: number;
  paths: string[];
}

export type HttpAnswer =
  /** a fixed body on `paths` (every path when absent); 404 with `notFound` elsewhere */
  | { kind: 'static'; body: string; paths?: string[]; notFound?: string; failAfter?: HttpFailAfter }
  /** a body template: {hostname}, {ip}, {version} are filled per container */
  | { kind: 'template'; body: string }
  /** hashicorp/http-echo: the -text argument */
  | { kind: 'echo-text'; fallback: string };

/** a file or directory (path ending in `/`) of an initialized data directory, with its size in bytes and, for a small text file, its content ({major}: the version's first number) */
export type DataFile = [path: string, size: number, content?: string];

export interface DataDir {
  path: string;
  /** what the entrypoint looks for to know a database is there */
  marker: string;
  /** the programs whose start initializes it (an entrypoint given another command runs that instead) */
  programs: string[];
  /** the user that owns the files, and its number (what the node, which has no such user, shows) */
  owner: string;
  uid: string;
  files: DataFile[];
  existingLogs: string[];
  /** MySQL's and MariaDB's accounts and databases as the entrypoint makes them (postgres: not modelled) */
  accounts?: DataAccounts;
}

export interface DataAccounts {
  /** the file that holds them (mariadb's mysql/global_priv.MAD, mysql's mysql.ibd): their hashes are in it */
  file: string;
  /** the entrypoint's variables, by what they set: the root password (any of), the database and user it makes */
  env: { rootPassword: string[]; database: string[]; user: string[]; password: string[] };
  /** a database's directory (MariaDB makes it 0700, MySQL 0750) */
  databaseMode: number;
}

export interface ImageBehaviour {
  /**
   * server: runs until stopped; exit: ends by itself (exitCode after exitAfterMs);
   * repl: an interactive program (sh, bash, python, node) that ends at once, exit 0, without stdin
   */
  run: 'server' | 'exit' | 'repl';
  exitCode?: number;
  exitAfterMs?: number;
  /** TCP ports the default process listens on */
  ports?: number[];
  http?: HttpAnswer;
  /** first log lines, templates: {time:<style>}, {ip}, {hostname}, {version} */
  logs?: string[];
  /** without one of these variables the process logs `logs` and exits 1 at once */
  requiredEnv?: { anyOf: string[]; logs: string[] };
  /**
   * a database server's data directory: the image's entrypoint initializes it at the first start
   * (when `marker` is not in it), writing `files`, logging `logs` and needing `requiredEnv`; a
   * start on files already there logs `existingLogs` and needs no password
   */
  dataDir?: DataDir;
  /** shells in the image, for `kubectl exec` */
  shells: string[];
  /** ms to exit after SIGTERM; undefined: ignores it and is killed when the grace period ends */
  stopMs?: number;
  entrypoint?: string[];
  cmd?: string[];
  /**
   * the ENTRYPOINT is a script that runs this program first when its first argument is an option
   * or no program of the image, and what it is given as is otherwise (curlimages/curl's
   * entrypoint.sh: `-s web` and `curl -s web` both run curl)
   */
  entrypointShim?: string;
  /** template variables ({version}) */
  vars?: Record<string, string>;
}

export interface TagVariant extends Partial<ImageBehaviour> {
  /** tags this variant applies to */
  match: RegExp;
}

export interface ImageEntry extends ImageBehaviour {
  /** familiar repository name: `nginx`, `registry.k8s.io/pause` */
  repo: string;
  /** known tags and their compressed size in bytes */
  tags: Record<string, number>;
  /** per-tag changes (php's fpm and apache flavours, versions in logs) */
  variants?: TagVariant[];
  /** other repository names for the same image (k8s.gcr.io/x for registry.k8s.io/x) */
  aliases?: string[];
}

/** One resolved image: catalog entry merged with its tag's variant. */
export interface ImageInfo extends ImageBehaviour {
  repo: string;
  tag: string;
  size: number;
  /** `sha256:<64 hex>` */
  digest: string;
}
