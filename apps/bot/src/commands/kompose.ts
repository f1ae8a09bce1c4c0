// `!kompose ARGS`: kompose in the sandbox (Compose files to Kubernetes manifests).
import { toolCommand } from './tool-command';

export const komposeCommand = toolCommand('kompose', []);
