// Lead delivery under faults: the durable outbox of @hearth/lead against the REAL lead receiver
// (packages/lead-receiver, SQLite) on loopback, behind a proxy that fails on purpose.
// In every case: exactly one row in SQLite, no lead lost, the right message shown.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { HearthElement, type HearthConfig } from '../packages/core/src/index.js';
import '../packages/assessment/src/schema.js';
import {
  Outbox,
  newIdempotencyKey,
  openOutboxStore,
  sendLead,
  type LeadDelivery,
  type LeadDeliveryStatus,
  type LeadInput,
  type LeadTransport,
  type OutboxEntry,
  type OutboxOptions,
  fetchTransport,
} from '../packages/lead/src/index.js';
import { LeadReceiver, type ReceiverRow } from './support/sink.js';
import { quietly } from '../packages/lead/test/support/leads.js';

/**
 * A minimal widget that sends a lead the way every Hearth widget does and tells the person the
 * truth from `status` (core:lead.sent / queued / failed / invalid). It turns "Saved" into "Sent"
 * when the outbox later dispatches `hearth-lead-submitted` on it.
 */
class HearthDeliveryProbe extends HearthElement {
  static override properties = { ...HearthElement.properties, status: { state: true }, fieldErrors: { state: true } };
  declare status: LeadDeliveryStatus | undefined;
  declare fieldErrors: string[];
  outbox: Outbox | undefined;

  constructor() {
    super();
    this.status = undefined;
    this.fieldErrors = [];
    this.addEventListener('hearth-lead-submitted', () => {
      this.status = 'sent';
    });
  }

  async send(lead: LeadInput, options: { includeAnswers?: boolean } = {}): Promise<LeadDelivery> {
    const delivery = await sendLead(lead, {
      endpoint: this.hearthConfig?.lead.endpoint,
      source: this,
      ...(this.outbox ? { outbox: this.outbox } : {}),
      ...options,
    });
    this.status = delivery.status;
    this.fieldErrors = !delivery.result.ok ? (delivery.result.fieldErrors?.map((e) => e.path) ?? []) : [];
    return delivery;
  }

  protected renderContent(): unknown {
    const key = this.status === 'failed' && this.fieldErrors.length ? 'invalid' : this.status;
    return html`<div class="hearth-root" part="base">
      <p class="message" role="status">${key ? this.localize.t(`core:lead.${key}`) : ''}</p>
      ${
        this.fieldErrors.length
          ? html`<ul class="fields">
              ${this.fieldErrors.map((f) => html`<li>${f}</li>`)}
            </ul>`
          : null
      }
    </div>`;
  }
}
HearthDeliveryProbe.define('hearth-delivery-probe');

declare global {
  interface HTMLElementTagNameMap {
    'hearth-delivery-probe': HearthDeliveryProbe;
  }
}

const SENT = 'Sent. Thank you.';
const QUEUED = 'Saved on this device. We will send it as soon as you are back online.';
const INVALID = 'Some details need a change before we can send them.';
const FAILED = 'We could not send this.';

function goodLead(overrides: Partial<LeadInput> = {}): LeadInput {
  const now = new Date().toISOString();
  return {
    schemaVersion: 1,
    idempotencyKey: newIdempotencyKey(),
    createdAt: now,
    widget: 'hearth-delivery-probe',
    kind: 'assessment',
    urgent: false,
    contact: { name: 'Rosa Delgado', email: 'rosa.delgado@example.org', phone: '+15125550142', state: 'TX' },
    consent: { given: true, text: 'I agree that the clinic may contact me about my request.', version: '2026-11-01', timestamp: now },
    source: { url: 'https://clinic.example/ptsd' },
    summary: {
      type: 'assessment',
      instrument: 'pc-ptsd-5',
      score: 3,
      cutPoint: 3,
      positive: true,
      reviewItemCount: 0,
      candidacy: 'discuss',
    },
    ...overrides,
  };
}

let storeCount = 0;
/** Each test gets its own IndexedDB database, so outboxes of other tests never touch its leads. */
function storeName(): string {
  return `hearth-outbox-test-${Date.now()}-${++storeCount}`;
}

/** Fast retries: the timings are injected, so no test sleeps for seconds on backoff. */
function fastOutbox(options: OutboxOptions = {}): Outbox {
  return new Outbox({ baseDelayMs: 40, maxDelayMs: 150, attemptTimeoutMs: 4000, ...options });
}

