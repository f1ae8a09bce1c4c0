// The bot's real handlers, driven by fake Discord messages against a real server on a temporary
// database with the virtual clock (no network beyond localhost).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChannelType, GatewayIntentBits, MessageFlags, Partials } from 'discord.js';
import { linkSlashCommand } from '../../apps/bot/src/commands/link';
import { answerInTime } from '../../apps/bot/src/commands/answer-in-time';
import { createDiscordClient } from '../../apps/bot/src/discord-client';
import { onButtonPress } from '../../apps/bot/src/events/button-press';
import { onInteractionCreate } from '../../apps/bot/src/events/interaction-create';
import { onMessageCreate } from '../../apps/bot/src/events/message-create';
import { texts } from '../../apps/bot/src/i18n';
import { textReply, type BotReply } from '../../apps/bot/src/reply';
import { KubeaulaClient } from '../../apps/bot/src/server-client';
import { UserRateLimit } from '../../apps/bot/src/user-rate-limit';
import { PrismaService } from '../../apps/server/src/database/prisma.service';
import { freePort } from '../e2e/app-harness';
import { signedIn, signedUp } from '../e2e/client';
import { BotHarness, bootBotHarness, FakeButtonPress, FakeInteraction, FakeMessage, LINKED_USER } from './bot-harness';

