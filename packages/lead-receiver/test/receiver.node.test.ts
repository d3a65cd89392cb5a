import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startReceiver, SqliteLeadStore, SQLITE_SCHEMA_VERSION, createApp, jsonLogger } from '../src/index.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { RECEIVER_VERSION } from '../src/version.js';
import { compiledReceiverCli, goodLead, ORIGIN, testReceiver, TOKEN, type TestReceiver } from './helpers.js';

describe('POST /leads', () => {
  let r: TestReceiver;
  before(async () => {
    r = await testReceiver();
  });
  after(() => r.dispose());

  it('stores a valid lead and answers 201 with its id', async () => {
    const lead = goodLead();
    const res = await r.post(lead);
    assert.equal(res.status, 201);
    const body = (await res.json()) as { id: string; idempotencyKey: string; receivedAt: string };
    assert.match(body.id, /^[0-9a-f-]{36}$/);
    assert.equal(body.idempotencyKey, lead.idempotencyKey);
    const row = r.rows().find((x) => x.idempotency_key === lead.idempotencyKey);
    assert.ok(row);
    assert.equal(row.id, body.id);
    assert.equal(row.email, 'ana.quintero@example.org');
    assert.equal(row.urgent, 0);
    assert.equal(row.score_mismatch, 0);
    assert.equal(row.server_score, null, 'no answers, nothing to re-score');
    assert.deepEqual(JSON.parse(row.lead_json as string).contact.name, 'Ana Quintero');
  });

  it('deduplicates on Idempotency-Key: a repeat gets the original acknowledgement and no second row', async () => {
    const lead = goodLead();
    const first = await r.post(lead);
    const firstBody = await first.json();
    const again = await r.post(lead);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await again.json(), firstBody);
    assert.equal(r.rows().filter((x) => x.idempotency_key === lead.idempotencyKey).length, 1);
  });

  it('deduplicates concurrent repeats of one key (one row, one id)', async () => {
    const lead = goodLead();
    const answers = await Promise.all(Array.from({ length: 12 }, () => r.post(lead)));
    const ids = new Set(await Promise.all(answers.map(async (a) => ((await a.json()) as { id: string }).id)));
    assert.deepEqual(
      answers.map((a) => a.status),
      Array(12).fill(201),
    );
    assert.equal(ids.size, 1);
    assert.equal(r.rows().filter((x) => x.idempotency_key === lead.idempotencyKey).length, 1);
  });

  it('a resend rebuilt by the page (new createdAt and consent time, same key and details) is a replay, not a 422', async () => {
    const lead = goodLead();
    const first = await r.post(lead);
    const firstBody = await first.json();
    const later = new Date(Date.parse(lead.createdAt as string) + 90_000).toISOString();
    const rebuilt = { ...lead, createdAt: later, consent: { ...(lead.consent as Record<string, unknown>), timestamp: later } };
    const again = await r.post(rebuilt);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await again.json(), firstBody);
    const rows = r.rows().filter((x) => x.idempotency_key === lead.idempotencyKey);
    assert.equal(rows.length, 1);
    assert.equal(JSON.parse(rows[0]!.lead_json as string).createdAt, lead.createdAt, 'the first copy is the one kept');
  });

  it('refuses a key reused for a different lead with 422, keeping the first', async () => {
    const lead = goodLead();
    await r.post(lead);
    const other = { ...lead, contact: { name: 'Somebody Else', email: 'else@example.org' } };
    const res = await r.post(other);
    assert.equal(res.status, 422);
    const body = (await res.json()) as { error: string };
    assert.equal(body.error, 'idempotency-key-reused');
    const rows = r.rows().filter((x) => x.idempotency_key === lead.idempotencyKey);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.email, 'ana.quintero@example.org');
  });

  it('refuses an Idempotency-Key header that differs from the body', async () => {
    const lead = goodLead();
    const res = await r.post(lead, { headers: { 'idempotency-key': randomUUID() } });
    assert.equal(res.status, 400);
    const body = (await res.json()) as { errors: { path: string }[] };
    assert.deepEqual(
      body.errors.map((e) => e.path),
      ['idempotencyKey'],
    );
  });

  it('answers 400 malformed-json to a body that is not JSON, and 415 to another media type', async () => {
    const res = await r.post(null, { raw: '{"schemaVersion":1,' });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { error: string }).error, 'malformed-json');
    const text = await fetch(`${r.url}/leads`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    assert.equal(text.status, 415);
  });

  it('answers 400 naming each invalid field', async () => {
    const lead = goodLead({
      contact: { name: '', email: 'not-an-email', phone: '555-0123' },
      consent: { given: false, text: 'x', version: '1', timestamp: 'yesterday' },
    });
    const res = await r.post(lead);
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: string; errors: { path: string; message: string }[] };
    assert.equal(body.error, 'invalid-lead');
    const paths = body.errors.map((e) => e.path).sort();
    assert.deepEqual(paths, ['consent.given', 'consent.timestamp', 'contact.email', 'contact.name', 'contact.phone']);
    for (const e of body.errors) assert.ok(e.message.length > 3, `a readable message for ${e.path}`);
    assert.equal(r.rows().filter((x) => x.idempotency_key === lead.idempotencyKey).length, 0);
  });

  it('answers 413 to a body over 32 KB, with or without Content-Length', async () => {
    const big = goodLead({ padding: 'x'.repeat(33 * 1024) });
    const res = await r.post(big);
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as { error: string }).error, 'too-large');
    // Chunked: no Content-Length, so the limit applies while reading.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 40; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        controller.close();
      },
    });
    const chunked = await fetch(`${r.url}/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    assert.equal(chunked.status, 413);
    assert.equal(r.rows().filter((x) => x.idempotency_key === big.idempotencyKey).length, 0);
  });

  it('accepts a lead just under the limit', async () => {
    const lead = goodLead({ consent: { given: true, text: 'y'.repeat(4000), version: '2026-11-01', timestamp: new Date().toISOString() } });
    const res = await r.post(lead);
    assert.equal(res.status, 201);
  });

  it('answers 404 in JSON for unknown routes', async () => {
    const res = await fetch(`${r.url}/nope`);
    assert.equal(res.status, 404);
    assert.equal(((await res.json()) as { error: string }).error, 'not-found');
  });
});

describe('CORS allow-list', () => {
  let r: TestReceiver;
  before(async () => {
    r = await testReceiver();
  });
  after(() => r.dispose());

  it('answers an allowed preflight with the allow headers', async () => {
    const res = await fetch(`${r.url}/leads`, {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,idempotency-key',
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /idempotency-key/);
    assert.match(res.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.equal(res.headers.get('vary'), 'Origin');
  });

  it('adds CORS headers (and exposes Retry-After) to an allowed POST', async () => {
    const res = await r.post(goodLead(), { headers: { origin: ORIGIN } });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(res.headers.get('access-control-expose-headers') ?? '', /retry-after/);
    assert.equal(res.headers.get('access-control-allow-credentials'), null);
  });

  it('refuses a disallowed origin with 403 and no CORS headers, storing nothing', async () => {
    const preflight = await fetch(`${r.url}/leads`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(preflight.status, 403);
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    const lead = goodLead();
    const res = await r.post(lead, { headers: { origin: 'https://evil.example' } });
    assert.equal(res.status, 403);
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    assert.equal(((await res.json()) as { error: string }).error, 'origin-not-allowed');
    assert.equal(r.rows().filter((x) => x.idempotency_key === lead.idempotencyKey).length, 0);
  });

  it('treats a lookalike origin (other scheme, port or subdomain) as disallowed', async () => {
    for (const origin of [
      'http://clinic.example',
      'https://clinic.example:8443',
      'https://www.clinic.example',
      'https://clinic.example.evil.example',
    ]) {
      const res = await r.post(goodLead(), { headers: { origin } });
      assert.equal(res.status, 403, origin);
    }
  });

  it('allows no browser origin at all by default', async () => {
    const closed = await testReceiver({ allowOrigins: undefined });
    try {
      const res = await closed.post(goodLead(), { headers: { origin: ORIGIN } });
      assert.equal(res.status, 403);
      assert.ok(
        closed.logs.lines.some((l) => l.event === 'cors.empty'),
        'warns at start that no site can post',
      );
    } finally {
      await closed.dispose();
    }
  });

  it('rejects an allow-list entry that is not an origin', async () => {
    await assert.rejects(
      () =>
        startReceiver({
          port: 0,
          dbPath: ':memory:',
          allowOrigins: ['clinic.example'],
          logger: jsonLogger({ write() {} }, { write() {} }),
        }),
      /not an origin/,
    );
  });
});

describe('reading leads', () => {
  let r: TestReceiver;
  before(async () => {
    r = await testReceiver();
    await r.post(goodLead({ contact: { name: '<script>alert(1)</script> Lee', email: 'lee@example.org' } }));
    await r.post(goodLead({ urgent: true }));
  });
  after(() => r.dispose());

  for (const path of ['/leads', '/admin']) {
    it(`refuses ${path} without a token (401)`, async () => {
      const res = await fetch(`${r.url}${path}`);
      assert.equal(res.status, 401);
      assert.ok(res.headers.get('www-authenticate'));
      assert.doesNotMatch(await res.text(), /example\.org/);
    });

    it(`refuses ${path} with a wrong token (401)`, async () => {
      for (const authorization of [`Bearer ${TOKEN}x`, 'Bearer wrong', `Basic ${Buffer.from('admin:nope').toString('base64')}`, TOKEN]) {
        const res = await fetch(`${r.url}${path}`, { headers: { authorization } });
        assert.equal(res.status, 401, authorization);
      }
    });
  }

  it('lists leads newest first with the right bearer token', async () => {
    const res = await fetch(`${r.url}/leads?limit=10`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { leads: { urgent: boolean; lead: { contact: { email: string } } }[]; total: number };
    assert.equal(body.total, 2);
    assert.equal(body.leads[0]!.urgent, true);
    assert.equal(body.leads[1]!.lead.contact.email, 'lee@example.org');
  });

  it('serves /admin as escaped HTML with a strict CSP, with Bearer or a browser login (Basic)', async () => {
    const basic = `Basic ${Buffer.from(`anyone:${TOKEN}`).toString('base64')}`;
    for (const authorization of [`Bearer ${TOKEN}`, basic]) {
      const res = await fetch(`${r.url}/admin`, { headers: { authorization } });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /text\/html/);
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
      const html = await res.text();
      assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; Lee/);
      assert.doesNotMatch(html, /<script>/);
      assert.match(html, /URGENT/);
    }
  });

  it('refuses reads (403) when no admin token is configured', async () => {
    const open = await testReceiver({ adminToken: undefined });
    try {
      const res = await fetch(`${open.url}/leads`, { headers: { authorization: 'Bearer anything-at-all-here' } });
      assert.equal(res.status, 403);
      assert.equal(((await res.json()) as { error: string }).error, 'reads-disabled');
    } finally {
      await open.dispose();
    }
  });

  it('refuses to start with a short admin token', async () => {
    await assert.rejects(
      () => startReceiver({ port: 0, dbPath: ':memory:', adminToken: 'short', logger: jsonLogger({ write() {} }, { write() {} }) }),
      /at least 16/,
    );
  });
});

describe('re-scoring answers', () => {
  let r: TestReceiver;
  before(async () => {
    r = await testReceiver();
  });
  after(() => r.dispose());

  const row = (key: unknown) => r.rows().find((x) => x.idempotency_key === key)!;

  it('stores the server score and no mismatch when the summary matches the answers', async () => {
    const lead = goodLead({ answers: { pcPtsd5: { exposure: true, items: [true, true, true, true, false] } } });
    assert.equal((await r.post(lead)).status, 201);
    const stored = row(lead.idempotencyKey);
    assert.equal(stored.score_mismatch, 0);
    assert.deepEqual(JSON.parse(stored.server_score as string), { pcPtsd5: { score: 4, positive: true, cutPoint: 3 } });
  });

  it('stores a lead whose summary does not match its answers, flagged, with the server score', async () => {
    // Two "yes" answers score 2 (negative at cut point 3); the client claims 4 and positive.
    const lead = goodLead({ answers: { pcPtsd5: { exposure: true, items: [true, true, false, false, false] } } });
    const res = await r.post(lead);
    assert.equal(res.status, 201, 'a mismatch is flagged, never refused');
    const stored = row(lead.idempotencyKey);
    assert.equal(stored.score_mismatch, 1);
    assert.deepEqual(JSON.parse(stored.mismatches as string), ['summary.score', 'summary.positive']);
    assert.deepEqual(JSON.parse(stored.server_score as string).pcPtsd5, { score: 2, positive: false, cutPoint: 3 });
    const lines = r.logs.lines.filter((l) => l.event === 'lead.stored' && l.fields.idempotencyKey === lead.idempotencyKey);
    assert.equal(lines.length, 1);
    // Health information (mismatch, scores, urgency) stays in SQLite, out of the logs.
    assert.deepEqual(Object.keys(lines[0]?.fields ?? {}).sort(), ['id', 'idempotencyKey', 'kind']);
  });

  it('re-scores the PCL-5, including the provisional diagnosis', async () => {
    const items = [2, 0, 0, 0, 0, 2, 0, 2, 2, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0];
    const lead = goodLead({
      summary: {
        type: 'assessment',
        instrument: 'pcl-5',
        score: 12,
        cutPoint: 33,
        positive: false,
        provisionalDiagnosis: false,
        reviewItemCount: 0,
        candidacy: 'review',
      },
      answers: { pcl5: items },
    });
    await r.post(lead);
    const stored = row(lead.idempotencyKey);
    assert.deepEqual(JSON.parse(stored.mismatches as string), ['summary.provisionalDiagnosis']);
    assert.deepEqual(JSON.parse(stored.server_score as string).pcl5, {
      complete: true,
      total: 12,
      probablePtsd: false,
      provisionalDiagnosis: true,
      cutPoint: 33,
    });
  });

  it('flags a PCL-5 summary built from incomplete answers', async () => {
    const items = Array.from({ length: 20 }, (_, i) => (i === 3 ? null : 1));
    const lead = goodLead({
      summary: {
        type: 'assessment',
        instrument: 'pcl-5',
        score: 19,
        cutPoint: 33,
        positive: false,
        reviewItemCount: 0,
        candidacy: 'review',
      },
      answers: { pcl5: items },
    });
    await r.post(lead);
    const stored = row(lead.idempotencyKey);
    assert.deepEqual(JSON.parse(stored.mismatches as string), ['summary.score']);
    assert.deepEqual(JSON.parse(stored.server_score as string).pcl5, { complete: false, answered: 19 });
  });

  it('makes a lead urgent when the safety answer triggers, even if the client said otherwise', async () => {
    const lead = goodLead({
      urgent: false,
      answers: { pcPtsd5: { exposure: true, items: [true, true, true, true, false] }, phq9Item9: 2 },
    });
    await r.post(lead);
    const stored = row(lead.idempotencyKey);
    assert.equal(stored.urgent, 1);
    assert.equal(stored.client_urgent, 0);
    assert.deepEqual(JSON.parse(stored.mismatches as string), ['urgent']);
  });

  it('stores answers that cannot be scored, with the reason, instead of refusing the lead', async () => {
    const lead = goodLead({ answers: { pcPtsd5: { exposure: true, items: [true, true] } } });
    assert.equal((await r.post(lead)).status, 201);
    const stored = row(lead.idempotencyKey);
    const score = JSON.parse(stored.server_score as string) as { errors: { path: string; message: string }[] };
    assert.equal(score.errors[0]?.path, 'answers.pcPtsd5');
    assert.deepEqual(JSON.parse(stored.mismatches as string), ['answers.pcPtsd5', 'summary.instrument']);
  });

  it('flags a summary for an instrument whose answers were not sent', async () => {
    const lead = goodLead({ answers: { phq9Item9: 0 } });
    await r.post(lead);
    assert.deepEqual(JSON.parse(row(lead.idempotencyKey).mismatches as string), ['summary.instrument']);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After (readable cross-origin) once a client address spends its budget', async () => {
    const r = await testReceiver({ rateLimit: { max: 3, windowMs: 60_000 } });
    try {
      for (let i = 0; i < 3; i++) assert.equal((await r.post(goodLead(), { headers: { origin: ORIGIN } })).status, 201);
      const lead = goodLead();
      const res = await r.post(lead, { headers: { origin: ORIGIN } });
      assert.equal(res.status, 429);
      assert.equal(res.headers.get('retry-after'), '20');
      assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
      assert.equal(r.rows().length, 3);
      // Health checks are never limited.
      assert.equal((await fetch(`${r.url}/healthz`)).status, 200);
    } finally {
      await r.dispose();
    }
  });
});

describe('rate limit behind a proxy', () => {
  it('with trustProxy, limits each client address from X-Forwarded-For (the right-most entry)', async () => {
    const r = await testReceiver({ rateLimit: { max: 1, windowMs: 60_000 }, trustProxy: true });
    try {
      const from = (chain: string) => r.post(goodLead(), { headers: { 'x-forwarded-for': chain } });
      assert.equal((await from('203.0.113.7')).status, 201);
      assert.equal((await from('203.0.113.7')).status, 429);
      assert.equal((await from('198.51.100.2')).status, 201, 'another client has its own budget');
      // A client cannot escape its limit by claiming another address in front of the proxy's entry.
      assert.equal((await from('192.0.2.99, 203.0.113.7')).status, 429);
    } finally {
      await r.dispose();
    }
  });
});

describe('storage', () => {
  it('creates the database on first start in WAL mode with a schema version, and keeps leads across restarts', async () => {
    const r = await testReceiver();
    const lead = goodLead();
    await r.post(lead);
    await r.close();
    const db = new Database(r.dbPath);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('user_version', { simple: true }), SQLITE_SCHEMA_VERSION);
    db.close();
    const again = await startReceiver({ port: 0, dbPath: r.dbPath, logger: jsonLogger({ write() {} }, { write() {} }), adminToken: TOKEN });
    try {
      const health = (await (await fetch(`${again.url}/healthz`)).json()) as Record<string, unknown>;
      assert.deepEqual(health, { ok: true, version: RECEIVER_VERSION, store: 'sqlite', schemaVersion: SQLITE_SCHEMA_VERSION });
      const list = (await (await fetch(`${again.url}/leads`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as {
        total: number;
      };
      assert.equal(list.total, 1);
    } finally {
      await again.close();
      await r.dispose();
    }
  });

  it('refuses a database from a newer receiver', async () => {
    const r = await testReceiver();
    await r.close();
    const db = new Database(r.dbPath);
    db.pragma(`user_version = ${SQLITE_SCHEMA_VERSION + 1}`);
    db.close();
    assert.throws(() => new SqliteLeadStore(r.dbPath), /newer than this receiver/);
    await r.dispose();
  });

  it('answers /healthz 503 when the store fails', async () => {
    const store = new SqliteLeadStore(':memory:');
    const app = createApp(store);
    await store.close();
    const res = await app.request('/healthz');
    assert.equal(res.status, 503);
  });

  it('answers 500 without details when the store throws, and logs only the error kind', async () => {
    const logs: string[] = [];
    const store = new SqliteLeadStore(':memory:');
    const app = createApp(store, {
      allowOrigins: [ORIGIN],
      logger: { info() {}, warn() {}, error: (e, f) => logs.push(JSON.stringify({ e, f })) },
    });
    await store.close();
    const lead = goodLead();
    const res = await app.request('/leads', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': String(lead.idempotencyKey), origin: ORIGIN },
      body: JSON.stringify(lead),
    });
    assert.equal(res.status, 500);
    // With CORS headers, so the browser reads a retryable 500 instead of an opaque failure.
    assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
    assert.equal(((await res.json()) as { error: string }).error, 'internal');
    assert.equal(logs.length, 1);
    assert.doesNotMatch(logs.join(), /ana\.quintero|Quintero/);
  });
});

describe('graceful shutdown', () => {
  it('finishes a request in flight, then refuses new connections', async () => {
    const r = await testReceiver();
    const lead = goodLead();
    const body = JSON.stringify(lead);
    const req = httpRequest(`${r.url}/leads`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'idempotency-key': String(lead.idempotencyKey),
      },
    });
    const response = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
    });
    // Half the body now: the request is in flight when shutdown begins.
    req.write(body.slice(0, 100));
    await sleep(150);
    let finished = false;
    const closing = r.close().then(() => (finished = true));
    await sleep(50);
    assert.equal(finished, false, 'close() waits for the request in flight');
    await assert.rejects(() => fetch(`${r.url}/healthz`), 'no new connections once closing');
    req.end(body.slice(100));
    assert.equal(await response, 201);
    await closing;
    assert.equal(r.rows().filter((x) => x.idempotency_key === lead.idempotencyKey).length, 1);
    await r.dispose();
  });
});

describe('logs', () => {
  it('carry no personal data: no name, email, phone, answers, token or client address', async () => {
    const r = await testReceiver({ rateLimit: { max: 5, windowMs: 60_000 } });
    try {
      await r.post(goodLead({ answers: { pcPtsd5: { exposure: true, items: [true, true, false, false, false] }, phq9Item9: 1 } }));
      await r.post(goodLead({ contact: { name: 'Ana Quintero', email: 'ana.quintero@@broken', phone: '+15125550123' } }));
      await r.post(null, { raw: '{"contact":{"email":"ana.quintero@example.org"' });
      await r.post(goodLead(), { headers: { origin: 'https://ana-quintero.example' } });
      await fetch(`${r.url}/leads`, { headers: { authorization: `Bearer ${TOKEN}` } });
      await fetch(`${r.url}/leads`, { headers: { authorization: 'Bearer ana.quintero@example.org' } });
      for (let i = 0; i < 3; i++) await r.post(goodLead());
      const text = r.logs.text();
      assert.ok(r.logs.lines.some((l) => l.event === 'lead.stored'));
      assert.ok(r.logs.lines.some((l) => l.event === 'lead.invalid'));
      assert.ok(r.logs.lines.some((l) => l.event === 'rate-limited'));
      for (const secret of ['Quintero', 'ana.quintero', '5125550123', TOKEN, '::ffff:127.0.0.1', 'exposure', '"items"']) {
        assert.doesNotMatch(text, new RegExp(secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), secret);
      }
      const invalid = r.logs.lines.find((l) => l.event === 'lead.invalid');
      assert.deepEqual(invalid?.fields, { fields: ['contact.email'] });
    } finally {
      await r.dispose();
    }
  });

  it('writes JSON lines: info to stdout, warnings and errors to stderr', () => {
    const out: string[] = [];
    const err: string[] = [];
    const logger = jsonLogger({ write: (l: string) => out.push(l) }, { write: (l: string) => err.push(l) });
    logger.info('a', { n: 1 });
    logger.warn('b');
    logger.error('c');
    assert.equal(out.length, 1);
    assert.equal(err.length, 2);
    assert.deepEqual({ ...JSON.parse(out[0]!), time: 't' }, { time: 't', level: 'info', event: 'a', n: 1 });
  });
});

describe('hearth-lead-receiver (CLI)', () => {
  it('starts from flags and the environment, serves leads, and exits 0 on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-cli-'));
    const db = join(dir, 'nested', 'leads.sqlite');
    const child = spawn(process.execPath, [await compiledReceiverCli(), '--port', '0', '--db', db], {
      env: { ...process.env, HEARTH_ALLOW_ORIGINS: `${ORIGIN},http://localhost:5173`, HEARTH_ADMIN_TOKEN: TOKEN, HEARTH_RATE_LIMIT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk;
          const match = /"event":"listening","url":"([^"]+)"/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const lead = goodLead();
      const res = await fetch(`${url}/leads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost:5173', 'idempotency-key': String(lead.idempotencyKey) },
        body: JSON.stringify(lead),
      });
      assert.equal(res.status, 201);
      assert.equal(res.headers.get('access-control-allow-origin'), 'http://localhost:5173');
      const list = await fetch(`${url}/leads`, { headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(((await list.json()) as { total: number }).total, 1);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
      assert.match(out, /"event":"closed"/);
      assert.doesNotMatch(out, /ana\.quintero|Quintero/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('explains a bad flag and exits 1', async () => {
    const result = spawnSync(process.execPath, [await compiledReceiverCli(), '--port', 'eighty'], { encoding: 'utf8' });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /port must be a whole number/);
  });
});