async function storedEntries(name: string): Promise<OutboxEntry[]> {
  const store = await openOutboxStore({ name });
  try {
    return await store.list();
  } finally {
    store.close();
  }
}

const text = (el: HTMLElement, selector: string) => el.shadowRoot?.querySelector(selector)?.textContent?.trim() ?? '';

/** Every lead event of the page, to check that none carries personal data. */
const seenEvents: { name: string; detail: unknown }[] = [];
for (const name of ['hearth-lead-queued', 'hearth-lead-submitted', 'hearth-lead-error', 'hearth-lead-submit']) {
  document.addEventListener(name, (event) => seenEvents.push({ name, detail: (event as CustomEvent).detail }));
}

describe('lead delivery to a real receiver under faults', function () {
  this.timeout(20_000);
  let receiver: LeadReceiver;
  const outboxes: Outbox[] = [];
  const track = (o: Outbox) => (outboxes.push(o), o);

  async function probe(outbox: Outbox, endpoint = receiver.endpoint, config: Partial<HearthConfig> | Record<string, unknown> = {}) {
    const el = await fixture<HearthDeliveryProbe>(
      html`<hearth-delivery-probe endpoint=${endpoint} config=${JSON.stringify(config)}></hearth-delivery-probe>`,
    );
    el.outbox = outbox;
    return el;
  }

  const rowsFor = async (key: string): Promise<ReceiverRow[]> => (await receiver.rows()).filter((r) => r.idempotency_key === key);

  before(async () => {
    receiver = await LeadReceiver.start();
  });
  afterEach(async () => {
    for (const o of outboxes.splice(0)) o.dispose();
    await receiver.clearFaults();
    await receiver.up();
  });
  after(() => receiver.stop());

  it('is accessible in every message state', async () => {
    const el = await probe(track(fastOutbox({ storeName: storeName() })));
    await expect(el).to.be.accessible();
    await el.send(goodLead());
    await el.updateComplete;
    expect(text(el, '.message')).to.equal(SENT);
    await expect(el).to.be.accessible();
    await receiver.down();
    await el.send(goodLead());
    await el.updateComplete;
    expect(text(el, '.message')).to.equal(QUEUED);
    await expect(el).to.be.accessible();
  });

  it('says "Sent" only after the receiver stored it: one row, nothing left on the device', async () => {
    const name = storeName();
    const el = await probe(track(fastOutbox({ storeName: name })));
    const lead = goodLead();
    const submitted = oneEvent(el, 'hearth-lead-submitted');
    const delivery = await el.send(lead);
    expect(delivery.status).to.equal('sent');
    const rows = await rowsFor(lead.idempotencyKey);
    expect(rows).to.have.length(1);
    expect((await submitted).detail).to.deep.equal({
      idempotencyKey: lead.idempotencyKey,
      widget: 'hearth-delivery-probe',
      leadId: rows[0]!.id,
    });
    await el.updateComplete;
    expect(text(el, '.message')).to.equal(SENT);
    expect(await storedEntries(name)).to.deep.equal([]);
  });

  it('endpoint down for the first attempts, then up: saved on the device, retried with the same key, one row, then "Sent"', async () => {
    const name = storeName();
    const outbox = track(fastOutbox({ storeName: name }));
    const el = await probe(outbox);
    await receiver.down();
    const lead = goodLead();
    const queuedEvent = oneEvent(el, 'hearth-lead-queued');
    const delivery = await el.send(lead);
    expect(delivery).to.include({ status: 'queued', durable: true, errorCode: 'network' });
    expect((await queuedEvent).detail).to.deep.equal({ idempotencyKey: lead.idempotencyKey, widget: 'hearth-delivery-probe' });
    await el.updateComplete;
    expect(text(el, '.message')).to.equal(QUEUED);
    // Written to IndexedDB before the first attempt, and still there while the endpoint is down.
    const stored = await storedEntries(name);
    expect(stored.map((e) => e.key)).to.deep.equal([lead.idempotencyKey]);
    expect(stored[0]!.endpoint).to.equal(receiver.endpoint);
    await waitUntil(async () => ((await outbox.pending())[0]?.attempts ?? 0) >= 3, 'several failed attempts while down', { timeout: 5000 });

    // A 502 and a dropped connection on the way back up are retried too.
    await receiver.faults({ status: 502 }, { destroy: true });
    const submitted = oneEvent(el, 'hearth-lead-submitted');
    await receiver.up();
    await submitted;
    const rows = await rowsFor(lead.idempotencyKey);
    expect(rows).to.have.length(1);
    const posts = await receiver.posts(lead.idempotencyKey);
    expect(posts.length).to.equal(3);
    expect(new Set(posts.map((p) => p.idempotencyKey))).to.deep.equal(new Set([lead.idempotencyKey]));
    await el.updateComplete;
    expect(text(el, '.message')).to.equal(SENT);
    expect(await storedEntries(name)).to.deep.equal([]);
  });

  it('the page is reloaded while a lead waits: the next outbox on the same storage sends it, once, and tells the document', async () => {
    const name = storeName();
    const first = fastOutbox({ storeName: name, baseDelayMs: 60_000, maxDelayMs: 60_000 });
    const el = await probe(first);
    await receiver.down();
    const lead = goodLead();
    expect((await el.send(lead)).status).to.equal('queued');
    // The page goes away: its outbox stops without having delivered.
    first.dispose();
    el.remove();
    await receiver.up();
    expect(await rowsFor(lead.idempotencyKey)).to.have.length(0);

    const next = track(fastOutbox({ storeName: name }));
    const submitted = oneEvent(document, 'hearth-lead-submitted');
    await next.resume();
    expect((await submitted).detail).to.include({ idempotencyKey: lead.idempotencyKey, widget: 'hearth-delivery-probe' });
    expect(await rowsFor(lead.idempotencyKey)).to.have.length(1);
    expect(await storedEntries(name)).to.deep.equal([]);
    // A third load finds nothing to send.
    const third = track(fastOutbox({ storeName: name }));
    await third.resume();
    expect(await receiver.posts(lead.idempotencyKey)).to.have.length(1);
  });

  it('a real page navigation: a lead queued by one page is sent by the next page that has any Hearth widget', async () => {
    const name = storeName();
    const lead = goodLead();
    const messages: { type: string; name?: string; status?: string; detail?: { idempotencyKey?: string } }[] = [];
    const onMessage = (event: MessageEvent) => {
      if (event.data?.from === 'outbox-page') messages.push(event.data);
    };
    window.addEventListener('message', onMessage);
    const frame = document.createElement('iframe');
    frame.title = 'Clinic page';
    document.body.append(frame);
    try {
      await receiver.down();
      const base = `/test/support/outbox-page.html?store=${encodeURIComponent(name)}&endpoint=${encodeURIComponent(receiver.endpoint)}`;
      frame.src = `${base}&action=send&lead=${encodeURIComponent(JSON.stringify(lead))}`;
      await waitUntil(() => messages.some((m) => m.type === 'delivery'), 'the first page sent the lead', { timeout: 10_000 });
      expect(messages.find((m) => m.type === 'delivery')?.status).to.equal('queued');
      // Navigate away (the page and its outbox are gone), then bring the endpoint back.
      frame.src = 'about:blank';
      await new Promise((r) => frame.addEventListener('load', r, { once: true }));
      await receiver.up();
      expect(await rowsFor(lead.idempotencyKey)).to.have.length(0);
      messages.length = 0;
      frame.src = base;
      await waitUntil(() => messages.some((m) => m.type === 'event' && m.name === 'hearth-lead-submitted'), 'the next page delivered it', {
        timeout: 10_000,
      });
      expect(messages.find((m) => m.name === 'hearth-lead-submitted')?.detail?.idempotencyKey).to.equal(lead.idempotencyKey);
      expect(await rowsFor(lead.idempotencyKey)).to.have.length(1);
      expect(await storedEntries(name)).to.deep.equal([]);
    } finally {
      window.removeEventListener('message', onMessage);
      frame.remove();
    }
  });

  it('503 with Retry-After: waits at least that long, then delivers once', async () => {
    const el = await probe(track(fastOutbox({ storeName: storeName() })));
    await receiver.faults({ status: 503, headers: { 'retry-after': '1' } });
    const lead = goodLead();
    const delivery = await el.send(lead);
    expect(delivery).to.include({ status: 'queued', errorCode: 'server' });
    expect(!delivery.result.ok && delivery.result.retryAfterMs).to.equal(1000);
    await el.updateComplete;
    expect(text(el, '.message')).to.equal(QUEUED);
    await oneEvent(el, 'hearth-lead-submitted');
    const posts = await receiver.posts(lead.idempotencyKey);
    expect(posts).to.have.length(2);
    expect(posts[1]!.at - posts[0]!.at).to.be.at.least(950);
    expect(await rowsFor(lead.idempotencyKey)).to.have.length(1);
    await el.updateComplete;
    expect(text(el, '.message')).to.equal(SENT);
  });

  for (const status of [301, 302, 303, 307, 308]) {
    it(`a ${status} redirect is never a delivery: kept, one console error naming it, retried, then one row`, async () => {
      const name = storeName();
      const outbox = track(fastOutbox({ storeName: name }));
      // An endpoint URL of its own: the console error is logged once per endpoint.
      const endpoint = `${receiver.endpoint}?case=${status}`;
      const el = await probe(outbox, endpoint);
      const lead = goodLead();
      // Where apex→www or a trailing-slash rule would send it: a URL that answers a GET with 2xx.
      await receiver.faults({ status, headers: { location: `${receiver.endpoint}?redirected=1` } });
      const { result: delivery, errors } = await quietly(() => el.send(lead));
      expect(delivery).to.include({ status: 'queued', durable: true });
      expect(errors.filter((e) => e.includes('answered with a redirect'))).to.have.length(1);
      expect(errors.join(' ')).to.contain(endpoint);
      const submitted = oneEvent(el, 'hearth-lead-submitted');
      await submitted;
      expect(await rowsFor(lead.idempotencyKey)).to.have.length(1);
      // Only POSTs reached the endpoint: the lead was never turned into a GET.
      const requests = await receiver.posts(lead.idempotencyKey);
      expect(requests.map((r) => r.fault)).to.deep.equal([String(status), null]);
      expect(await storedEntries(name)).to.deep.equal([]);
    });
  }

  it('429 with Retry-After and 408 are retried as well', async () => {
    const el = await probe(track(fastOutbox({ storeName: storeName() })));
    await receiver.faults({ status: 429, headers: { 'retry-after': '1' } }, { status: 408 });
    const lead = goodLead();
    expect((await el.send(lead)).status).to.equal('queued');
    await oneEvent(el, 'hearth-lead-submitted');
    const posts = await receiver.posts(lead.idempotencyKey);
    expect(posts.map((p) => p.status)).to.deep.equal([429, 408, 201]);
    expect(posts[1]!.at - posts[0]!.at).to.be.at.least(950);
    expect(await rowsFor(lead.idempotencyKey)).to.have.length(1);
  });

  it('a 400 naming an invalid field: "failed" with that field, nothing kept, and the corrected resend (same key) is stored once', async () => {
    const name = storeName();
    const el = await probe(track(fastOutbox({ storeName: name })));
    const lead = goodLead();
    // An endpoint whose rules are stricter than the widget's: the receiver's own 400 body.
    await receiver.faults({
      status: 400,
      body: {
        error: 'invalid-lead',
        message: 'The lead is invalid: contact.phone.',
        errors: [{ path: 'contact.phone', message: 'a mobile number we can text' }],
      },
    });
    const errorEvent = oneEvent(el, 'hearth-lead-error');
    const { result: delivery, errors } = await quietly(() => el.send(lead));
    expect(delivery).to.include({ status: 'failed', errorCode: 'invalid' });
    expect(!delivery.result.ok && delivery.result.fieldErrors).to.deep.equal([
      { path: 'contact.phone', message: 'a mobile number we can text' },
    ]);
    expect((await errorEvent).detail).to.deep.equal({
      idempotencyKey: lead.idempotencyKey,
      widget: 'hearth-delivery-probe',
      code: 'invalid',
      retrying: false,
      status: 400,
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('contact.phone');
    await el.updateComplete;
    expect(text(el, '.message')).to.equal(INVALID);
    expect(text(el, '.fields')).to.equal('contact.phone');
    expect(await storedEntries(name)).to.deep.equal([]);
    expect(await rowsFor(lead.idempotencyKey)).to.have.length(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(await receiver.posts(lead.idempotencyKey)).to.have.length(1, 'a permanent refusal is not retried');

    const corrected = { ...lead, contact: { ...lead.contact, phone: '+15125550199' } };
    expect((await el.send(corrected)).status).to.equal('sent');
    const rows = await rowsFor(lead.idempotencyKey);
    expect(rows).to.have.length(1);
    expect(rows[0]!.lead.contact).to.deep.include({ phone: '+15125550199' });
    await el.updateComplete;
    expect(text(el, '.message')).to.equal(SENT);
  });

  it('an invalid field caught in the page: "failed" with the field, no request, nothing stored', async () => {
    const name = storeName();
    const el = await probe(track(fastOutbox({ storeName: name })));
    const lead = goodLead({ contact: { name: 'Rosa Delgado', email: 'rosa.delgado@' } });
    const delivery = await el.send(lead);
    expect(delivery).to.include({ status: 'failed', errorCode: 'invalid' });
    await el.updateComplete;
    expect(text(el, '.message')).to.equal(INVALID);
    expect(text(el, '.fields')).to.equal('contact.email');
    expect(await receiver.posts(lead.idempotencyKey)).to.have.length(0);
    expect(await storedEntries(name)).to.deep.equal([]);
  });

  it("a site missing from the receiver's allow-list: the browser never sends the lead (CORS), so it stays queued and nothing is stored", async () => {
    const strict = await LeadReceiver.start({ allowOrigins: ['https://another-site.example'] });
    try {
      const name = storeName();
      const el = await probe(track(fastOutbox({ storeName: name, baseDelayMs: 60_000, maxDelayMs: 60_000 })), strict.endpoint);
      const lead = goodLead();
      const delivery = await el.send(lead);
      expect(delivery).to.include({ status: 'queued', errorCode: 'network' });
      const requests = await strict.requests();
      expect(requests.map((r) => [r.method, r.status])).to.deep.equal([['OPTIONS', 403]]);
      expect(await strict.rows()).to.have.length(0);
      expect((await storedEntries(name)).map((e) => e.key)).to.deep.equal([lead.idempotencyKey]);
    } finally {
      await strict.stop();
    }
  });

  it('other 4xx from the real receiver are permanent: a body over 32 KB (413) is "failed", not retried, not kept', async () => {
    const name = storeName();
    const el = await probe(track(fastOutbox({ storeName: name })), receiver.endpoint, { privacy: { includeAnswers: true } });
    const history: Record<string, string> = {};
    for (let i = 0; i < 200; i++) history[`q${i}`] = 'x'.repeat(199);
    const huge = goodLead({ answers: { history } });
    const { result: tooBig } = await quietly(() => el.send(huge));
    expect(tooBig).to.include({ status: 'failed', errorCode: 'rejected' });
    expect(!tooBig.result.ok && tooBig.result.status).to.equal(413);
    await el.updateComplete;
    expect(text(el, '.message')).to.contain(FAILED);
    expect(await rowsFor(huge.idempotencyKey)).to.have.length(0);
    expect(await storedEntries(name)).to.deep.equal([]);
  });

  it('retries at once on the `online` event', async () => {
    const el = await probe(track(fastOutbox({ storeName: storeName(), baseDelayMs: 60_000, maxDelayMs: 60_000 })));
    await receiver.down();
    const lead = goodLead();
    expect((await el.send(lead)).status).to.equal('queued');
    await receiver.up();
    await new Promise((r) => setTimeout(r, 200));
    expect(await rowsFor(lead.idempotencyKey)).to.have.length(0, 'backoff alone would wait a minute');
    const submitted = oneEvent(el, 'hearth-lead-submitted');
    window.dispatchEvent(new Event('online'));
    await submitted;
    expect(await rowsFor(lead.idempotencyKey)).to.have.length(1);
  });

  it('makes a last attempt with fetch keepalive on pagehide', async () => {
    const keepalive: boolean[] = [];
    const spy: LeadTransport = {
      send(lead, endpoint, options) {
        keepalive.push(options?.keepalive ?? false);
        return fetchTransport.send(lead, endpoint, options);
      },
    };
    const el = await probe(track(fastOutbox({ storeName: storeName(), baseDelayMs: 60_000, maxDelayMs: 60_000, transport: spy })));
    await receiver.down();
    const lead = goodLead();
    expect((await el.send(lead)).status).to.equal('queued');
    await receiver.up();
    const submitted = oneEvent(el, 'hearth-lead-submitted');
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    expect(keepalive).to.deep.equal([false, true], 'the pagehide attempt starts synchronously, with keepalive');
    await submitted;
    expect(await rowsFor(lead.idempotencyKey)).to.have.length(1);
  });

  it('two outboxes (two tabs) never send one lead at the same time (Web Locks), and the receiver deduplicates anyway', async () => {
    const name = storeName();
    const a = track(fastOutbox({ storeName: name, baseDelayMs: 60_000, maxDelayMs: 60_000 }));
    const el = await probe(a);
    await receiver.down();
    const lead = goodLead();
    expect((await el.send(lead)).status).to.equal('queued');
    await receiver.up();
    await receiver.faults({ pass: true, delayMs: 500 });
    const b = track(fastOutbox({ storeName: name, baseDelayMs: 60_000, maxDelayMs: 60_000 }));
    await Promise.all([a.flush(), b.flush()]);
    await receiver.waitForRows(1);
    expect(await receiver.posts(lead.idempotencyKey)).to.have.length(1);
    expect(await rowsFor(lead.idempotencyKey)).to.have.length(1);

    // Without locks both may send: the shared idempotency key still makes one row.
    const other = storeName();
    const c = track(fastOutbox({ storeName: other, locks: null, baseDelayMs: 60_000, maxDelayMs: 60_000 }));
    const el2 = await probe(c);
    await receiver.down();
    const lead2 = goodLead();
    expect((await el2.send(lead2)).status).to.equal('queued');
    await receiver.up();
    await receiver.faults({ pass: true, delayMs: 500 });
    const d = track(fastOutbox({ storeName: other, locks: null, baseDelayMs: 60_000, maxDelayMs: 60_000 }));
    await Promise.all([c.flush(), d.flush()]);
    expect(await receiver.posts(lead2.idempotencyKey)).to.have.length(2);
    expect(await rowsFor(lead2.idempotencyKey)).to.have.length(1);
  });

  it('a resumed lead goes only to the endpoint stored with it, and never to one that is not https: or loopback', async () => {
    const name = storeName();
    const first = fastOutbox({ storeName: name, baseDelayMs: 60_000, maxDelayMs: 60_000 });
    const el = await probe(first);
    await receiver.down();
    const lead = goodLead();
    expect((await el.send(lead)).status).to.equal('queued');
    first.dispose();
    await receiver.up();
    // The next page is configured for a different receiver: the lead still goes to the first.
    const other = await LeadReceiver.start();
    try {
      const next = track(fastOutbox({ storeName: name }));
      await probe(next, other.endpoint);
      await next.resume();
      expect(await rowsFor(lead.idempotencyKey)).to.have.length(1);
      expect(await other.posts()).to.have.length(0);
    } finally {
      await other.stop();
    }

    // A stored entry pointing at plain http: elsewhere (tampering) is dropped, never sent.
    const tampered = storeName();
    const store = await openOutboxStore({ name: tampered });
    const bad = goodLead();
    await store.put({
      key: bad.idempotencyKey,
      endpoint: 'http://collector.example/leads',
      lead: bad as OutboxEntry['lead'],
      widget: 'hearth-delivery-probe',
      answersAllowed: false,
      bytes: 1000,
      queuedAt: Date.now(),
      attempts: 1,
      nextAttemptAt: Date.now(),
      notBefore: Date.now(),
    });
    store.close();
    const requests: string[] = [];
    const watcher: LeadTransport = {
      send(l, endpoint, options) {
        requests.push(endpoint);
        return fetchTransport.send(l, endpoint, options);
      },
    };
    const errorEvent = oneEvent(document, 'hearth-lead-error');
    const { errors } = await quietly(() => track(fastOutbox({ storeName: tampered, transport: watcher })).resume());
    expect((await errorEvent).detail).to.deep.equal({
      idempotencyKey: bad.idempotencyKey,
      widget: 'hearth-delivery-probe',
      code: 'config',
      retrying: false,
    });
    expect(requests).to.deep.equal([]);
    expect(errors.join()).to.contain('not allowed');
    expect(await storedEntries(tampered)).to.deep.equal([]);
  });

  it('holds a lead older than 7 days (never sent, kept for the person) with a console error and an "expired" event', async () => {
    const name = storeName();
    let now = Date.now();
    const first = fastOutbox({ storeName: name, now: () => now, baseDelayMs: 60_000, maxDelayMs: 60_000 });
    const el = await probe(first);
    await receiver.down();
    const lead = goodLead();
    expect((await el.send(lead)).status).to.equal('queued');
    first.dispose();
    el.remove();
    await receiver.up();
    now += 7 * 24 * 60 * 60 * 1000 + 1;
    const expired = oneEvent(document, 'hearth-lead-error');
    const { errors } = await quietly(() => track(fastOutbox({ storeName: name, now: () => now })).resume());
    expect((await expired).detail).to.deep.equal({
      idempotencyKey: lead.idempotencyKey,
      widget: 'hearth-delivery-probe',
      code: 'expired',
      retrying: false,
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('7 days').and.contain(lead.idempotencyKey);
    expect((await storedEntries(name)).map((e) => [e.key, e.held?.reason])).to.deep.equal([[lead.idempotencyKey, 'expired']]);
    expect(await receiver.posts(lead.idempotencyKey)).to.have.length(0, 'never sent once expired');
  });

  it('a full queue: the next lead is tried once, never stored, and reported as "queue-full" if it fails; queued leads are kept', async () => {
    const name = storeName();
    const outbox = track(fastOutbox({ storeName: name, maxEntries: 2, baseDelayMs: 60_000, maxDelayMs: 60_000 }));
    const el = await probe(outbox);
    await receiver.down();
    const [l1, l2, l3] = [goodLead(), goodLead(), goodLead()];
    expect((await el.send(l1)).status).to.equal('queued');
    expect((await el.send(l2)).status).to.equal('queued');
    const errorEvent = oneEvent(el, 'hearth-lead-error');
    const { result: third, errors } = await quietly(() => el.send(l3));
    expect(third).to.include({ status: 'failed', errorCode: 'queue-full' });
    expect((await errorEvent).detail).to.deep.equal({
      idempotencyKey: l3.idempotencyKey,
      widget: 'hearth-delivery-probe',
      code: 'queue-full',
      retrying: false,
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('full');
    await el.updateComplete;
    expect(text(el, '.message')).to.contain(FAILED);
    expect((await storedEntries(name)).map((e) => e.key).sort()).to.deep.equal([l1.idempotencyKey, l2.idempotencyKey].sort());
    await receiver.up();
    await outbox.flush();
    expect(await rowsFor(l1.idempotencyKey)).to.have.length(1);
    expect(await rowsFor(l2.idempotencyKey)).to.have.length(1);
    // With room again, the person's retry of the third lead goes through.
    expect((await el.send(l3)).status).to.equal('sent');
    expect(await rowsFor(l3.idempotencyKey)).to.have.length(1);
  });

  it('a full queue by size (bytes) behaves the same way', async () => {
    const name = storeName();
    const first = goodLead();
    const size = new TextEncoder().encode(JSON.stringify(first)).byteLength;
    // Room for one lead and a half.
    const outbox = track(fastOutbox({ storeName: name, maxBytes: Math.floor(size * 1.5), baseDelayMs: 60_000, maxDelayMs: 60_000 }));
    const el = await probe(outbox);
    await receiver.down();
    expect((await el.send(first)).status).to.equal('queued');
    const { result } = await quietly(() => el.send(goodLead()));
    expect(result).to.include({ status: 'failed', errorCode: 'queue-full' });
    expect(await storedEntries(name)).to.have.length(1);
  });

  it('never stores or sends answers unless includeAnswers is on; with it, the receiver re-scores them', async () => {
    const name = storeName();
    const el = await probe(track(fastOutbox({ storeName: name, baseDelayMs: 60_000, maxDelayMs: 60_000 })));
    await receiver.down();
    const lead = goodLead({ answers: { pcPtsd5: { exposure: true, items: [true, true, true, false, false] } } });
    const { result, errors } = await quietly(() => el.send(lead));
    expect(result.status).to.equal('queued');
    expect(errors.join()).to.contain('privacy.includeAnswers is off');
    const [stored] = await storedEntries(name);
    expect(stored!.lead).to.not.have.property('answers');
    expect(JSON.stringify(stored)).to.not.contain('exposure');
    await receiver.up();
    await el.outbox!.flush();
    const [row] = await rowsFor(lead.idempotencyKey);
    expect(row!.lead).to.not.have.property('answers');
    expect(row!.server_score).to.equal(null);

    const optedIn = await probe(track(fastOutbox({ storeName: storeName() })), receiver.endpoint, { privacy: { includeAnswers: true } });
    const withAnswers = goodLead({ answers: { pcPtsd5: { exposure: true, items: [true, true, true, false, false] } } });
    expect((await optedIn.send(withAnswers)).status).to.equal('sent');
    const [scored] = await rowsFor(withAnswers.idempotencyKey);
    expect(JSON.parse(scored!.server_score!)).to.deep.equal({ pcPtsd5: { score: 3, positive: true, cutPoint: 3 } });
    expect(scored!.score_mismatch).to.equal(0);
  });

  it('falls back to localStorage where IndexedDB is unavailable, and resumes from it', async () => {
    const name = storeName();
    const broken = {
      open() {
        throw new DOMException('blocked by the user', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const localOnly = () => openOutboxStore({ name, indexedDB: broken });
    const first = fastOutbox({ store: localOnly, storeName: name, baseDelayMs: 60_000, maxDelayMs: 60_000 });
    const el = await probe(first);
    await receiver.down();
    const lead = goodLead();
    expect(await el.send(lead)).to.include({ status: 'queued', durable: true });
    expect(localStorage.getItem(`${name}:${lead.idempotencyKey}`)).to.be.a('string');
    first.dispose();
    await receiver.up();
    const submitted = oneEvent(document, 'hearth-lead-submitted');
    await track(fastOutbox({ store: () => openOutboxStore({ name, indexedDB: null }), storeName: name })).resume();
    await submitted;
    expect(await rowsFor(lead.idempotencyKey)).to.have.length(1);
    expect(localStorage.getItem(`${name}:${lead.idempotencyKey}`)).to.equal(null);
  });

  it('moves leads left in localStorage into IndexedDB once it is available again', async () => {
    const name = storeName();
    const local = await openOutboxStore({ name, indexedDB: null });
    expect(local.kind).to.equal('localstorage');
    const lead = goodLead();
    await local.put({
      key: lead.idempotencyKey,
      endpoint: receiver.endpoint,
      lead: lead as OutboxEntry['lead'],
      widget: 'hearth-delivery-probe',
      answersAllowed: false,
      bytes: 900,
      queuedAt: Date.now(),
      attempts: 1,
      nextAttemptAt: Date.now(),
      notBefore: Date.now(),
    });
    const idb = await openOutboxStore({ name });
    expect(idb.kind).to.equal('indexeddb');
    expect((await idb.list()).map((e) => e.key)).to.deep.equal([lead.idempotencyKey]);
    idb.close();
    expect(localStorage.getItem(`${name}:${lead.idempotencyKey}`)).to.equal(null);
    await track(fastOutbox({ storeName: name })).resume();
    expect(await rowsFor(lead.idempotencyKey)).to.have.length(1);
  });

  it('with no storage at all, still sends and retries while the page is open, and says it is not durable', async () => {
    const el = await probe(track(fastOutbox({ store: () => openOutboxStore({ indexedDB: null, localStorage: null }) })));
    await receiver.down();
    const lead = goodLead();
    const { result, errors } = await quietly(() => el.send(lead));
    expect(result).to.include({ status: 'queued', durable: false });
    expect(errors.join()).to.contain('only while this page stays open');
    const submitted = oneEvent(el, 'hearth-lead-submitted');
    await receiver.up();
    await submitted;
    expect(await rowsFor(lead.idempotencyKey)).to.have.length(1);
  });

  it('a second press of Send while a lead is queued retries that lead (same key, one row)', async () => {
    const el = await probe(track(fastOutbox({ storeName: storeName(), baseDelayMs: 60_000, maxDelayMs: 60_000 })));
    await receiver.down();
    const lead = goodLead();
    expect((await el.send(lead)).status).to.equal('queued');
    await receiver.up();
    expect((await el.send(lead)).status).to.equal('sent');
    expect(await rowsFor(lead.idempotencyKey)).to.have.length(1);
  });

  it('lets the host veto a submission (hearth-lead-submit is cancelable): nothing stored or sent', async () => {
    const name = storeName();
    const el = await probe(track(fastOutbox({ storeName: name })));
    el.addEventListener('hearth-lead-submit', (e) => e.preventDefault(), { once: true });
    const lead = goodLead();
    expect((await el.send(lead)).status).to.equal('failed');
    expect(await storedEntries(name)).to.deep.equal([]);
    expect(await receiver.posts(lead.idempotencyKey)).to.have.length(0);
  });

  it('events carried idempotency keys and widget tags only, never personal data', () => {
    expect(seenEvents.length).to.be.greaterThan(20);
    const allowed = new Set(['idempotencyKey', 'widget', 'leadId', 'code', 'retrying', 'status']);
    for (const { name, detail } of seenEvents) {
      for (const key of Object.keys(detail as object)) expect(allowed.has(key), `${name}.${key}`).to.be.true;
      expect(JSON.stringify(detail)).to.not.match(/Rosa|Delgado|example\.org|\+1512|exposure/);
    }
  });

  it('the receiver logged no personal data through all of this', async () => {
    const logs = await receiver.logs();
    expect(logs).to.contain('"event":"lead.stored"');
    expect(logs).to.not.match(/Rosa|Delgado|rosa\.delgado|5125550142/);
  });
});
