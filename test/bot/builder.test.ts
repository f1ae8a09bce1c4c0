// The command builder: menus for the verb, the resource type and a name from the student's own
// cluster (paged past Discord's 25 choices), showing the command as it grows, then running it.
import { ComponentType, MessageFlags } from 'discord.js';
import { onButtonPress, updateInTime } from '../../apps/bot/src/events/button-press';
import { onInteractionCreate } from '../../apps/bot/src/events/interaction-create';
import { onMessageCreate } from '../../apps/bot/src/events/message-create';
import { texts } from '../../apps/bot/src/i18n';
import { textReply, type BotReply } from '../../apps/bot/src/reply';
import { BotHarness, bootBotHarness, FakeButtonPress, FakeInteraction, FakeMessage, LINKED_USER } from './bot-harness';

const t = texts.es;

interface Shown {
  content: string;
  selects: { id: string; options: { label: string; value: string }[] }[];
  buttons: { id: string; label: string; disabled?: boolean }[];
}

function shown(reply: BotReply): Shown {
  const out: Shown = { content: reply.content, selects: [], buttons: [] };
  for (const row of reply.components ?? []) {
    for (const c of row.components) {
      if (c.type === ComponentType.StringSelect) out.selects.push({ id: c.custom_id, options: c.options.map((o) => ({ label: o.label, value: o.value })) });
      else if (c.type === ComponentType.Button && 'custom_id' in c) out.buttons.push({ id: c.custom_id, label: c.label ?? '', disabled: c.disabled });
    }
  }
  return out;
}

describe('the command builder', () => {
  let b: BotHarness;
  beforeAll(async () => {
    b = await bootBotHarness();
    await b.rest('for i in $(seq 1 30); do kubectl create configmap cm-$i; done');
  });
  afterAll(() => b.close());

  async function press(id: string, values?: string[], user = LINKED_USER): Promise<Shown> {
    const p = new FakeButtonPress(id, user, values);
    await onButtonPress(p, b.deps, (l) => {
      throw new Error(l);
    });
    // A loaded machine may take longer than DEFER_AFTER_MS: deferred, then edited, is as right.
    const kinds = p.calls.map((c) => c.kind);
    expect(kinds).toEqual(user !== LINKED_USER ? ['reply'] : kinds[0] === 'deferUpdate' ? ['deferUpdate', 'edit'] : ['update']);
    return shown(p.calls[p.calls.length - 1].options as BotReply);
  }

  async function open(): Promise<Shown> {
    const m = new FakeMessage('!build');
    await onMessageCreate(m, b.deps);
    return shown(m.replies[0]);
  }

  it('builds `kubectl describe configmap NAME` step by step, paging the names, and runs it', async () => {
    const start = await open();
    expect(start.content).toBe(`${t.builder.title}\n${t.builder.command('kubectl')}\n${t.builder.pickVerb}`);
    expect(start.selects[0].options.map((o) => o.value)).toEqual(['get', 'describe', 'logs', 'delete', 'rollout status']);
    const verb = await press(start.selects[0].id, ['describe']);
    expect(verb.content).toContain(t.builder.command('kubectl describe'));
    expect(verb.selects[0].options.map((o) => o.value)).toContain('configmaps');
    const type = await press(verb.selects[0].id, ['configmaps']);
    expect(type.content).toContain(t.builder.command('kubectl describe configmaps'));
    // 30 of the student's plus kube-root-ca.crt in each namespace: two pages
    const names = (await b.rest('kubectl get configmaps -A --no-headers -o custom-columns=N:.metadata.name')).stdout.trim().split('\n');
    expect(names.length).toBeGreaterThan(25);
    expect(type.content).toContain(t.builder.page(1, 2));
    expect(type.selects[0].options).toHaveLength(25);
    const [prev, next] = type.buttons;
    expect([prev.label, prev.disabled, next.label, next.disabled]).toEqual([t.builder.previous, true, t.builder.next, false]);
    expect(type.buttons.map((x) => x.label)).not.toContain(t.builder.allNames); // describe needs a name
    const page2 = await press(next.id);
    expect(page2.content).toContain(t.builder.page(2, 2));
    expect(page2.selects[0].options.length).toBe(names.length - 25);
    const cm9 = type.selects[0].options.find((o) => o.label === 'cm-9')!;
    const named = await press(type.selects[0].id, [cm9.value]);
    expect(named.content).toBe(`${t.builder.title}\n${t.builder.command('kubectl describe configmap cm-9')}`);
    expect(named.buttons.map((x) => x.label)).toEqual([t.builder.run, t.builder.cancel]);
    const ran = await press(named.buttons[0].id);
    const rest = await b.rest('kubectl describe configmap cm-9');
    expect(ran.content).toBe('```\n' + rest.stdout + '```\n' + t.builder.ran('kubectl describe configmap cm-9'));
    expect(ran.buttons).toEqual([]);
    // the builder is closed once run
    expect((await press(named.buttons[0].id)).content).toBe(t.builder.expired);
  });

  it('lists everything with `get` and the all button, across namespaces with -A', async () => {
    const start = await open();
    const verb = await press(start.selects[0].id, ['get']);
    const type = await press(verb.selects[0].id, ['configmaps']);
    const all = type.buttons.find((x) => x.label === t.builder.allNames)!;
    const chosen = await press(all.id);
    expect(chosen.content).toContain(t.builder.command('kubectl get configmaps -A'));
    const ran = await press(chosen.buttons[0].id);
    const rest = await b.rest('kubectl get configmaps -A');
    // 1,975 characters with the note do not fit one message: the output comes as a file
    expect(ran.content).toBe(`${t.outputAttached(rest.stdout.length, rest.stdout.split('\n').length - 1, 'output.txt')}\n${t.builder.ran('kubectl get configmaps -A')}`);
  });

  it('says when a type has no objects, answers only its owner, and cancels', async () => {
    const start = await open();
    const verb = await press(start.selects[0].id, ['delete']);
    const type = await press(verb.selects[0].id, ['persistentvolumeclaims']);
    expect(type.content).toContain(t.builder.noNames('persistentvolumeclaims'));
    expect(type.selects).toEqual([]);
    const stranger = await press(type.buttons[0].id, undefined, '999');
    expect(stranger.content).toBe(t.notYourButton);
    expect((await press(type.buttons[type.buttons.length - 1].id)).content).toBe(t.builder.cancelled);
  });

  it('opens privately from /build, in the account language over the client one', async () => {
    const i = new FakeInteraction('build', {}, LINKED_USER, 'en-US');
    await onInteractionCreate(i, b.deps);
    const reply = i.calls[0].options as BotReply & { flags: number };
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.content.startsWith(t.builder.title)).toBe(true); // ana's account is in Spanish
  });

  it('defers a slow press (a waiting command) and edits the message when it is done', async () => {
    const slow = new FakeButtonPress('build:1:x:run');
    await updateInTime(slow, new Promise<BotReply>((r) => setTimeout(() => r(textReply('done')), 30)), 5);
    expect(slow.calls).toEqual([{ kind: 'deferUpdate', options: {} }, { kind: 'edit', options: textReply('done') }]);
    const quick = new FakeButtonPress('build:1:x:run');
    await updateInTime(quick, Promise.resolve(textReply('now')), 1000);
    expect(quick.calls).toEqual([{ kind: 'update', options: textReply('now') }]);
  });
});
