// The fault model of lead delivery, with the REAL widgets: <hearth-lead-form> inside
// <hearth-assessment> and inside <hearth-coverage>, filled and sent the way a person does, through
// the fault proxy to the REAL lead receiver (packages/lead-receiver, SQLite) on loopback.
// Each case checks three things: the rows in the receiver's database, what is left on the device
// (the outbox's IndexedDB store), and the exact words the person reads.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../packages/assessment/src/define.js';
import '../packages/coverage/src/define.js';
import { configure, pageSession } from '../packages/core/src/index.js';
import { Outbox, openOutboxStore, type OutboxEntry } from '../packages/lead/src/index.js';
import {
  completeAssessment,
  continueToLead,
  coverageResult,
  leadFormOf,
  leadMessage,
  openCoverageLead,
  pressSend,
  submitLead,
  type LeadMessage,
} from './support/drive.js';
import { waitFor } from './support/host-page.js';
import { quietly } from '../packages/lead/test/support/leads.js';
import { LeadReceiver, goOffline, goOnline, type ProxiedRequest, type ReceiverFault, type ReceiverRow } from './support/sink.js';

/** What the person reads, word for word (en; the brand is the default, Hearth Health). */
const SAY = {
  sent: { shows: 'sent', title: 'Request sent', first: 'Sent. Thank you.' },
  queuedServer: {
    shows: 'queued',
    title: 'Not sent yet: saved on this device',
    first:
      'Hearth Health could not receive your request just now. It is saved on this device and we will keep trying, so you do not need to fill it in again.',
  },
  queuedOffline: {
    shows: 'queued',
    title: 'Not sent yet: saved on this device',
    first: 'You seem to be offline. Your request is saved on this device and will be sent as soon as you are back online.',
  },
  failed: {
    shows: 'failed',
    title: 'Not sent',
    first: 'We could not send this. Your answers are kept: please check your details and try again.',
  },
  invalidEmail: { shows: 'invalid', title: 'There is a problem', first: 'Check your email address: it was not accepted' },
} as const;

function told(message: LeadMessage): { shows: string; title: string; first: string } {
  return { shows: message.shows, title: message.title, first: message.lines[0] ?? '' };
}

let stores = 0;
/** A fresh shared outbox per case (its own IndexedDB database), with retries in milliseconds. */
function freshOutbox(options: { attemptTimeoutMs?: number } = {}): string {
  const storeName = `hearth-outbox-faults-${Date.now()}-${++stores}`;
  Outbox.resetShared();
  Outbox.shared({ storeName, baseDelayMs: 20, maxDelayMs: 60, attemptTimeoutMs: options.attemptTimeoutMs ?? 4000 });
  return storeName;
}

async function onDevice(storeName: string): Promise<OutboxEntry[]> {
  const store = await openOutboxStore({ name: storeName });
  try {
    return await store.list();
  } finally {
    store.close();
  }
}

type Widget = 'assessment' | 'coverage';

/** A widget on the page, taken by tapping to its lead form; resolves with the widget and its form. */
async function widgetAtLeadForm(widget: Widget, endpoint: string): Promise<{ el: HTMLElement; form: Element }> {
  if (widget === 'assessment') {
    const el = await fixture<HTMLElement>(
      html`<hearth-assessment
        endpoint=${endpoint}
        config=${JSON.stringify({ assessment: { steps: ['screen', 'safety', 'state', 'results', 'lead'] } })}
      ></hearth-assessment>`,
    );
    await completeAssessment(el);
    await continueToLead(el);
    return { el, form: await leadFormOf(el) };
  }
  const el = await fixture<HTMLElement>(html`<hearth-coverage state="TX" endpoint=${endpoint}></hearth-coverage>`);
  await coverageResult(el, { payer: 'aetna' });
  return { el, form: await openCoverageLead(el) };
}

