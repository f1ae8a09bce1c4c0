// The registry: every command by name and alias (dispatch is a lookup, not a chain of ifs).
import { buildCommand, buildComponents, buildSlashCommand } from './build';
import { checkCommand, checkSlashCommand } from './check';
import { classCommand } from './class';
import { classroomCommand } from './classroom';
import { drillCommand } from './drill';
import { helpCommand } from './help';
import { hintCommand, hintSlashCommand } from './hint';
import { komposeCommand } from './kompose';
import { kubeadmCommand } from './kubeadm';
import { kubectlCommand } from './kubectl';
import { kubectlSlashCommand } from './kubectl-slash';
import { lessonCommand, lessonSlashCommand } from './lesson';
import { linkCommand, linkSlashCommand } from './link';
import { notifyCommand } from './notify';
import { progressCommand, progressSlashCommand } from './progress';
import { resetButtons, resetCommand } from './reset';
import { shCommand } from './sh';
import type { ComponentHandler, PrefixCommand, SlashCommand } from './types';

export const prefixCommands: readonly PrefixCommand[] = [
  kubectlCommand,
  kubeadmCommand,
  komposeCommand,
  shCommand,
  lessonCommand,
  checkCommand,
  hintCommand,
  progressCommand,
  buildCommand,
  notifyCommand,
  resetCommand,
  classroomCommand,
  classCommand,
  drillCommand,
  linkCommand,
  helpCommand,
];
export const slashCommands: readonly SlashCommand[] = [kubectlSlashCommand, lessonSlashCommand, checkSlashCommand, hintSlashCommand, progressSlashCommand, buildSlashCommand, linkSlashCommand];
export const componentHandlers: readonly ComponentHandler[] = [resetButtons, buildComponents];

export const prefixByName: ReadonlyMap<string, PrefixCommand> = new Map(prefixCommands.flatMap((c) => c.names.map((n) => [n, c] as const)));
export const slashByName: ReadonlyMap<string, SlashCommand> = new Map(slashCommands.map((c) => [c.data.name, c] as const));
export const componentByPrefix: ReadonlyMap<string, ComponentHandler> = new Map(componentHandlers.map((h) => [h.prefix, h] as const));
