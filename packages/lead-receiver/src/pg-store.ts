import pg from 'pg';
import type { Lead } from '@hearth/lead/schema';
import type { ServerScore } from './rescore.js';
import { deliveryOrder } from './sqlite-store.js';
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

/** Bumped with each migration below; the applied versions are rows of `hearth_migrations`. */
export const PG_SCHEMA_VERSION = 1;

// Each entry migrates from version (index) to (index + 1). Never edit a shipped migration: add one.
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE leads (
     seq               bigserial NOT NULL UNIQUE,
     id                text PRIMARY KEY,
     idempotency_key   text NOT NULL UNIQUE,
     fingerprint       text NOT NULL,
     received_at       timestamptz NOT NULL,
     created_at        text NOT NULL,
     kind              text NOT NULL,
     widget            text NOT NULL,
     urgent            boolean NOT NULL,
     client_urgent     boolean NOT NULL,
     name              text NOT NULL,
     email             text NOT NULL,
     phone             text,
     state             text,
     preferred_contact text,
     locale            text,
     origin            text,
     server_score      jsonb,
     score_mismatch    boolean NOT NULL DEFAULT false,
     mismatches        jsonb NOT NULL DEFAULT '[]',
     lead_json         jsonb NOT NULL
   );
   CREATE INDEX leads_received_at ON leads (received_at DESC, seq DESC);
   CREATE INDEX leads_urgent ON leads (urgent, received_at DESC);
   CREATE INDEX leads_email ON leads (lower(email));
   CREATE TABLE forward_jobs (
     id               text PRIMARY KEY,
     lead_id          text NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
     idempotency_key  text NOT NULL,
     target           text NOT NULL,
     kind             text NOT NULL CHECK (kind IN ('forward', 'urgent')),
     urgent           boolean NOT NULL,
     body             text NOT NULL,
     state            text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'dead')),
     attempts         integer NOT NULL DEFAULT 0,
     next_attempt_at  timestamptz NOT NULL,
     locked_until     timestamptz,
     last_error       text,
     created_at       timestamptz NOT NULL,
     delivered_at     timestamptz
   );
   CREATE INDEX forward_jobs_due ON forward_jobs (state, urgent DESC, next_attempt_at);
   CREATE INDEX forward_jobs_lead ON forward_jobs (lead_id);
   CREATE TABLE hearth_health (id integer PRIMARY KEY, at timestamptz NOT NULL);`,
];

interface Row {
  id: string;
  idempotency_key: string;
  fingerprint: string;
  received_at: Date;
  urgent: boolean;
  origin: string | null;
  server_score: ServerScore | null;
  score_mismatch: boolean;
  mismatches: string[];
  lead_json: Lead;
}

interface JobRow {
  id: string;
  lead_id: string;
  idempotency_key: string;
  target: string;
  kind: 'forward' | 'urgent';
  urgent: boolean;
  body: string;
  state: ForwardJob['state'];
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
}

function fromRow(row: Row): StoredLead {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    fingerprint: row.fingerprint,
    receivedAt: row.received_at.toISOString(),
    urgent: row.urgent,
    origin: row.origin,
    serverScore: row.server_score,
    scoreMismatch: row.score_mismatch,
    mismatches: row.mismatches,
    lead: row.lead_json,
  };
}

function jobFromRow(row: JobRow): ForwardJob {
  return {
    id: row.id,
    leadId: row.lead_id,
    idempotencyKey: row.idempotency_key,
    target: row.target,
    kind: row.kind,
    urgent: row.urgent,
    body: row.body,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at.toISOString(),
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    deliveredAt: row.delivered_at ? row.delivered_at.toISOString() : null,
  };
}

/** True for `postgres://` and `postgresql://` URLs. */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

/** The URL without its password, for logs and errors. */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparsable URL)';
  }
}

export interface PgLeadStoreOptions {
  /** Connections in the pool. Default 10. */
  max?: number;
  /** How long a request waits for a free connection before failing (503). Default 5000 ms. */
  connectionTimeoutMs?: number;
  /** Called when an idle connection fails (e.g. the server restarted); the pool replaces it. */
  onPoolError?: (error: Error) => void;
}

