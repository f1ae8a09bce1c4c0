// The course from Discord: !lesson, !check, !hint, !progress (and their slash twins) for linked
// students in Spanish and in English, against a real server on a temporary database.
import { MessageFlags } from 'discord.js';
import { onInteractionCreate } from '../../apps/bot/src/events/interaction-create';
import { onMessageCreate } from '../../apps/bot/src/events/message-create';
import { texts } from '../../apps/bot/src/i18n';
import type { Client } from '../e2e/client';
import { BotHarness, bootBotHarness, FakeInteraction, FakeMessage, LINKED_USER } from './bot-harness';

const BEN = '777777777';

describe('the course from Discord', () => {
  let b: BotHarness;
  let ben: Client;
  beforeAll(async () => {
    b = await bootBotHarness();
    ({ student: ben } = await b.linkStudent('ben', BEN, 'en'));
  });
  afterAll(() => b.close());

  async function say(content: string, user = LINKED_USER): Promise<string> {
    const m = new FakeMessage(content, user);
    const logged: string[] = [];
    await onMessageCreate(m, b.deps, (l) => logged.push(l));
    expect(logged).toEqual([]);
    expect(m.replies).toHaveLength(1);
    return m.replies[0].content;
  }

  it('says there is no lesson yet, lists the lessons and starts one (es)', async () => {
    expect(await say('!lesson')).toBe(texts.es.lesson.none);
    const list = await say('!lesson list');
    expect(list.split('\n').slice(0, 4)).toEqual(['Lecciones:', '1. Un paseo por la arquitectura', '2. Instalar Kubernetes con kubeadm', '3. Pods']);
    const step = await say('!lesson start 3');
    expect(step).toMatch(/^\*\*Pods\*\*: paso 1 de 5: \*\*Tu primer pod\*\*\n\n/);
    expect(step).toContain('```bash\nkubectl run nginx --image=nginx');
    expect(step).not.toMatch(/^#/m); // headings became bold
    expect(step.endsWith(texts.es.lesson.stepFooter)).toBe(true);
    expect(await say('!lesson')).toBe(step);
    expect(await say('!lesson start 99')).toBe(texts.es.lesson.noSuchLesson('99'));
  });

  it('checks the step with each condition, gives hints, then passes it (es)', async () => {
    const failed = await say('!check');
    expect(failed.split('\n').slice(0, 2)).toEqual(['**1. Tu primer pod**', texts.es.lesson.checkFailed('0%')]);
    expect(failed).toContain('\n❌ se esperaba que exista Pod "nginx"');
    expect(failed).toMatch(/; se encontró ninguno\n/);
    const hint = await say('!hint');
    expect(hint).toContain('Pista 1 de 1: Escribe `kubectl run nginx --image=nginx`');
    expect(await say('!lesson next')).toBe(texts.es.lesson.locked(2));
    await say('!kubectl run nginx --image=nginx');
    await b.advance(60);
    const passed = await say('!check');
    expect(passed.split('\n').slice(0, 2)).toEqual(['**1. Tu primer pod**', texts.es.lesson.checkPassed('100%')]);
    expect(passed).not.toContain('❌');
    expect(passed).toContain(texts.es.lesson.nextStep('Un pod con tres contenedores'));
    expect(await say('!lesson')).toMatch(/^\*\*Pods\*\*: paso 2 de 5: \*\*Un pod con tres contenedores\*\*/);
    expect(await say('!lesson prev')).toMatch(/^\*\*Pods\*\*: paso 1 de 5/);
    expect(await say('!lesson 2')).toMatch(/^\*\*Pods\*\*: paso 2 de 5/);
    expect(await say('!lesson 9')).toBe(texts.es.lesson.noSuchStep(9, 5));
    expect(await say('!lesson sideways')).toBe(texts.es.lesson.lessonUsage);
  });

  it('shows progress (es)', async () => {
    const p = await say('!progress');
    expect(p.split('\n')[0]).toBe(texts.es.lesson.progressTitle('ana'));
    expect(p).toContain('• Pods: 1/5 pasos (en curso)');
    expect(p).toContain('• Un paseo por la arquitectura: 0/4 pasos (sin empezar)');
  });

  it('speaks English to a student whose account is in English', async () => {
    expect(await say('!lesson', BEN)).toBe(texts.en.lesson.none);
    expect(await say('!lesson start pods', BEN)).toMatch(/^\*\*Pods\*\*: step 1 of 5: \*\*Your first pod\*\*\n\n/);
    const failed = await say('!check', BEN);
    expect(failed.split('\n').slice(0, 2)).toEqual(['**1. Your first pod**', texts.en.lesson.checkFailed('0%')]);
    expect(failed).toContain('\n❌ expected Pod "nginx", in namespace default to exist, found none\n');
    expect(await say('!hint', BEN)).toContain('Hint 1 of 1: Type `kubectl run nginx --image=nginx`');
    expect(await say('!progress', BEN)).toContain('• Pods: 0/5 steps (in progress)');
  });

  it('answers the slash twins privately, in the account language over the client one', async () => {
    for (const [name, options] of [['lesson', {}], ['check', {}], ['hint', {}], ['progress', {}], ['lesson', { step: 'list' }]] as const) {
      const i = new FakeInteraction(name, options, BEN, 'es-ES');
      await onInteractionCreate(i, b.deps);
      expect(i.calls).toHaveLength(1);
      expect(i.calls[0].kind).toBe('reply');
      const reply = i.calls[0].options as { content: string; flags: number };
      expect(reply.flags).toBe(MessageFlags.Ephemeral);
      expect(reply.content).toBe(await say(name === 'lesson' && 'step' in options ? '!lesson list' : `!${name}`, BEN));
    }
  });

  it("runs the student's commands on a lesson's own cluster once that lesson is shown", async () => {
    expect(await say('!lesson start 1', BEN)).toMatch(/^\*\*A tour of the architecture\*\*: step 1 of 4/);
    const clusters = (await ben.get('/api/v1/clusters').expect(200)).body as { id: string; purpose: string }[];
    const own = clusters.find((c) => c.purpose === 'lesson:architecture')!;
    const rest = await ben.post(`/api/v1/clusters/${own.id}/exec`, { command: 'kubectl get nodes -o name' }).expect(200);
    const nodes = await say('!kubectl get nodes -o name', BEN);
    expect(nodes).toBe('```\n' + rest.body.stdout + '```');
    // the lesson's own cluster is not a classroom of its own
    expect(await say('!classroom', BEN)).toBe('Your classrooms:\n1. Discord class (current)\nChoose one with `!classroom N`.');
    expect(await say('!lesson start 3', BEN)).toMatch(/^\*\*Pods\*\*: step 1 of 5/);
    expect(await say('!classroom', BEN)).toBe('Your classrooms:\n1. Discord class (current)\nChoose one with `!classroom N`.');
  });
});
