/**
 * The BUILT script-tag bundle: a lead that the endpoint refused for good after the person was
 * told "saved" is held on the device, and the next page of the site with only an FAQ shows
 * `<hearth-lead-notice>` from its lazy chunk (issue 13). Sources cannot show this: a bundler drops
 * a top-level registration from a module the package does not list in `sideEffects`.
 */
import { expect } from '@open-wc/testing';
import { DEFAULT_OUTBOX_NAME, newIdempotencyKey, openOutboxStore } from '../packages/lead/src/index.js';
import { LeadSink } from './support/sink.js';
import { needBuiltDist, normalise, openPage, waitFor } from './support/host-page.js';

const CONFIG = JSON.stringify({ brand: { name: 'Riverbend Clinic', phone: '(512) 555-0100' } });

async function holdLead(endpoint: string, urgent: boolean): Promise<string> {
  const key = newIdempotencyKey();
  const now = Date.now();
  const iso = new Date(now).toISOString();
  const store = await openOutboxStore({ name: DEFAULT_OUTBOX_NAME });
  await store.put({
    key,
    endpoint,
    widget: 'hearth-assessment',
    answersAllowed: false,
    bytes: 400,
    queuedAt: now,
    attempts: 2,
    nextAttemptAt: now,
    notBefore: now,
    held: { reason: 'rejected', at: now, status: 410 },
    lead: {
      schemaVersion: 1,
      idempotencyKey: key,
      createdAt: iso,
      widget: 'hearth-assessment',
      kind: 'waitlist',
      urgent,
      contact: { name: 'Ana Ruiz', email: 'ana.ruiz@example.org' },
      consent: { given: true, text: 'I agree that the clinic may contact me.', version: '2026-11-01', timestamp: iso },
      source: { url: 'https://clinic.example/faq' },
    },
  });
  store.close();
  return key;
}

describe('a held lead on the next page (built dist/)', function () {
  this.timeout(60000);
  let sink: LeadSink;
  before(async () => {
    await needBuiltDist();
    sink = await LeadSink.start();
  });
  after(() => sink.stop());
  afterEach(
    () =>
      new Promise<void>((resolve) => {
        const req = indexedDB.deleteDatabase(DEFAULT_OUTBOX_NAME);
        req.onsuccess = req.onerror = req.onblocked = () => resolve();
      }),
  );

  it('the loader and an FAQ show the notice with the phone and 988; "Try sending again" reaches the endpoint and says sent', async () => {
    const key = await holdLead(sink.endpoint, true);
    const page = await openPage({
      scripts: [{ kind: 'loader' }],
      body: `<main><h1>Questions</h1><hearth-faq config='${CONFIG}'></hearth-faq></main>`,
      title: 'held lead',
    });
    try {
      const notice = await waitFor(() => page.doc.querySelector('hearth-lead-notice'), 'the notice element');
      const root = await waitFor(
        () => notice.shadowRoot?.querySelector('.notice') && notice.shadowRoot,
        'the notice to upgrade and render',
      );
      expect(notice.nextElementSibling?.localName).to.equal('hearth-faq');
      const text = normalise(root.textContent);
      expect(text).to.contain('Your request was not sent');
      expect(text).to.contain('To reach Riverbend Clinic, call (512) 555-0100.');
      expect(root.querySelector('a[href="tel:988"]')).not.to.equal(null);
      [...root.querySelectorAll('button')].find((b) => normalise(b.textContent) === 'Try sending again')!.click();
      const [request] = await sink.waitForRequests(1);
      expect(request!.headers['idempotency-key']).to.equal(key);
      await waitFor(() => normalise(root.querySelector('[role="status"]')?.textContent).startsWith('Sent.'), 'it says sent');
    } finally {
      page.close();
    }
  });
});
