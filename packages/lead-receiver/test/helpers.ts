import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { startReceiver, type ReceiverOptions, type RunningReceiver } from '../src/index.js';
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
