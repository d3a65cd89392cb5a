// The LeadStore contract: the same tests run against SQLite (sqlite-store.node.test.ts) and
// PostgreSQL (postgres.node.test.ts), so both stores keep the same semantics.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { validateLead } from '@hearth/lead/schema';
import type { LeadStore, NewForwardJob, NewLeadRecord } from '../src/index.js';
import { goodLead } from './helpers.js';

export function record(overrides: Partial<NewLeadRecord> = {}, lead: Record<string, unknown> = {}): NewLeadRecord {
  const checked = validateLead(goodLead(lead));
  if (!checked.ok) throw new Error('goodLead() is not valid');
  return {
    id: randomUUID(),
    idempotencyKey: checked.lead.idempotencyKey,
    fingerprint: createHash('sha256').update(JSON.stringify(checked.lead)).digest('hex'),
    receivedAt: new Date().toISOString(),
    lead: checked.lead,
    urgent: false,
    serverScore: null,
    scoreMismatch: false,
    mismatches: [],
    origin: 'https://clinic.example',
    ...overrides,
  };
}

export function job(overrides: Partial<NewForwardJob> = {}): NewForwardJob {
  return {
    id: randomUUID(),
    target: 'http://127.0.0.1:9/hook',
    kind: 'forward',
    urgent: false,
    body: '{"event":"lead.created"}',
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Registers the contract's tests in the current suite; `open` gives a fresh, empty store. */
export function storeContract(open: () => Promise<LeadStore>): void {
  const withStore = (fn: (store: LeadStore) => Promise<void>) => async () => {
    const store = await open();
    try {
      await fn(store);
    } finally {
      await store.close();
    }
  };

  it(
    'inserts, finds by key and reads back the same record',
    withStore(async (store) => {
      const r = record({ urgent: true, scoreMismatch: true, mismatches: ['urgent'] });
      const result = await store.insert(r);
      assert.equal(result.created, true);
      const found = await store.findByKey(r.idempotencyKey);
      assert.deepEqual(found, r);
      assert.equal(await store.findByKey(randomUUID()), undefined);
    }),
  );

  it(
    'deduplicates on the idempotency key, also under concurrent inserts',
    withStore(async (store) => {
      const first = record();
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => store.insert(i === 0 ? first : { ...first, id: randomUUID() }, [job()])),
      );
      assert.equal(results.filter((x) => x.created).length, 1);
      const winner = results.find((x) => x.created)!;
      const winnerId = winner.created ? winner.lead.id : '';
      for (const x of results) if (!x.created) assert.equal(x.existing.id, winnerId);
      assert.equal((await store.list({ limit: 50, offset: 0 })).total, 1);
      // One lead, one set of forward jobs: the losers' jobs were never written.
      assert.equal((await store.countForwardJobs()).pending, 1);
    }),
  );

  it(
    'lists newest first with a total, and pages',
    withStore(async (store) => {
      const base = Date.parse('2026-03-01T00:00:00Z');
      for (let i = 0; i < 5; i++) await store.insert(record({ receivedAt: iso(base + i * 1000) }));
      const { leads, total } = await store.list({ limit: 2, offset: 1 });
      assert.equal(total, 5);
      assert.deepEqual(
        leads.map((l) => l.receivedAt),
        [iso(base + 3000), iso(base + 2000)],
      );
    }),
  );

  it(
    'writes the forward jobs in the lead transaction: a failing job leaves no lead either',
    withStore(async (store) => {
      const clash = job();
      await store.insert(record(), [clash]);
      const r = record();
      // The second job reuses an id: the insert fails as a whole.
      await assert.rejects(() => store.insert(r, [job(), { ...clash }]));
      assert.equal(await store.findByKey(r.idempotencyKey), undefined);
      assert.equal((await store.countForwardJobs()).pending, 1);
    }),
  );

  it(
    'claims due jobs urgent first, leases them, and records delivery, retry and dead letters',
    withStore(async (store) => {
      const now = Date.now();
      const plain = record();
      const urgent = record({ urgent: true });
      await store.insert(plain, [job({ createdAt: iso(now - 2000) })]);
      await store.insert(urgent, [job({ urgent: true, kind: 'urgent', createdAt: iso(now - 1000) })]);
      const later = record();
      await store.insert(later, [job({ createdAt: iso(now + 60_000) })]);
      const claimed = await store.claimForwardJobs(iso(now), iso(now + 30_000), 10);
      assert.deepEqual(
        claimed.map((j) => j.idempotencyKey),
        [urgent.idempotencyKey, plain.idempotencyKey],
        'urgent first; a job not yet due is left',
      );
      assert.equal(claimed[0]!.leadId, urgent.id);
      assert.equal(claimed[0]!.attempts, 0);
      assert.deepEqual(await store.claimForwardJobs(iso(now), iso(now + 30_000), 10), [], 'leased jobs are not claimed twice');
      await store.completeForwardJob(claimed[0]!.id, iso(now));
      await store.failForwardJob(claimed[1]!.id, { attempts: 1, nextAttemptAt: iso(now + 5000), lastError: 'HTTP 503', dead: false });
      assert.deepEqual(await store.claimForwardJobs(iso(now + 1000), iso(now + 30_000), 10), []);
      const again = await store.claimForwardJobs(iso(now + 5000), iso(now + 30_000), 10);
      assert.deepEqual(
        again.map((j) => [j.id, j.attempts, j.lastError]),
        [[claimed[1]!.id, 1, 'HTTP 503']],
      );
      await store.failForwardJob(again[0]!.id, { attempts: 2, nextAttemptAt: iso(now + 6000), lastError: 'HTTP 404', dead: true });
      const dead = await store.listDeadForwardJobs(10);
      assert.deepEqual(
        dead.map((j) => [j.id, j.state, j.attempts]),
        [[claimed[1]!.id, 'dead', 2]],
      );
      assert.deepEqual(await store.countForwardJobs(), { pending: 1, done: 1, dead: 1 });
      assert.equal(await store.retryForwardJob(dead[0]!.id, iso(now + 7000)), true);
      assert.equal(await store.retryForwardJob(dead[0]!.id, iso(now + 7000)), false, 'only a dead job is retried');
      const retried = await store.claimForwardJobs(iso(now + 7000), iso(now + 30_000), 10);
      assert.deepEqual(
        retried.map((j) => [j.id, j.attempts]),
        [[claimed[1]!.id, 0]],
      );
      // A lease that ran out (a receiver killed mid-delivery) is claimed again.
      assert.equal((await store.claimForwardJobs(iso(now + 31_000), iso(now + 60_000), 10)).length, 1);
    }),
  );

  it(
    'deletes by id, erases by email (any case) and sweeps by age, taking forward jobs along',
    withStore(async (store) => {
      const base = Date.parse('2026-01-01T00:00:00Z');
      const a = record({ receivedAt: iso(base) }, { contact: { name: 'A', email: 'Ana@Example.org' } });
      const b = record({ receivedAt: iso(base + 86_400_000) }, { contact: { name: 'A', email: 'ana@example.org' } });
      const c = record({ receivedAt: iso(base + 2 * 86_400_000) }, { contact: { name: 'C', email: 'c@example.org' } });
      const d = record({ receivedAt: iso(base + 3 * 86_400_000) }, { contact: { name: 'D', email: 'd@example.org' } });
      for (const r of [a, b, c, d]) await store.insert(r, [job()]);
      assert.equal(await store.eraseByEmail('ANA@example.org'), 2);
      assert.equal(await store.deleteById(c.id), true);
      assert.equal(await store.deleteById(c.id), false);
      assert.equal(await store.deleteReceivedBefore(iso(base + 3 * 86_400_000)), 0);
      assert.equal(await store.deleteReceivedBefore(iso(base + 4 * 86_400_000)), 1);
      assert.equal((await store.list({ limit: 10, offset: 0 })).total, 0);
      assert.deepEqual(await store.countForwardJobs(), { pending: 0, done: 0, dead: 0 });
    }),
  );

  it(
    'passes the write probe, and fails ping and probe once closed',
    withStore(async (store) => {
      await store.ping();
      await store.probeWrite();
      await store.probeWrite();
      assert.ok(store.schemaVersion >= 1);
      await store.close();
      await assert.rejects(() => store.probeWrite());
      await assert.rejects(() => store.ping());
    }),
  );
}
