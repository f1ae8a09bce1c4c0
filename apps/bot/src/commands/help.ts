// `!help`: the commands, from the registry itself.
import { textReply } from '../reply';
import type { PrefixCommand } from './types';

export const helpCommand: PrefixCommand = {
  names: ['help'],
  usage: '!help',
  async execute({ commands, t }) {
    const lines = commands.map((c) => `\`${c.usage}\`: ${t.describe[c.names[0]] ?? ''}`);
    return textReply([t.helpTitle, ...lines, t.helpSlash].join('\n'));
  },
};
