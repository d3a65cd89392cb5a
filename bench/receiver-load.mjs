#!/usr/bin/env node
// Load run of the reference lead receiver on loopback (a benchmark, not a test).
//
//   pnpm bench:receiver [-- --duration 5 --connections 10 --amount 20000]
//
// Starts real receivers (packages/lead-receiver, from source) as child processes and drives them
// with autocannon from this process, every request a valid lead with a fresh Idempotency-Key (one
// INSERT each), in these set-ups:
//   SQLite, one receiver; SQLite, two receivers on one file; SQLite, forwarding on;
//   PostgreSQL, one receiver; two receivers on one database; forwarding on (needs HEARTH_PG_URL;
//   skipped with a note without it);
// then a deduplicated-retry run and GET /healthz on SQLite. "Forwarding on" forwards every lead to
// a loopback consumer in this process and waits until all are delivered.
// It prints leads per second and latency percentiles, and looks up the key of every acknowledged
// lead in the store ("lost" counts those it does not hold). Bounded by --duration (seconds) and --amount (requests) per run.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const requireFromReceiver = createRequire(join(root, 'packages/lead-receiver/package.json'));
const { values } = parseArgs({
  // `pnpm bench:receiver -- --duration 2` passes the `--` along: skip it.
  args: process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--')),
  options: {
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    amount: { type: 'string', default: '20000' },
    json: { type: 'boolean', default: false },
  },
});
const duration = Math.min(120, Math.max(1, Number(values.duration)));
const connections = Math.min(200, Math.max(2, Number(values.connections)));
const amount = Math.min(1_000_000, Math.max(1, Number(values.amount)));
const ORIGIN = 'https://clinic.example';
const SECRET = randomBytes(24).toString('hex');
const PG_URL = process.env.HEARTH_PG_URL || undefined;

function lead(key) {
  const now = new Date().toISOString();
  return {
    schemaVersion: 1,
    idempotencyKey: key,
    createdAt: now,
    widget: 'hearth-assessment',
    kind: 'assessment',
    urgent: false,
    contact: { name: 'Load Test', email: 'load.test@example.org', phone: '+15125550100', state: 'TX', preferredContact: 'email' },
    consent: { given: true, text: 'I agree that the clinic may contact me about my request.', version: '2026-11-01', timestamp: now },
    source: { url: 'https://clinic.example/ptsd', utm: { source: 'bench' } },
    summary: {
      type: 'assessment',
      instrument: 'pc-ptsd-5',
      score: 3,
      cutPoint: 3,
      positive: true,
      reviewItemCount: 0,
      candidacy: 'discuss',
    },
    locale: 'en',
  };
}

const headers = { 'content-type': 'application/json', origin: ORIGIN };

/** autocannon hook: each request a new lead with its own Idempotency-Key (kept on the connection's context). */
function fresh(request, context) {
  const key = randomUUID();
  if (context) context.key = key;
  return { ...request, headers: { ...headers, 'idempotency-key': key }, body: JSON.stringify(lead(key)) };
}

/** A request spec that records the key of every lead the receiver acknowledged (2xx) in `acked`. */
const recorded = (acked) => ({
  setupRequest: fresh,
  onResponse: (status, _body, context) => {
    if (status >= 200 && status < 300 && context.key) acked.add(context.key);
  },
});

function startReceiver(db, extraArgs = []) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=source',
        join(root, 'packages/lead-receiver/src/cli.ts'),
        '--port',
        '0',
        '--db',
        db,
        '--rate-limit',
        '0',
        '--allow-origin',
        ORIGIN,
        ...extraArgs,
      ],
      { cwd: root, env: { ...process.env, HEARTH_ADMIN_TOKEN: '', HEARTH_FORWARD_SECRET: SECRET }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let head = '';
    let url;
    child.stdout.on('data', (chunk) => {
      // Keep draining the access log (the receiver's real logging cost stays in the figures).
      if (url) return;
      head += chunk;
      const match = /"event":"listening","url":"([^"]+)"/.exec(head);
      if (match) {
        url = match[1];
        resolvePromise({ child, url });
      }
    });
    let errors = '';
    child.stderr.on('data', (chunk) => {
      if (!url) errors += chunk;
    });
    child.once('exit', (code) => {
      if (!url) reject(new Error(`the receiver exited (${code}) before listening:\n${head}${errors}`));
    });
  });
}

