import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Lead } from '@hearth/core/schemas';
import type { InsertResult, LeadStore, ListOptions, NewLeadRecord, StoredLead } from './store.js';
import type { ServerScore } from './rescore.js';

/** Bumped with each migration below; stored in `PRAGMA user_version`. */
export const SQLITE_SCHEMA_VERSION = 1;

// Each entry migrates from version (index) to (index + 1). Never edit a shipped migration: add one.
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE leads (
     id               TEXT PRIMARY KEY,
     idempotency_key  TEXT NOT NULL UNIQUE,
     fingerprint      TEXT NOT NULL,
     received_at      TEXT NOT NULL,
     created_at       TEXT NOT NULL,
     kind             TEXT NOT NULL,
     widget           TEXT NOT NULL,
     urgent           INTEGER NOT NULL CHECK (urgent IN (0, 1)),
     client_urgent    INTEGER NOT NULL CHECK (client_urgent IN (0, 1)),
     name             TEXT NOT NULL,
     email            TEXT NOT NULL,
     phone            TEXT,
     state            TEXT,
     preferred_contact TEXT,
     locale           TEXT,
     origin           TEXT,
     server_score     TEXT,
     score_mismatch   INTEGER NOT NULL DEFAULT 0 CHECK (score_mismatch IN (0, 1)),
     mismatches       TEXT NOT NULL DEFAULT '[]',
     lead_json        TEXT NOT NULL
   );
   CREATE INDEX leads_received_at ON leads (received_at DESC);
   CREATE INDEX leads_urgent ON leads (urgent, received_at DESC);`,
];

interface Row {
  id: string;
  idempotency_key: string;
  fingerprint: string;
  received_at: string;
  urgent: number;
  origin: string | null;
  server_score: string | null;
  score_mismatch: number;
  mismatches: string;
  lead_json: string;
}

function fromRow(row: Row): StoredLead {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    fingerprint: row.fingerprint,
    receivedAt: row.received_at,
    urgent: row.urgent === 1,
    origin: row.origin,
    serverScore: row.server_score ? (JSON.parse(row.server_score) as ServerScore) : null,
    scoreMismatch: row.score_mismatch === 1,
    mismatches: JSON.parse(row.mismatches) as string[],
    lead: JSON.parse(row.lead_json) as Lead,
  };
}

export interface SqliteLeadStoreOptions {
  /** Milliseconds a writer waits for a lock held by another process before failing. Default 5000. */
  busyTimeoutMs?: number;
}

/**
 * Leads in one SQLite file (better-sqlite3), created on first start, in WAL mode so reads (the
 * admin list, backups) never block the writer. Contact columns are split out so a clinic can
 * query them with the `sqlite3` shell; `lead_json` keeps the whole validated lead.
 */
export class SqliteLeadStore implements LeadStore {
  readonly kind = 'sqlite';
  readonly schemaVersion: number;
  readonly path: string;
  readonly #db: Database.Database;
  readonly #insert: Database.Statement;
  readonly #byKey: Database.Statement<[string], Row>;

  constructor(path: string, options: SqliteLeadStoreOptions = {}) {
    this.path = path;
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    this.#db = db;
    try {
      db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
      db.pragma('journal_mode = WAL');
      // NORMAL is durable across application crashes in WAL mode; only a power cut may lose the last commit.
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      this.schemaVersion = this.#migrate();
    } catch (error) {
      db.close();
      throw error;
    }
    this.#insert = db.prepare(
      `INSERT INTO leads (id, idempotency_key, fingerprint, received_at, created_at, kind, widget, urgent, client_urgent, name, email,
         phone, state, preferred_contact, locale, origin, server_score, score_mismatch, mismatches, lead_json)
       VALUES (@id, @idempotencyKey, @fingerprint, @receivedAt, @createdAt, @kind, @widget, @urgent, @clientUrgent, @name, @email,
         @phone, @state, @preferredContact, @locale, @origin, @serverScore, @scoreMismatch, @mismatches, @leadJson)
       ON CONFLICT (idempotency_key) DO NOTHING`,
    );
    this.#byKey = db.prepare<[string], Row>('SELECT * FROM leads WHERE idempotency_key = ?');
  }

  #migrate(): number {
    const current = this.#db.pragma('user_version', { simple: true }) as number;
    if (current > MIGRATIONS.length) {
      throw new Error(
        `The lead database ${this.path} has schema version ${current}, newer than this receiver (${MIGRATIONS.length}): upgrade the receiver.`,
      );
    }
    for (let version = current; version < MIGRATIONS.length; version++) {
      const step = this.#db.transaction(() => {
        this.#db.exec(MIGRATIONS[version]!);
        this.#db.pragma(`user_version = ${version + 1}`);
      });
      step.immediate();
    }
    return MIGRATIONS.length;
  }

  async insert(record: NewLeadRecord): Promise<InsertResult> {
    const { lead } = record;
    const info = this.#insert.run({
      id: record.id,
      idempotencyKey: record.idempotencyKey,
      fingerprint: record.fingerprint,
      receivedAt: record.receivedAt,
      createdAt: lead.createdAt,
      kind: lead.kind,
      widget: lead.widget,
      urgent: record.urgent ? 1 : 0,
      clientUrgent: lead.urgent ? 1 : 0,
      name: lead.contact.name,
      email: lead.contact.email,
      phone: lead.contact.phone ?? null,
      state: lead.contact.state ?? null,
      preferredContact: lead.contact.preferredContact ?? null,
      locale: lead.locale ?? null,
      origin: record.origin,
      serverScore: record.serverScore ? JSON.stringify(record.serverScore) : null,
      scoreMismatch: record.scoreMismatch ? 1 : 0,
      mismatches: JSON.stringify(record.mismatches),
      leadJson: JSON.stringify(lead),
    });
    if (info.changes === 1) return { created: true, lead: record };
    const existing = this.#byKey.get(record.idempotencyKey);
    if (!existing) throw new Error('Insert was ignored but no row holds its idempotency key.');
    return { created: false, existing: fromRow(existing) };
  }

  async findByKey(idempotencyKey: string): Promise<StoredLead | undefined> {
    const row = this.#byKey.get(idempotencyKey);
    return row ? fromRow(row) : undefined;
  }

  async list({ limit, offset }: ListOptions): Promise<{ leads: StoredLead[]; total: number }> {
    const rows = this.#db
      .prepare<[number, number], Row>('SELECT * FROM leads ORDER BY received_at DESC, rowid DESC LIMIT ? OFFSET ?')
      .all(limit, offset);
    const total = (this.#db.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n;
    return { leads: rows.map(fromRow), total };
  }

  async ping(): Promise<void> {
    this.#db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}
