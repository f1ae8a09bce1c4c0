// A database image's first start initializes its data directory; a later start on the same files
// finds the database there. This hook plays the entrypoint's check when the container starts
// (docker-entrypoint.sh: mariadb and mysql look for `mysql/`, postgres for PG_VERSION) against
// wherever the directory is for this container: a volume (on the node for a hostPath, or a hostPath
// or local PersistentVolume; kept by the cluster for an emptyDir or another PersistentVolume) or
// the container's own writable layer, new at each run.
//
// - No database there: the image's own plan stands (its initialization logs, or its refusal
//   without a root password); if it starts, the initialized files are written at once.
// - A database there: the server starts on it, logs the image's existing-database lines, and needs
//   no password (the entrypoint asks for one only to initialize).
//
// So a pod on a PersistentVolume, deleted and created again, logs that it skipped the
// initialization and `ls /var/lib/mysql` shows the same files, while one whose data lived in its
// layer starts from nothing after every restart.

import type { ProcessHookInput } from '../controllers/kubelet/process-hooks';
import { registerProcessHook } from '../controllers/kubelet/process-hooks';
import type { ProcessPlan } from '../controllers/kubelet/process-model';
import type { DataDir } from '../images/catalog-types';
import { viewAt } from './cluster-view';
import { DataPlace, placeOf } from './data-place';
import { Account, accountsText, fileOwner } from './database-dir';

/** the first of the variables that is set (non-empty), as the entrypoint reads them */
function envOf(env: readonly [string, string][], names: readonly string[]): string | undefined {
  for (const n of names) {
    const hit = env.find(([k, v]) => k === n && v !== '');
    if (hit) return hit[1];
  }
  return undefined;
}

/**
 * writes the initialized files into the place, as the entrypoint's user, stamped `at`: the
 * image's files, the accounts its variables ask for (root, and MYSQL_USER with MYSQL_PASSWORD),
 * and the database MYSQL_DATABASE names
 */
function initialize(place: DataPlace, data: DataDir, vars: Record<string, string>, env: readonly [string, string][], at: number, owner: string): void {
  const major = (vars.version ?? '').split('.')[0];
  try {
    place.mkdir('', { owner, mode: 0o755, at });
    for (const [name, size, template] of data.files) {
      if (name.endsWith('/')) {
        place.mkdir(name.slice(0, -1), { owner, mode: 0o755, at });
        continue;
      }
      const content = template === undefined ? '' : template.replace('{major}', major).replace('{version}', vars.version ?? '');
      place.write(name, content, { owner, mode: 0o660, at, ...(template === undefined ? { size } : {}) });
    }
    const a = data.accounts;
    if (!a) return;
    const accounts: Account[] = [{ host: '%', user: 'root', password: envOf(env, a.env.rootPassword) ?? '' }];
    const user = envOf(env, a.env.user);
    const password = envOf(env, a.env.password);
    const database = envOf(env, a.env.database);
    if (user && password !== undefined) accounts.push({ host: '%', user, password, ...(database ? { database } : {}) });
    // the accounts go into their file (kept at its size when the image has it, as mysql.ibd)
    const size = data.files.find(([name]) => name === a.file)?.[1];
    place.write(a.file, accountsText(accounts), { owner, mode: 0o660, at, ...(size !== undefined ? { size } : {}) });
    if (database) place.mkdir(database, { owner, mode: a.databaseMode, at });
  } catch {
    // a full disk or a path in the way: the initialization would fail there too, and the
    // server's own error is not modelled
  }
}

/** the container runs the image's server (or gives its entrypoint options, `--port=3307`) */
function runsServer(data: DataDir, argv: string[]): boolean {
  const first = argv[0] ?? '';
  return !first || first.startsWith('-') || data.programs.includes(first.split('/').pop()!);
}

export function databaseFiles(input: ProcessHookInput, plan: ProcessPlan): Partial<ProcessPlan> | undefined {
  const data = input.image?.dataDir;
  if (!data || !runsServer(data, input.argv())) return undefined;
  const image = input.image!;
  const { ctx, pod, container, at } = input;
  const place = placeOf(viewAt(ctx, at), pod.spec.nodeName ? ctx.nodeFiles(pod.spec.nodeName) : undefined, pod, container, input.runId, data.path);
  if (!place) return undefined;
  if (place.exists(data.marker)) {
    const vars = plan.template?.vars ?? { at, hostname: pod.spec.hostname ?? pod.metadata.name ?? '', ip: pod.status?.podIP ?? '', vars: image.vars };
    return { ports: image.ports ?? [], exitCode: 0, exitAfterMs: undefined, lines: [], template: { lines: data.existingLogs, vars }, stopMs: image.stopMs };
  }
  // the image's own plan stands: a server that starts (it had its password) has initialized
  if (plan.exitAfterMs === undefined) initialize(place, data, image.vars ?? {}, input.env, at, fileOwner(place, data));
  return undefined;
}

registerProcessHook(databaseFiles);
