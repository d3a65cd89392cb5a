import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { startReceiver, type ReceiverOptions, type RunningReceiver } from '../src/index.js';
import { compiledReceiverCli } from '../../../test/support/node-bundle.mjs';
import type { LogFields, ReceiverLogger } from '../src/logger.js';

export const TOKEN = 'test-admin-token-0123456789';
export const ORIGIN = 'https://clinic.example';

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  event: string;
  fields: LogFields;
}

/** A logger that keeps every line, so tests can read exactly what would be written. */
export function captureLogger(): ReceiverLogger & { lines: LogLine[]; text(): string } {
  const lines: LogLine[] = [];
  const push =
    (level: LogLine['level']) =>
    (event: string, fields: LogFields = {}) =>
      lines.push({ level, event, fields });
  return {
    lines,
    info: push('info'),
    warn: push('warn'),
    error: push('error'),
    text: () => lines.map((l) => JSON.stringify(l)).join('\n'),
  };
}

export interface TestReceiver extends RunningReceiver {
  dir: string;
  dbPath: string;
  logs: ReturnType<typeof captureLogger>;
  /** Rows straight from the SQLite file, through a second connection. */
  rows(): Record<string, unknown>[];
  /** Rows of another table (e.g. forward_jobs), oldest first. */
  rowsOf(table: 'leads' | 'forward_jobs'): Record<string, unknown>[];
  post(body: unknown, init?: { headers?: Record<string, string>; raw?: string }): Promise<Response>;
  dispose(): Promise<void>;
}

/** A real receiver on 127.0.0.1 with a random port and a temporary SQLite file. */
export async function testReceiver(options: Partial<ReceiverOptions> = {}): Promise<TestReceiver> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-receiver-'));
  const dbPath = join(dir, 'leads.sqlite');
  const logs = captureLogger();
  const receiver = await startReceiver({
    port: 0,
    dbPath,
    allowOrigins: [ORIGIN],
    adminToken: TOKEN,
    rateLimit: false,
    logger: logs,
    ...options,
  });
  return {
    ...receiver,
    dir,
    dbPath,
    logs,
    rows() {
      const db = new Database(dbPath, { readonly: true });
      try {
        return db.prepare('SELECT * FROM leads ORDER BY rowid').all() as Record<string, unknown>[];
      } finally {
        db.close();
      }
    },
    rowsOf(table) {
      const db = new Database(dbPath, { readonly: true });
      try {
        return db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Record<string, unknown>[];
      } finally {
        db.close();
      }
    },
    post(body, init = {}) {
      const key = (body as { idempotencyKey?: string } | null)?.idempotencyKey;
      return fetch(`${receiver.url}/leads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}), ...init.headers },
        body: init.raw ?? JSON.stringify(body),
      });
    },
    async dispose() {
      await receiver.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function goodLead(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = new Date().toISOString();
  return {
    schemaVersion: 1,
    idempotencyKey: randomUUID(),
    createdAt: now,
    widget: 'hearth-assessment',
    kind: 'assessment',
    urgent: false,
    contact: { name: 'Ana Quintero', email: 'ana.quintero@example.org', phone: '+15125550123', state: 'TX', preferredContact: 'email' },
    consent: { given: true, text: 'I agree that the clinic may contact me about my request.', version: '2026-11-01', timestamp: now },
    source: { url: 'https://clinic.example/ptsd', utm: { source: 'newsletter' } },
    summary: {
      type: 'assessment',
      instrument: 'pc-ptsd-5',
      score: 4,
      cutPoint: 3,
      positive: true,
      reviewItemCount: 0,
      candidacy: 'discuss',
    },
    locale: 'en',
    ...overrides,
  };
}

export interface ChildReceiver {
  child: ChildProcessWithoutNullStreams;
  url: string;
  /** Everything written to stdout so far. */
  out(): string;
  /** SIGTERM (or the given signal) and wait for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * The CLI, compiled (test/support/node-bundle.mjs: started with plain `node`, it is up in a third
 * of the time tsx takes to compile it at every start). Spawn it with `process.execPath`.
 */
export { compiledReceiverCli };

/** The CLI as a child process (a real receiver in its own process), on 127.0.0.1 and a free port. */
export async function spawnReceiver(args: string[], env: Record<string, string> = {}): Promise<ChildReceiver> {
  const child = spawn(process.execPath, [await compiledReceiverCli(), '--port', '0', ...args], {
    env: { ...process.env, HEARTH_RATE_LIMIT: '0', HEARTH_ADMIN_TOKEN: TOKEN, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk;
      const match = /"event":"listening","url":"([^"]+)"/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`receiver exited ${code}: ${out}${err}`)));
  });
  return {
    child,
    url,
    out: () => out,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill(signal);
      return exited;
    },
  };
}

/** POSTs one lead to a receiver URL. */
export function postLead(url: string, lead: Record<string, unknown>): Promise<Response> {
  return fetch(`${url}/leads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': String(lead.idempotencyKey) },
    body: JSON.stringify(lead),
  });
}

export interface Consumer {
  url: string;
  /** Every request received, in order. */
  received: { headers: Record<string, string | string[] | undefined>; body: string; path: string }[];
  /** Decides the answer to each request (default 200). */
  respond: (
    index: number,
    request: { body: string; path: string },
  ) => { status: number; headers?: Record<string, string> } | Promise<{ status: number; headers?: Record<string, string> }>;
  close(): Promise<void>;
}

/** A webhook consumer on 127.0.0.1 that records what it is sent. */
export async function startConsumer(): Promise<Consumer> {
  const consumer: Consumer = {
    url: '',
    received: [],
    respond: () => ({ status: 200 }),
    close: async () => {},
  };
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', async () => {
      const index = consumer.received.length;
      consumer.received.push({ headers: req.headers, body, path: req.url ?? '/' });
      const answer = await consumer.respond(index, { body, path: req.url ?? '/' });
      res.writeHead(answer.status, answer.headers ?? {});
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  consumer.url = `http://127.0.0.1:${address.port}`;
  consumer.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return consumer;
}

/** Polls until `check` returns true (or throws after `ms`). */
export async function until(check: () => boolean | Promise<boolean>, ms = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