const NO_MENTIONS = { parse: [], repliedUser: false };
// ana's account is in Spanish (kubeaula's default), and so is the bot for users not linked yet.
const botText = texts.es;

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

  it('records what the bot runs on the student timeline with door = discord', async () => {
    await send('!kubectl get nodes');
    const inputs = (await b.student.get(`/api/v1/clusters/${b.clusterId}/inputs`).expect(200)).body;
    const items: { door: string; payload?: unknown }[] = Array.isArray(inputs) ? inputs : inputs.items;
    const last = items[items.length - 1];
    expect(last.door).toBe('discord');
    expect(JSON.stringify(last)).toContain('kubectl get nodes');
  });

  it('stores the command in the Input rows with door = discord, acting as the linked student', async () => {
    await send('!k get ns kube-system -o name');
    const prisma = b.h.app.get(PrismaService);
    const row = await prisma.input.findFirst({ where: { clusterId: b.clusterId, command: 'kubectl get ns kube-system -o name' }, orderBy: { seq: 'desc' }, include: { actor: true } });
    expect(row).toMatchObject({ kind: 'command', door: 'discord', exitCode: 0, stdout: 'namespace/kube-system\n', actor: { username: 'ana' } });
  });

  it('speaks the Discord client language, or the guild one, to a user not linked yet', async () => {
    const slash = new FakeInteraction('kubectl', { command: 'get pods' }, '222222', 'en-US');
    await onInteractionCreate(slash, b.deps);
    expect(slash.calls).toEqual([{ kind: 'reply', options: { content: texts.en.notLinked('https://kubeaula.example'), allowedMentions: NO_MENTIONS } }]);
    const m = new FakeMessage('!kubectl get pods', '222222');
    m.guild = { preferredLocale: 'en-GB' };
    await onMessageCreate(m, b.deps);
    expect(m.replies.map((r) => r.content)).toEqual([texts.en.notLinked('https://kubeaula.example')]);
    // a linked student's account language wins over the client's
    const ana = new FakeInteraction('kubectl', { command: 'get pod nope' }, LINKED_USER, 'en-US');
    await onInteractionCreate(ana, b.deps);
    expect(ana.calls[0].options).toEqual({ content: '```\nError from server (NotFound): pods "nope" not found\n```', allowedMentions: NO_MENTIONS });
    const help = new FakeMessage('!help');
    help.guild = { preferredLocale: 'en-US' };
    await onMessageCreate(help, b.deps);
    expect(help.replies[0].content.startsWith(texts.es.helpTitle)).toBe(true);
  });

  it("keeps each Discord user's shell session between messages (directory, environment, history), apart from other doors", async () => {
    await send('!sh cd /tmp && export GREETING=hola');
    expect((await send('!sh pwd; echo $GREETING')).content).toBe('```\n/tmp\nhola\n```');
    expect((await send('!sh history | tail -3')).content).toMatch(/^```\n +\d+ {2}cd \/tmp && export GREETING=hola\n +\d+ {2}pwd; echo \$GREETING\n +\d+ {2}history \| tail -3\n```$/);
    // the same student's other doors have their own session (here: the REST door with their cookie)
    const other = await b.student.post(`/api/v1/clusters/${b.clusterId}/exec`, { command: 'pwd; echo "[$GREETING]"' }).expect(200);
    expect(other.body.stdout).toBe('/home/student\n[]\n');
  });

  it('runs kubeadm and kompose the same way', async () => {
    for (const line of ['kubeadm version -o short', 'kompose version']) {
      const rest = await b.rest(line);
      expect((await send(`!${line}`)).content).toBe('```\n' + rest.stdout + rest.stderr + '```');
    }
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
    expect(reply.content).toBe('Salida de 10292 caracteres (400 líneas), adjunta como output.txt.');
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

  it('applies an attached .yaml file with -f -, within a size limit', async () => {
    const files = new http.Server((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/yaml' });
      res.end('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-file\n');
    });
    await new Promise<void>((r) => files.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(files.address() as AddressInfo).port}/attachments/1/cm.yml`;
    try {
      const withFile = (content: string, name: string, size = 60) => {
        const m = new FakeMessage(content);
        m.attachments.set('1', { name, url, size });
        return m;
      };
      const cases: [FakeMessage, string][] = [
        [withFile('!kubectl apply -f -', 'cm.yml'), '```\nconfigmap/from-file created\n```'],
        [withFile('!kubectl apply -f -', 'notes.txt'), botText.missingYaml],
        [withFile('!k create -f -', 'big.yaml', 20_000), botText.fileTooLarge('big.yaml', 20000, 9000)],
      ];
      for (const [m, expected] of cases) {
        await onMessageCreate(m, b.deps);
        expect(m.replies.map((r) => r.content)).toEqual([expected]);
      }
    } finally {
      await new Promise((r) => files.close(r));
    }
    expect((await b.rest('kubectl get cm from-file -o name')).stdout).toBe('configmap/from-file\n');
  });

  it('links with /link code: and then acts as the new student', async () => {
    const ben = await signedUp(b.h.app, 'ben');
    const room = (await ben.get('/api/v1/clusters').expect(200)).body;
    expect(room).toEqual([]); // ben is in no classroom: linking still works
    const { code } = (await ben.post('/api/v1/me/discord/link-code').expect(201)).body;
    const interaction = new FakeInteraction('link', { code: ` ${code} ` }, '333333');
    await onInteractionCreate(interaction, b.deps);
    const again = new FakeInteraction('link', { code }, '333333');
    await onInteractionCreate(again, b.deps); // used up
    expect([...interaction.calls, ...again.calls]).toEqual([
      { kind: 'reply', options: { content: botText.linked('ben'), allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral } },
      { kind: 'reply', options: { content: botText.badLinkCode, allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral } },
    ]);
    expect((await send('!kubectl get pods', '333333')).content).toBe(botText.noCluster);
    expect((await send('!link 12', '444')).content).toBe(botText.badLinkCode);
    expect(linkSlashCommand.data.toJSON()).toMatchObject({ name: 'link', options: [{ name: 'code', required: true }] });
  });

  it('answers /kubectl command: directly when quick, deferred when slow', async () => {
    const rest = await b.rest('kubectl get deployments');
    const i = new FakeInteraction('kubectl', { command: 'kubectl get deployments' });
    await onInteractionCreate(i, b.deps);
    expect(i.calls).toEqual([{ kind: 'reply', options: { content: '```\n' + rest.stdout + rest.stderr + '```', allowedMentions: NO_MENTIONS } }]);
    const slow = new FakeInteraction('kubectl', { command: 'x' });
    await answerInTime(slow, new Promise<BotReply>((r) => setTimeout(() => r(textReply('done')), 30)), undefined, 5);
    expect(slow.calls).toEqual([{ kind: 'defer', options: undefined }, { kind: 'edit', options: textReply('done') }]);
  });

  it('resets the cluster with !reset only after its owner presses the button', async () => {
    await b.rest('kubectl create configmap before-reset');
    const ask = await send('!reset');
    expect(ask.content).toBe(botText.resetAsk);
    const ids = ask.components![0].components.map((c) => ('custom_id' in c ? c.custom_id : ''));
    expect(ids).toEqual([`reset:${LINKED_USER}:confirm`, `reset:${LINKED_USER}:cancel`]);
    const stranger = new FakeButtonPress(ids[0], '999');
    await onButtonPress(stranger, b.deps);
    expect(stranger.calls).toEqual([{ kind: 'reply', options: { content: botText.notYourButton, allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral } }]);
    const cancel = new FakeButtonPress(ids[1]);
    await onButtonPress(cancel, b.deps);
    expect(cancel.calls).toEqual([{ kind: 'update', options: { content: botText.resetCancelled, allowedMentions: NO_MENTIONS, components: [] } }]);
    expect((await b.rest('kubectl get cm before-reset -o name')).stdout).toBe('configmap/before-reset\n');
    const confirm = new FakeButtonPress(ids[0]);
    await onButtonPress(confirm, b.deps);
    expect(confirm.calls).toEqual([{ kind: 'update', options: { content: botText.resetDone, allowedMentions: NO_MENTIONS, components: [] } }]);
    expect((await b.rest('kubectl get cm before-reset -o name')).exitCode).toBe(1);
  });

  it('lets a student in two classrooms choose with !classroom', async () => {
    const teacher = await signedIn(b.h.app, 'teacher');
    const second = await teacher.post('/api/v1/classrooms', { name: 'Evening class' }).expect(201);
    await b.student.post('/api/v1/classrooms/join', { code: second.body.joinCode }).expect(200);
    const say = async (content: string) => {
      const m = new FakeMessage(content);
      await onMessageCreate(m, b.deps);
      return m.replies[0].content;
    };
    // neither classroom is attached to a Discord server: nothing here says which one is meant
    expect(await say('!classroom')).toBe('Tus clases:\n1. Discord class\n2. Evening class\nElige una con `!classroom N`.');
    expect(await say('!kubectl get ns')).toBe(botText.classroomAsk(['1. Discord class', '2. Evening class']));
    expect(await say('!classroom 2')).toBe('Tus comandos se ejecutan ahora en tu clúster de **Evening class**.');
    expect(await say('!kubectl create configmap evening')).toBe('```\nconfigmap/evening created\n```');
    expect((await b.rest('kubectl get cm evening')).exitCode).toBe(1); // not on the first cluster
    expect(await say('!classroom')).toContain('2. Evening class (actual)');
    expect(await say('!classroom 3')).toBe('No hay ninguna clase "3". Escribe `!classroom` para ver la lista.');
    expect(await say('!classroom discord class')).toBe('Tus comandos se ejecutan ahora en tu clúster de **Discord class**.');
    expect(await say('!kubectl get cm evening -o name')).toBe('```\nError from server (NotFound): configmaps "evening" not found\n```');
  });

  it('gives the friendly reply when the server is down', async () => {
    const port = await freePort();
    const m = new FakeMessage('!kubectl get pods');
    await onMessageCreate(m, { server: new KubeaulaClient(`http://127.0.0.1:${port}`, b.token), dashboardUrl: 'x' });
    expect(m.replies).toEqual([{ content: botText.serverDown, allowedMentions: NO_MENTIONS }]);
  });

  it('engages the per-user rate limit with a friendly reply', async () => {
    const deps = { ...b.deps, rateLimit: new UserRateLimit(2, 60_000, () => 0) };
    const contents: string[] = [];
    for (const user of [LINKED_USER, LINKED_USER, LINKED_USER, '555']) {
      const m = new FakeMessage('!help', user);
      await onMessageCreate(m, deps);
      contents.push(m.replies[0].content.slice(0, 12));
    }
    const help = botText.helpTitle.slice(0, 12);
    expect(contents).toEqual([help, help, botText.tooFast.slice(0, 12), help]);
  });

  it('lists the commands with !help', async () => {
    const reply = await send('!help');
    for (const c of ['!kubectl ARGS', '!kubeadm ARGS', '!kompose ARGS', '!lesson', '!check', '!hint', '!progress', '!build', '!notify', '!reset', '!classroom [N]', '!sh LINE', '!link CODE', '/link code:', '/lesson', '/check', '/build']) expect(reply.content).toContain(c);
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
