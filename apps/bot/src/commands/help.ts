// `!help`: the commands, from the registry itself.
import { textReply } from '../reply';
import type { PrefixCommand } from './types';

export const helpCommand: PrefixCommand = {
  names: ['help'],
  usage: '!help',
  description: 'this list',
  async execute({ commands }) {
    const lines = commands.map((c) => `\`${c.usage}\`: ${c.description}`);
    return textReply(['**kubeaula** commands:', ...lines, 'Slash commands: `/kubectl command:ARGS`, `/link code:CODE`.'].join('\n'));
  },
};
