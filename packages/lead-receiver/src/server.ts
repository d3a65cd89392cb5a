import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp, type AppOptions } from './app.js';
import { jsonLogger } from './logger.js';
import { SqliteLeadStore } from './sqlite-store.js';
import type { LeadStore } from './store.js';

export interface ReceiverOptions extends AppOptions {
  /** Default 8787; 0 picks a free port (see `url`). */
  port?: number;
  /** Default 127.0.0.1 (this machine only). Use 0.0.0.0 to accept other machines, behind HTTPS. */
  host?: string;
  /** SQLite file, created on first start with its folder. Default `.data/leads.sqlite`. Ignored when `store` is given. */
  dbPath?: string;
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
  const store = options.store ?? new SqliteLeadStore(options.dbPath ?? DEFAULT_DB_PATH);
  let app;
  try {
    app = createApp(store, { ...options, logger });
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
      await store.close();
      logger.info('closed', {});
    })();
    return closing;
  };
  return { url, port: address.port, store, close };
}
