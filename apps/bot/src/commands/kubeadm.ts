// `!kubeadm ARGS`: kubeadm in the sandbox (tokens, upgrades, certificates).
import { toolCommand } from './tool-command';

export const kubeadmCommand = toolCommand('kubeadm', []);
