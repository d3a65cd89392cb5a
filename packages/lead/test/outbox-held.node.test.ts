// A queued lead is never deleted in silence (issue 13). The person was told "saved on this
// device": when the endpoint later refuses it for good (a 4xx other than 408/429) or it expires,
// the outbox keeps it, held (not retried, not counted as queued), emits `hearth-lead-rejected`
// without personal data, and lets the person send it again or dismiss it. The real outbox and the
// real fetchTransport against a real HTTP server on loopback (node:http).
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Outbox, type OutboxOptions } from '../src/outbox.js';
import { MemoryOutboxStore } from '../src/outbox-store.js';
import { fetchTransport } from '../src/transport.js';
import type { LeadInput } from '../src/schema.js';
import { quietly, testLead } from './support/leads.js';

type Answer = (res: ServerResponse) => void;
const status =
  (code: number, headers: Record<string, string> = {}): Answer =>
  (res) => {
    res.writeHead(code, { 'content-type': 'application/json', ...headers });
    res.end(code < 300 ? JSON.stringify({ id: 'row-1' }) : JSON.stringify({ error: 'gone' }));
  };

const PERSONAL = /Rosa|Delgado|rosa@|5125550142|phq9Item9/;

const lead = (overrides: Partial<LeadInput> = {}): LeadInput =>
  testLead({ contact: { name: 'Rosa Delgado', email: 'rosa@example.org', phone: '+15125550142' }, ...overrides });

