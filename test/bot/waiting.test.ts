// A waiting command from Discord, on the wall clock: the bot shows what it printed before the
// REST door's cap ended it, and says that the command was cut there (issue: "Waiting commands
// return what happened within a few seconds and say so").
import { onMessageCreate } from '../../apps/bot/src/events/message-create';
import { texts } from '../../apps/bot/src/i18n';
import { BotHarness, bootBotHarness, FakeMessage, LINKED_USER } from './bot-harness';

describe('a waiting command from Discord', () => {
  let b: BotHarness;
  beforeAll(async () => {
    b = await bootBotHarness({ KUBEAULA_CLOCK: 'wall', REST_WAIT_MS: '400' });
  });
  afterAll(() => b.close());

  it("returns what it printed within the door's cap, and says so", async () => {
    const m = new FakeMessage('!sh echo started; sleep 30; echo done', LINKED_USER);
    const t0 = Date.now();
    await onMessageCreate(m, b.deps);
    expect(Date.now() - t0).toBeLessThan(10_000);
    const reply = m.replies[0].content;
    expect(reply).toContain('started');
    expect(reply).not.toContain('done');
    expect(reply).toContain('kubeaula: stopped after 0.4s: this door cannot stream a command that waits');
    // in the linked student's language (ana's account is in Spanish)
    expect(reply).toContain(texts.es.capped);
  });

  it('also for kubectl get -w', async () => {
    const m = new FakeMessage('!kubectl get pods -w', LINKED_USER);
    await onMessageCreate(m, b.deps);
    expect(m.replies[0].content).toContain(texts.es.capped);
  });
});
