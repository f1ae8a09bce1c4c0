// `!kubectl ARGS` (or `!k ARGS`): kubectl on the user's cluster, exactly as the web terminal runs it.
import { toolCommand } from './tool-command';

export const kubectlCommand = toolCommand('kubectl', ['k']);
