// A queued lead is never deleted in silence (issue 13): once the endpoint refuses it for good (or
// it expires), the next page of the site with ANY Hearth widget tells the person it was not sent,
// how to reach the clinic (brand.phone; 988 when the lead was urgent), and offers "Try sending
// again" and "Dismiss". Real Chromium, the real lead receiver on loopback behind a fault proxy,
// and a real next page (an iframe with only an FAQ, loading what the script-tag runtime loads).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../faq/src/define.js';
import { DEFAULT_OUTBOX_NAME, Outbox, openOutboxStore, resumePendingLeads, type LeadInput, type OutboxEntry } from '../src/index.js';
import { resetPendingLeadsCheck } from '../src/pending.js';
import { resetHeldLeadsNotice } from '../src/held-notice.js';
import type { HearthLeadNotice } from '../src/hearth-lead-notice.js';
import { LeadReceiver, type ReceiverRow } from '../../../test/support/sink.js';
import { quietly, testLead } from './support/leads.js';

const PHONE = '(512) 555-0100';
const CONFIG = JSON.stringify({ brand: { name: 'Riverbend Clinic', phone: PHONE } });

const lead = (overrides: Partial<LeadInput> = {}): LeadInput =>
  testLead({ contact: { name: 'Ana Ruiz', email: 'ana.ruiz@example.org', phone: '+15125550142' }, ...overrides });

async function stored(): Promise<OutboxEntry[]> {
  const store = await openOutboxStore({ name: DEFAULT_OUTBOX_NAME });
  try {
    return await store.list();
  } finally {
    store.close();
  }
}

