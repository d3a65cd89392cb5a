import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Lead } from '@hearth/lead/schema';
import type {
  ForwardCounts,
  ForwardFailure,
  ForwardJob,
  InsertResult,
  LeadStore,
  ListOptions,
  NewForwardJob,
  NewLeadRecord,
  StoredLead,
} from './store.js';
import type { ServerScore } from './rescore.js';

/** Bumped with each migration below; stored in `PRAGMA user_version`. */
export const SQLITE_SCHEMA_VERSION = 2;

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
  // 2: the forwarding outbox (written in the lead's transaction), erasure by email, the health probe.
  `CREATE TABLE forward_jobs (
     id               TEXT PRIMARY KEY,
     lead_id          TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
     idempotency_key  TEXT NOT NULL,
     target           TEXT NOT NULL,
     kind             TEXT NOT NULL CHECK (kind IN ('forward', 'urgent')),
     urgent           INTEGER NOT NULL CHECK (urgent IN (0, 1)),
     body             TEXT NOT NULL,
     state            TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'dead')),
     attempts         INTEGER NOT NULL DEFAULT 0,
     next_attempt_at  TEXT NOT NULL,
     locked_until     TEXT,
     last_error       TEXT,
     created_at       TEXT NOT NULL,
     delivered_at     TEXT
   );
   CREATE INDEX forward_jobs_due ON forward_jobs (state, urgent DESC, next_attempt_at);
   CREATE INDEX forward_jobs_lead ON forward_jobs (lead_id);
   CREATE INDEX leads_email ON leads (lower(email));
   CREATE TABLE health_probe (id INTEGER PRIMARY KEY, at TEXT NOT NULL, pad BLOB);`,
];

interface JobRow {
  id: string;
  lead_id: string;
  idempotency_key: string;
  target: string;
  kind: 'forward' | 'urgent';
  urgent: number;
  body: string;
  state: ForwardJob['state'];
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export function jobFromRow(row: JobRow): ForwardJob {
  return {
    id: row.id,
    leadId: row.lead_id,
    idempotencyKey: row.idempotency_key,
    target: row.target,
    kind: row.kind,
    urgent: row.urgent === 1 || (row.urgent as unknown) === true,
    body: row.body,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  };
}

/** Urgent first, then oldest: the order jobs are delivered in. */
export function deliveryOrder(a: ForwardJob, b: ForwardJob): number {
  return Number(b.urgent) - Number(a.urgent) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

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
  /**
   * Milliseconds a call waits for a lock held by another process before failing with
   * SQLITE_BUSY (answered 503 with Retry-After). Default 200. The wait is asynchronous (SQLite's
   * own busy timeout is 0, because better-sqlite3 would wait on the main thread and 50 waiting
   * requests would freeze every other one, `/healthz` included, for 50 × the timeout).
   */
  busyTimeoutMs?: number;
  /** Caps the database at this many pages (a quota; tests use it to stand in for a full disk). */
  maxPageCount?: number;
}

/** The default wait for a lock held elsewhere (asynchronous: other requests go on meanwhile). */
export const SQLITE_BUSY_TIMEOUT_MS = 200;

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
  readonly #insertJob: Database.Statement;
  readonly #busyTimeoutMs: number;

  constructor(path: string, options: SqliteLeadStoreOptions = {}) {
    this.path = path;
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    this.#db = db;
    try {
      this.#busyTimeoutMs = Math.max(0, Math.floor(options.busyTimeoutMs ?? SQLITE_BUSY_TIMEOUT_MS));
      // At start-up (the migrations) a blocking wait harms nobody; afterwards SQLite never waits.
      db.pragma('busy_timeout = 5000');
      db.pragma('journal_mode = WAL');
      // FULL: every commit is synced to disk before the 201, so an acknowledged lead survives a power cut
      // (NORMAL in WAL mode may lose the last commits).
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      if (options.maxPageCount) db.pragma(`max_page_count = ${Math.floor(options.maxPageCount)}`);
      this.schemaVersion = this.#migrate();
      db.pragma('busy_timeout = 0');
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
    this.#insertJob = db.prepare(
      `INSERT INTO forward_jobs (id, lead_id, idempotency_key, target, kind, urgent, body, next_attempt_at, created_at)
       VALUES (@id, @leadId, @idempotencyKey, @target, @kind, @urgent, @body, @createdAt, @createdAt)`,
    );
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

  /**
   * Runs `work` (synchronous SQLite); while another process holds the lock (SQLITE_BUSY), waits
   * without blocking the event loop and tries again, for up to the busy timeout, then throws.
   */
  async #unlocked<T>(work: () => T): Promise<T> {
    const deadline = Date.now() + this.#busyTimeoutMs;
    for (let pause = 5; ; pause = Math.min(pause * 2, 50)) {
      try {
        return work();
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        const busy = typeof code === 'string' && code.startsWith('SQLITE_BUSY');
        if (!busy || Date.now() + pause > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }

  async insert(record: NewLeadRecord, jobs: readonly NewForwardJob[] = []): Promise<InsertResult> {
    const { lead } = record;
    // One transaction: the lead and its forward jobs are committed together or not at all.
    const write = this.#db.transaction(() => {
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
      if (info.changes !== 1) return false;
      for (const job of jobs) {
        this.#insertJob.run({
          id: job.id,
          leadId: record.id,
          idempotencyKey: record.idempotencyKey,
          target: job.target,
          kind: job.kind,
          urgent: job.urgent ? 1 : 0,
          body: job.body,
          createdAt: job.createdAt,
        });
      }
      return true;
    });
    if (await this.#unlocked(() => write.immediate())) return { created: true, lead: record };
    const existing = await this.#unlocked(() => this.#byKey.get(record.idempotencyKey));
    if (!existing) throw new Error('Insert was ignored but no row holds its idempotency key.');
    return { created: false, existing: fromRow(existing) };
  }