async function stopReceiver({ child }) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

const running = new Set();
process.on('SIGINT', () => {
  for (const instance of running) instance.stop();
});

function run(options) {
  return new Promise((resolvePromise, reject) => {
    // `amount` would make autocannon ignore `duration`: cap the count with maxOverallRequests instead.
    const instance = autocannon({ connections, duration, maxOverallRequests: amount, ...options }, (error, result) => {
      running.delete(instance);
      if (error) reject(error);
      else resolvePromise(result);
    });
    running.add(instance);
  });
}

/** A loopback consumer for forwarding: answers 200 and counts distinct keys. */
async function startConsumer() {
  const keys = new Set();
  let requests = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests++;
      keys.add(req.headers['idempotency-key']);
      res.writeHead(200).end();
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}/hook`,
    keys,
    requests: () => requests,
    close: () => new Promise((r) => server.close(r)),
  };
}

/** A fresh schema in the PostgreSQL database, as a URL whose connections use it. */
async function freshPg() {
  const pg = requireFromReceiver('pg');
  const schema = `hearth_bench_${randomBytes(5).toString('hex')}`;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async count() {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      const n = Number((await c.query('SELECT count(*) AS n FROM leads')).rows[0].n);
      await c.end();
      return n;
    },
    /** Which of `wanted` the database holds. */
    async holds(wanted) {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      const { rows } = await c.query('SELECT idempotency_key FROM leads WHERE idempotency_key = ANY($1)', [[...wanted]]);
      await c.end();
      return new Set(rows.map((r) => r.idempotency_key));
    },
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

function freshSqlite(dir, name) {
  const path = join(dir, `${name}.sqlite`);
  return {
    url: path,
    async count() {
      const Database = requireFromReceiver('better-sqlite3');
      const db = new Database(path, { readonly: true });
      const n = db.prepare('SELECT count(*) AS n FROM leads').get().n;
      db.close();
      return n;
    },
    /** Which of `wanted` the file holds. */
    async holds(wanted) {
      const Database = requireFromReceiver('better-sqlite3');
      const db = new Database(path, { readonly: true });
      const find = db.prepare('SELECT 1 FROM leads WHERE idempotency_key = ?');
      const found = new Set([...wanted].filter((key) => find.get(key)));
      db.close();
      return found;
    },
    async drop() {},
  };
}

const until = async (check, ms) => {
  const deadline = Date.now() + ms;
  while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
};

/** One set-up: `receivers` processes on one store, every lead new; returns a table row. */
async function scenario(title, store, { receivers = 1, forward = false }) {
  const consumer = forward ? await startConsumer() : undefined;
  const args = consumer ? ['--forward', consumer.url] : [];
  const procs = [];
  for (let i = 0; i < receivers; i++) procs.push(await startReceiver(store.url, args));
  try {
    // Warm-up: JIT, page cache, pools, keep-alive sockets.
    await Promise.all(
      procs.map((p) =>
        run({ url: `${p.url}/leads`, duration: 1, maxOverallRequests: 500, method: 'POST', headers, requests: [{ setupRequest: fresh }] }),
      ),
    );
    const warmRows = await store.count();
    const acked = new Set();
    const results = await Promise.all(
      procs.map((p) =>
        run({
          url: `${p.url}/leads`,
          connections: Math.max(1, Math.round(connections / receivers)),
          maxOverallRequests: Math.ceil(amount / receivers),
          method: 'POST',
          headers,
          requests: [recorded(acked)],
        }),
      ),
    );
    // Lost: an acknowledged key the store does not hold, looked up one by one (not a count difference).
    const held = await store.holds(acked);
    const lost = [...acked].filter((key) => !held.has(key)).length;
    const acknowledged = results.reduce((n, r) => n + r['2xx'], 0);
    const seconds = Math.max(...results.map((r) => (new Date(r.finish) - new Date(r.start)) / 1000));
    const rows = (await store.count()) - warmRows;
    let forwarded = '';
    if (consumer) {
      const started = Date.now();
      await until(() => consumer.keys.size >= warmRows + rows, 120_000);
      forwarded = `${consumer.keys.size - warmRows}/${rows} in ${((Date.now() - started) / 1000).toFixed(1)} s after the run`;
    }
    return {
      'set-up': title,
      acknowledged,
      'non-2xx': results.reduce((n, r) => n + r.non2xx, 0),
      errors: results.reduce((n, r) => n + r.errors + r.timeouts, 0),
      'leads/s': Math.round(acknowledged / seconds),
      // Two receivers: p50 weighted by requests, p99 the worse of the two (autocannon gives percentiles, not samples).
      'p50 ms': Math.round(
        results.reduce((n, r) => n + r.latency.p50 * r.requests.total, 0) / results.reduce((n, r) => n + r.requests.total, 0),
      ),
      'p99 ms': Math.max(...results.map((r) => r.latency.p99)),
      stored: rows,
      lost,
      ...(forward ? { forwarded } : {}),
    };
  } finally {
    for (const p of procs) await stopReceiver(p);
    await consumer?.close();
    await store.drop();
  }
}

const loadAtStart = loadavg()[0];
const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-receiver-'));
let exitCode = 0;
try {
  const rows = [];
  rows.push(await scenario('SQLite, 1 receiver', freshSqlite(dir, 'one'), {}));
  rows.push(await scenario('SQLite, 2 receivers, one file', freshSqlite(dir, 'two'), { receivers: 2 }));
  rows.push(await scenario('SQLite, 1 receiver, forwarding on', freshSqlite(dir, 'fwd'), { forward: true }));
  if (PG_URL) {
    rows.push(await scenario('PostgreSQL, 1 receiver', await freshPg(), {}));
    rows.push(await scenario('PostgreSQL, 2 receivers, one database', await freshPg(), { receivers: 2 }));
    rows.push(await scenario('PostgreSQL, 1 receiver, forwarding on', await freshPg(), { forward: true }));
    rows.push(await scenario('PostgreSQL, 2 receivers, forwarding on', await freshPg(), { receivers: 2, forward: true }));
  }
  if (values.json) console.log(JSON.stringify(rows, null, 2));
  else console.table(rows);
  if (!PG_URL) console.log('PostgreSQL rows skipped: HEARTH_PG_URL is unset (bash scripts/setup.sh --with-postgres).');

  // The deduplicated replay path and the health check, on SQLite.
  const sqlite = freshSqlite(dir, 'replay');
  const receiver = await startReceiver(sqlite.url);
  try {
    const repeatKey = randomUUID();
    const replays = await run({
      url: `${receiver.url}/leads`,
      method: 'POST',
      headers: { ...headers, 'idempotency-key': repeatKey },
      body: JSON.stringify(lead(repeatKey)),
    });
    const health = await run({ url: `${receiver.url}/healthz` });
    for (const [title, r] of [
      ['retries (same key, deduplicated), SQLite', replays],
      ['GET /healthz (write probe), SQLite', health],
    ]) {
      const seconds = (new Date(r.finish) - new Date(r.start)) / 1000;
      console.log(`${title}: ${Math.round(r['2xx'] / seconds)}/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}`);
    }
    if ((await sqlite.count()) !== 1 || replays.non2xx) exitCode = 1;
  } finally {
    await stopReceiver(receiver);
  }
  if (rows.some((r) => r.lost > 0)) {
    console.error('Unexpected: an acknowledged lead is missing from the store.');
    exitCode = 1;
  }
  // Other work on the machine skews these figures: say how busy it was.
  console.log(
    `Machine: ${cpus().length} cores, load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end (1 min). ` +
      `${connections} connections, ${duration} s per run, loopback only.`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
