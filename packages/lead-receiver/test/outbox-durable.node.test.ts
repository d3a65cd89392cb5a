// The device's outbox and the receiver, end to end in Node: the real Outbox (@hearth/lead) over
// a DURABLE store (its real localStorage store, kept in a file by FileStorage), the real
// fetchTransport, a fault proxy on loopback, and the real receiver (SQLite). The device
// "restarts" in the middle (a new Outbox over the same file, or a process killed with SIGKILL
// while the lead is in flight) and the lead still lands exactly once.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Outbox, openOutboxStore, type OutboxStore } from '@hearth/lead';
import { FileStorage } from './file-storage.js';
import { compiledForNode } from '../../../test/support/node-bundle.mjs';
import { testLead } from '../../lead/test/support/leads.js';
import { testReceiver, type TestReceiver } from './helpers.js';

const NAME = 'hearth-outbox';

/** A lead from the assessment, with made-up contact details and a fresh idempotency key. */
const lead = () =>
  testLead({ widget: 'hearth-assessment', contact: { name: 'Ana Quintero', email: 'ana.quintero@example.org', state: 'TX' } });

type Mode = 'pass' | 'down' | 'lost-ack' | 'hold';

/** A fault proxy in front of the receiver: `modes` decides each POST in turn (then `pass`). */
interface Proxy {
  endpoint: string;
  modes: Mode[];
  seen: { key: string | undefined; mode: Mode; status?: number }[];
  /** Requests a `hold` is holding: call to forward one. */
  held: (() => Promise<void>)[];
  close(): Promise<void>;
}

