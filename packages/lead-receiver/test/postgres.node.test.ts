// PostgreSQL: the store contract, the receiver over HTTP, and faults with real receiver processes.
// Needs HEARTH_PG_URL (.ci/run sets it); outside CI the suite skips with one line without it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { PgLeadStore, startReceiver, verifySignature, type RunningReceiver } from '../src/index.js';
import { RECEIVER_VERSION } from '../src/version.js';
import { goodLead, postLead, spawnReceiver, startConsumer, TOKEN, until, type ChildReceiver, type Consumer } from './helpers.js';
import { freshPgUrl, PG_SKIP_REASON, pgMode, pgQuery } from './pg-helpers.js';
import { storeContract } from './store-contract.js';

const SECRET = 'forward-secret-0123456789abcdef';

if (pgMode === 'fail') {
  describe('PostgreSQL', () => {
    it('runs in CI', () => assert.fail('CI=true but HEARTH_PG_URL is unset: .ci/run must start PostgreSQL and export it.'));
  });
} else {
  describe('PostgreSQL', { skip: pgMode === 'skip' ? PG_SKIP_REASON : false }, () => {
    const drops: (() => Promise<void>)[] = [];
    after(async () => {
      for (const drop of drops) await drop();
    });
    const fresh = async () => {
      const db = await freshPgUrl();
      drops.push(db.drop);
      return db.url;
    };

    describe('LeadStore contract: PostgreSQL', () => {
      storeContract(async () => PgLeadStore.open(await fresh()));
    });

    describe('migrations', () => {
      it('run on start, once, also when two stores start together', async () => {
        const url = await fresh();
        const [a, b] = await Promise.all([PgLeadStore.open(url), PgLeadStore.open(url)]);
        await Promise.all([a.close(), b.close()]);
        const versions = await pgQuery<{ version: number }>(url, 'SELECT version FROM hearth_migrations ORDER BY version');
        assert.deepEqual(
          versions.map((v) => v.version),
          [1],
        );
      });

      it('refuse a database from a newer receiver', async () => {
        const url = await fresh();
        await (await PgLeadStore.open(url)).close();
        await pgQuery(url, 'INSERT INTO hearth_migrations (version) VALUES (99)');
        await assert.rejects(() => PgLeadStore.open(url), /newer than this receiver/);
      });
    });

    describe('the receiver on PostgreSQL (--db postgres://…)', () => {
      let r: RunningReceiver;
      let url: string;
      before(async () => {
        url = await fresh();
        r = await startReceiver({
          port: 0,
          dbPath: url,
          adminToken: TOKEN,
          rateLimit: false,
          logger: { info() {}, warn() {}, error() {} },
        });
      });
      after(() => r.close());

      it('stores, deduplicates, lists, reports health and erases', async () => {
        assert.equal(r.store.kind, 'postgres');
        const lead = goodLead();
        const first = await postLead(r.url, lead);
        assert.equal(first.status, 201);
        const again = await postLead(r.url, lead);
        assert.equal(again.headers.get('idempotent-replayed'), 'true');
        assert.deepEqual(await again.json(), await first.json());
        const reused = await postLead(r.url, { ...lead, contact: { name: 'Other', email: 'other@example.org' } });
        assert.equal(reused.status, 422);
        const health = (await (await fetch(`${r.url}/healthz`)).json()) as Record<string, unknown>;
        assert.deepEqual(health, { ok: true, version: RECEIVER_VERSION, store: 'postgres', schemaVersion: 1 });
        const rows = await pgQuery<{ email: string }>(url, 'SELECT email FROM leads WHERE idempotency_key = $1', [lead.idempotencyKey]);
        assert.deepEqual(rows, [{ email: 'ana.quintero@example.org' }]);
        const erase = await fetch(`${r.url}/erase`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
          body: JSON.stringify({ email: 'ANA.quintero@example.org' }),
        });
        assert.deepEqual(await erase.json(), { deleted: 1 });
      });

      it('answers /healthz 503 once the store cannot serve', async () => {
        const gone = await startReceiver({
          port: 0,
          dbPath: await fresh(),
          rateLimit: false,
          logger: { info() {}, warn() {}, error() {} },
        });
        await gone.store.close();
        const health = await fetch(`${gone.url}/healthz`);
        assert.equal(health.status, 503);
        await gone.close();
      });
    });

    describe('faults with receiver processes on one database', () => {
      let consumer: Consumer;
      const children: ChildReceiver[] = [];
      before(async () => {
        consumer = await startConsumer();
      });
      after(async () => {
        for (const c of children) await c.stop('SIGKILL');
        await consumer.close();
      });

      it('two receivers, 50 keys each posted to both at once: exactly one row per key', async () => {
        const url = await fresh();
        const env = { HEARTH_DB: url };
        const [a, b] = await Promise.all([spawnReceiver([], env), spawnReceiver([], env)]);
        children.push(a, b);
        const leads = Array.from({ length: 50 }, () => goodLead());
        const answers = await Promise.all(leads.flatMap((lead) => [postLead(a.url, lead), postLead(b.url, lead)]));
        const bodies = (await Promise.all(answers.map((res) => res.json()))) as { id: string }[];
        assert.deepEqual(
          answers.map((res) => res.status),
          Array(100).fill(201),
        );
        for (let i = 0; i < 50; i++) assert.equal(bodies[2 * i]!.id, bodies[2 * i + 1]!.id, 'both receivers acknowledge the same id');
        const replayed = answers.filter((res) => res.headers.get('idempotent-replayed') === 'true').length;
        assert.equal(replayed, 50, 'one of each pair was a replay');
        const rows = await pgQuery<{ idempotency_key: string; n: string }>(
          url,
          'SELECT idempotency_key, count(*) AS n FROM leads GROUP BY idempotency_key',
        );
        assert.equal(rows.length, 50);
        assert.ok(rows.every((row) => row.n === '1'));
        assert.deepEqual(new Set(rows.map((row) => row.idempotency_key)), new Set(leads.map((l) => l.idempotencyKey)));
        console.log(`# fault two-receivers: sent=100 (50 keys x 2) acknowledged=100 replayed=${replayed} stored=${rows.length} lost=0`);
        await Promise.all([a.stop(), b.stop()]);
      });

      it('SIGKILL of one receiver during a burst: every acknowledged lead is stored and forwarded', async () => {
        const url = await fresh();
        consumer.received.length = 0;
        consumer.respond = () => ({ status: 200 });
        const args = ['--forward', `${consumer.url}/hook`, '--forward-timeout', '1'];
        const env = { HEARTH_DB: url, HEARTH_FORWARD_SECRET: SECRET };
        const [a, b] = await Promise.all([spawnReceiver(args, env), spawnReceiver(args, env)]);
        children.push(a, b);
        const total = 300;
        const leads = Array.from({ length: total }, () => goodLead());
        const acknowledged = new Set<string>();
        let ackedByKilled = 0;
        let failedOnKilled = 0;
        let killed = false;
        // A client that retries on the other receiver when its request fails, like the browser outbox.
        const send = async (lead: Record<string, unknown>, i: number) => {
          const first = i % 2 === 0 ? a : b;
          try {
            const res = await postLead(first.url, lead);
            if (res.status === 201) {
              acknowledged.add(String(lead.idempotencyKey));
              if (first === a) ackedByKilled++;
              return;
            }
          } catch {
            failedOnKilled++;
          }
          const res = await postLead(b.url, lead);
          if (res.status === 201) acknowledged.add(String(lead.idempotencyKey));
        };
        let next = 0;
        const worker = async () => {
          while (next < total) {
            const i = next++;
            await send(leads[i]!, i);
            if (!killed && acknowledged.size >= total / 3) {
              killed = true;
              a.child.kill('SIGKILL');
            }
          }
        };
        await Promise.all(Array.from({ length: 16 }, worker));
        assert.ok(killed);
        assert.ok(ackedByKilled > 0, 'the killed receiver had acknowledged leads');
        const stored = new Set(
          (await pgQuery<{ idempotency_key: string }>(url, 'SELECT idempotency_key FROM leads')).map((row) => row.idempotency_key),
        );
        const lost = [...acknowledged].filter((key) => !stored.has(key));
        assert.deepEqual(lost, [], 'no acknowledged lead is missing');
        // Deliveries leased by the killed receiver are taken over by the survivor once the lease runs out.
        const forwardedKeys = () => new Set(consumer.received.map((req) => String(req.headers['idempotency-key'])));
        await until(() => [...stored].every((key) => forwardedKeys().has(key)), 30_000, 'every stored lead forwarded');
        for (const req of consumer.received) assert.ok(verifySignature(SECRET, String(req.headers['hearth-signature']), req.body));
        const forwarded = forwardedKeys();
        console.log(
          `# fault SIGKILL: sent=${total} acknowledged=${acknowledged.size} (by the killed receiver before the kill: ${ackedByKilled}, ` +
            `failed there and retried on the survivor: ${failedOnKilled}) stored=${stored.size} forwarded=${forwarded.size} ` +
            `(deliveries=${consumer.received.length}) lost=${lost.length}`,
        );
        assert.equal(acknowledged.size, total, 'the client got every lead acknowledged (by retrying)');
        await b.stop();
      });

      it('two receivers forwarding from one database deliver each lead, urgent notices too', async () => {
        const url = await fresh();
        consumer.received.length = 0;
        const args = ['--forward', `${consumer.url}/crm`, '--notify-urgent', `${consumer.url}/pager`];
        const env = { HEARTH_DB: url, HEARTH_FORWARD_SECRET: SECRET };
        const [a, b] = await Promise.all([spawnReceiver(args, env), spawnReceiver(args, env)]);
        children.push(a, b);
        const leads = Array.from({ length: 20 }, (_, i) =>
          goodLead(i % 5 === 0 ? { urgent: true, answers: { phq9Item9: 2 } } : { idempotencyKey: randomUUID() }),
        );
        await Promise.all(leads.map((lead, i) => postLead(i % 2 ? a.url : b.url, lead)));
        await until(() => consumer.received.length >= 24, 15_000, '20 forwards and 4 urgent notices');
        const crm = consumer.received.filter((req) => req.path === '/crm');
        const pager = consumer.received.filter((req) => req.path === '/pager');
        assert.equal(new Set(crm.map((req) => req.headers['idempotency-key'])).size, 20);
        assert.equal(new Set(pager.map((req) => req.headers['idempotency-key'])).size, 4);
        await Promise.all([a.stop(), b.stop()]);
      });
    });
  });
}
