#!/usr/bin/env node
// Load run of the reference lead receiver on loopback (a benchmark, not a test).
//
//   pnpm bench:receiver [-- --duration 10 --connections 10 --amount 20000]
//
// Starts the real receiver (packages/lead-receiver, from source, SQLite in a temp folder, WAL) as
// a child process, then drives it with autocannon from this process:
//   1. new leads: every request a valid lead with a fresh Idempotency-Key (one INSERT each);
//   2. retries: the same lead again and again (the deduplicated replay path).
// It prints leads per second and latency percentiles, and checks that SQLite holds exactly one
// row per acknowledged new lead. Bounded by --duration (seconds) and --amount (requests) per run.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    amount: { type: 'string', default: '50000' },
    json: { type: 'boolean', default: false },
  },
});
const duration = Math.min(120, Math.max(1, Number(values.duration)));
const connections = Math.min(200, Math.max(1, Number(values.connections)));
const amount = Math.min(1_000_000, Math.max(1, Number(values.amount)));
const ORIGIN = 'https://clinic.example';

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

/** autocannon hook: each request a new lead with its own Idempotency-Key. */
function fresh(request) {
  const key = randomUUID();
  return { ...request, headers: { ...headers, 'idempotency-key': key }, body: JSON.stringify(lead(key)) };
}

function startReceiver(dbPath) {
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
        dbPath,
        '--rate-limit',
        '0',
        '--allow-origin',
        ORIGIN,
      ],
      { cwd: root, env: { ...process.env, HEARTH_ADMIN_TOKEN: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
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
    child.stderr.on('data', () => {});
    child.once('exit', (code) => {
      if (!url) reject(new Error(`the receiver exited (${code}) before listening:\n${head}`));
    });
  });
}

function run(title, options) {
  return new Promise((resolvePromise, reject) => {
    // `amount` would make autocannon ignore `duration`: cap the count with maxOverallRequests instead.
    const instance = autocannon({ connections, duration, maxOverallRequests: amount, ...options }, (error, result) =>
      error ? reject(error) : resolvePromise({ title, result }),
    );
    process.once('SIGINT', () => instance.stop());
  });
}

function summary({ title, result }) {
  const ok = result['2xx'];
  const seconds = (new Date(result.finish) - new Date(result.start)) / 1000;
  return {
    run: title,
    requests: result.requests.total,
    acknowledged: ok,
    'non-2xx': result.non2xx,
    errors: result.errors + result.timeouts,
    seconds: Number(seconds.toFixed(2)),
    'leads/s': Math.round(ok / seconds),
    'p50 ms': result.latency.p50,
    'p90 ms': result.latency.p90,
    'p99 ms': result.latency.p99,
    'max ms': result.latency.max,
  };
}

const loadAtStart = loadavg()[0];
const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-receiver-'));
const dbPath = join(dir, 'leads.sqlite');
const { child, url } = await startReceiver(dbPath);
let exitCode = 0;
try {
  // Warm-up: JIT, SQLite page cache, keep-alive sockets.
  await run('warm-up', {
    url: `${url}/leads`,
    duration: 2,
    maxOverallRequests: 2000,
    method: 'POST',
    headers,
    requests: [{ setupRequest: fresh }],
  });

  const repeatKey = randomUUID();
  const repeatBody = JSON.stringify(lead(repeatKey));

  const inserts = await run('new leads (INSERT)', { url: `${url}/leads`, method: 'POST', headers, requests: [{ setupRequest: fresh }] });
  const replays = await run('retries (same key, deduplicated)', {
    url: `${url}/leads`,
    method: 'POST',
    headers: { ...headers, 'idempotency-key': repeatKey },
    body: repeatBody,
  });
  const health = await run('GET /healthz', { url: `${url}/healthz` });

  const rows = [inserts, replays, health].map(summary);
  if (values.json) console.log(JSON.stringify(rows, null, 2));
  else console.table(rows);

  // Every acknowledged new lead is exactly one row (plus warm-up rows and the one repeated lead).
  const Database = createRequire(join(root, 'packages/lead-receiver/package.json'))('better-sqlite3');
  const db = new Database(dbPath, { readonly: true });
  const count = db.prepare('SELECT count(*) AS n FROM leads').get().n;
  const repeated = db.prepare('SELECT count(*) AS n FROM leads WHERE idempotency_key = ?').get(repeatKey).n;
  const mode = db.pragma('journal_mode', { simple: true });
  db.close();
  console.log(`SQLite (${mode}): ${count} rows; the repeated key holds ${repeated} row.`);
  if (repeated !== 1 || inserts.result.non2xx || replays.result.non2xx) {
    console.error('Unexpected: a repeated key must hold exactly one row and every request must be acknowledged.');
    exitCode = 1;
  }
  // Other work on the machine skews these figures: say how busy it was.
  console.log(
    `Machine: ${cpus().length} cores, load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end (1 min).`,
  );
  console.log(
    `\nReceiver on loopback, ${connections} connections, ${duration} s per run: ` +
      `${summary(inserts)['leads/s']} new leads/s (p99 ${inserts.result.latency.p99} ms), ` +
      `${summary(replays)['leads/s']} deduplicated retries/s (p99 ${replays.result.latency.p99} ms).`,
  );
} finally {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
