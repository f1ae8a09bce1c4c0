// Placeholder for the interactive container shell.
import type { Invocation } from '../kubectl/command';
import type { ContainerTarget } from './container-shell';
export function openContainerShell(inv: Invocation, target: ContainerTarget, shell: string): boolean {
  void inv; void target; void shell;
  return false;
}
