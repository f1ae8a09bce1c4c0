// The registry: every command by name and alias (dispatch is a lookup, not a chain of ifs).
import { classroomCommand } from './classroom';
import { helpCommand } from './help';
import { komposeCommand } from './kompose';
import { kubeadmCommand } from './kubeadm';
import { kubectlCommand } from './kubectl';
import { kubectlSlashCommand } from './kubectl-slash';
import { linkCommand, linkSlashCommand } from './link';
import { resetCommand } from './reset';
import { shCommand } from './sh';
import type { PrefixCommand, SlashCommand } from './types';

export const prefixCommands: readonly PrefixCommand[] = [kubectlCommand, kubeadmCommand, komposeCommand, shCommand, resetCommand, classroomCommand, linkCommand, helpCommand];
export const slashCommands: readonly SlashCommand[] = [kubectlSlashCommand, linkSlashCommand];

export const prefixByName: ReadonlyMap<string, PrefixCommand> = new Map(prefixCommands.flatMap((c) => c.names.map((n) => [n, c] as const)));
export const slashByName: ReadonlyMap<string, SlashCommand> = new Map(slashCommands.map((c) => [c.data.name, c] as const));
