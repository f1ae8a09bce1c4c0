// The sandbox shell: a bash look-alike over simulated hosts. Others plug their commands in
// through ShellEnvironment.commands (kubectl, kubeadm, curl, systemctl...).
//
//   const shell = new Shell({ now, sleep, hosts: defaultHosts(now), commands: { kubectl } }, session);
//   const { stdout, stderr, exitCode } = await shell.run('kubectl get pods | grep web', sink);
//   store(shell.session)  // plain JSON; FileSystem#toJSON for each host's files

export { Shell, createSignal, MAX_LINE } from './shell';
export type { ShellOptions } from './shell';
export { newShellSession, prompt, loginEnv } from './session';
export { FileSystem, FsError, MAX_FILE_BYTES, MAX_NODES, resolvePath, dirname, basename } from './filesystem';
export type { FileSystemJSON, FsNode, FsErrorCode } from './filesystem';
export { UserFs } from './user-fs';
export { defaultHosts, newHostState, baseFileSystem, DEFAULT_HOSTS, OS_RELEASE, KERNEL_RELEASE } from './hosts';
export type { CommandContext, ExternalCommand, HostState, OutputSink, RunOptions, RunResult, SavedFrame, ShellEnvironment, ShellSession, ShellSignal } from './types';
export type { Builtin, BuiltinContext, Registry } from './command-registry';
