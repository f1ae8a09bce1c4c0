// `!class [N]` (instructors): a summary of the class view of one of their classrooms.
import { classReply } from '../course/class-replies';
import type { PrefixCommand } from './types';

export const classCommand: PrefixCommand = {
  names: ['class'],
  usage: '!class [N]',
  execute: ({ deps, userId, place, args, t }) => classReply(deps, userId, place, args, t),
};
