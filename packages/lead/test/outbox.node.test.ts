// Deterministic checks of the outbox's rules (order of writes, backoff, Retry-After, expiry,
// answers), with an injected clock, random source, store and transport. The browser suite
// test/lead-delivery.test.ts covers the same outbox against the real receiver under faults.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Outbox, type OutboxOptions } from '../src/outbox.js';
import { MemoryOutboxStore, type OutboxEntry } from '../src/outbox-store.js';
import type { DeliveryResult, LeadTransport } from '../src/transport.js';
import type { Lead } from '../src/schema.js';
import { quietly, testLead } from './support/leads.js';

const lead = testLead;

const ENDPOINT = 'https://receiver.example/leads';

/** A transport that answers from a script and records every call, in order with the store's writes. */
function scripted(answers: DeliveryResult[], log: string[] = []) {
  const calls: { lead: Lead; endpoint: string; keepalive: boolean }[] = [];
  const transport: LeadTransport = {
    async send(l, endpoint, options) {
      calls.push({ lead: structuredClone(l), endpoint, keepalive: options?.keepalive ?? false });
      log.push(`send ${l.idempotencyKey}`);
      return answers.shift() ?? { ok: true, status: 201, leadId: 'row-1' };
    },
  };
  return { transport, calls };
}

class SpyStore extends MemoryOutboxStore {
  constructor(readonly log: string[]) {
    super();
  }
  override async put(entry: OutboxEntry): Promise<void> {
    this.log.push(`put ${entry.key}`);
    return super.put(entry);
  }
  override async delete(key: string): Promise<void> {
    this.log.push(`delete ${key}`);
    return super.delete(key);
  }
}

function setup(options: OutboxOptions & { answers?: DeliveryResult[] } = {}) {
  const log: string[] = [];
  const store = new SpyStore(log);
  const events = new EventTarget();
  const seen: { type: string; detail: Record<string, unknown> }[] = [];
  for (const type of ['hearth-lead-queued', 'hearth-lead-submitted', 'hearth-lead-error']) {
    events.addEventListener(type, (e) => seen.push({ type, detail: (e as CustomEvent).detail }));
  }
  const { transport, calls } = scripted(options.answers ?? [], log);
  const outbox = new Outbox({ store, transport, eventTarget: events, locks: null, ...options });
  // A stand-in for the widget: an event target with a tag name.
  const source = Object.assign(new EventTarget(), { localName: 'hearth-test', isConnected: true }) as unknown as HTMLElement;
  source.addEventListener('hearth-lead-queued', (e) => seen.push({ type: 'hearth-lead-queued', detail: (e as CustomEvent).detail }));
  source.addEventListener('hearth-lead-submitted', (e) => seen.push({ type: 'hearth-lead-submitted', detail: (e as CustomEvent).detail }));
  source.addEventListener('hearth-lead-error', (e) => seen.push({ type: 'hearth-lead-error', detail: (e as CustomEvent).detail }));
  return { outbox, store, calls, log, seen, source };
}

const server503 = (retryAfterMs?: number): DeliveryResult => ({
  ok: false,
  code: 'server',
  retryable: true,
  status: 503,
  ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  message: '503',
});

