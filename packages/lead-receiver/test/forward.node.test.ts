// Forwarding into the clinic's systems: signed POSTs from a transactional outbox, retried with
// backoff, dead letters on /admin. Real loopback consumers; SQLite here (PostgreSQL in postgres.node.test.ts).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { SqliteLeadStore, startReceiver, verifySignature, type ForwardOptions } from '../src/index.js';
import { compiledReceiverCli, goodLead, startConsumer, testReceiver, TOKEN, until, type Consumer } from './helpers.js';

const SECRET = 'forward-secret-0123456789abcdef';
const basic = { authorization: `Basic ${Buffer.from(`admin:${TOKEN}`).toString('base64')}` };
const fast = (overrides: Partial<ForwardOptions>): ForwardOptions => ({ secret: SECRET, baseDelayMs: 30, pollMs: 50, ...overrides });

describe('forwarding (--forward)', () => {
  let consumer: Consumer;
  before(async () => {
    consumer = await startConsumer();
  });
  after(() => consumer.close());
  const reset = () => {
    consumer.received.length = 0;
    consumer.respond = () => ({ status: 200 });
  };

  it('POSTs each stored lead once, signed (Hearth-Signature over "<t>.<raw body>") with its Idempotency-Key', async () => {
    reset();
    const r = await testReceiver({ forward: fast({ urls: [`${consumer.url}/hook`] }) });
    try {
      const lead = goodLead();
      const ack = (await (await r.post(lead)).json()) as { id: string };
      await r.post(lead); // a replay stores nothing new, so forwards nothing new
      await until(() => consumer.received.length >= 1, 5000, 'the delivery');
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(consumer.received.length, 1);
      const [req] = consumer.received;
      assert.equal(req!.path, '/hook');
      assert.equal(req!.headers['content-type'], 'application/json');
      assert.equal(req!.headers['idempotency-key'], lead.idempotencyKey);
      const signature = String(req!.headers['hearth-signature']);
      const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature);
      assert.ok(match, signature);
      assert.ok(Math.abs(Number(match[1]) - Date.now() / 1000) < 60);
      assert.equal(match[2], createHmac('sha256', SECRET).update(`${match[1]}.${req!.body}`).digest('hex'));
      assert.ok(verifySignature(SECRET, signature, req!.body));
      assert.equal(verifySignature(SECRET, signature, req!.body.replace('Ana', 'Eve')), false, 'a changed body fails');
      assert.equal(verifySignature('another-secret-0123456789', signature, req!.body), false);
      assert.equal(verifySignature(SECRET, signature, req!.body, { nowSeconds: Number(match[1]) + 301 }), false, 'older than 5 minutes');
      const body = JSON.parse(req!.body) as { event: string; id: string; lead: { contact: { email: string } } };
      assert.equal(body.event, 'lead.created');
      assert.equal(body.id, ack.id);
      assert.equal(body.lead.contact.email, 'ana.quintero@example.org');
      const job = r.rowsOf('forward_jobs')[0]!;
      assert.equal(job.state, 'done');
      assert.doesNotMatch(r.logs.text(), /Quintero|\/hook/);
    } finally {
      await r.dispose();
    }
  });

  it('is a transactional outbox: a lead stored while the consumer is down is delivered after a restart', async () => {
    reset();
    const down = await startConsumer();
    const deadUrl = `${down.url}/hook`;
    await down.close(); // nothing listens there now
    const r = await testReceiver({ forward: fast({ urls: [deadUrl], baseDelayMs: 60_000 }) });
    const lead = goodLead();
    assert.equal((await r.post(lead)).status, 201);
    await until(() => r.rowsOf('forward_jobs').some((j) => Number(j.attempts) >= 1), 5000, 'a failed attempt');
    const [job] = r.rowsOf('forward_jobs');
    assert.equal(job!.state, 'pending');
    assert.match(String(job!.last_error), /ECONNREFUSED|fetch failed|TypeError/);
    await r.close();
    // Same database, consumer reachable now, and the job made due.
    const again = await startReceiver({
      port: 0,
      store: new SqliteLeadStore(r.dbPath),
      rateLimit: false,
      logger: r.logs,
      forward: fast({ urls: [deadUrl] }),
      // Two minutes on: the retry that was a minute away is due now.
      now: () => new Date(Date.now() + 120_000),
    });
    try {
      const revived = await startConsumerOn(deadUrl);
      try {
        await until(() => revived.received.length === 1, 5000, 'the delivery after restart');
        assert.equal(revived.received[0]!.headers['idempotency-key'], lead.idempotencyKey);
      } finally {
        await revived.close();
      }
    } finally {
      await again.close();
      await r.dispose();
    }
  });

  it('retries network errors, 408, 429 and 5xx with backoff, honouring Retry-After', async () => {
    reset();
    const times: number[] = [];
    consumer.respond = (i) => {
      times.push(Date.now());
      return [{ status: 503 }, { status: 429, headers: { 'retry-after': '1' } }, { status: 408 }, { status: 200 }][i] ?? { status: 200 };
    };
    const r = await testReceiver({ forward: fast({ urls: [`${consumer.url}/hook`] }) });
    try {
      await r.post(goodLead());
      await until(() => r.rowsOf('forward_jobs')[0]?.state === 'done', 8000, 'delivery after retries');
      assert.equal(consumer.received.length, 4);
      assert.ok(times[2]! - times[1]! >= 900, `Retry-After: 1 honoured (waited ${times[2]! - times[1]!} ms)`);
      assert.equal(r.rowsOf('forward_jobs')[0]!.attempts, 4);
      assert.ok(r.logs.lines.filter((l) => l.event === 'forward.retry').length === 3);
    } finally {
      await r.dispose();
    }
  });

  it('never takes a redirect for a delivery: it is retried, then dead-lettered on /admin with a retry button', async () => {
    reset();
    const elsewhere = await startConsumer();
    consumer.respond = () => ({ status: 307, headers: { location: `${elsewhere.url}/moved` } });
    const r = await testReceiver({ forward: fast({ urls: [`${consumer.url}/hook`], maxAttempts: 3 }) });
    try {
      const lead = goodLead();
      await r.post(lead);
      await until(() => r.rowsOf('forward_jobs')[0]?.state === 'dead', 5000, 'the dead letter');
      assert.equal(consumer.received.length, 3);
      assert.equal(elsewhere.received.length, 0, 'the redirect was not followed');
      assert.match(String(r.rowsOf('forward_jobs')[0]!.last_error), /redirect 307/);
      assert.ok(r.logs.lines.some((l) => l.event === 'forward.redirect' && l.fields.location === elsewhere.url));
      const admin = await (await fetch(`${r.url}/admin`, { headers: basic })).text();
      assert.match(admin, /Failed deliveries/);
      assert.ok(admin.includes(String(lead.idempotencyKey)));
      const form = /<form method="post" action="([^"]+)"><input type="hidden" name="csrf" value="([^"]+)">/.exec(admin);
      assert.ok(form, 'a retry form');
      const [, action, csrf] = form;
      const retry = (headers: Record<string, string>, body: string) =>
        fetch(`${r.url}${action}`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
          body,
        });
      assert.equal((await retry({}, `csrf=${csrf}`)).status, 401, 'the token is required');
      assert.equal((await retry(basic, 'csrf=wrong')).status, 403, 'the CSRF field is required');
      assert.equal((await retry({ ...basic, 'sec-fetch-site': 'cross-site' }, `csrf=${csrf}`)).status, 403, 'same-site only');
      assert.equal((await retry({ ...basic, origin: 'https://evil.example' }, `csrf=${csrf}`)).status, 403, 'same origin only');
      consumer.respond = () => ({ status: 200 });
      const ok = await retry({ ...basic, 'sec-fetch-site': 'same-origin' }, `csrf=${encodeURIComponent(csrf!)}`);
      assert.equal(ok.status, 303);
      assert.equal(ok.headers.get('location'), '/admin');
      await until(() => r.rowsOf('forward_jobs')[0]?.state === 'done', 5000, 'delivery after the retry button');
      assert.match(await (await fetch(`${r.url}/admin`, { headers: basic })).text(), /No failed deliveries/);
    } finally {
      await elsewhere.close();
      await r.dispose();
    }
  });

  it('dead-letters a delivery refused with another 4xx at once (no pointless retries)', async () => {
    reset();
    consumer.respond = () => ({ status: 401 });
    const r = await testReceiver({ forward: fast({ urls: [`${consumer.url}/hook`] }) });
    try {
      await r.post(goodLead());
      await until(() => r.rowsOf('forward_jobs')[0]?.state === 'dead', 5000, 'the dead letter');
      assert.equal(consumer.received.length, 1);
    } finally {
      await r.dispose();
    }
  });

  it('delivers urgent leads first', async () => {
    reset();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    consumer.respond = async (i) => {
      if (i === 0) await held;
      return { status: 200 };
    };
    const r = await testReceiver({ forward: fast({ urls: [`${consumer.url}/hook`], concurrency: 1 }) });
    try {
      const first = goodLead();
      await r.post(first);
      await until(() => consumer.received.length === 1, 5000, 'the first delivery');
      const plain = Array.from({ length: 4 }, () => goodLead());
      for (const lead of plain.slice(0, 2)) await r.post(lead);
      const urgent = goodLead({ urgent: true, answers: { phq9Item9: 1 } });
      await r.post(urgent);
      for (const lead of plain.slice(2)) await r.post(lead);
      release();
      await until(() => consumer.received.length === 6, 5000, 'all deliveries');
      assert.equal(consumer.received[1]!.headers['idempotency-key'], urgent.idempotencyKey);
    } finally {
      await r.dispose();
    }
  });

  it('--notify-urgent sends urgent leads (only) to a second URL, signed the same way', async () => {
    reset();
    const r = await testReceiver({ forward: fast({ urls: [`${consumer.url}/crm`], notifyUrgent: `${consumer.url}/pager` }) });
    try {
      const urgent = goodLead({ urgent: true, answers: { phq9Item9: 2 } });
      await r.post(urgent);
      await r.post(goodLead());
      await until(() => consumer.received.length === 3, 5000, 'three deliveries');
      const pager = consumer.received.filter((req) => req.path === '/pager');
      assert.equal(pager.length, 1);
      assert.equal(pager[0]!.headers['idempotency-key'], urgent.idempotencyKey);
      assert.equal(pager[0]!.headers['hearth-event'], 'lead.urgent');
      assert.equal((JSON.parse(pager[0]!.body) as { event: string; urgent: boolean }).urgent, true);
      assert.ok(verifySignature(SECRET, String(pager[0]!.headers['hearth-signature']), pager[0]!.body));
    } finally {
      await r.dispose();
    }
  });

  it('refuses to start without HEARTH_FORWARD_SECRET (or with a short one)', async () => {
    const cli = await compiledReceiverCli();
    for (const secret of [undefined, 'short-secret']) {
      const env: Record<string, string | undefined> = { ...process.env, HEARTH_FORWARD_SECRET: secret };
      if (secret === undefined) delete env.HEARTH_FORWARD_SECRET;
      const result = spawnSync(
        process.execPath,
        [cli, '--port', '0', '--db', ':memory:', '--forward', 'http://127.0.0.1:9/hook'],
        // A guard only: a loaded CI machine is slow to start a process.
        { encoding: 'utf8', timeout: 30_000, env },
      );
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stderr, /HEARTH_FORWARD_SECRET/);
    }
  });
});

/** A consumer listening on the exact address of `url` (reusing a port a test closed). */
async function startConsumerOn(url: string): Promise<Consumer> {
  const { port } = new URL(url);
  const consumer: Consumer = { url: `http://127.0.0.1:${port}`, received: [], respond: () => ({ status: 200 }), close: async () => {} };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk));
    req.on('end', () => {
      consumer.received.push({ headers: req.headers, body, path: req.url ?? '/' });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(Number(port), '127.0.0.1', resolve));
  consumer.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return consumer;
}
