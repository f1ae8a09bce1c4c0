import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { requestLevel, requestLogger } from './request-logger';

interface Line {
  level: number;
  msg: string;
  req: { id: string; method: string; url: string };
  res: { statusCode: number };
  responseTime: number;
}

async function withServer(level: pino.Level, handler: (req: http.IncomingMessage, res: http.ServerResponse) => void, run: (url: string, lines: Line[]) => Promise<void>): Promise<void> {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const l of chunk.toString().split('\n')) if (l) lines.push(JSON.parse(l) as Line);
      cb();
    },
  });
  const mw = requestLogger(pino({ level }, sink));
  const server = http.createServer((req, res) => mw(req, res, () => handler(req, res)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, lines);
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}

const answer = (status: number) => (_req: http.IncomingMessage, res: http.ServerResponse) => {
  res.statusCode = status;
  res.end('x');
};

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('request lines', () => {
  it('chooses the level from the answer', () => {
    expect(requestLevel(200, false)).toBe('info');
    expect(requestLevel(302, false)).toBe('info');
    expect(requestLevel(404, false)).toBe('warn');
    expect(requestLevel(503, false)).toBe('error');
    expect(requestLevel(200, true)).toBe('error');
  });

  it('writes one line per request, with the method, the path without its query, the status and the time taken', async () => {
    await withServer('info', answer(200), async (url, lines) => {
      await fetch(`${url}/api/v1/clusters?token=secret`, { headers: { 'x-request-id': 'abc-123' } });
      await settle();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 30, msg: 'request completed', req: { id: 'abc-123', method: 'GET', url: '/api/v1/clusters' }, res: { statusCode: 200 } });
      expect(typeof lines[0].responseTime).toBe('number');
      expect(JSON.stringify(lines[0])).not.toContain('secret');
    });
  });

  it('makes a request id when the caller gives none or a malformed one', async () => {
    await withServer('info', answer(200), async (url, lines) => {
      await fetch(`${url}/a`, { headers: { 'x-request-id': 'no spaces allowed' } });
      await fetch(`${url}/b`);
      await settle();
      expect(lines.map((l) => l.req.id)).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/), expect.stringMatching(/^[0-9a-f-]{36}$/)]);
    });
  });

  it('logs 4xx as warn and 5xx as error; at level warn successful requests write nothing', async () => {
    for (const [status, level] of [[404, 40], [500, 50]] as const) {
      await withServer('warn', answer(status), async (url, lines) => {
        await fetch(`${url}/x`);
        await fetch(`${url}/healthz`);
        await settle();
        expect(lines.map((l) => [l.level, l.res.statusCode])).toEqual([[level, status]]);
      });
    }
    await withServer('warn', answer(200), async (url, lines) => {
      await fetch(`${url}/x`);
      await settle();
      expect(lines).toEqual([]);
    });
  });

  it('leaves health probes out', async () => {
    await withServer('info', answer(200), async (url, lines) => {
      await fetch(`${url}/healthz`);
      await settle();
      expect(lines).toEqual([]);
    });
  });

  it('reports a request the client gave up on as aborted', async () => {
    // the handler never answers; the client goes away
    await withServer('info', () => undefined, async (url, lines) => {
      const ac = new AbortController();
      const pending = fetch(`${url}/slow`, { signal: ac.signal }).catch(() => undefined);
      await settle();
      ac.abort();
      await pending;
      await settle();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 50, msg: 'request aborted', req: { method: 'GET', url: '/slow' } });
    });
  });
});
