// The outbox with the real fetchTransport against a real HTTP server on loopback (node:http):
// what reaches the wire (method, headers, body bytes) under a 201, a 503 with Retry-After, a
// redirect and a dropped connection. No injected transport here.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Outbox } from '../src/outbox.js';
import { MemoryOutboxStore } from '../src/outbox-store.js';
import { fetchTransport } from '../src/transport.js';
import type { LeadInput } from '../src/schema.js';
import { testLead } from './support/leads.js';

type Answer = (req: IncomingMessage, res: ServerResponse) => void;
interface Seen {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const created: Answer = (_req, res) => {
  res.writeHead(201, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ id: 'row-1' }));
};

const lead = testLead;

describe('Outbox + fetchTransport on a real loopback server', () => {
  let server: Server;
  let endpoint: string;
  const seen: Seen[] = [];
  const answers: Answer[] = [];

  before(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        (answers.shift() ?? created)(req, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/leads`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const source = () => Object.assign(new EventTarget(), { localName: 'hearth-test', isConnected: true }) as unknown as HTMLElement;
  const outbox = () =>
    new Outbox({
      store: new MemoryOutboxStore(),
      transport: fetchTransport,
      eventTarget: new EventTarget(),
      locks: null,
      baseDelayMs: 10,
      maxDelayMs: 20,
    });

  it('a 201: one POST of the JSON lead with its Idempotency-Key, no cookies, and "sent"', async () => {
    seen.length = 0;
    const box = outbox();
    const l = lead();
    const delivery = await box.send(l, { endpoint, source: source() });
    assert.equal(delivery.status, 'sent');
    assert.equal(seen.length, 1);
    const [post] = seen;
    assert.equal(post!.method, 'POST');
    assert.equal(post!.headers['content-type'], 'application/json');
    assert.equal(post!.headers['idempotency-key'], l.idempotencyKey);
    assert.equal(post!.headers.cookie, undefined);
    assert.equal((JSON.parse(post!.body) as LeadInput).idempotencyKey, l.idempotencyKey);
    box.dispose();
  });

  it('a 503 with Retry-After, then a 201: queued, resent byte for byte, then sent', async () => {
    seen.length = 0;
    answers.push((_req, res) => {
      res.writeHead(503, { 'retry-after': '0' });
      res.end();
    });
    const box = outbox();
    const first = await box.send(lead(), { endpoint, source: source() });
    assert.equal(first.status, 'queued');
    await box.flush();
    assert.deepEqual(await box.pending(), []);
    assert.equal(seen.length, 2);
    assert.equal(seen[1]!.body, seen[0]!.body, 'the same bytes on every attempt');
    box.dispose();
  });

  it('a 302 is never followed: no GET, the lead stays queued, and the next attempt delivers it', async () => {
    seen.length = 0;
    answers.push((_req, res) => {
      res.writeHead(302, { location: '/elsewhere' });
      res.end();
    });
    const box = outbox();
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
    try {
      const first = await box.send(lead(), { endpoint, source: source() });
      assert.equal(first.status, 'queued');
    } finally {
      console.error = original;
    }
    assert.deepEqual(
      seen.map((s) => `${s.method} ${s.path}`),
      ['POST /leads'],
    );
    const said = errors.filter((e) => e.includes('answered with a redirect'));
    assert.equal(said.length, 1);
    // Where the Location header is readable (not in a browser, which hides it), the error names the target.
    const target = new URL('/elsewhere', endpoint).href;
    assert.ok(said[0]!.includes(`answered with a redirect (302) to ${target}.`), said[0]);
    await box.flush();
    assert.deepEqual(
      seen.map((s) => `${s.method} ${s.path}`),
      ['POST /leads', 'POST /leads'],
    );
    assert.deepEqual(await box.pending(), []);
    box.dispose();
  });

  it('a dropped connection: queued as a network error, then delivered', async () => {
    seen.length = 0;
    answers.push((req) => req.socket.destroy());
    const box = outbox();
    const first = await box.send(lead(), { endpoint, source: source() });
    assert.equal(first.status, 'queued');
    assert.equal(first.errorCode, 'network');
    await box.flush();
    assert.deepEqual(await box.pending(), []);
    box.dispose();
  });
});
