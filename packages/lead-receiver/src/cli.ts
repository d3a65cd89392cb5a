#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { registerInstrument, type InstrumentDefinition } from '@hearth/assessment/scoring';
import { startReceiver, DEFAULT_DB_PATH, DEFAULT_PORT } from './server.js';
import { jsonLogger } from './logger.js';
import { RECEIVER_VERSION } from './version.js';

const HELP = `hearth-lead-receiver ${RECEIVER_VERSION}: receives Hearth leads, stores them in SQLite or PostgreSQL
and forwards them to the clinic's systems.

Usage: hearth-lead-receiver [options]

  --port <n>            Port (env HEARTH_PORT; default ${DEFAULT_PORT}; 0 = any free port)
  --host <address>      Address to listen on (env HEARTH_HOST; default 127.0.0.1)
  --db <path|url>       SQLite file, created if missing, or a postgres:// URL (env HEARTH_DB;
                        default ${DEFAULT_DB_PATH}). Other URL schemes are refused.
  --allow-origin <o>    Site allowed to post leads, e.g. https://clinic.example; repeat or
                        comma-separate (env HEARTH_ALLOW_ORIGINS). Default: none.
  --rate-limit <n>      Requests per minute per client address (env HEARTH_RATE_LIMIT; default 30; 0 = off)
  --trust-proxy         Read the client address from X-Forwarded-For (env HEARTH_TRUST_PROXY=1)
  --retain-days <n>     Delete leads older than n days, at start and hourly (env HEARTH_RETAIN_DAYS)
  --forward <url>       POST each stored lead, signed, to this URL; repeatable (env HEARTH_FORWARD,
                        comma-separated). Needs HEARTH_FORWARD_SECRET.
  --notify-urgent <url> Also POST urgent leads here, e.g. an on-call pager webhook (env HEARTH_NOTIFY_URGENT)
  --forward-attempts <n> Attempts before a delivery goes to the dead letters on /admin (default 8)
  --forward-timeout <s> Seconds to wait for the receiving end (default 10)
  --instrument <file>   A partner's instrument definition (JSON, as given to the widget), so that
                        its answers are re-scored by id; repeatable
  -h, --help            This help
  -v, --version         The version

The admin token for GET /leads and /admin comes from the environment only (HEARTH_ADMIN_TOKEN,
at least 16 characters), so it never shows in the process list. Without it, reads are refused.
The forwarding secret too: HEARTH_FORWARD_SECRET (at least 16 characters) signs every delivery
with Hearth-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">.
`;

function fail(message: string): never {
  process.stderr.write(`hearth-lead-receiver: ${message}\n`);
  process.exit(1);
}

function integer(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535 * 1000) fail(`${name} must be a whole number, got "${value}".`);
  return n;
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      'rate-limit': { type: 'string' },
      'trust-proxy': { type: 'boolean' },
      'retain-days': { type: 'string' },
      forward: { type: 'string', multiple: true },
      'notify-urgent': { type: 'string' },
      'forward-attempts': { type: 'string' },
      'forward-timeout': { type: 'string' },
      instrument: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
    strict: true,
  });
} catch (error) {
  fail(`${(error as Error).message}\n\n${HELP}`);
}
const { values } = parsed;
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
if (values.version) {
  process.stdout.write(`${RECEIVER_VERSION}\n`);
  process.exit(0);
}

const env = process.env;
const port = integer(values.port ?? env.HEARTH_PORT, 'port', DEFAULT_PORT);
if (port > 65535) fail(`port must be at most 65535, got ${port}.`);
const perMinute = integer(values['rate-limit'] ?? env.HEARTH_RATE_LIMIT, 'rate-limit', 30);
const allowOrigins = (values['allow-origin'] ?? (env.HEARTH_ALLOW_ORIGINS ? [env.HEARTH_ALLOW_ORIGINS] : []))
  .flatMap((v) => v.split(','))
  .map((v) => v.trim())
  .filter(Boolean);

const retainDays = integer(values['retain-days'] ?? env.HEARTH_RETAIN_DAYS, 'retain-days', 0);
const forwardUrls = (values.forward ?? (env.HEARTH_FORWARD ? [env.HEARTH_FORWARD] : []))
  .flatMap((v) => v.split(','))
  .map((v) => v.trim())
  .filter(Boolean);
const notifyUrgent = values['notify-urgent'] ?? (env.HEARTH_NOTIFY_URGENT || undefined);
const forwardAttempts = integer(values['forward-attempts'], 'forward-attempts', 8);
const forwardTimeout = integer(values['forward-timeout'], 'forward-timeout', 10);
const forwarding = forwardUrls.length > 0 || notifyUrgent !== undefined;

for (const file of values.instrument ?? []) {
  try {
    registerInstrument(JSON.parse(readFileSync(file, 'utf8')) as InstrumentDefinition);
  } catch (error) {
    fail(`--instrument ${file}: ${(error as Error).message}`);
  }
}

const logger = jsonLogger();
try {
  const receiver = await startReceiver({
    port,
    host: values.host ?? env.HEARTH_HOST ?? '127.0.0.1',
    dbPath: values.db ?? env.HEARTH_DB ?? DEFAULT_DB_PATH,
    allowOrigins,
    adminToken: env.HEARTH_ADMIN_TOKEN || undefined,
    rateLimit: perMinute === 0 ? false : { max: perMinute, windowMs: 60_000 },
    trustProxy: values['trust-proxy'] ?? ['1', 'true', 'yes'].includes((env.HEARTH_TRUST_PROXY ?? '').toLowerCase()),
    retainDays: retainDays > 0 ? retainDays : undefined,
    forward: forwarding
      ? {
          urls: forwardUrls,
          notifyUrgent,
          secret: env.HEARTH_FORWARD_SECRET ?? '',
          maxAttempts: Math.max(1, forwardAttempts),
          timeoutMs: Math.max(1, forwardTimeout) * 1000,
        }
      : undefined,
    logger,
  });
  let signals = 0;
  const stop = (signal: string) => {
    // A second Ctrl-C means "now".
    if (++signals > 1) process.exit(1);
    logger.info('shutdown', { signal });
    receiver.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  const err = error as NodeJS.ErrnoException;
  if (err.code === 'EADDRINUSE') fail(`port ${port} is already in use: pass --port with another one (or 0).`);
  fail(err.message);
}