describe('Outbox', () => {
  it('still sends when Web Locks refuse (opaque-origin frame, blocked site data)', async () => {
    const refusing = {
      request: () => Promise.reject(new DOMException('The request was denied.', 'SecurityError')),
    } as unknown as LockManager;
    const { outbox, calls, source } = setup({ answers: [{ ok: true, status: 201, leadId: '7' }], locks: refusing });
    const delivery = await outbox.send(lead(), { endpoint: ENDPOINT, source });
    assert.equal(delivery.status, 'sent');
    assert.equal(calls.length, 1);
  });

  it('writes the lead to storage before the first attempt, and removes it only after a 2xx', async () => {
    const { outbox, store, log, source } = setup({ answers: [server503()], baseDelayMs: 60_000 });
    const l = lead();
    const first = await outbox.send(l, { endpoint: ENDPOINT, source });
    assert.equal(first.status, 'queued');
    assert.deepEqual(log, [`put ${l.idempotencyKey}`, `send ${l.idempotencyKey}`, `put ${l.idempotencyKey}`]);
    assert.equal((await store.list()).length, 1, 'a 503 leaves it stored');
    await outbox.flush();
    assert.deepEqual(log.slice(3), [`send ${l.idempotencyKey}`, `delete ${l.idempotencyKey}`]);
    assert.deepEqual(await store.list(), []);
    outbox.dispose();
  });

  it('sends the same key and the same body on every attempt', async () => {
    const { outbox, calls, source } = setup({
      answers: [server503(), { ok: false, code: 'network', retryable: true, message: 'x' }, server503()],
    });
    const l = lead();
    await outbox.send(l, { endpoint: ENDPOINT, source });
    for (let i = 0; i < 3; i++) await outbox.flush();
    assert.equal(calls.length, 4);
    for (const call of calls) {
      assert.equal(call.lead.idempotencyKey, l.idempotencyKey);
      assert.deepEqual(call.lead, calls[0]!.lead);
      assert.equal(call.endpoint, ENDPOINT);
    }
    outbox.dispose();
  });

  it('backs off exponentially with full jitter, capped, and never sooner than Retry-After', async () => {
    let now = 1_000_000;
    let random = 0.999;
    const { outbox, source } = setup({
      answers: [server503(), server503(), server503(), server503(), server503(), server503(30_000), server503(10 * 60 * 60_000)],
      now: () => now,
      random: () => random,
      baseDelayMs: 1000,
      maxDelayMs: 8000,
      maxRetryAfterMs: 60 * 60_000,
    });
    await outbox.send(lead(), { endpoint: ENDPOINT, source });
    const delays: number[] = [];
    const read = async () => {
      const [p] = await outbox.pending();
      delays.push(p!.nextAttemptAt - now);
      return p!;
    };
    await read();
    for (let i = 0; i < 4; i++) {
      await outbox.flush();
      await read();
    }
    // Upper bounds 1 s, 2 s, 4 s, 8 s, then the 8 s cap (random 0.999 sits just under each).
    assert.deepEqual(delays, [999, 1998, 3996, 7992, 7992]);
    random = 0;
    await outbox.flush();
    const withRetryAfter = await read();
    assert.equal(withRetryAfter.notBefore - now, 30_000, 'Retry-After sets the earliest time');
    assert.equal(delays.at(-1), 30_000, 'jitter never goes below Retry-After');
    await outbox.flush();
    assert.equal((await read()).attempts, 6, 'flush() does not jump a Retry-After');
    now += 30_000;
    await outbox.flush();
    const capped = await read();
    assert.equal(capped.notBefore - now, 60 * 60_000, 'an absurd Retry-After is capped');
    assert.equal(capped.attempts, 7);
    outbox.dispose();
  });

  it('does not attempt before Retry-After even when asked to flush', async () => {
    let now = 5_000;
    const { outbox, calls, source } = setup({ answers: [server503(2000)], now: () => now });
    await outbox.send(lead(), { endpoint: ENDPOINT, source });
    await outbox.flush();
    assert.equal(calls.length, 1);
    now += 2000;
    await outbox.flush();
    assert.equal(calls.length, 2);
    outbox.dispose();
  });

  it('removes answers unless includeAnswers, and keeps them when the site opted in', async () => {
    const { outbox, calls, store, source } = setup({ answers: [server503()] });
    const withAnswers = lead({ answers: { phq9Item9: 1 } });
    const { errors } = await quietly(() => outbox.send(withAnswers, { endpoint: ENDPOINT, source }));
    assert.equal(errors.length, 1);
    assert.equal('answers' in calls[0]!.lead, false);
    const [stored] = await store.list();
    assert.equal('answers' in stored!.lead, false);
    const opted = lead({ answers: { phq9Item9: 1 } });
    await outbox.send(opted, { endpoint: ENDPOINT, source, includeAnswers: true });
    assert.deepEqual(calls[1]!.lead.answers, { phq9Item9: 1 });
    outbox.dispose();
  });

  it('reads includeAnswers from the widget config when not given', async () => {
    const { outbox, calls } = setup();
    const source = Object.assign(new EventTarget(), {
      localName: 'hearth-test',
      isConnected: true,
      hearthConfig: { privacy: { includeAnswers: true } },
    });
    await outbox.send(lead({ answers: { phq9Item9: 0 } }), { endpoint: ENDPOINT, source: source as unknown as HTMLElement });
    assert.deepEqual(calls[0]!.lead.answers, { phq9Item9: 0 });
    outbox.dispose();
  });

  it('holds a lead after the maximum age (no more attempts) with one console error and an "expired" event', async () => {
    let now = 0;
    const { outbox, calls, store, seen, source } = setup({ answers: [server503()], now: () => now, maxAgeMs: 1000 });
    const l = lead();
    await outbox.send(l, { endpoint: ENDPOINT, source });
    now = 1001;
    const { errors } = await quietly(() => outbox.flush());
    assert.equal(calls.length, 1);
    assert.equal(errors.length, 1);
    assert.deepEqual(
      (await store.list()).map((e) => [e.key, e.held?.reason]),
      [[l.idempotencyKey, 'expired']],
    );
    assert.deepEqual(seen.at(-1), {
      type: 'hearth-lead-error',
      detail: { idempotencyKey: l.idempotencyKey, widget: 'hearth-test', code: 'expired', retrying: false },
    });
    outbox.dispose();
  });

  it('refuses to send to an endpoint that is not https: (or loopback) and stores nothing', async () => {
    const { outbox, calls, store, source } = setup();
    const result = await outbox.send(lead(), { endpoint: 'http://receiver.example/leads', source });
    assert.equal(result.status, 'failed');
    assert.equal(result.errorCode, 'config');
    assert.equal(calls.length, 0);
    assert.deepEqual(await store.list(), []);
    outbox.dispose();
  });

  it('emits queued, then submitted, with the key and the tag only', async () => {
    const { outbox, seen, source } = setup({ answers: [server503()] });
    const l = lead();
    await outbox.send(l, { endpoint: ENDPOINT, source });
    await outbox.flush();
    assert.deepEqual(
      seen.map((s) => s.type),
      ['hearth-lead-queued', 'hearth-lead-error', 'hearth-lead-submitted'],
    );
    for (const { detail } of seen) assert.doesNotMatch(JSON.stringify(detail), /Rosa|rosa@/);
    assert.deepEqual(seen[2]!.detail, { idempotencyKey: l.idempotencyKey, widget: 'hearth-test', leadId: 'row-1' });
    outbox.dispose();
  });

  it('keeps working in memory when no store can be opened', async () => {
    const { transport } = scripted([server503()]);
    const outbox = new Outbox({ store: () => Promise.reject(new Error('no storage')), transport, locks: null, eventTarget: null });
    const source = Object.assign(new EventTarget(), { localName: 'hearth-test', isConnected: true }) as unknown as HTMLElement;
    const { result } = await quietly(() => outbox.send(lead(), { endpoint: ENDPOINT, source }));
    assert.equal(result.status, 'queued');
    assert.equal(result.durable, false);
    await outbox.flush();
    assert.deepEqual(await outbox.pending(), []);
    outbox.dispose();
  });
});