  async findByKey(idempotencyKey: string): Promise<StoredLead | undefined> {
    const row = await this.#unlocked(() => this.#byKey.get(idempotencyKey));
    return row ? fromRow(row) : undefined;
  }

  async list({ limit, offset }: ListOptions): Promise<{ leads: StoredLead[]; total: number }> {
    const [rows, total] = await this.#unlocked(
      () =>
        [
          this.#db
            .prepare<[number, number], Row>('SELECT * FROM leads ORDER BY received_at DESC, rowid DESC LIMIT ? OFFSET ?')
            .all(limit, offset),
          (this.#db.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n,
        ] as const,
    );
    return { leads: rows.map(fromRow), total };
  }

  /** The connection's durability settings, as SQLite reports them. */
  settings(): { journalMode: string; synchronous: 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA'; busyTimeoutMs: number } {
    const sync = this.#db.pragma('synchronous', { simple: true }) as number;
    return {
      journalMode: this.#db.pragma('journal_mode', { simple: true }) as string,
      synchronous: (['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const)[sync] ?? 'FULL',
      // SQLite's own (0 once started: it would block the event loop) and the asynchronous wait.
      busyTimeoutMs: Math.max(this.#db.pragma('busy_timeout', { simple: true }) as number, this.#busyTimeoutMs),
    };
  }

  async ping(): Promise<void> {
    this.#db.prepare('SELECT 1').get();
  }

  async probeWrite(): Promise<void> {
    // Rows that need new pages (8 KB), committed: fails like a lead insert would on a full disk,
    // a read-only file or a lock held elsewhere. The delete frees the pages for the next probe.
    const probe = this.#db.transaction(() => {
      this.#db.prepare('INSERT INTO health_probe (at, pad) VALUES (?, zeroblob(8192))').run(new Date().toISOString());
      this.#db.prepare('DELETE FROM health_probe').run();
    });
    await this.#unlocked(() => probe.immediate());
  }

  async deleteById(id: string): Promise<boolean> {
    return this.#unlocked(() => this.#db.prepare('DELETE FROM leads WHERE id = ?').run(id).changes > 0);
  }

  async eraseByEmail(email: string): Promise<number> {
    return this.#unlocked(() => this.#db.prepare('DELETE FROM leads WHERE lower(email) = ?').run(email.trim().toLowerCase()).changes);
  }

  async deleteReceivedBefore(instant: string): Promise<number> {
    return this.#unlocked(() => this.#db.prepare('DELETE FROM leads WHERE received_at < ?').run(instant).changes);
  }

  async claimForwardJobs(now: string, leaseUntil: string, limit: number): Promise<ForwardJob[]> {
    const rows = await this.#unlocked(() =>
      this.#db
        .prepare<[{ now: string; leaseUntil: string; limit: number }], JobRow>(
          `UPDATE forward_jobs SET locked_until = @leaseUntil
         WHERE id IN (SELECT id FROM forward_jobs
                      WHERE state = 'pending' AND next_attempt_at <= @now AND (locked_until IS NULL OR locked_until <= @now)
                      ORDER BY urgent DESC, created_at, id LIMIT @limit)
         RETURNING *`,
        )
        .all({ now, leaseUntil, limit }),
    );
    return rows.map(jobFromRow).sort(deliveryOrder);
  }

  async completeForwardJob(id: string, deliveredAt: string): Promise<void> {
    await this.#unlocked(() =>
      this.#db
        .prepare(
          `UPDATE forward_jobs SET state = 'done', delivered_at = ?, attempts = attempts + 1, locked_until = NULL, last_error = NULL WHERE id = ?`,
        )
        .run(deliveredAt, id),
    );
  }

  async failForwardJob(id: string, failure: ForwardFailure): Promise<void> {
    await this.#unlocked(() =>
      this.#db
        .prepare(`UPDATE forward_jobs SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ?, locked_until = NULL WHERE id = ?`)
        .run(failure.dead ? 'dead' : 'pending', failure.attempts, failure.nextAttemptAt, failure.lastError.slice(0, 200), id),
    );
  }

  async listDeadForwardJobs(limit: number): Promise<ForwardJob[]> {
    return this.#db
      .prepare<[number], JobRow>(`SELECT * FROM forward_jobs WHERE state = 'dead' ORDER BY next_attempt_at DESC, id LIMIT ?`)
      .all(limit)
      .map(jobFromRow);
  }

  async retryForwardJob(id: string, now: string): Promise<boolean> {
    return this.#unlocked(
      () =>
        this.#db
          .prepare(
            `UPDATE forward_jobs SET state = 'pending', attempts = 0, next_attempt_at = ?, locked_until = NULL WHERE id = ? AND state = 'dead'`,
          )
          .run(now, id).changes > 0,
    );
  }

  async countForwardJobs(): Promise<ForwardCounts> {
    const counts: ForwardCounts = { pending: 0, done: 0, dead: 0 };
    for (const row of this.#db
      .prepare<[], { state: keyof ForwardCounts; n: number }>('SELECT state, count(*) AS n FROM forward_jobs GROUP BY state')
      .all())
      counts[row.state] = row.n;
    return counts;
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}