async function startProxy(upstream: string): Promise<Proxy> {
  const proxy: Proxy = { endpoint: '', modes: [], seen: [], held: [], close: async () => {} };
  const forward = (req: IncomingMessage, body: Buffer, res: ServerResponse, lostAck: boolean) =>
    new Promise<number>((resolve) => {
      const out = request(`${upstream}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          if (lostAck) req.socket.destroy();
          else res.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(chunks));
          resolve(answer.statusCode ?? 502);
        });
      });
      out.on('error', () => {
        req.socket.destroy();
        resolve(502);
      });
      out.end(body);
    });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const mode = proxy.modes.shift() ?? 'pass';
      const entry: Proxy['seen'][number] = { key: req.headers['idempotency-key'] as string | undefined, mode };
      proxy.seen.push(entry);
      if (mode === 'down') return req.socket.destroy();
      if (mode === 'hold') {
        proxy.held.push(async () => {
          entry.status = await forward(req, body, res, false);
        });
        return;
      }
      entry.status = await forward(req, body, res, mode === 'lost-ack');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/leads`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return proxy;
}

describe('the outbox over a durable store (a file), through the real receiver, across restarts', () => {
  let receiver: TestReceiver;
  let proxy: Proxy;
  let dir: string;
  let file: string;
  const opened: Outbox[] = [];

  before(async () => {
    receiver = await testReceiver();
    proxy = await startProxy(receiver.url);
  });
  after(async () => {
    await proxy.close();
    await receiver.dispose();
  });
  afterEach(() => {
    for (const outbox of opened.splice(0)) outbox.dispose();
    rmSync(dir, { recursive: true, force: true });
    proxy.modes.length = 0;
  });

  /** A device: a new FileStorage and a new Outbox over the same file each time (a page load, a restart). */
  function device(): { outbox: Outbox; store: () => Promise<OutboxStore> } {
    const store = () => openOutboxStore({ name: NAME, indexedDB: null, localStorage: new FileStorage(file) });
    const outbox = new Outbox({ store, locks: null, eventTarget: new EventTarget(), baseDelayMs: 60_000, maxDelayMs: 60_000 });
    opened.push(outbox);
    return { outbox, store };
  }
  const freshFile = () => {
    dir = mkdtempSync(join(tmpdir(), 'hearth-outbox-file-'));
    file = join(dir, 'local-storage.json');
  };
  const source = () => Object.assign(new EventTarget(), { localName: 'hearth-assessment', isConnected: true }) as unknown as HTMLElement;
  const keysOnDisk = async () => (await (await device().store()).list()).map((e) => e.key);
  const rowsFor = (key: string) => receiver.rows().filter((r) => r.idempotency_key === key);

  it('is the real localStorage store, durable, and a second instance over the file sees what the first wrote', async () => {
    freshFile();
    const a = await device().store();
    assert.equal(a.kind, 'localstorage');
    assert.equal(a.durable, true);
    const l = lead();
    const entry = {
      key: l.idempotencyKey,
      endpoint: proxy.endpoint,
      lead: l as never,
      widget: 'hearth-assessment',
      answersAllowed: false,
      bytes: 100,
      queuedAt: Date.now(),
      attempts: 0,
      nextAttemptAt: Date.now(),
      notBefore: Date.now(),
    };
    await a.put(entry);
    const b = await device().store();
    assert.deepEqual(await b.get(l.idempotencyKey), entry);
    assert.deepEqual(await keysOnDisk(), [l.idempotencyKey]);
    await b.delete(l.idempotencyKey);
    assert.deepEqual(await a.list(), []);
  });

  it('queued while the endpoint is down; the device restarts (a new Outbox over the same file) and delivers it exactly once', async () => {
    freshFile();
    const l = lead();
    proxy.modes.push('down');
    const first = device();
    const delivery = await first.outbox.send(l, { endpoint: proxy.endpoint, source: source() });
    assert.equal(delivery.status, 'queued');
    assert.equal(delivery.durable, true);
    assert.deepEqual(await keysOnDisk(), [l.idempotencyKey], 'on disk before the device goes');
    first.outbox.dispose();

    await device().outbox.resume();
    assert.equal(rowsFor(l.idempotencyKey).length, 1);
    assert.deepEqual(await keysOnDisk(), [], 'gone from the disk once acknowledged');
    // A third start finds nothing to send.
    await device().outbox.resume();
    assert.deepEqual(
      proxy.seen.filter((s) => s.key === l.idempotencyKey).map((s) => s.mode),
      ['down', 'pass'],
    );
    assert.equal(rowsFor(l.idempotencyKey).length, 1);
  });

  it('a lost acknowledgement, then a restart: the resumed copy is a replay, one row, nothing left on disk', async () => {
    freshFile();
    const l = lead();
    proxy.modes.push('lost-ack');
    const first = device();
    assert.equal((await first.outbox.send(l, { endpoint: proxy.endpoint, source: source() })).status, 'queued');
    assert.equal(rowsFor(l.idempotencyKey).length, 1, 'the receiver has it although the device never heard');
    first.outbox.dispose();
    await device().outbox.resume();
    assert.equal(rowsFor(l.idempotencyKey).length, 1);
    assert.match(receiver.logs.text(), /"event":"lead.replayed"/);
    assert.deepEqual(await keysOnDisk(), []);
  });

  it('the device process is killed (SIGKILL) with the lead in flight; the next start sends it, and the late first copy makes no second row', async () => {
    freshFile();
    const l = lead();
    proxy.modes.push('hold');
    const program = await compiledForNode('packages/lead-receiver/test/outbox-device.ts', { external: 'none' });
    const child = spawn(process.execPath, [program, file, proxy.endpoint, JSON.stringify(l)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c));
    child.stderr.on('data', (c: Buffer) => (output += c));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const start = Date.now();
    while (proxy.held.length === 0) {
      assert.ok(Date.now() - start < 20_000, `the device never sent the lead: ${output}`);
      assert.equal(child.exitCode, null, `the device exited early: ${output}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await exited;
    assert.equal(output, '', 'killed before it could report anything');
    assert.deepEqual(await keysOnDisk(), [l.idempotencyKey], 'written to disk before the attempt');

    // The next start of the device sends it; then the held first copy reaches the receiver late.
    await device().outbox.resume();
    assert.equal(rowsFor(l.idempotencyKey).length, 1);
    assert.deepEqual(await keysOnDisk(), []);
    await proxy.held.shift()!();
    assert.equal(rowsFor(l.idempotencyKey).length, 1, 'the late copy is a replay');
    assert.deepEqual(
      proxy.seen.filter((s) => s.key === l.idempotencyKey).map((s) => [s.mode, s.status]),
      [
        ['hold', 201],
        ['pass', 201],
      ],
    );
  });
});