describe('Outbox: a lead refused for good or expired after "saved" is held, never deleted in silence', () => {
  let server: Server;
  let endpoint: string;
  const posts: { key: string | undefined; body: string }[] = [];
  const answers: Answer[] = [];

  before(async () => {
    server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        posts.push({ key: req.headers['idempotency-key'] as string | undefined, body: Buffer.concat(chunks).toString('utf8') });
        (answers.shift() ?? status(201))(res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/leads`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    posts.length = 0;
    answers.length = 0;
  });

  function setup(options: OutboxOptions = {}) {
    const store = new MemoryOutboxStore();
    const events = new EventTarget();
    const seen: { type: string; detail: Record<string, unknown> }[] = [];
    for (const type of ['hearth-lead-queued', 'hearth-lead-submitted', 'hearth-lead-error', 'hearth-lead-rejected']) {
      events.addEventListener(type, (e) => seen.push({ type, detail: (e as CustomEvent).detail }));
    }
    const make = () =>
      new Outbox({ store, transport: fetchTransport, eventTarget: events, locks: null, baseDelayMs: 1, maxDelayMs: 2, ...options });
    // The widget that sent the lead is gone by the time it is refused: events go to the document.
    const source = Object.assign(new EventTarget(), { localName: 'hearth-test', isConnected: false }) as unknown as HTMLElement;
    return { store, seen, make, source };
  }

  it('a 410 after the lead was queued: held as rejected with its status, one console error, and an event without personal data', async () => {
    const { store, seen, make, source } = setup();
    const outbox = make();
    const l = lead({ urgent: true });
    answers.push(status(503), status(410));
    assert.equal((await outbox.send(l, { endpoint, source })).status, 'queued');
    const { errors } = await quietly(() => outbox.flush());

    const [stored] = await store.list();
    assert.equal(stored?.key, l.idempotencyKey, 'the lead is still on the device');
    assert.deepEqual({ reason: stored?.held?.reason, status: stored?.held?.status }, { reason: 'rejected', status: 410 });
    assert.equal(stored?.lead.contact.email, 'rosa@example.org', 'with every detail, so it can be sent again');
    assert.deepEqual(await outbox.pending(), [], 'not counted as waiting for delivery');
    const held = await outbox.held();
    assert.equal(held.length, 1);
    assert.deepEqual(Object.keys(held[0]!).sort(), ['heldAt', 'idempotencyKey', 'queuedAt', 'reason', 'status', 'urgent', 'widget']);
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /410.*kept on this device/);

    const rejected = seen.filter((s) => s.type === 'hearth-lead-rejected');
    assert.equal(rejected.length, 1);
    // Not even whether the lead was urgent: that comes from the safety answer, and the event
    // bubbles to document, where any script of the page (a tag manager) can read it.
    assert.deepEqual(Object.keys(rejected[0]!.detail).sort(), ['idempotencyKey', 'reason', 'status', 'widget']);
    assert.deepEqual(rejected[0]!.detail, {
      idempotencyKey: l.idempotencyKey,
      widget: 'hearth-test',
      reason: 'rejected',
      status: 410,
    });
    for (const { detail } of seen) assert.doesNotMatch(JSON.stringify(detail), PERSONAL);
    assert.deepEqual(seen.at(-2), {
      type: 'hearth-lead-error',
      detail: { idempotencyKey: l.idempotencyKey, widget: 'hearth-test', code: 'rejected', retrying: false, status: 410 },
    });
    outbox.dispose();
  });

  /** A lead queued on one page (the endpoint answered 503), and the next page once it has expired. */
  async function expiredOnNextPage() {
    let now = 1_000_000;
    const parts = setup({ now: () => now, maxAgeMs: 1000 });
    const first = parts.make();
    answers.push(status(503));
    await first.send(lead(), { endpoint, source: parts.source });
    first.dispose();
    now += 1001;
    return { ...parts, next: parts.make() };
  }

  it('an expired lead found by two reads at once (the next page resumes and looks for held leads together) is reported once', async () => {
    const { seen, next } = await expiredOnNextPage();
    // What Outbox.resume() does on the next page: resume() and showHeldLeads() → held() at once.
    const { errors } = await quietly(() => Promise.all([next.resume(), next.held()]));
    assert.equal(seen.filter((s) => s.type === 'hearth-lead-rejected').length, 1, 'one hearth-lead-rejected');
    assert.equal(errors.length, 1, 'one console error');
    assert.equal((await next.held()).length, 1);
    next.dispose();
  });

  it('an expired lead found by a send and a resume at once is reported once', async () => {
    const { seen, next, source } = await expiredOnNextPage();
    // The next page resumes while the person sends a new lead: both find the expired one.
    const { errors } = await quietly(() => Promise.all([next.resume(), next.send(lead(), { endpoint, source })]));
    assert.equal(seen.filter((s) => s.type === 'hearth-lead-rejected').length, 1, 'one hearth-lead-rejected');
    assert.equal(errors.filter((e) => e.includes('within')).length, 1, 'one console error for the expiry');
    next.dispose();
  });

  it('a held lead is never sent again on its own: not by flush, not by the next page', async () => {
    const { make, source } = setup();
    const outbox = make();
    answers.push(status(503), status(403));
    await outbox.send(lead(), { endpoint, source });
    await quietly(() => outbox.flush());
    assert.equal(posts.length, 2);
    await outbox.flush();
    outbox.dispose();
    // The next page: a new outbox on the same storage resumes, and on `online` flushes again.
    const next = make();
    await next.resume();
    await next.flush();
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(posts.length, 2, 'no request after the refusal');
    assert.equal((await next.held()).length, 1);
    next.dispose();
  });

  it('a lead past the maximum age: held as expired (not sent again), with an "expired" event', async () => {
    let now = 1_000_000;
    const { store, seen, make, source } = setup({ now: () => now, maxAgeMs: 1000 });
    const outbox = make();
    const l = lead();
    answers.push(status(503));
    await outbox.send(l, { endpoint, source });
    now += 1001;
    const { errors } = await quietly(() => outbox.flush());
    assert.equal(posts.length, 1, 'not sent once expired');
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /within 0 days|within \d+ days/);
    const [stored] = await store.list();
    assert.deepEqual(stored?.held, { reason: 'expired', at: now });
    assert.deepEqual(seen.at(-1), {
      type: 'hearth-lead-rejected',
      detail: { idempotencyKey: l.idempotencyKey, widget: 'hearth-test', reason: 'expired' },
    });
    assert.deepEqual(seen.filter((s) => s.type === 'hearth-lead-error').at(-1)?.detail, {
      idempotencyKey: l.idempotencyKey,
      widget: 'hearth-test',
      code: 'expired',
      retrying: false,
    });
    outbox.dispose();
  });

  it('"Try sending again" once the endpoint is fixed: the same key and bytes, "sent", and it leaves the device', async () => {
    const { store, seen, make, source } = setup();
    const outbox = make();
    const l = lead();
    answers.push(status(503), status(410));
    await outbox.send(l, { endpoint, source });
    await quietly(() => outbox.flush());
    // Still refused: it stays held, with the new answer.
    answers.push(status(422));
    const again = await outbox.retryHeld(l.idempotencyKey);
    assert.equal(again.status, 'failed');
    assert.deepEqual(
      (await outbox.held()).map((h) => [h.reason, h.status]),
      [['rejected', 422]],
    );
    // A 503 on a manual retry keeps it held too (it is not put back in the queue).
    answers.push(status(503));
    assert.equal((await outbox.retryHeld(l.idempotencyKey)).status, 'failed');
    assert.equal((await outbox.held()).length, 1);
    assert.deepEqual(await outbox.pending(), []);
    // Fixed.
    const sent = await outbox.retryHeld(l.idempotencyKey);
    assert.equal(sent.status, 'sent');
    assert.equal(posts.length, 5);
    assert.ok(
      posts.every((p) => p.key === l.idempotencyKey && p.body === posts[0]!.body),
      'one key, one body, byte for byte',
    );
    assert.deepEqual(await store.list(), []);
    assert.deepEqual(await outbox.held(), []);
    assert.deepEqual(seen.at(-1), {
      type: 'hearth-lead-submitted',
      detail: { idempotencyKey: l.idempotencyKey, widget: 'hearth-test', leadId: 'row-1' },
    });
    assert.equal((await outbox.retryHeld(l.idempotencyKey)).status, 'sent', 'pressing it twice does not send twice');
    assert.equal(posts.length, 5);
    outbox.dispose();
  });

  it('"Dismiss" deletes a held lead; it never deletes one that is still queued', async () => {
    const { store, make, source } = setup({ baseDelayMs: 60_000, maxDelayMs: 60_000 });
    const outbox = make();
    const refused = lead();
    const waiting = lead();
    answers.push(status(503), status(410), status(503));
    await outbox.send(refused, { endpoint, source });
    await quietly(() => outbox.flush());
    await outbox.send(waiting, { endpoint, source });
    assert.equal(await outbox.dismiss(waiting.idempotencyKey), false);
    assert.equal(await outbox.dismiss(refused.idempotencyKey), true);
    assert.deepEqual(
      (await store.list()).map((e) => e.key),
      [waiting.idempotencyKey],
    );
    assert.deepEqual(await outbox.held(), []);
    outbox.dispose();
  });

  it('held leads take no room in the queue: a new lead is still saved', async () => {
    const { store, make, source } = setup({ maxEntries: 1, baseDelayMs: 60_000, maxDelayMs: 60_000 });
    const outbox = make();
    answers.push(status(503), status(410), status(503));
    await outbox.send(lead(), { endpoint, source });
    await quietly(() => outbox.flush());
    const next = await outbox.send(lead(), { endpoint, source });
    assert.equal(next.status, 'queued');
    assert.equal((await store.list()).length, 2);
    outbox.dispose();
  });

  it('a 4xx on the first attempt, while the person is at the form, is "failed" with the fields: nothing held, no notice', async () => {
    const { store, seen, make, source } = setup();
    const outbox = make();
    answers.push(status(410));
    const delivery = await quietly(() => outbox.send(lead(), { endpoint, source }));
    assert.equal(delivery.result.status, 'failed');
    assert.deepEqual(await store.list(), []);
    assert.equal(seen.filter((s) => s.type === 'hearth-lead-rejected').length, 0);
    outbox.dispose();
  });
});