describe('the real widgets deliver leads to the real receiver under faults', function () {
  this.timeout(20_000);
  let receiver: LeadReceiver;
  let caseNo = 0;
  /** An endpoint URL of its own per case: console errors are logged once per endpoint. */
  const endpointFor = () => `${receiver.endpoint}?case=${++caseNo}`;
  const rowsFor = async (key: string | null): Promise<ReceiverRow[]> => (await receiver.rows()).filter((r) => r.idempotency_key === key);

  before(async () => {
    receiver = await LeadReceiver.start();
  });
  afterEach(async () => {
    await goOnline();
    await receiver.clearFaults();
    await receiver.up();
    await Outbox.shared().clear();
    Outbox.resetShared();
    fixtureCleanup();
    configure({}, { replace: true });
    pageSession.set('state', undefined);
    sessionStorage.clear();
  });
  after(() => receiver.stop());

  /** The one lead a case sent: its POSTs, in order, all under one idempotency key. */
  async function thePosts(endpoint: string): Promise<ProxiedRequest[]> {
    const path = new URL(endpoint).pathname + new URL(endpoint).search;
    const mine = (await receiver.posts()).filter((p) => p.path === path);
    expect(new Set(mine.map((p) => p.idempotencyKey)).size, 'one idempotency key on every attempt').to.equal(1);
    return mine;
  }

  describe('new proxy faults', () => {
    it('a lost acknowledgement: the receiver stored it, the page never heard; the retry gets the replayed 201, one row, "Sent"', async () => {
      const storeName = freshOutbox();
      const endpoint = endpointFor();
      const { el, form } = await widgetAtLeadForm('coverage', endpoint);
      await receiver.faults({ lostAck: true });
      const first = await submitLead(el);
      // The page saw a dropped connection: saved on the device, although the receiver has it. The
      // browser is online, so the person is not told they are offline.
      expect(told(first)).to.deep.equal(SAY.queuedServer);
      await waitUntil(() => leadMessage(form).shows === 'sent', 'the retry to be acknowledged', { timeout: 5000 });
      expect(told(leadMessage(form))).to.deep.equal(SAY.sent);
      const posts = await thePosts(endpoint);
      expect(posts.map((p) => [p.fault, p.status])).to.deep.equal([
        ['lost-ack', 201],
        [null, 201],
      ]);
      const logs = await receiver.logs();
      expect(logs).to.contain('"event":"lead.replayed"');
      expect(await rowsFor(posts[0]!.idempotencyKey)).to.have.length(1);
      expect(await onDevice(storeName)).to.deep.equal([]);
    });

    it('an attempt that hangs past the attempt timeout is given up, kept on the device, and retried: one row, "Sent"', async () => {
      const storeName = freshOutbox({ attemptTimeoutMs: 400 });
      const endpoint = endpointFor();
      const { el, form } = await widgetAtLeadForm('assessment', endpoint);
      await receiver.faults({ hang: true });
      const t0 = performance.now();
      const first = await submitLead(el);
      expect(performance.now() - t0, 'the person waited for the timeout, not for ever').to.be.within(350, 3000);
      expect(told(first), 'a hang is not being offline').to.deep.equal(SAY.queuedServer);
      const [stored] = await onDevice(storeName);
      expect(stored?.lastError).to.deep.equal({ code: 'network' });
      await waitUntil(() => leadMessage(form).shows === 'sent', 'the retry to be acknowledged', { timeout: 5000 });
      expect(told(leadMessage(form))).to.deep.equal(SAY.sent);
      const posts = await thePosts(endpoint);
      expect(posts.map((p) => p.fault)).to.deep.equal(['hang', null]);
      expect(await rowsFor(posts[0]!.idempotencyKey)).to.have.length(1);
      expect(await onDevice(storeName)).to.deep.equal([]);
    });

    it('a receiver slower than the attempt timeout stores the first copy late; the retry is a replay: one row, "Sent"', async () => {
      const storeName = freshOutbox({ attemptTimeoutMs: 300 });
      const endpoint = endpointFor();
      const { el, form } = await widgetAtLeadForm('coverage', endpoint);
      await receiver.faults({ pass: true, delayMs: 700 });
      expect(told(await submitLead(el))).to.deep.equal(SAY.queuedServer);
      await waitUntil(() => leadMessage(form).shows === 'sent', 'the retry to be acknowledged', { timeout: 5000 });
      const posts = await thePosts(endpoint);
      const key = posts[0]!.idempotencyKey;
      // Both copies reach the receiver (the slow one after the page gave up on it): one row.
      await waitUntil(async () => (await receiver.logs()).includes('"event":"lead.replayed"'), 'the replay', { timeout: 5000 });
      expect(await rowsFor(key)).to.have.length(1);
      expect(told(leadMessage(form))).to.deep.equal(SAY.sent);
      expect(await onDevice(storeName)).to.deep.equal([]);
    });

    it('offline at submit (navigator.onLine false): nothing is attempted, the person is told it is saved, and it goes once back online', async () => {
      const storeName = freshOutbox();
      const endpoint = endpointFor();
      const { el, form } = await widgetAtLeadForm('assessment', endpoint);
      let onlineAt = 0;
      const online = new Promise<void>((resolve) =>
        window.addEventListener(
          'online',
          () => {
            onlineAt = Date.now();
            resolve();
          },
          { once: true },
        ),
      );
      // Offline for 2.5 s, then back by itself: the test runner's channel is offline meanwhile,
      // so the command's own answer may come late (not awaited) and no server command is made.
      void goOffline(2500).catch(() => {});
      await waitUntil(() => navigator.onLine === false, 'the browser to be offline', { timeout: 2000 });
      const first = await submitLead(el);
      expect(told(first)).to.deep.equal(SAY.queuedOffline);
      const stored = await onDevice(storeName);
      expect(stored.map((e) => [e.endpoint, e.attempts, e.lastError])).to.deep.equal([[endpoint, 1, { code: 'network' }]]);
      expect(navigator.onLine, 'still offline when the person read it').to.equal(false);

      await online;
      await waitUntil(() => leadMessage(form).shows === 'sent', 'delivery once online', { timeout: 5000 });
      expect(told(leadMessage(form))).to.deep.equal(SAY.sent);
      const posts = await thePosts(endpoint);
      expect(posts, 'one POST, none while offline').to.have.length(1);
      expect(posts[0]!.at).to.be.at.least(onlineAt - 20);
      expect(await rowsFor(posts[0]!.idempotencyKey)).to.have.length(1);
      expect(await onDevice(storeName)).to.deep.equal([]);
    });
  });

  /**
   * "The clinic's site" in an iframe (test/support/outbox-page.html with a real <hearth-coverage>),
   * with an outbox store of its own: loading another URL unloads the page for real, and loading it
   * again is the person's next visit.
   */
  function clinicSite(store: string, endpoint: string) {
    const messages: { type: string; name?: string; detail?: { idempotencyKey?: string } }[] = [];
    const onMessage = (event: MessageEvent) => {
      if (event.data?.from === 'outbox-page') messages.push(event.data);
    };
    window.addEventListener('message', onMessage);
    const frame = document.createElement('iframe');
    frame.title = 'Clinic page';
    frame.style.cssText = 'width: 800px; height: 900px';
    document.body.append(frame);
    const page = `/test/support/outbox-page.html?store=${encodeURIComponent(store)}&endpoint=${encodeURIComponent(endpoint)}&widget=coverage`;
    const load = async (src: string) => {
      messages.length = 0;
      const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
      frame.src = src;
      await loaded;
    };
    return {
      frame,
      messages,
      /** Leaves for another page: a real unload. */
      leave: () => load('about:blank'),
      /** Opens (again) the clinic's page; resolves with its coverage widget once the page is ready. */
      async visit(): Promise<HTMLElement> {
        await load(page);
        await waitFor(() => messages.some((m) => m.type === 'ready'), 'the clinic page');
        return frame.contentDocument!.querySelector<HTMLElement>('hearth-coverage')!;
      },
      close() {
        window.removeEventListener('message', onMessage);
        frame.remove();
      },
    };
  }

  describe('a real unload', () => {
    it('the page is navigated away with the lead in flight, then the person comes back: it arrives exactly once', async () => {
      freshOutbox();
      // The clinic page's own outbox (a store of its own; this page's outbox never sees the lead).
      const store = `hearth-outbox-unload-${Date.now()}`;
      const endpoint = endpointFor();
      const site = clinicSite(store, endpoint);
      const { messages } = site;
      try {
        const coverage = await site.visit();
        await coverageResult(coverage, { payer: 'aetna' });
        await openCoverageLead(coverage);
        // The first POST reaches the network and waits there: the lead is in flight.
        await receiver.faults({ hold: true });
        await pressSend(coverage);
        await receiver.waitForHeld(1);
        const [stored, ...others] = await onDevice(store);
        expect(others, 'one lead on the device').to.deep.equal([]);
        const key = stored!.key;

        // The person follows a link: the page unloads for real (pagehide, its requests cancelled).
        await site.leave();
        await waitUntil(async () => (await receiver.posts(key))[0]?.clientGone === true, 'the browser to cancel the request in flight', {
          timeout: 5000,
        });
        // The held request reaches the receiver after all (it had left the device): stored once.
        await receiver.release({ pass: true });
        // Not waitForRows: the receiver holds the other cases' rows too.
        await waitUntil(async () => (await rowsFor(key)).length > 0, 'the late copy to be stored', { timeout: 5000 });
        const beforeReturn = await receiver.posts(key);
        expect(beforeReturn[0]!.fault).to.equal('hold+pass');
        // Any copy sent while the page went away (keepalive) carries the same key: still one row.
        expect(await rowsFor(key)).to.have.length(1);
        // The page never heard the answer: the lead is still on the device.
        expect((await onDevice(store)).map((e) => e.key)).to.deep.equal([key]);

        // The person comes back to the clinic's site: the next page sends what waits, once more, as a replay.
        await site.visit();
        await waitFor(
          () => messages.some((m) => m.type === 'event' && m.name === 'hearth-lead-submitted' && m.detail?.idempotencyKey === key),
          'the next page to deliver the lead',
        );
        expect(await rowsFor(key)).to.have.length(1);
        expect(await onDevice(store)).to.deep.equal([]);
        // The held copy (cancelled by the unload, stored late as a replay), the keepalive copy the
        // outbox sent on pagehide (stored first), and the next page's copy (a replay).
        const posts = await receiver.posts(key);
        expect(posts.map((p) => [p.fault, p.status])).to.deep.equal([
          ['hold+pass', 201],
          [null, 201],
          [null, 201],
        ]);
      } finally {
        site.close();
      }
    });

    it('a lead refused after it was queued: the next page tells the person, and "Try sending again" sends it once', async () => {
      freshOutbox();
      const store = `hearth-outbox-held-${Date.now()}`;
      const endpoint = endpointFor();
      const site = clinicSite(store, endpoint);
      try {
        const coverage = await site.visit();
        await coverageResult(coverage, { payer: 'aetna' });
        const form = await openCoverageLead(coverage);
        // Saved on the device after a 503; its retry is refused for good (the site's endpoint is gone).
        await receiver.faults({ status: 503 }, { status: 410, body: { error: 'gone' } });
        expect(told(await submitLead(coverage))).to.deep.equal(SAY.queuedServer);
        await waitUntil(() => leadMessage(form).shows === 'failed', 'the refusal', { timeout: 5000 });
        const [held] = await onDevice(store);
        expect(held?.held).to.include({ reason: 'rejected', status: 410 });

        // The person's next visit: a notice before the page's first widget, in plain words.
        await site.leave();
        await site.visit();
        const notice = await waitFor(() => site.frame.contentDocument!.querySelector('hearth-lead-notice'), 'the notice of the held lead');
        const root = await waitFor(() => notice.shadowRoot?.querySelector('#notice-title') && notice.shadowRoot, 'the notice to render');
        const lines = [...root.querySelectorAll('p')].map((p) => p.textContent!.replace(/\s+/g, ' ').trim());
        expect(lines.slice(0, 3)).to.deep.equal([
          'Your request was not sent',
          "You asked Hearth Health to contact you, and your request was saved on this device to be sent. The clinic's system did not accept it, so the clinic does not have it.",
          'Please contact Hearth Health directly.',
        ]);
        expect(await rowsFor(held!.key)).to.deep.equal([]);

        // The site fixed its endpoint: "Try sending again" delivers it, once, and clears the device.
        const retry = [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Try sending again')!;
        retry.click();
        await waitFor(() => root.textContent!.includes('Sent. Hearth Health now has your request.'), 'the notice to say it was sent');
        expect(await rowsFor(held!.key)).to.have.length(1);
        expect(await onDevice(store)).to.deep.equal([]);
        expect((await thePosts(endpoint)).map((p) => p.fault)).to.deep.equal(['503', '410', null]);
      } finally {
        site.close();
      }
    });
  });

  describe('the fault matrix: each status on the first attempt, and after the lead was queued', () => {
    const STATUSES = [301, 302, 303, 307, 308, 401, 403, 404, 409, 410, 422] as const;
    /** What the endpoint answers: a redirect to a URL that would take a GET; a 422 that names the email field. */
    const answer = (status: number): ReceiverFault =>
      status < 400
        ? { status, headers: { location: `${location.origin}/leads-moved` } }
        : status === 422
          ? { status, body: { error: 'invalid-lead', errors: [{ path: 'contact.email', message: 'This address cannot receive mail.' }] } }
          : { status, body: { error: 'refused' } };

    const cases = STATUSES.flatMap((status, i) =>
      (['first', 'queued'] as const).map((when, j) => ({
        status,
        when,
        // Both widgets meet every kind of status, in both positions.
        widget: ((i + j) % 2 ? 'coverage' : 'assessment') as Widget,
        // After queued: the first attempt met a 503 or a dropped connection.
        before: (i % 2 ? { destroy: true } : { status: 503 }) as ReceiverFault,
      })),
    );

    for (const { status, when, widget, before } of cases) {
      const redirect = status < 400;
      const title =
        when === 'first'
          ? `${status} on the first attempt (${widget}): ${redirect ? 'kept, retried, one row, "Sent"' : 'nothing stored anywhere, told "Not sent"'}`
          : `${status} after it was queued (${widget}): ${redirect ? 'kept, retried, one row, "Sent"' : 'held on the device, never retried, told "Not sent"'}`;
      it(title, async () => {
        const storeName = freshOutbox();
        const endpoint = endpointFor();
        const { el, form } = await widgetAtLeadForm(widget, endpoint);
        const faults = when === 'first' ? [answer(status)] : [before, answer(status)];
        await receiver.faults(...faults);
        const rejected: unknown[] = [];
        const onRejected = (event: Event) => rejected.push((event as CustomEvent).detail);
        document.addEventListener('hearth-lead-rejected', onRejected);
        const { result: first, errors } = await quietly(async () => {
          const said = await submitLead(el);
          if (!redirect && when === 'queued')
            await waitUntil(() => leadMessage(form).shows !== 'queued', 'the refusal of the queued lead', { timeout: 5000 });
          if (redirect) await waitUntil(() => leadMessage(form).shows === 'sent', 'the retry after the redirect', { timeout: 5000 });
          return said;
        }).finally(() => document.removeEventListener('hearth-lead-rejected', onRejected));
        const posts = await thePosts(endpoint);
        const key = posts[0]!.idempotencyKey;
        const injected = faults.map((f) => (f.destroy ? 'destroy' : String(f.status)));
        const ours = errors.filter((e) => e.includes(endpoint));

        // First, what the person was told when they pressed the button.
        if (when === 'queued')
          expect(told(first), 'a dropped connection while online is not being offline').to.deep.equal(SAY.queuedServer);
        else if (redirect) expect(told(first)).to.deep.equal(SAY.queuedServer);
        else expect(told(first)).to.deep.equal(status === 422 ? SAY.invalidEmail : SAY.failed);

        if (redirect) {
          // Never a delivery, never followed: retried with the same key until the endpoint takes it.
          expect(posts.map((p) => p.fault)).to.deep.equal([...injected, null]);
          expect(told(leadMessage(form))).to.deep.equal(SAY.sent);
          expect(await rowsFor(key)).to.have.length(1);
          expect(await onDevice(storeName)).to.deep.equal([]);
          expect(ours.filter((e) => e.includes('answered with a redirect'))).to.have.length(1);
          return;
        }
        // A refusal is final: no further attempt, no row.
        await new Promise((r) => setTimeout(r, 150));
        expect((await thePosts(endpoint)).map((p) => p.fault)).to.deep.equal(injected);
        expect(await rowsFor(key)).to.deep.equal([]);
        if (when === 'first') {
          // Nothing was promised: the lead leaves the device and the form keeps every field.
          expect(await onDevice(storeName)).to.deep.equal([]);
          expect(ours).to.have.length(1);
          expect(ours[0]).to.contain(status === 422 ? `refused a lead as invalid (422): contact.email` : `refused a lead (${status})`);
          const email = form.shadowRoot!.querySelector<HTMLInputElement>('#email')!;
          expect(email.value).to.equal('ana@example.org');
          expect(email.getAttribute('aria-invalid')).to.equal(status === 422 ? 'true' : 'false');
          return;
        }
        // The person had been told "saved on this device"; the form, still on screen, now says "Not sent".
        expect(told(leadMessage(form))).to.deep.equal(SAY.failed);
        // The lead is never deleted in silence: it stays on the device, held (not retried), and
        // the page hears of it (hearth-lead-rejected) to tell the person how to reach the clinic.
        const held = await onDevice(storeName);
        expect(held.map((e) => [e.key, e.held?.reason, e.held?.status])).to.deep.equal([[key, 'rejected', status]]);
        expect(rejected).to.deep.equal([{ idempotencyKey: key, widget: `hearth-${widget}`, reason: 'rejected', status }]);
        expect(
          ours.filter((e) => e.includes(`Queued lead ${key} was refused by the lead endpoint ${endpoint} (${status})`)),
        ).to.have.length(1);
        expect(await Outbox.shared().pending(), 'held, so not retried on its own').to.deep.equal([]);
      });
    }
  });
});
