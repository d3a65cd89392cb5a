// Real HTTP servers on loopback for the browser tests, started and scripted from inside a test
// through web-test-runner's server commands. They record every request exactly as it arrived.
import { createServer, request as httpRequest } from 'node:http';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compiledReceiverCli } from './node-bundle.mjs';

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
const requireFromReceiver = createRequire(join(repoRoot, 'packages/lead-receiver/package.json'));
const RECEIVER_TOKEN = 'wtr-admin-token-0123456789abcdef';

/** @type {Map<string, any>} */
const receivers = new Map();

async function spawnReceiver(dbPath, allowOrigins, rateLimit, instruments = []) {
  // Compiled once per test run (node-bundle.mjs): plain `node` starts it in a third of tsx's time.
  const receiverCli = await compiledReceiverCli();
  return new Promise((resolvePromise, reject) => {
    const args = [receiverCli, '--port', '0', '--db', dbPath, '--rate-limit', String(rateLimit)];
    for (const origin of allowOrigins) args.push('--allow-origin', origin);
    // A partner's instrument definitions (repository paths), re-scored by id.
    for (const file of instruments) args.push('--instrument', join(repoRoot, file));
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

/**
 * Chrome resends a request by itself when a REUSED keep-alive connection closes before any byte of
 * the answer (HttpNetworkTransaction's "resend on a reused socket"), so a dropped connection or a
 * lost acknowledgement on such a connection never reaches the page: the resend does. While a
 * fault that the page is meant to see (`destroy`, `lostAck`, without `reused: true`) waits in the
 * queue, every answer closes its connection, so that the faulted POST comes on a fresh one.
 */
function needsFreshConnection(state) {
  return state.faults.some((f) => (f.destroy || f.lostAck) && !f.reused);
}

function corsFor(req) {
  return {
    'access-control-allow-origin': req.headers.origin ?? '*',
    'access-control-expose-headers': 'retry-after',
    vary: 'Origin',
  };
}

/**
 * Forwards one request to the receiver and relays its answer; with `lostAck`, the receiver's
 * answer is read (the lead is stored) and then the connection to the page is dropped instead:
 * the page never learns that the lead arrived.
 */
function forward(state, req, body, res, { lostAck = false } = {}) {
  return new Promise((resolvePromise) => {
    const upstream = httpRequest(
      `${state.upstream}${req.url}`,
      { method: req.method, headers: { ...req.headers, host: new URL(state.upstream).host } },
      (answer) => {
        const chunks = [];
        answer.on('data', (c) => chunks.push(c));
        answer.on('end', () => {
          const payload = Buffer.concat(chunks);
          if (lostAck) {
            req.socket.destroy();
            resolvePromise(answer.statusCode ?? 502);
            return;
          }
          const headers = { ...answer.headers, 'content-length': String(payload.length) };
          for (const hop of ['connection', 'keep-alive', 'transfer-encoding']) delete headers[hop];
          if (needsFreshConnection(state)) headers.connection = 'close';
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
      if (fault?.hang) {
        // No answer at all: the page's own timeout (or its unload) ends the request.
        entry.fault = 'hang';
        state.hanging.add(res);
        res.on('close', () => state.hanging.delete(res));
        return;
      }
      if (fault?.hold) {
        // Held until the test releases it (`receiver-release`), then handled as `fault.then` says.
        entry.fault = 'hold';
        entry.clientGone = false;
        // The page went away (or cancelled the request) while it was held.
        req.socket.once('close', () => {
          if (!entry.released) entry.clientGone = true;
        });
        const then = await new Promise((r) => state.held.push({ entry, release: r }));
        entry.fault = `hold+${then.lostAck ? 'lost-ack' : then.destroy ? 'destroy' : 'pass'}`;
        entry.released = Date.now();
        if (then.destroy) {
          req.socket.destroy();
          return;
        }
        entry.status = await forward(state, req, body, res, { lostAck: Boolean(then.lostAck) });
        return;
      }
      if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault?.destroy) {
        entry.fault = 'destroy';
        req.socket.destroy();
        return;
      }
      if (fault && !fault.pass && !fault.lostAck) {
        entry.fault = String(fault.status);
        entry.status = fault.status;
        const close = needsFreshConnection(state) ? { connection: 'close' } : {};
        res.writeHead(fault.status, { ...corsFor(req), 'content-type': 'application/json', ...close, ...(fault.headers ?? {}) });
        res.end(JSON.stringify(fault.body ?? { error: 'injected fault' }));
        return;
      }
      if (fault?.lostAck) entry.fault = 'lost-ack';
      else if (fault?.pass) entry.fault = 'pass';
      entry.status = await forward(state, req, body, res, { lostAck: Boolean(fault?.lostAck) });
    });
  });
}

async function startLeadReceiver({ allowOrigins = [], rateLimit = 0, instruments = [] } = {}) {
  const id = `receiver-${++counter}`;
  const dir = mkdtempSync(join(tmpdir(), 'hearth-wtr-receiver-'));
  const dbPath = join(dir, 'leads.sqlite');
  const { child, url, logs } = await spawnReceiver(dbPath, allowOrigins, rateLimit, instruments);
  const state = {
    id,
    child,
    dir,
    dbPath,
    upstream: url,
    logs,
    faults: [],
    requests: [],
    /** Requests held by a `hold` fault, oldest first, until `receiver-release`. */
    held: [],
    /** Answers never given (`hang`): ended when the proxy goes down. */
    hanging: new Set(),
    proxy: undefined,
    port: 0,
  };
  state.proxy = proxyServer(state);
  state.port = await listen(state.proxy, 0);
  receivers.set(id, state);
  return { id, url: `http://127.0.0.1:${state.port}`, upstream: url, token: RECEIVER_TOKEN };
}

async function takeDown(state) {
  for (const res of state.hanging) res.socket?.destroy();
  state.hanging.clear();
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
  for (const { release } of state.held.splice(0)) release({ destroy: true });
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

/**
 * The browser's own offline switch (DevTools' "Offline"): `navigator.onLine` turns false, the
 * page gets `offline` / `online` events, and every request fails as with no network. The CDP
 * session stays attached while offline: detaching it would end the emulation.
 * @type {Map<string, import('puppeteer-core').CDPSession>}
 */
const offlineSessions = new Map();

async function setOffline(session, offline, forMs) {
  const page = session.browser.getPage?.(session.id);
  if (!page) throw new Error('network-offline needs the Chrome launcher');
  let cdp = offlineSessions.get(session.id);
  if (!cdp) {
    cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    offlineSessions.set(session.id, cdp);
  }
  await cdp.send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  if (!offline) {
    offlineSessions.delete(session.id);
    await cdp.detach().catch(() => {});
  } else if (forMs) {
    setTimeout(() => void setOffline(session, false), forMs);
  }
  return true;
}

/** A web-test-runner plugin exposing the sink through `executeServerCommand`. */
export function loopbackPlugin() {
  return {
    name: 'hearth-loopback',
    async executeCommand({ command, payload, session }) {
      switch (command) {
        case 'network-offline':
          return setOffline(session, payload?.offline !== false, payload?.forMs);
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
        case 'receiver-faults': {
          // Applied to the next POSTs in order: { status, headers, body, delayMs } answers for the
          // receiver, { destroy: true } drops the connection, { pass: true, delayMs } forwards late,
          // { lostAck: true } forwards and then drops the answer, { hang: true } never answers,
          // { hold: true } waits for `receiver-release`; `reused: true` lets a destroy or lostAck
          // fall on a reused connection (which Chrome then resends by itself).
          const state = receiverOf(payload);
          state.faults.push(...payload.faults);
          // Idle keep-alive connections close now: the faulted POST must come on a fresh one.
          if (needsFreshConnection(state)) state.proxy.closeIdleConnections();
          return true;
        }
        case 'receiver-clear-faults': {
          const state = receiverOf(payload);
          state.faults.length = 0;
          for (const { release } of state.held.splice(0)) release({ destroy: true });
          for (const res of state.hanging) res.socket?.destroy();
          state.hanging.clear();
          return true;
        }
        case 'receiver-held':
          // How many requests a `hold` fault is holding now.
          return receiverOf(payload).held.length;
        case 'receiver-release': {
          // Releases the oldest held request: { pass: true } (forward), { lostAck: true }, { destroy: true }.
          const held = receiverOf(payload).held.shift();
          if (!held) throw new Error('no request is held');
          held.release(payload.then ?? { pass: true });
          return { idempotencyKey: held.entry.idempotencyKey };
        }
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
      for (const cdp of offlineSessions.values()) await cdp.detach().catch(() => {});
      offlineSessions.clear();
      for (const sink of sinks.values()) sink.server.close();
      sinks.clear();
      await Promise.all([...receivers.values()].map((state) => stopLeadReceiver(state)));
    },
  };
}
