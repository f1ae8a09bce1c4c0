// A terminal WebSocket client for e2e tests: collects the server's messages, waits for one,
// runs a line and gathers its streamed output and result.
import type WebSocket from 'ws';

export interface Msg {
  event: string;
  data: Record<string, unknown>;
}

export class WsClient {
  readonly messages: Msg[] = [];
  private waiters: (() => void)[] = [];
  closed?: { code: number; reason: string };

  constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => {
      this.messages.push(JSON.parse(d.toString()) as Msg);
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  async waitFor(pred: (m: Msg) => boolean, timeoutMs = 60_000): Promise<Msg> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(pred);
      if (found) return found;
      if (this.closed) throw new Error(`socket closed ${this.closed.code} ${this.closed.reason}`);
      if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(this.messages.map((m) => m.event))}`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 100);
      });
    }
  }

  waitClose(): Promise<{ code: number; reason: string }> {
    return new Promise((resolve) => (this.closed ? resolve(this.closed) : this.ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))));
  }

  send(event: string, data: unknown = {}): void {
    this.ws.send(JSON.stringify({ event, data }));
  }

  /** Runs a line and returns its output and result. */
  async run(line: string): Promise<{ out: string; err: string; result: Msg['data'] }> {
    const from = this.messages.length;
    this.send('exec', { line });
    const result = await this.waitFor((m) => m.event === 'result' && this.messages.indexOf(m) >= from);
    const end = this.messages.indexOf(result);
    const chunks = this.messages.slice(from, end).filter((m) => m.event === 'output');
    return {
      out: chunks.filter((m) => m.data.stream === 'stdout').map((m) => m.data.text).join(''),
      err: chunks.filter((m) => m.data.stream === 'stderr').map((m) => m.data.text).join(''),
      result: result.data,
    };
  }

  close(): void {
    this.ws.close();
  }
}