/** A device that never queued a lead, and a page that has not looked yet. */
async function freshDevice(): Promise<void> {
  Outbox.resetShared();
  resetPendingLeadsCheck();
  resetHeldLeadsNotice();
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(DEFAULT_OUTBOX_NAME);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

const flat = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('<hearth-lead-notice>: a lead the endpoint refused after "saved" is shown on the next page', () => {
  let receiver: LeadReceiver;
  const rowsFor = async (key: string): Promise<ReceiverRow[]> => (await receiver.rows()).filter((r) => r.idempotency_key === key);

  before(async () => {
    receiver = await LeadReceiver.start();
    await freshDevice();
  });
  after(() => receiver.stop());
  afterEach(async () => {
    await receiver.clearFaults();
    await freshDevice();
  });

  /**
   * The first page: the person sends, the receiver is down (503), the lead is saved ("queued");
   * on the next attempt the endpoint answers 410 for good. The page then goes away.
   */
  async function queueThenRefuse(l: LeadInput): Promise<CustomEvent> {
    // Backoff far away: only flush() attempts it again, after the 410 is set up.
    const outbox = new Outbox({ baseDelayMs: 60_000, maxDelayMs: 60_000 });
    const source = document.createElement('hearth-test-form');
    await receiver.faults({ status: 503 });
    expect((await outbox.send(l, { endpoint: receiver.endpoint, source })).status).to.equal('queued');
    await receiver.faults({ status: 410 });
    const rejected = new Promise<CustomEvent>((resolve) =>
      document.addEventListener('hearth-lead-rejected', (e) => resolve(e as CustomEvent), { once: true }),
    );
    const { errors } = await quietly(() => outbox.flush());
    expect(errors.join(' ')).to.contain('410');
    outbox.dispose();
    return rejected;
  }

  async function nextPage(query: string): Promise<HTMLIFrameElement> {
    const frame = document.createElement('iframe');
    frame.title = 'The next page of the clinic site';
    frame.style.cssText = 'width: 800px; height: 900px';
    document.body.append(frame);
    frame.src = `/packages/lead/test/support/notice-page.html?${query}`;
    await new Promise((r) => frame.addEventListener('load', r, { once: true }));
    return frame;
  }

  const noticeIn = (frame: HTMLIFrameElement) => frame.contentDocument?.querySelector('hearth-lead-notice') ?? null;

  it('a 410 after "saved": the lead is held and hearth-lead-rejected carries no personal or health data (not even urgent)', async () => {
    const l = lead({ urgent: true });
    const event = await queueThenRefuse(l);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({
      idempotencyKey: l.idempotencyKey,
      widget: 'hearth-test-form',
      reason: 'rejected',
      status: 410,
    });
    expect(JSON.stringify(event.detail)).not.to.match(/Ana|Ruiz|ana\.ruiz|5125550142/);
    expect((await stored()).map((e) => [e.key, e.held?.reason, e.held?.status])).to.deep.equal([[l.idempotencyKey, 'rejected', 410]]);
    expect(await rowsFor(l.idempotencyKey)).to.have.length(0);
  });

  it('the next page, with only an FAQ, says the request was not sent and gives the clinic phone; "Try sending again" once the endpoint is fixed stores it and says so', async () => {
    const l = lead();
    await queueThenRefuse(l);
    const frame = await nextPage(`config=${encodeURIComponent(CONFIG)}`);
    try {
      await waitUntil(() => noticeIn(frame)?.shadowRoot?.querySelector('.notice'), 'the notice appears on the next page', {
        timeout: 10_000,
      });
      const notice = noticeIn(frame)!;
      expect(notice.nextElementSibling?.localName, 'just before the widget that loaded').to.equal('hearth-faq');
      const text = flat(notice.shadowRoot!.textContent);
      expect(text).to.contain('Your request was not sent');
      expect(text).to.contain("The clinic's system did not accept it, so the clinic does not have it.");
      expect(text).to.contain(`To reach Riverbend Clinic, call ${PHONE}.`);
      expect(notice.shadowRoot!.querySelector('a[href="tel:5125550100"]')?.textContent).to.equal(PHONE);
      expect(notice.shadowRoot!.querySelector('a[href="tel:988"]'), 'no crisis line for a lead that was not urgent').to.equal(null);
      expect(frame.contentDocument!.activeElement, 'focus is left alone').to.equal(frame.contentDocument!.body);
      expect(await rowsFor(l.idempotencyKey)).to.have.length(0);

      // The site fixed its endpoint (the proxy forwards again): the person sends it again.
      const retry = [...notice.shadowRoot!.querySelectorAll('button')].find((b) => flat(b.textContent) === 'Try sending again')!;
      retry.click();
      await waitUntil(() => flat(notice.shadowRoot!.querySelector('[role="status"]')?.textContent).startsWith('Sent.'), 'it says sent', {
        timeout: 10_000,
      });
      expect(flat(notice.shadowRoot!.querySelector('[role="status"]')?.textContent)).to.equal(
        'Sent. Riverbend Clinic now has your request.',
      );
      expect(notice.shadowRoot!.activeElement?.getAttribute('role'), 'focus moves to the outcome, not the page top').to.equal('status');
      const rows = await rowsFor(l.idempotencyKey);
      expect(rows).to.have.length(1);
      expect((await receiver.posts(l.idempotencyKey)).map((p) => p.idempotencyKey)).to.deep.equal(Array(3).fill(l.idempotencyKey));
      expect(await stored()).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('es, urgent: the notice is in Spanish, shows 988, and "Descartar" deletes the lead from the device', async () => {
    const l = lead({ urgent: true });
    await queueThenRefuse(l);
    const frame = await nextPage(`lang=es&config=${encodeURIComponent(CONFIG)}`);
    try {
      await waitUntil(() => noticeIn(frame)?.shadowRoot?.querySelector('.notice'), 'the notice appears', { timeout: 10_000 });
      const notice = noticeIn(frame)!;
      await waitUntil(() => flat(notice.shadowRoot!.textContent).includes('Su solicitud no se envió'), 'in Spanish');
      const text = flat(notice.shadowRoot!.textContent);
      expect(text).to.contain(`Para comunicarse con Riverbend Clinic, llame al ${PHONE}.`);
      expect(notice.shadowRoot!.querySelector('a[href="tel:988"]'), 'the crisis line, one tap away').not.to.equal(null);
      expect(text).to.contain('988');
      const dismiss = [...notice.shadowRoot!.querySelectorAll('button')].find((b) => flat(b.textContent) === 'Descartar')!;
      expect(flat(notice.shadowRoot!.getElementById(dismiss.getAttribute('aria-describedby')!)?.textContent)).to.contain(
        'borra la solicitud',
      );
      dismiss.click();
      await waitUntil(async () => (await stored()).length === 0, 'the lead leaves the device');
      await waitUntil(() => flat(notice.shadowRoot!.querySelector('[role="status"]')?.textContent) === 'Se borró de este dispositivo.');
      expect(await rowsFor(l.idempotencyKey)).to.have.length(0, 'dismissed, never sent');
    } finally {
      frame.remove();
    }
  });

  it('a page that places <hearth-lead-notice> itself gets that one, upgraded and filled in, and no second', async () => {
    const l = lead();
    await queueThenRefuse(l);
    const frame = await nextPage(`placed=1&config=${encodeURIComponent(CONFIG)}`);
    try {
      const placed = frame.contentDocument!.querySelector('main > hearth-lead-notice')!;
      await waitUntil(() => placed.shadowRoot?.querySelector('.notice'), 'the placed notice shows the held lead', { timeout: 10_000 });
      expect(flat(placed.shadowRoot!.textContent)).to.contain('Your request was not sent');
      expect(frame.contentDocument!.querySelectorAll('hearth-lead-notice')).to.have.length(1);
    } finally {
      frame.remove();
    }
  });

  it('a site built from the npm packages (it imports only @hearth/faq/hearth-faq.js) tells the person too', async () => {
    await queueThenRefuse(lead());
    const frame = await nextPage(`npm=1&config=${encodeURIComponent(CONFIG)}`);
    try {
      await waitUntil(() => noticeIn(frame)?.shadowRoot?.querySelector('.notice'), 'the notice appears', { timeout: 10_000 });
      expect(flat(noticeIn(frame)!.shadowRoot!.textContent)).to.contain('Your request was not sent');
    } finally {
      frame.remove();
    }
  });

  it('a page whose device holds nothing does not load the notice', async () => {
    const frame = await nextPage(`config=${encodeURIComponent(CONFIG)}`);
    try {
      await waitUntil(() => frame.contentDocument?.querySelector('hearth-faq')?.shadowRoot?.textContent?.trim(), 'the FAQ renders');
      await new Promise((r) => setTimeout(r, 300));
      expect(noticeIn(frame)).to.equal(null);
      const win = frame.contentWindow as Window & typeof globalThis;
      expect(win.customElements.get('hearth-lead-notice')).to.equal(undefined);
      const loaded = win.performance.getEntriesByType('resource').map((r) => r.name);
      // (On sources the page imports @hearth/lead's index, so the pipeline is there; the built
      // bundle leaves it out, which `pnpm size` measures.)
      expect(loaded.filter((n) => /\/lead\/src\/hearth-lead-notice\.ts/.test(n))).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  describe('in this page (a next page simulated by resetting the page state)', () => {
    async function showNoticeBefore(template: ReturnType<typeof html>): Promise<HearthLeadNotice> {
      Outbox.resetShared();
      resetPendingLeadsCheck();
      resetHeldLeadsNotice();
      const host = await fixture(template);
      // What the script-tag runtime does once the page's first widget loads it.
      void resumePendingLeads();
      await waitUntil(() => document.querySelector('hearth-lead-notice')?.shadowRoot?.querySelector('.notice'), 'the notice appears', {
        timeout: 10_000,
      });
      const notice = document.querySelector('hearth-lead-notice')!;
      expect(host.contains(notice) || host.previousElementSibling === notice || host.parentElement?.contains(notice)).to.equal(true);
      return notice;
    }

    it('is accessible (en, urgent), named by its title, announced politely without taking focus', async () => {
      await queueThenRefuse(lead({ urgent: true }));
      const before = document.activeElement;
      const notice = await showNoticeBefore(html`<hearth-faq config=${CONFIG}></hearth-faq>`);
      await expect(notice).to.be.accessible();
      const section = notice.shadowRoot!.querySelector('section')!;
      expect(flat(notice.shadowRoot!.getElementById(section.getAttribute('aria-labelledby')!)?.textContent)).to.equal(
        'Your request was not sent',
      );
      const status = notice.shadowRoot!.querySelector('[role="status"]')!;
      await waitUntil(() => flat(status.textContent) === 'Your request was not sent', 'the live region announces it once');
      expect(document.activeElement).to.equal(before);
      expect(notice.shadowRoot!.querySelector('a[href="tel:988"]')).not.to.equal(null);
      await expect(notice).to.be.accessible();
    });

    it('is accessible in Spanish, and after "Dismiss" (focus on the outcome)', async () => {
      await queueThenRefuse(lead());
      const notice = await showNoticeBefore(html`<div lang="es"><hearth-faq config=${CONFIG}></hearth-faq></div>`);
      await waitUntil(() => flat(notice.shadowRoot!.textContent).includes('Su solicitud no se envió'), 'in Spanish');
      await expect(notice).to.be.accessible();
      [...notice.shadowRoot!.querySelectorAll('button')].find((b) => flat(b.textContent) === 'Descartar')!.click();
      await waitUntil(() => flat(notice.shadowRoot!.querySelector('[role="status"]')?.textContent) === 'Se borró de este dispositivo.');
      expect(notice.shadowRoot!.activeElement?.getAttribute('role')).to.equal('status');
      await expect(notice).to.be.accessible();
      expect(await stored()).to.deep.equal([]);
    });

    it('"Try sending again" while the endpoint still refuses: says so, keeps the lead held, keeps the buttons', async () => {
      const l = lead();
      await queueThenRefuse(l);
      const notice = await showNoticeBefore(html`<hearth-faq config=${CONFIG}></hearth-faq>`);
      await receiver.faults({ status: 410 });
      const retry = [...notice.shadowRoot!.querySelectorAll('button')].find((b) => flat(b.textContent) === 'Try sending again')!;
      await quietly(async () => {
        retry.click();
        await waitUntil(() =>
          flat(notice.shadowRoot!.querySelector('[role="status"]')?.textContent).startsWith('It still could not be sent'),
        );
      });
      expect((await stored()).map((e) => [e.key, e.held?.reason])).to.deep.equal([[l.idempotencyKey, 'rejected']]);
      expect(notice.shadowRoot!.querySelectorAll('button')).to.have.length(2);
      expect(await rowsFor(l.idempotencyKey)).to.have.length(0);
      await expect(notice).to.be.accessible();
    });

    it('an expired lead: says the clinic could not be reached for 7 days; without brand.phone, to contact the clinic directly', async () => {
      const l = lead();
      const store = await openOutboxStore({ name: DEFAULT_OUTBOX_NAME });
      const queuedAt = Date.now() - 8 * 24 * 60 * 60 * 1000;
      await store.put({
        key: l.idempotencyKey,
        endpoint: receiver.endpoint,
        lead: { ...l, urgent: false } as OutboxEntry['lead'],
        widget: 'hearth-test-form',
        answersAllowed: false,
        bytes: 400,
        queuedAt,
        attempts: 3,
        nextAttemptAt: queuedAt,
        notBefore: queuedAt,
      });
      store.close();
      const { result: notice } = await quietly(() => showNoticeBefore(html`<hearth-faq></hearth-faq>`));
      const text = flat(notice.shadowRoot!.textContent);
      expect(text).to.contain("We could not reach the clinic's system for 7 days");
      expect(text).to.contain('Please contact Hearth Health directly.');
      expect(notice.shadowRoot!.querySelector('a[href^="tel:"]')).to.equal(null);
      expect((await stored()).map((e) => e.held?.reason)).to.deep.equal(['expired']);
      expect(await rowsFor(l.idempotencyKey)).to.have.length(0, 'an expired lead is not sent on its own');
    });
  });
});
