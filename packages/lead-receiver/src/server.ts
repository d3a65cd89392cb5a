import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp, type AppOptions } from './app.js';
import { checkForwardOptions, Forwarder } from './forwarder.js';
import { jsonLogger, type ReceiverLogger } from './logger.js';
import { isPostgresUrl, PgLeadStore } from './pg-store.js';
import { SqliteLeadStore } from './sqlite-store.js';
import type { LeadStore } from './store.js';

export interface ReceiverOptions extends AppOptions {
  /** Default 8787; 0 picks a free port (see `url`). */
  port?: number;
  /** Default 127.0.0.1 (this machine only). Use 0.0.0.0 to accept other machines, behind HTTPS. */
  host?: string;
  /**
   * SQLite file, created on first start with its folder, or a `postgres://` URL. Default
   * `.data/leads.sqlite`. Any other URL scheme is an error. Ignored when `store` is given.
   */
  dbPath?: string;
  /** Delete leads received more than this many days ago, at start and then every `retentionIntervalMs`. */
  retainDays?: number | undefined;
  /** How often the retention sweep runs. Default one hour. */
  retentionIntervalMs?: number;
  /** Another LeadStore (e.g. PostgreSQL); the receiver closes it on `close()`. */
  store?: LeadStore;
  /** How long `close()` waits for in-flight requests before cutting connections. Default 10 s. */
  shutdownTimeoutMs?: number;
}

export interface RunningReceiver {
  /** e.g. `http://127.0.0.1:8787`; the lead endpoint is `${url}/leads`. */
  url: string;
  port: number;
  store: LeadStore;
  /** Stops accepting connections, lets in-flight requests finish, then closes the store. Idempotent. */
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_DB_PATH = '.data/leads.sqlite';

/** A random admin token (32 bytes, base64url), for scripts that start a receiver and print it. */
export function generateAdminToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Opens the store a `--db` value names: a `postgres://` (or `postgresql://`) URL opens PostgreSQL
 * (migrations included); anything else that looks like a URL is refused rather than taken for a
 * file name; the rest is an SQLite file path.
 */
export async function openStore(db: string, logger?: ReceiverLogger): Promise<LeadStore> {
  if (isPostgresUrl(db)) {
    return PgLeadStore.open(db, {
      onPoolError: (error) => logger?.warn('postgres.connection-lost', { error: error.name, code: (error as { code?: string }).code }),
    });
  }
  // "postgres:x", "mysql://…", "sqlite:…": a scheme, not a file. (One letter before the colon is a Windows drive.)
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(db);
  if (scheme && scheme[1]!.toLowerCase() !== 'file') {
    throw new Error(`--db has an unsupported scheme "${scheme[1]}:": give an SQLite file path or a postgres:// URL.`);
  }
  if (scheme) return new SqliteLeadStore(fileURLToPath(db));
  return new SqliteLeadStore(db);
}

/**
 * Starts the receiver over HTTP on loopback by default, with SQLite unless a store is given.
 *
 * ```ts
 * const receiver = await startReceiver({ port: 0, dbPath: '.data/leads.sqlite', allowOrigins: ['http://localhost:5173'], adminToken });
 * console.log(`${receiver.url}/leads`);
 * await receiver.close();
 * ```
 */
export async function startReceiver(options: ReceiverOptions = {}): Promise<RunningReceiver> {
  const logger = options.logger ?? jsonLogger();
  if (options.forward) checkForwardOptions(options.forward);
  if (options.retainDays !== undefined && !(options.retainDays > 0)) throw new RangeError('retainDays must be a positive number of days.');
  const store = options.store ?? (await openStore(options.dbPath ?? DEFAULT_DB_PATH, logger));
  const now = options.now ?? (() => new Date());
  let app;
  let forwarder: Forwarder | undefined;
  try {
    forwarder = options.forward ? new Forwarder(store, options.forward, logger, now) : undefined;
    app = createApp(store, { ...options, logger, onForwardJobs: () => forwarder?.kick() });
  } catch (error) {
    await store.close();
    throw error;
  }
  const host = options.host ?? '127.0.0.1';
  let server!: Server;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server = serve(
      {
        fetch: app.fetch,
        port: options.port ?? DEFAULT_PORT,
        hostname: host,
      },
      (info) => resolve(info),
    ) as Server;
    server.once('error', reject);
  }).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  // Slow or idle clients must not pin sockets open forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  let shuttingDown = false;
  server.on('request', (_request, response) => {
    response.once('close', () => {
      // A keep-alive socket that just answered its last request would hold close() open until it times out.
      if (shuttingDown) setImmediate(() => server.closeIdleConnections());
    });
  });

  const urlHost = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  const url = `http://${urlHost === '0.0.0.0' ? '127.0.0.1' : urlHost === '[::]' ? '[::1]' : urlHost}:${address.port}`;
  if (!options.allowOrigins?.length)
    logger.warn('cors.empty', { hint: 'No --allow-origin: browsers on other sites cannot post leads yet.' });
  if (!options.adminToken) logger.warn('admin.disabled', { hint: 'No HEARTH_ADMIN_TOKEN: GET /leads and /admin are refused.' });
  logger.info('listening', { url, store: store.kind, schemaVersion: store.schemaVersion });
  forwarder?.start();

  let retentionTimer: NodeJS.Timeout | undefined;
  let sweeping: Promise<void> | undefined;
  if (options.retainDays !== undefined) {
    const days = options.retainDays;
    const sweep = () => {
      sweeping ??= (async () => {
        const before = new Date(now().getTime() - days * 86_400_000).toISOString();
        try {
          const deleted = await store.deleteReceivedBefore(before);
          logger.info('retention.swept', { retainDays: days, deleted });
        } catch (error) {
          logger.error('retention.failed', { error: error instanceof Error ? error.name : 'unknown' });
        } finally {
          sweeping = undefined;
        }
      })();
    };
    sweep();
    retentionTimer = setInterval(sweep, options.retentionIntervalMs ?? 3_600_000);
    retentionTimer.unref();
  }

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      shuttingDown = true;
      // Stop accepting; requests in progress finish and answer; idle keep-alive sockets end now.
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), options.shutdownTimeoutMs ?? 10_000);
      });
      const outcome = await Promise.race([done.then(() => 'done' as const), expired]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        logger.warn('shutdown.forced', {});
        server.closeAllConnections();
        await done;
      }
      clearInterval(retentionTimer);
      await sweeping;
      await forwarder?.stop();
      await store.close();
      logger.info('closed', {});
    })();
    return closing;
  };
  return { url, port: address.port, store, close };
}
