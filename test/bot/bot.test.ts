// The bot's real handlers, driven by fake Discord messages against a real server on a temporary
// database with the virtual clock (no network beyond localhost).
import { ChannelType, GatewayIntentBits, MessageFlags, Partials } from 'discord.js';
import { botText } from '../../apps/bot/src/bot-messages';
import { linkSlashCommand } from '../../apps/bot/src/commands/link';
import type { SlashInteraction } from '../../apps/bot/src/commands/types';
import { createDiscordClient } from '../../apps/bot/src/discord-client';
import { onInteractionCreate } from '../../apps/bot/src/events/interaction-create';
import { onMessageCreate } from '../../apps/bot/src/events/message-create';
import type { BotReply } from '../../apps/bot/src/reply';
import { KubeaulaClient } from '../../apps/bot/src/server-client';
import { freePort } from '../e2e/app-harness';
import { BotHarness, bootBotHarness, FakeMessage, LINKED_USER } from './bot-harness';

const NO_MENTIONS = { parse: [], repliedUser: false };

describe('Discord bot against a real server', () => {
  let b: BotHarness;
  beforeAll(async () => {
    b = await bootBotHarness();
    await b.rest('kubectl create deployment web --image=nginx --replicas=2');
  });
  afterAll(() => b.close());

  async function send(content: string, authorId = LINKED_USER, channel?: FakeMessage['channel']): Promise<BotReply> {
    const m = new FakeMessage(content, authorId, channel);
    const logged: string[] = [];
    await onMessageCreate(m, b.deps, (l) => logged.push(l));
    expect(logged).toEqual([]);
    expect(m.replies).toHaveLength(1);
    expect(m.replies[0].allowedMentions).toEqual(NO_MENTIONS);
    return m.replies[0];
  }

  it('answers !kubectl get pods exactly as the REST exec shows it, in a code block', async () => {
    const reply = await send('!kubectl get pods');
    const rest = await b.rest('kubectl get pods');
    expect(rest.stdout).toMatch(/^NAME +READY +STATUS/);
    expect(reply.content).toBe('```\n' + rest.stdout + rest.stderr + '```');
    expect(reply.files).toBeUndefined();
    // the alias, and a DM, give the same
    expect((await send('!k get pods', LINKED_USER, { type: 'DM', id: '5' })).content).toBe(reply.content);
  });

  it('shows errors as kubectl prints them', async () => {
    const rest = await b.rest('kubectl get pod nope');
    expect(rest.exitCode).toBe(1);
    expect((await send('!kubectl get pod nope')).content).toBe('```\n' + rest.stderr + '```');
  });

  it('tells an unlinked user how to link, and ignores bots and other prefixes', async () => {
    const reply = await send('!kubectl get pods', '222222');
    expect(reply.content).toBe(botText.notLinked('https://kubeaula.example'));
    expect(reply.content).toContain('/link code:');
    for (const [content, bot] of [['!kubectl get pods', true], ['!play music', false], ['hello', false]] as const) {
      const m = new FakeMessage(content, LINKED_USER, undefined, bot);
      await onMessageCreate(m, b.deps);
      expect(m.replies).toEqual([]);
    }
  });

  it('attaches a 10 kB output as a text file', async () => {
    const line = 'for i in $(seq 1 400); do echo "line $i of a long output"; done';
    const rest = await b.rest(line);
    const reply = await send(`!sh ${line}`);
    expect(reply.files).toHaveLength(1);
    expect(reply.files![0].name).toBe('output.txt');
    expect(reply.files![0].attachment.toString('utf8')).toBe(rest.stdout);
    expect(reply.files![0].attachment.length).toBeGreaterThan(10_000);
    expect(reply.content).toBe('Output of 10292 characters (400 lines), attached as output.txt.');
  });

  it('pings nobody when the output says @everyone, and escapes triple backticks', async () => {
    expect((await send('!sh echo @everyone @here')).content).toBe('```\n@everyone @here\n```');
    const reply = await send("!sh echo 'a```b'");
    expect(reply.content).toBe('```\na`\u200b``b\n```');
    expect(reply.content.slice(3, -3)).not.toContain('```');
  });

  it('applies the YAML of a ```yaml code block with -f -', async () => {
    const reply = await send('!kubectl apply -f -\n```yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-discord\ndata:\n  greeting: "hola $HOME"\n```');
    expect(reply.content).toBe('```\nconfigmap/from-discord created\n```');
    expect((await b.rest('kubectl get configmap from-discord -o jsonpath={.data.greeting}')).stdout).toBe('hola $HOME');
    expect((await send('!kubectl apply -f -')).content).toBe(botText.missingYaml);
  });

  it('links with /link code: and then acts as the new student', async () => {
    const ben = await (await import('../e2e/client')).signedUp(b.h.app, 'ben');
    const room = (await ben.get('/api/v1/clusters').expect(200)).body;
    expect(room).toEqual([]); // ben is in no classroom: linking still works
    const { code } = (await ben.post('/api/v1/me/discord/link-code').expect(201)).body;
    const replies: unknown[] = [];
    const interaction: SlashInteraction = {
      commandName: 'link',
      user: { id: '333333' },
      options: { getString: (name) => (name === 'code' ? ` ${code} ` : '') },
      reply: async (o) => {
        replies.push(o);
      },
    };
    await onInteractionCreate(interaction, b.deps);
    await onInteractionCreate(interaction, b.deps); // used up
    expect(replies).toEqual([
      { content: botText.linked('ben'), allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral },
      { content: botText.badLinkCode, allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral },
    ]);
    expect((await send('!kubectl get pods', '333333')).content).toBe(botText.noCluster);
    expect((await send('!link 12', '444')).content).toBe(botText.badLinkCode);
    expect(linkSlashCommand.data.toJSON()).toMatchObject({ name: 'link', options: [{ name: 'code', required: true }] });
  });

  it('gives the friendly reply when the server is down', async () => {
    const port = await freePort();
    const m = new FakeMessage('!kubectl get pods');
    await onMessageCreate(m, { server: new KubeaulaClient(`http://127.0.0.1:${port}`, b.token), dashboardUrl: 'x' });
    expect(m.replies).toEqual([{ content: botText.serverDown, allowedMentions: NO_MENTIONS }]);
  });

  it('lists the commands with !help', async () => {
    const reply = await send('!help');
    for (const c of ['!kubectl ARGS', '!sh LINE', '!link CODE', '/link code:CODE']) expect(reply.content).toContain(c);
  });
});

describe('the discord.js client', () => {
  it('asks for the intents and the DM partial the bot needs, and mentions nobody by default', async () => {
    const client = createDiscordClient({ server: new KubeaulaClient('http://127.0.0.1:1', 't'), dashboardUrl: 'x' });
    try {
      for (const i of [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages, GatewayIntentBits.MessageContent]) {
        expect(client.options.intents.has(i)).toBe(true);
      }
      expect(client.options.partials).toContain(Partials.Channel);
      expect(client.options.allowedMentions).toEqual(NO_MENTIONS);
      expect(ChannelType.DM).toBe(1); // DMs arrive as partial channels of this type
    } finally {
      await client.destroy();
    }
  });
});
