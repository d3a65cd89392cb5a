import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The test database, e.g. postgres://hearth:hearth@127.0.0.1:5432/hearth_test (set by .ci/run). */
export const PG_URL = process.env.HEARTH_PG_URL || undefined;
const IN_CI = ['true', '1'].includes((process.env.CI ?? '').toLowerCase());

/**
 * How the PostgreSQL suite runs: `run` with a URL; `skip` (one line) outside CI without one;
 * `fail` in CI without one, so that CI can never pass without having run them.
 */
export const pgMode: 'run' | 'skip' | 'fail' = PG_URL ? 'run' : IN_CI ? 'fail' : 'skip';
export const PG_SKIP_REASON =
  'HEARTH_PG_URL is unset: PostgreSQL store tests skipped (bash scripts/setup.sh --with-postgres, then see packages/lead-receiver/README.md)';

/**
 * A fresh, empty schema in the test database, as a URL whose connections use it (search_path),
 * so that tests (and receivers in child processes) never see each other's tables.
 */
export async function freshPgUrl(): Promise<{ url: string; schema: string; drop(): Promise<void> }> {
  if (!PG_URL) throw new Error('HEARTH_PG_URL is unset');
  const schema = `hearth_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    schema,
    async drop() {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** One query against a fresh-schema URL. */
export async function pgQuery<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