const MIGRATION_LOCK = 'hearth-lead-receiver:migrations';

/**
 * Leads in PostgreSQL through node-postgres with a pool. Same tables and semantics as the SQLite
 * store: the idempotency key is unique in the database, so any number of receivers on one
 * database deduplicate across each other. Create it with `await PgLeadStore.open(url)`, which
 * runs the migrations (under an advisory lock, so receivers starting together do not race).
 * Tables go to the first schema of the connection's `search_path` (set it with
 * `?options=-c%20search_path%3Dmy_schema` in the URL).
 */
export class PgLeadStore implements LeadStore {
  readonly kind = 'postgres';
  readonly schemaVersion = PG_SCHEMA_VERSION;
  readonly #pool: pg.Pool;
  #closed = false;

  private constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  static async open(connectionString: string, options: PgLeadStoreOptions = {}): Promise<PgLeadStore> {
    const pool = new pg.Pool({
      connectionString,
      max: options.max ?? 10,
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 5000,
      idleTimeoutMillis: 30_000,
      application_name: 'hearth-lead-receiver',
    });
    pool.on('error', (error) => options.onPoolError?.(error));
    const store = new PgLeadStore(pool);
    try {
      await store.#migrate();
    } catch (error) {
      await pool.end().catch(() => {});
      throw error;
    }
    return store;
  }

