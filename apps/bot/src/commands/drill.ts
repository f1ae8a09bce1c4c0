// `!drill start KIND ARGS [@student]`, `!drill end [N]`, `!drill list` (instructors): fault drills.
import { drillReply } from '../course/drill-replies';
import type { PrefixCommand } from './types';

export const drillCommand: PrefixCommand = {
  names: ['drill'],
  usage: '!drill start|end|list',
  execute: ({ deps, userId, place, args, t }) => drillReply(deps, userId, place, args, t),
};
