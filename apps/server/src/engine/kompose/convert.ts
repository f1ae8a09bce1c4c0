// `kompose convert` as a pure function: compose files (and a file system for their side files)
// in; the objects, the files kompose would write or the --stdout text, and its log lines out.

import { KubeObject } from '../api/types';
import { resolvePath } from '../shell/filesystem';
import { KomposeFs } from './compose-types';
import { loadCompose } from './compose-load';
import { KomposeFatal, KomposeLog, LogEntry } from './logrus';
import { fileName, streamDocument, toJson, toYaml } from './print';
import { transform } from './transform';
import { VolumesMode } from './transform-volumes';
import { komposeVersionString } from './version';

export interface ConvertOptions {
  /** the directory kompose runs in: relative paths (files, -o) start there */
  cwd: string;
  fs: KomposeFs;
  /** the environment kompose sees (interpolation, unset `environment` entries) */
  env?: Record<string, string>;
  home?: string;
  /** the command line recorded in the kompose.cmd annotation */
  cmd?: string;
  stdout?: boolean;
  /** -o: a directory (existing) or a single output file */
  out?: string;
  json?: boolean;
  namespace?: string;
  /** --replicas, when given */
  replicas?: number;
  volumes?: string;
  emptyvols?: boolean;
  pvcRequestSize?: string;
  /** --profile */
  profiles?: string[];
  /** --with-kompose-annotation (default true) */
  withKomposeAnnotation?: boolean;
}

export interface ConvertResult {
  /** the objects as kompose builds them (what `kompose up` sends) */
  objects: KubeObject[];
  /** files to write: path as kompose names it (relative to cwd unless -o was absolute) */
  files: { name: string; content: string }[];
  /** what --stdout prints */
  stdout: string;
  /** log lines for stderr, formatted as kompose prints them */
  log: string[];
  entries: LogEntry[];
}

/** a fatal error with the log lines printed before it */
export class KomposeConvertError extends KomposeFatal {
  constructor(
    message: string,
    readonly entries: LogEntry[],
  ) {
    super(message);
  }
}

const VOLUME_TYPES = ['persistentVolumeClaim', 'emptyDir', 'hostPath', 'configMap'];

export function komposeConvert(files: { path: string; content: string }[], opts: ConvertOptions): ConvertResult {
  const log = new KomposeLog();
  try {
    return run(files, opts, log);
  } catch (e) {
    if (e instanceof KomposeFatal) throw new KomposeConvertError(e.message, log.entries);
    throw e;
  }
}

function run(files: { path: string; content: string }[], opts: ConvertOptions, log: KomposeLog): ConvertResult {
  const volumes = opts.volumes ?? 'persistentVolumeClaim';
  if (opts.out && opts.stdout) throw new KomposeFatal("Error: --out and --stdout can't be set at the same time");
  if (opts.replicas !== undefined && opts.replicas < 0) throw new KomposeFatal('Error: --replicas cannot be negative');
  if (!VOLUME_TYPES.includes(volumes)) {
    throw new KomposeFatal(`Unknown Volume type: ${volumes}, possible values are: ${VOLUME_TYPES.map((v) => `'${v}'`).join(' ')}`);
  }
  if (files.length === 0) throw new KomposeFatal('Error validating compose file: No compose or docker-compose yaml file found in the current directory');
  const abs = files.map((f) => ({ path: resolvePath(opts.cwd, f.path), content: f.content }));
  const env = opts.env ?? {};
  const project = loadCompose(abs, { fs: opts.fs, env, home: opts.home ?? env.HOME ?? '/root', log, profiles: opts.profiles });
  const objects = transform(project, {
    replicas: opts.replicas,
    volumes: opts.emptyvols ? 'emptyDir' : (volumes as VolumesMode),
    pvcRequestSize: opts.pvcRequestSize ?? '',
    namespace: opts.namespace ?? '',
    fs: opts.fs,
    log,
    withKomposeAnnotation: opts.withKomposeAnnotation !== false,
    cmd: opts.cmd ?? 'kompose convert',
    version: komposeVersionString(),
  });

  const out: ConvertResult = { objects, files: [], stdout: '', log: [], entries: log.entries };
  const singleFile = !!opts.out && opts.out !== '-' && !opts.fs.isDir(resolvePath(opts.cwd, opts.out)) && !opts.out.endsWith('/');
  if (opts.stdout || opts.out === '-' || singleFile) {
    if (opts.json) throw new KomposeFatal('cannot convert to one file while specifying a json output file or stdout option');
    const text = objects.map(streamDocument).join('');
    if (singleFile) {
      out.files.push({ name: opts.out!, content: text });
      log.info(`Kubernetes file "${opts.out}" created`);
    } else out.stdout = text;
  } else {
    for (const o of objects) {
      const name = opts.out ? joinPath(opts.out, fileName(o, !!opts.json)) : fileName(o, !!opts.json);
      out.files.push({ name, content: opts.json ? toJson(o) : toYaml(o) });
      log.info(`Kubernetes file "${name}" created`);
    }
  }
  out.log = log.lines();
  return out;
}

/** Go's filepath.Join: joined and cleaned, relative stays relative */
function joinPath(dir: string, file: string): string {
  const full = resolvePath('/', `${dir}/${file}`);
  return dir.startsWith('/') ? full : full.slice(1);
}
