// Real HTTP servers on loopback for the browser tests, started and scripted from inside a test
// through web-test-runner's server commands. They record every request exactly as it arrived.
import { createServer, request as httpRequest } from 'node:http';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @type {Map<string, {server: import('node:http').Server, url: string, requests: object[], script: object[]}>} */
const sinks = new Map();
let counter = 0;

function startSink() {
  return new Promise((resolve, reject) => {
    const id = `sink-${++counter}`;
    const state = { requests: [], script: [], server: undefined, url: '' };
    state.server = createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', async () => {
        const cors = {
          'access-control-allow-origin': req.headers.origin ?? '*',
          'access-control-allow-methods': 'POST, OPTIONS',
          'access-control-allow-headers': 'content-type, idempotency-key',
          'access-control-expose-headers': 'retry-after',
          'access-control-max-age': '600',
        };
        if (req.method === 'OPTIONS') {
          res.writeHead(204, cors).end();
          return;
        }
        const text = Buffer.concat(chunks).toString('utf8');
        let body;
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
        state.requests.push({ method: req.method, path: req.url, headers: req.headers, body, cookie: req.headers.cookie ?? null });
        const step = state.script.shift() ?? { status: 201 };
        if (step.delayMs) await new Promise((r) => setTimeout(r, step.delayMs));
        if (step.destroy) {
          req.socket.destroy();
          return;
        }
        const payload = step.body ?? (step.status < 300 ? { id: `lead-${state.requests.length}` } : { error: 'scripted failure' });
        res.writeHead(step.status, { ...cors, 'content-type': 'application/json', ...(step.headers ?? {}) });
        res.end(JSON.stringify(payload));
      });
    });
    state.server.on('error', reject);
    state.server.listen(0, '127.0.0.1', () => {
      state.url = `http://127.0.0.1:${state.server.address().port}`;
      sinks.set(id, state);
      resolve({ id, url: state.url });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// A REAL lead receiver (packages/lead-receiver, SQLite in a temp folder) in a child process, behind
// a fault-injecting proxy on loopback. The page posts to the proxy; the test decides what the proxy
// does with each POST (answer for the receiver, drop the connection, or pass it through) and can
// take the whole endpoint down (connection refused) and up again on the same port.
// ---------------------------------------------------------------------------------------------

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const receiverCli = join(repoRoot, 'packages/lead-receiver/src/cli.ts');
const requireFromReceiver = createRequire(join(repoRoot, 'packages/lead-receiver/package.json'));
const RECEIVER_TOKEN = 'wtr-admin-token-0123456789abcdef';

/** @type {Map<string, any>} */
const receivers = new Map();

function spawnReceiver(dbPath, allowOrigins, rateLimit) {
  return new Promise((resolvePromise, reject) => {
    const args = ['--import', 'tsx', '--conditions=source', receiverCli, '--port', '0', '--db', dbPath, '--rate-limit', String(rateLimit)];
    for (const origin of allowOrigins) args.push('--allow-origin', origin);
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      env: { ...process.env, HEARTH_ADMIN_TOKEN: RECEIVER_TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let logs = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the lead receiver did not start within 20 s:\n${logs}`));
    }, 20_000);
    const onData = (chunk) => {
      logs += chunk;
      const match = /"event":"listening","url":"([^"]+)"/.exec(logs);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ child, url: match[1], logs: () => logs });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (logs += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the lead receiver exited (${code}) before listening:\n${logs}`));
    });
  });
}

function corsFor(req) {
  return {
    'access-control-allow-origin': req.headers.origin ?? '*',
    'access-control-expose-headers': 'retry-after',
    vary: 'Origin',
  };
}

function forward(state, req, body, res) {
  return new Promise((resolvePromise) => {
    const upstream = httpRequest(
      `${state.upstream}${req.url}`,
      { method: req.method, headers: { ...req.headers, host: new URL(state.upstream).host } },
      (answer) => {
        const chunks = [];
        answer.on('data', (c) => chunks.push(c));
        answer.on('end', () => {
          const payload = Buffer.concat(chunks);
          const headers = { ...answer.headers, 'content-length': String(payload.length) };
          for (const hop of ['connection', 'keep-alive', 'transfer-encoding']) delete headers[hop];
          res.writeHead(answer.statusCode ?? 502, headers);
          res.end(payload);
          resolvePromise(answer.statusCode ?? 502);
        });
      },
    );
    upstream.on('error', () => {
      res.writeHead(502, { ...corsFor(req), 'content-type': 'application/json' }).end('{"error":"proxy"}');
      resolvePromise(502);
    });
    upstream.end(body);
  });
}

function listen(server, port) {
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolvePromise(server.address().port);
    });
  });
}

