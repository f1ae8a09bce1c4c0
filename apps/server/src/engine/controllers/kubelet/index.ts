// The kubelet's public surface for the rest of the engine.

export { kubeletController, machineKey, KUBELET } from './kubelet-controller';
export { resolveContainerEnv, expandVars } from './env';
export type { ResolvedEnv } from './env';
export { containerLogs, appendContainerLog, runLines, LOG_MAX_LINES, LOG_MAX_BYTES } from './logs';
export type { LogOptions, LogResult, ClusterView } from './logs';
export { runningContainer, podHttpGet } from './runtime-query';
export type { RunningContainer, HttpOutcome } from './runtime-query';
export { kubeletSection } from './runtime-state';
