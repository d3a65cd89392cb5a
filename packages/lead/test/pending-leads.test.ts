// The check every page with Hearth runs once (started by the script-tag runtime, by the lead
// form's define module and by each <hearth-lead-form> that connects): are leads from an earlier
// visit waiting on this device? It must answer without loading the outbox and without creating
// storage, and, when something waits, resume the page's outbox so that the lead reaches the endpoint.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import {
  DEFAULT_OUTBOX_NAME,
  Outbox,
  hasPendingLeads,
  newIdempotencyKey,
  openOutboxStore,
  resumePendingLeads,
  type OutboxEntry,
} from '../src/index.js';
import { resetPendingLeadsCheck } from '../src/pending.js';
import { LeadSink } from '../../../test/support/sink.js';

let count = 0;
const uniqueName = () => `hearth-pending-test-${Date.now()}-${++count}`;

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((db) => db.name ?? '');
}

function entry(endpoint: string, overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  const now = Date.now();
  const key = newIdempotencyKey();
  const iso = new Date(now).toISOString();
  return {
    key,
    endpoint,
    widget: 'hearth-test-widget',
    answersAllowed: false,
    bytes: 500,
    queuedAt: now,
    attempts: 1,
    nextAttemptAt: now,
    notBefore: now,
    lead: {
      schemaVersion: 1,
      idempotencyKey: key,
      createdAt: iso,
      widget: 'hearth-test-widget',
      kind: 'assessment',
      urgent: false,
      contact: { name: 'Ana Ruiz', email: 'ana.ruiz@example.org' },
      consent: { given: true, text: 'I agree that the clinic may contact me.', version: '2026-11-01', timestamp: iso },
      source: { url: 'https://clinic.example/ptsd' },
    },
    ...overrides,
  };
}

async function deleteDatabase(name: string): Promise<void> {
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

describe('resumePendingLeads / hasPendingLeads', () => {
  let sink: LeadSink;
  /** A device that never queued a lead (other suites in this browser profile may have). */
  async function freshDevice(): Promise<void> {
    Outbox.resetShared();
    resetPendingLeadsCheck();
    await deleteDatabase(DEFAULT_OUTBOX_NAME);
    for (const key of Object.keys(localStorage)) if (key.startsWith(`${DEFAULT_OUTBOX_NAME}:`)) localStorage.removeItem(key);
  }
  before(async () => {
    sink = await LeadSink.start();
    await freshDevice();
  });
  after(() => sink.stop());
  afterEach(freshDevice);

  it('a lead form that connects on a page with nothing waiting is accessible and leaves no storage behind', async () => {
    const el = await fixture(html`<hearth-lead-form></hearth-lead-form>`);
    await expect(el).to.be.accessible();
    expect(await resumePendingLeads()).to.equal(false);
    expect(await databaseNames()).not.to.include(DEFAULT_OUTBOX_NAME);
    expect(Object.keys(localStorage).filter((k) => k.startsWith(`${DEFAULT_OUTBOX_NAME}:`))).to.deep.equal([]);
  });

  it('answers false for an outbox that does not exist, and does not create it', async () => {
    const name = uniqueName();
    expect(await hasPendingLeads({ name })).to.equal(false);
    expect(await databaseNames()).not.to.include(name);
  });

  it('answers false for an outbox database that exists but holds nothing', async () => {
    const name = uniqueName();
    const store = await openOutboxStore({ name });
    store.close();
    expect(await databaseNames()).to.include(name);
    expect(await hasPendingLeads({ name })).to.equal(false);
    await deleteDatabase(name);
  });

  it('answers true when a lead waits in IndexedDB, and false again once it is gone', async () => {
    const name = uniqueName();
    const store = await openOutboxStore({ name });
    const waiting = entry(sink.endpoint);
    await store.put(waiting);
    expect(await hasPendingLeads({ name })).to.equal(true);
    await store.delete(waiting.key);
    expect(await hasPendingLeads({ name })).to.equal(false);
    store.close();
    await deleteDatabase(name);
  });

  it('answers true when a lead waits in localStorage (the fallback store)', async () => {
    const name = uniqueName();
    const store = await openOutboxStore({ name, indexedDB: null });
    expect(store.kind).to.equal('localstorage');
    const waiting = entry(sink.endpoint);
    await store.put(waiting);
    expect(await hasPendingLeads({ name, indexedDB: null })).to.equal(true);
    // Another outbox's keys are not ours.
    expect(await hasPendingLeads({ name: `${name}-other`, indexedDB: null })).to.equal(false);
    await store.delete(waiting.key);
    expect(await hasPendingLeads({ name, indexedDB: null })).to.equal(false);
  });

  it('answers false when the browser allows no storage at all', async () => {
    expect(await hasPendingLeads({ name: uniqueName(), indexedDB: null, localStorage: null })).to.equal(false);
  });

  it('cannot tell without indexedDB.databases(): answers true, so the outbox looks for itself', async () => {
    const name = uniqueName();
    const legacy = { open: indexedDB.open.bind(indexedDB) } as unknown as IDBFactory;
    expect(await hasPendingLeads({ name, indexedDB: legacy })).to.equal(true);
    expect(await databaseNames()).not.to.include(name);
  });

  it('the first lead form of the next page sends a lead an earlier visit left waiting: once, to its stored endpoint', async () => {
    const store = await openOutboxStore({ name: DEFAULT_OUTBOX_NAME });
    const waiting = entry(sink.endpoint);
    await store.put(waiting);
    store.close();

    const submitted = new Promise<CustomEvent>((resolve) =>
      document.addEventListener('hearth-lead-submitted', (e) => resolve(e as CustomEvent), { once: true }),
    );
    await fixture(html`<hearth-lead-form></hearth-lead-form>`);
    expect(await resumePendingLeads()).to.equal(true);
    expect((await submitted).detail).to.include({ idempotencyKey: waiting.key, widget: 'hearth-test-widget' });
    const requests = await sink.waitForRequests(1);
    expect(requests.map((r) => r.headers['idempotency-key'])).to.deep.equal([waiting.key]);
    await waitUntil(async () => (await Outbox.shared().pending()).length === 0, 'the delivered lead leaves the device');
  });

  it('once the page has a shared outbox, each lead form connection resumes it directly', async () => {
    const outbox = Outbox.shared();
    let resumed = 0;
    const original = outbox.resume.bind(outbox);
    outbox.resume = () => {
      resumed++;
      return original();
    };
    expect(await resumePendingLeads()).to.equal(true);
    await fixture(html`<hearth-lead-form></hearth-lead-form>`);
    expect(resumed).to.equal(2);
  });
});
