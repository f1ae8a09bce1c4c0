// What a container's main process does can depend on the cluster around it, not only on its
// image and spec: flannel without a pod CIDR on its node fails at once, a wget prints what the
// Service it asks answers. Such rules register here (functions of the cluster at the start
// time); the kubelet applies them to each new run, the first that answers winning.

import type { ObjectStore } from '../../api/store';
import type { Container, Pod } from '../../api/types';
import type { ImageInfo } from '../../images/catalog';
import type { ControllerContext } from '../controller';
import type { ProcessPlan } from './process-model';

export interface ProcessHookInput {
  pod: Pod;
  container: Container;
  store: ObjectStore;
  /** when the run starts */
  at: number;
  /** the run's id (its writable layer's key) */
  runId: string;
  /** the kubelet's context: the cluster around the container */
  ctx: ControllerContext;
  /** the container's image, as the kubelet found it in the catalog (undefined: not there) */
  image: ImageInfo | undefined;
  /** the main process's argument vector (processArgv), computed when asked */
  argv: () => string[];
  /** the container's environment, as the kubelet resolved it */
  env: readonly [string, string][];
}

/** a rule's change to the plan the image and spec give (`plan`), or undefined to leave it */
export type ProcessHook = (input: ProcessHookInput, plan: ProcessPlan) => Partial<ProcessPlan> | undefined;

const HOOKS: ProcessHook[] = [];

export function registerProcessHook(hook: ProcessHook): void {
  if (!HOOKS.includes(hook)) HOOKS.push(hook);
}

export function applyProcessHooks(plan: ProcessPlan, input: ProcessHookInput): ProcessPlan {
  for (const hook of HOOKS) {
    const change = hook(input, plan);
    if (change) return { ...plan, ...change };
  }
  return plan;
}