  async #transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async #migrate(): Promise<void> {
    await this.#transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [MIGRATION_LOCK]);
      await client.query(
        'CREATE TABLE IF NOT EXISTS hearth_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM hearth_migrations');
      const current = rows[0]?.v ?? 0;
      if (current > MIGRATIONS.length) {
        throw new Error(
          `The lead database has schema version ${current}, newer than this receiver (${MIGRATIONS.length}): upgrade the receiver.`,
        );
      }
      for (let version = current; version < MIGRATIONS.length; version++) {
        await client.query(MIGRATIONS[version]!);
        await client.query('INSERT INTO hearth_migrations (version) VALUES ($1)', [version + 1]);
      }
    });
  }

  async insert(record: NewLeadRecord, jobs: readonly NewForwardJob[] = []): Promise<InsertResult> {
    const { lead } = record;
    const created = await this.#transaction(async (client) => {
      const inserted = await client.query(
        `INSERT INTO leads (id, idempotency_key, fingerprint, received_at, created_at, kind, widget, urgent, client_urgent, name, email,
           phone, state, preferred_contact, locale, origin, server_score, score_mismatch, mismatches, lead_json)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
         ON CONFLICT (idempotency_key) DO NOTHING`,
        [
          record.id,
          record.idempotencyKey,
          record.fingerprint,
          record.receivedAt,
          lead.createdAt,
          lead.kind,
          lead.widget,
          record.urgent,
          lead.urgent,
          lead.contact.name,
          lead.contact.email,
          lead.contact.phone ?? null,
          lead.contact.state ?? null,
          lead.contact.preferredContact ?? null,
          lead.locale ?? null,
          record.origin,
          record.serverScore ? JSON.stringify(record.serverScore) : null,
          record.scoreMismatch,
          JSON.stringify(record.mismatches),
          JSON.stringify(lead),
        ],
      );
      if (inserted.rowCount !== 1) return false;
      for (const job of jobs) {
        await client.query(
          `INSERT INTO forward_jobs (id, lead_id, idempotency_key, target, kind, urgent, body, next_attempt_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
          [job.id, record.id, record.idempotencyKey, job.target, job.kind, job.urgent, job.body, job.createdAt],
        );
      }
      return true;
    });
    if (created) return { created: true, lead: record };
    // The other insert has committed (READ COMMITTED waited for it), so its row is visible now.
    const existing = await this.findByKey(record.idempotencyKey);
    if (!existing) throw new Error('Insert was ignored but no row holds its idempotency key.');
    return { created: false, existing };
  }

  async findByKey(idempotencyKey: string): Promise<StoredLead | undefined> {
    const { rows } = await this.#pool.query<Row>('SELECT * FROM leads WHERE idempotency_key = $1', [idempotencyKey]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  async list({ limit, offset }: ListOptions): Promise<{ leads: StoredLead[]; total: number }> {
    const [page, count] = await Promise.all([
      this.#pool.query<Row>('SELECT * FROM leads ORDER BY received_at DESC, seq DESC LIMIT $1 OFFSET $2', [limit, offset]),
      this.#pool.query<{ n: string }>('SELECT count(*) AS n FROM leads'),
    ]);
    return { leads: page.rows.map(fromRow), total: Number(count.rows[0]?.n ?? 0) };
  }

  async ping(): Promise<void> {
    if (this.#closed) throw new Error('The store is closed.');
    await this.#pool.query('SELECT 1');
  }

  async probeWrite(): Promise<void> {
    if (this.#closed) throw new Error('The store is closed.');
    await this.#pool.query('INSERT INTO hearth_health (id, at) VALUES (1, now()) ON CONFLICT (id) DO UPDATE SET at = excluded.at');
  }

  async deleteById(id: string): Promise<boolean> {
    return ((await this.#pool.query('DELETE FROM leads WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  async eraseByEmail(email: string): Promise<number> {
    return (await this.#pool.query('DELETE FROM leads WHERE lower(email) = lower($1)', [email.trim()])).rowCount ?? 0;
  }

  async deleteReceivedBefore(instant: string): Promise<number> {
    return (await this.#pool.query('DELETE FROM leads WHERE received_at < $1', [instant])).rowCount ?? 0;
  }

  async claimForwardJobs(now: string, leaseUntil: string, limit: number): Promise<ForwardJob[]> {
    const { rows } = await this.#pool.query<JobRow>(
      `UPDATE forward_jobs SET locked_until = $2
       WHERE id IN (SELECT id FROM forward_jobs
                    WHERE state = 'pending' AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until <= $1)
                    ORDER BY urgent DESC, created_at, id LIMIT $3
                    FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [now, leaseUntil, limit],
    );
    return rows.map(jobFromRow).sort(deliveryOrder);
  }

  async completeForwardJob(id: string, deliveredAt: string): Promise<void> {
    await this.#pool.query(
      `UPDATE forward_jobs SET state = 'done', delivered_at = $1, attempts = attempts + 1, locked_until = NULL, last_error = NULL WHERE id = $2`,
      [deliveredAt, id],
    );
  }

  async failForwardJob(id: string, failure: ForwardFailure): Promise<void> {
    await this.#pool.query(
      `UPDATE forward_jobs SET state = $1, attempts = $2, next_attempt_at = $3, last_error = $4, locked_until = NULL WHERE id = $5`,
      [failure.dead ? 'dead' : 'pending', failure.attempts, failure.nextAttemptAt, failure.lastError.slice(0, 200), id],
    );
  }

  async listDeadForwardJobs(limit: number): Promise<ForwardJob[]> {
    const { rows } = await this.#pool.query<JobRow>(
      `SELECT * FROM forward_jobs WHERE state = 'dead' ORDER BY next_attempt_at DESC, id LIMIT $1`,
      [limit],
    );
    return rows.map(jobFromRow);
  }

  async retryForwardJob(id: string, now: string): Promise<boolean> {
    const result = await this.#pool.query(
      `UPDATE forward_jobs SET state = 'pending', attempts = 0, next_attempt_at = $1, locked_until = NULL WHERE id = $2 AND state = 'dead'`,
      [now, id],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async countForwardJobs(): Promise<ForwardCounts> {
    const counts: ForwardCounts = { pending: 0, done: 0, dead: 0 };
    const { rows } = await this.#pool.query<{ state: keyof ForwardCounts; n: string }>(
      'SELECT state, count(*) AS n FROM forward_jobs GROUP BY state',
    );
    for (const row of rows) counts[row.state] = Number(row.n);
    return counts;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }
}
