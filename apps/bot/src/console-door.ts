// `--console --as ID`: the same handlers on stdin and stdout, for trying the bot without Discord.
// Each input line is a message; a line that opens a ``` block continues until it is closed, and a
// `-f -` line is joined with a ``` block that starts on the next line (as one Discord message
// holds both). Each reply is printed as Discord would show it: its text, then any attached file.
import readline from 'node:readline';
import { APIComponentInMessageActionRow, ComponentType } from 'discord.js';
import type { BotDeps } from './bot-deps';
import { onMessageCreate } from './events/message-create';
import { DIRECT, type Place } from './place';
import type { BotReply } from './reply';
import { readsStdin } from './yaml-block';

export function renderReply(reply: BotReply): string {
  let out = reply.content + '\n';
  // Buttons cannot be pressed here: show them, as Discord shows them under the message.
  for (const row of reply.components ?? []) out += row.components.map(componentLabel).join(' ') + '\n';
  for (const f of reply.files ?? []) {
    const text = f.attachment.toString('utf8');
    out += `--- attachment ${f.name} (${f.attachment.length} bytes) ---\n${text}${text.endsWith('\n') ? '' : '\n'}--- end of ${f.name} ---\n`;
  }
  return out;
}

function componentLabel(c: APIComponentInMessageActionRow): string {
  if (c.type === ComponentType.Button) return `[${'label' in c ? (c.label ?? '') : ''}]`;
  if (c.type === ComponentType.StringSelect) return `<${c.placeholder ?? ''}: ${c.options.map((o) => o.label).join(' | ')}>`;
  return `<${c.placeholder ?? ''}>`;
}

export async function runConsole(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, deps: BotDeps, userId: string, place: Place = DIRECT): Promise<void> {
  const rl = readline.createInterface({ input, crlfDelay: Infinity, terminal: false });
  const send = (text: string) =>
    onMessageCreate(
      {
        content: text,
        author: { id: userId, bot: false },
        guildId: place.guildId ?? null,
        channelId: place.channelId,
        reply: async (reply) => {
          output.write(renderReply(reply));
        },
      },
      deps,
      (l) => output.write(l + '\n'),
    );
  let pending: string[] = [];
  for await (const line of rl) {
    // A `-f -` line waiting for its block: the block joins it, anything else sends it alone.
    if (pending.length === 1 && awaitsBlock(pending[0]) && !line.startsWith('```')) {
      await send(pending[0]);
      pending = [];
    }
    pending.push(line);
    const text = pending.join('\n');
    if (openBlock(text) || (pending.length === 1 && awaitsBlock(line))) continue;
    pending = [];
    await send(text);
  }
  if (pending.length) await send(pending.join('\n'));
}

function openBlock(text: string): boolean {
  return (text.match(/```/g) ?? []).length % 2 === 1;
}

function awaitsBlock(line: string): boolean {
  return line.startsWith('!') && !line.includes('```') && readsStdin(line);
}