function proxyServer(state) {
  return createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const entry = {
        method: req.method,
        path: req.url,
        idempotencyKey: req.headers['idempotency-key'] ?? null,
        origin: req.headers.origin ?? null,
        at: Date.now(),
        fault: null,
        status: null,
      };
      state.requests.push(entry);
      const fault = req.method === 'POST' ? state.faults.shift() : undefined;
      if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault?.destroy) {
        entry.fault = 'destroy';
        req.socket.destroy();
        return;
      }
      if (fault && !fault.pass) {
        entry.fault = String(fault.status);
        entry.status = fault.status;
        res.writeHead(fault.status, { ...corsFor(req), 'content-type': 'application/json', ...(fault.headers ?? {}) });
        res.end(JSON.stringify(fault.body ?? { error: 'injected fault' }));
        return;
      }
      if (fault?.pass) entry.fault = 'pass';
      entry.status = await forward(state, req, body, res);
    });
  });
}

async function startLeadReceiver({ allowOrigins = [], rateLimit = 0 } = {}) {
  const id = `receiver-${++counter}`;
  const dir = mkdtempSync(join(tmpdir(), 'hearth-wtr-receiver-'));
  const dbPath = join(dir, 'leads.sqlite');
  const { child, url, logs } = await spawnReceiver(dbPath, allowOrigins, rateLimit);
  const state = { id, child, dir, dbPath, upstream: url, logs, faults: [], requests: [], proxy: undefined, port: 0 };
  state.proxy = proxyServer(state);
  state.port = await listen(state.proxy, 0);
  receivers.set(id, state);
  return { id, url: `http://127.0.0.1:${state.port}`, upstream: url, token: RECEIVER_TOKEN };
}

async function takeDown(state) {
  if (!state.proxy.listening) return;
  await new Promise((r) => {
    state.proxy.close(() => r());
    state.proxy.closeAllConnections();
  });
}

async function bringUp(state) {
  if (state.proxy.listening) return;
  state.proxy = proxyServer(state);
  await listen(state.proxy, state.port);
}

function readRows(state) {
  const Database = requireFromReceiver('better-sqlite3');
  const db = new Database(state.dbPath, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT * FROM leads ORDER BY rowid')
      .all()
      .map((row) => ({ ...row, lead: JSON.parse(row.lead_json), lead_json: undefined }));
  } finally {
    db.close();
  }
}

async function stopLeadReceiver(state) {
  receivers.delete(state.id);
  await takeDown(state);
  if (state.child.exitCode === null) {
    const exited = new Promise((r) => state.child.once('exit', r));
    state.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (state.child.exitCode === null) state.child.kill('SIGKILL');
  }
  rmSync(state.dir, { recursive: true, force: true });
}

function receiverOf(payload) {
  const state = receivers.get(payload?.id);
  if (!state) throw new Error(`no lead receiver ${payload?.id}`);
  return state;
}

/** A web-test-runner plugin exposing the sink through `executeServerCommand`. */
export function loopbackPlugin() {
  return {
    name: 'hearth-loopback',
    async executeCommand({ command, payload }) {
      switch (command) {
        case 'sink-start':
          return startSink();
        case 'sink-requests':
          return sinks.get(payload.id)?.requests ?? [];
        case 'sink-script':
          // Queue responses for the next requests: [{ status, headers, body, delayMs, destroy }]
          sinks.get(payload.id)?.script.push(...payload.responses);
          return true;
        case 'sink-stop': {
          const sink = sinks.get(payload.id);
          sinks.delete(payload.id);
          if (sink) await new Promise((r) => sink.server.close(() => r()));
          sink?.server.closeAllConnections?.();
          return true;
        }
        case 'receiver-start':
          return startLeadReceiver(payload ?? {});
        case 'receiver-faults':
          // Applied to the next POSTs in order: { status, headers, body, delayMs } answers for the
          // receiver, { destroy: true } drops the connection, { pass: true, delayMs } forwards late.
          receiverOf(payload).faults.push(...payload.faults);
          return true;
        case 'receiver-clear-faults':
          receiverOf(payload).faults.length = 0;
          return true;
        case 'receiver-down':
          await takeDown(receiverOf(payload));
          return true;
        case 'receiver-up':
          await bringUp(receiverOf(payload));
          return true;
        case 'receiver-requests':
          return receiverOf(payload).requests;
        case 'receiver-rows':
          return readRows(receiverOf(payload));
        case 'receiver-logs':
          return receiverOf(payload).logs();
        case 'receiver-stop': {
          const state = receivers.get(payload?.id);
          if (state) await stopLeadReceiver(state);
          return true;
        }
        default:
          return undefined;
      }
    },
    async serverStop() {
      for (const sink of sinks.values()) sink.server.close();
      sinks.clear();
      await Promise.all([...receivers.values()].map((state) => stopLeadReceiver(state)));
    },
  };
}
