import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { validateLead, type Lead } from '@hearth/lead/schema';
// Each domain registers the summary its leads carry; a lead of a kind not imported here is refused.
import '@hearth/assessment/schema';
import '@hearth/coverage/schema';
import { renderAdminPage, leadsCsv } from './admin.js';
import { forwardJobsFor, type ForwardOptions } from './forwarder.js';
import { silentLogger, type ReceiverLogger } from './logger.js';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { rescoreLead } from './rescore.js';
import { boundPath, maskPath, stripControlDeep } from './sanitize.js';
import type { LeadStore, StoredLead } from './store.js';
import { RECEIVER_VERSION } from './version.js';

/** The lead body limit of the issue: a lead is a few kilobytes; anything bigger is not a lead. */
export const DEFAULT_BODY_LIMIT = 32 * 1024;
/** Admin tokens shorter than this are refused: the token guards health data. */
export const MIN_ADMIN_TOKEN_LENGTH = 16;

export interface AppOptions {
  /**
   * Origins allowed to POST leads from a browser, e.g. `["https://clinic.example"]`. Empty by
   * default: no site may post until it is listed. `"*"` allows any origin (explicit opt-in only).
   * Requests without an `Origin` header (servers, curl) are not browser requests and are accepted.
   */
  allowOrigins?: readonly string[];
  /** Bearer token for `GET /leads` and `/admin` (at least 16 characters). Without one, reads are disabled. */
  adminToken?: string | undefined;
  /** Per client address; `false` turns it off (load tests). Default 30 requests, refilled over a minute. */
  rateLimit?: RateLimitOptions | false;
  /** Maximum request body in bytes. Default 32 KB. */
  bodyLimit?: number;
  logger?: ReceiverLogger;
  /** Take the client address from `X-Forwarded-For` as set by the one reverse proxy you run in front. Default false. */
  trustProxy?: boolean;
  /** Clock, for tests. */
  now?: () => Date;
  /**
   * Forwarding (`--forward`, `--notify-urgent`): each stored lead gets its forward jobs in the same
   * transaction. Delivery itself is the `Forwarder`'s job (started by `startReceiver`).
   */
  forward?: ForwardOptions | undefined;
  /** Called after a lead is stored with forward jobs (wakes the delivery worker). */
  onForwardJobs?: () => void;
}

/** Store errors that pass: a lock, a full disk, a database restarting or out of connections. */
export function isTransientStoreError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    if (
      ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_FULL'].includes(code) ||
      code.startsWith('SQLITE_BUSY_') ||
      code.startsWith('SQLITE_LOCKED_')
    )
      return true;
    if (code.startsWith('SQLITE_IOERR')) return false;
    // PostgreSQL: connection exceptions (08), insufficient resources (53: disk full, out of
    // connections), operator intervention (57P: shutting down, starting up), serialization and deadlocks.
    if (/^(08|53)[0-9A-Z]{3}$/.test(code) || /^57P0[1-3]$/.test(code) || code === '40001' || code === '40P01') return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) return true;
  }
  // node-postgres' pool: "timeout exceeded when trying to connect", "Connection terminated …".
  const message = error instanceof Error ? error.message : '';
  return /timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error/i.test(message);
}

/** The route a request matched, for logs: never the client's own path (it can be anything). */
function routeLabel(method: string, path: string): string {
  if (path === '/leads' || path === '/healthz' || path === '/admin' || path === '/erase' || path === '/admin/leads.csv') return path;
  if (/^\/leads\/[^/]+$/.test(path)) return '/leads/:id';
  if (/^\/admin\/forward\/[^/]+\/retry$/.test(path)) return '/admin/forward/:id/retry';
  return method === 'OPTIONS' ? '(preflight)' : '(other)';
}

/** An Origin header for a log line: a parsed http(s) origin, or a placeholder. */
function originLabel(origin: string): string {
  try {
    const url = new URL(origin);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin.length <= 120) return url.origin;
  } catch {
    // fall through
  }
  return '(not an origin)';
}

const LEAD_HEADERS = 'content-type, idempotency-key';
const EXPOSED_HEADERS = 'retry-after, idempotent-replayed';

function normalizeOrigins(origins: readonly string[]): { any: boolean; set: Set<string> } {
  const set = new Set<string>();
  let any = false;
  for (const raw of origins) {
    const value = raw.trim();
    if (!value) continue;
    if (value === '*') any = true;
    else if (value === 'null') set.add('null');
    else {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        throw new TypeError(`allowOrigins: "${value}" is not an origin; expected e.g. https://clinic.example`);
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`allowOrigins: "${value}" must be an http(s) origin.`);
      set.add(url.origin);
    }
  }
  return { any, set };
}

/**
 * What makes two posts with one Idempotency-Key the same request: the lead without `createdAt`
 * and `consent.timestamp`, which a page rebuilds when the person presses Send again after a
 * failure. Anything the person wrote or chose still counts: a key reused for other details is 422.
 */
export function leadFingerprint(lead: Lead): string {
  const { createdAt: _createdAt, consent, ...rest } = lead;
  const { timestamp: _timestamp, ...consentRest } = consent;
  return createHash('sha256')
    .update(JSON.stringify({ ...rest, consent: consentRest }))
    .digest('hex');
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** What `GET /leads` returns for one lead. */
export interface LeadView {
  id: string;
  idempotencyKey: string;
  receivedAt: string;
  urgent: boolean;
  scoreMismatch: boolean;
  mismatches: string[];
  serverScore: StoredLead['serverScore'];
  origin: string | null;
  lead: StoredLead['lead'];
}

function toView(l: StoredLead): LeadView {
  return {
    id: l.id,
    idempotencyKey: l.idempotencyKey,
    receivedAt: l.receivedAt,
    urgent: l.urgent,
    scoreMismatch: l.scoreMismatch,
    mismatches: l.mismatches,
    serverScore: l.serverScore,
    origin: l.origin,
    lead: l.lead,
  };
}

type BodyRead = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'encoding' };

async function readLimited(request: Request, limit: number): Promise<BodyRead> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) return { ok: false, reason: 'too-large' };
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return { ok: false, reason: 'too-large' };
    }
    chunks.push(value);
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    return { ok: false, reason: 'encoding' };
  }
}

/**
 * The receiver as a Hono app, for embedding in another server or testing with `app.request()`.
 * `startReceiver()` serves it over HTTP.
 *
 * Routes: `POST /leads`, `OPTIONS /leads` (CORS preflight), `GET /leads` and `GET /admin`
 * (bearer token), `GET /healthz`.
 */
export function createApp(store: LeadStore, options: AppOptions = {}): Hono {
  const logger = options.logger ?? silentLogger;
  const origins = normalizeOrigins(options.allowOrigins ?? []);
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const now = options.now ?? (() => new Date());
  const adminToken = options.adminToken || undefined;
  if (adminToken !== undefined && adminToken.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new RangeError(`The admin token must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters (generate one with generateAdminToken()).`);
  }
  const adminDigest = adminToken ? digest(adminToken) : undefined;
  const limiter = options.rateLimit === false ? undefined : new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);

  const app = new Hono();

  const clientOf = (c: Context): string => {
    if (options.trustProxy) {
      // The right-most address is the one your proxy saw; those before it are whatever the client claimed.
      const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
      if (forwarded) return forwarded;
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      // app.request() in tests has no socket.
      return 'unknown';
    }
  };

  const limited = (c: Context, bucket: string): Response | undefined => {
    if (!limiter) return undefined;
    const verdict = limiter.take(`${bucket} ${clientOf(c)}`);
    if (verdict.ok) return undefined;
    const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
    logger.warn('rate-limited', { route: bucket, retryAfterSeconds: seconds });
    c.header('retry-after', String(seconds));
    return c.json({ error: 'rate-limited', message: `Too many requests: try again in ${seconds} s.` }, 429);
  };

  const authorize = (c: Context, challenge: 'Bearer' | 'Basic'): Response | undefined => {
    if (!adminDigest) {
      return c.json(
        { error: 'reads-disabled', message: 'Reading leads is disabled: start the receiver with HEARTH_ADMIN_TOKEN set.' },
        403,
      );
    }
    const header = c.req.header('authorization') ?? '';
    let presented: string | undefined;
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const basic = /^Basic\s+(\S+)\s*$/i.exec(header);
    if (bearer) presented = bearer[1];
    else if (basic) {
      // A browser's login prompt for /admin: any user name, the token as the password.
      const decoded = Buffer.from(basic[1] ?? '', 'base64').toString('utf8');
      presented = decoded.slice(decoded.indexOf(':') + 1);
    }
    if (presented !== undefined && timingSafeEqual(digest(presented), adminDigest)) return undefined;
    logger.warn('auth.refused', { route: routeLabel(c.req.method, c.req.path), reason: presented === undefined ? 'missing' : 'wrong' });
    c.header('www-authenticate', challenge === 'Basic' ? 'Basic realm="Hearth leads", charset="UTF-8"' : 'Bearer realm="Hearth leads"');
    return c.json({ error: 'unauthorized', message: 'A valid admin token is required (Authorization: Bearer <token>).' }, 401);
  };

  // Access log and headers every response carries.
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    c.res.headers.set('x-content-type-options', 'nosniff');
    c.res.headers.set('referrer-policy', 'no-referrer');
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
    logger.info('request', {
      method: c.req.method,
      path: routeLabel(c.req.method, c.req.path),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });

  // CORS for the lead endpoint, from the allow-list. A browser request from any other origin is refused outright.
  app.use('/leads', async (c, next) => {
    const origin = c.req.header('origin');
    const isRead = c.req.method === 'GET' || c.req.method === 'HEAD';
    if (origin === undefined || isRead) return next();
    if (!origins.any && !origins.set.has(origin)) {
      logger.warn('origin.refused', { method: c.req.method, origin: originLabel(origin) });
      return c.json({ error: 'origin-not-allowed', message: 'This site is not allowed to send leads here (see --allow-origin).' }, 403);
    }
    const cors = {
      'access-control-allow-origin': origins.any ? '*' : origin,
      'access-control-expose-headers': EXPOSED_HEADERS,
      vary: 'Origin',
    };
    if (c.req.method === 'OPTIONS') {
      return c.body(null, 204, {
        ...cors,
        'access-control-allow-methods': 'POST, OPTIONS',
        'access-control-allow-headers': LEAD_HEADERS,
        'access-control-max-age': '600',
      });
    }
    await next();
    for (const [name, value] of Object.entries(cors)) c.res.headers.set(name, value);
  });

  app.post('/leads', async (c) => {
    const refused = limited(c, 'POST /leads');
    if (refused) return refused;
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      return c.json({ error: 'unsupported-media-type', message: 'Send the lead as application/json.' }, 415);
    }
    const body = await readLimited(c.req.raw, bodyLimit);
    if (!body.ok) {
      if (body.reason === 'too-large') {
        logger.warn('lead.too-large', { limit: bodyLimit });
        // The rest of the body may still be on its way: close the connection rather than read it
        // (or have it parsed as the next request on a keep-alive socket).
        return c.json({ error: 'too-large', message: `The request body is over ${bodyLimit} bytes.` }, 413, { connection: 'close' });
      }
      return c.json({ error: 'malformed-json', message: 'The request body is not valid UTF-8.' }, 400);
    }
    let input: unknown;
    try {
      input = JSON.parse(body.text);
    } catch {
      logger.warn('lead.malformed-json', {});
      return c.json({ error: 'malformed-json', message: 'The request body is not valid JSON.' }, 400);
    }
    // Control characters (NUL, ESC, CR, …) never reach the database, the admin page or a CSV.
    const checked = validateLead(stripControlDeep(input));
    if (!checked.ok) {
      // Paths can hold keys the client chose (answers.history.<anything>): masked in logs, bounded in the answer.
      const errors = checked.errors.slice(0, 20).map((e) => ({ ...e, path: boundPath(e.path) }));
      const paths = errors.map((e) => e.path);
      logger.warn('lead.invalid', { fields: [...new Set(checked.errors.slice(0, 20).map((e) => maskPath(e.path)))] });
      return c.json({ error: 'invalid-lead', message: `The lead is invalid: ${paths.join(', ')}.`, errors }, 400);
    }
    const lead = checked.lead;
    const headerKey = c.req.header('idempotency-key');
    if (headerKey !== undefined && headerKey !== lead.idempotencyKey) {
      const errors = [{ path: 'idempotencyKey', message: 'must equal the Idempotency-Key header' }];
      logger.warn('lead.invalid', { fields: ['idempotencyKey'] });
      return c.json({ error: 'invalid-lead', message: 'The lead is invalid: idempotencyKey.', errors }, 400);
    }
    const fingerprint = leadFingerprint(lead);
    const rescore = rescoreLead(lead);
    const record = {
      id: randomUUID(),
      idempotencyKey: lead.idempotencyKey,
      fingerprint,
      receivedAt: now().toISOString(),
      lead,
      urgent: rescore.urgent,
      serverScore: rescore.serverScore,
      scoreMismatch: rescore.mismatches.length > 0,
      mismatches: rescore.mismatches,
      origin: c.req.header('origin') ?? null,
    };
    // The transactional outbox: the deliveries are written in the lead's own transaction.
    const jobs = forwardJobsFor(options.forward, record, (event) => JSON.stringify({ event, ...toView(record) }), record.receivedAt);
    const result = await store.insert(record, jobs);
    if (result.created) {
      const stored = result.lead;
      if (jobs.length) options.onForwardJobs?.();
      // Health information (the urgent flag, scores, mismatches) stays in the database, out of logs.
      logger.info('lead.stored', { id: stored.id, idempotencyKey: stored.idempotencyKey, kind: lead.kind });
      return c.json({ id: stored.id, idempotencyKey: stored.idempotencyKey, receivedAt: stored.receivedAt }, 201);
    }
    const existing = result.existing;
    // A row stored before fingerprints left the timestamps out carries the hash of the whole lead.
    const legacy = createHash('sha256').update(JSON.stringify(lead)).digest('hex');
    if (existing.fingerprint !== fingerprint && existing.fingerprint !== legacy) {
      // The IETF Idempotency-Key draft: a key reused for a different request is refused, so a
      // client bug that recycles keys cannot silently swallow a second person's lead.
      logger.warn('lead.key-reused', { idempotencyKey: lead.idempotencyKey, id: existing.id });
      return c.json(
        {
          error: 'idempotency-key-reused',
          message: 'This Idempotency-Key was already used for a different lead: send it with a new key.',
          id: existing.id,
        },
        422,
      );
    }
    logger.info('lead.replayed', { id: existing.id, idempotencyKey: existing.idempotencyKey });
    return c.json({ id: existing.id, idempotencyKey: existing.idempotencyKey, receivedAt: existing.receivedAt }, 201, {
      'idempotent-replayed': 'true',
    });
  });

  const page = (c: Context) => {
    const limit = Math.min(500, Math.max(1, Number.parseInt(c.req.query('limit') ?? '', 10) || 50));
    const offset = Math.max(0, Number.parseInt(c.req.query('offset') ?? '', 10) || 0);
    return { limit, offset };
  };

  // A form on /admin carries this; a cross-site page cannot compute it without the admin token.
  const csrfToken = adminToken ? createHmac('sha256', adminToken).update('hearth-admin-csrf').digest('base64url') : undefined;
  const sameSite = (c: Context): boolean => {
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
    const origin = c.req.header('origin');
    if (origin === undefined || origin === 'null') return origin === undefined;
    try {
      return new URL(origin).host === c.req.header('host');
    } catch {
      return false;
    }
  };

  app.get('/leads', async (c) => {
    const refused = limited(c, 'GET /leads') ?? authorize(c, 'Bearer');
    if (refused) return refused;
    const { limit, offset } = page(c);
    const { leads, total } = await store.list({ limit, offset });
    return c.json({ leads: leads.map(toView), total, limit, offset });
  });

  // Data-subject requests: delete one lead, or every lead of one email address.
  app.delete('/leads/:id', async (c) => {
    const refused = limited(c, 'DELETE /leads') ?? authorize(c, 'Bearer');
    if (refused) return refused;
    const id = c.req.param('id');
    const deleted = /^[0-9a-f-]{36}$/i.test(id) && (await store.deleteById(id));
    if (!deleted) return c.json({ error: 'not-found', message: 'No lead has this id.' }, 404);
    logger.info('lead.deleted', { id });
    return c.body(null, 204);
  });

  app.post('/erase', async (c) => {
    const refused = limited(c, 'POST /erase') ?? authorize(c, 'Bearer');
    if (refused) return refused;
    if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
      return c.json({ error: 'unsupported-media-type', message: 'Send { "email": … } as application/json.' }, 415);
    }
    const body = await readLimited(c.req.raw, 4096);
    let email: unknown;
    try {
      email = body.ok ? (JSON.parse(body.text) as { email?: unknown } | null)?.email : undefined;
    } catch {
      email = undefined;
    }
    if (typeof email !== 'string' || !email.includes('@') || email.length > 254) {
      return c.json({ error: 'invalid-request', message: 'Send { "email": "<the address to erase>" }.' }, 400);
    }
    const deleted = await store.eraseByEmail(email);
    // The count only: the address itself stays out of the log.
    logger.info('leads.erased', { deleted });
    return c.json({ deleted });
  });

  const adminHeaders = (c: Context) => {
    c.header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    c.header('x-robots-tag', 'noindex, nofollow');
  };

  app.get('/admin', async (c) => {
    const refused = limited(c, 'GET /admin') ?? authorize(c, 'Basic');
    if (refused) return refused;
    const { limit, offset } = page(c);
    const [{ leads, total }, deadJobs, forwarding] = await Promise.all([
      store.list({ limit, offset }),
      options.forward ? store.listDeadForwardJobs(100) : Promise.resolve([]),
      options.forward ? store.countForwardJobs() : Promise.resolve(undefined),
    ]);
    adminHeaders(c);
    return c.html(renderAdminPage(leads, { total, limit, offset }, { deadJobs, forwarding, csrf: csrfToken }));
  });

  // Every lead as CSV, cells neutralised against formula injection.
  app.get('/admin/leads.csv', async (c) => {
    const refused = limited(c, 'GET /admin') ?? authorize(c, 'Basic');
    if (refused) return refused;
    const leads: StoredLead[] = [];
    for (let offset = 0; ; offset += 500) {
      const pageOfLeads = await store.list({ limit: 500, offset });
      leads.push(...pageOfLeads.leads);
      if (pageOfLeads.leads.length < 500 || leads.length >= 100_000) break;
    }
    logger.info('leads.exported', { count: leads.length });
    adminHeaders(c);
    return c.body(leadsCsv(leads), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="leads-${now().toISOString().slice(0, 10)}.csv"`,
    });
  });

  // The retry button of a dead-lettered delivery: token (Basic or Bearer), same-site, CSRF field.
  app.post('/admin/forward/:id/retry', async (c) => {
    const refused = limited(c, 'POST /admin') ?? authorize(c, 'Basic');
    if (refused) return refused;
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const presented = typeof form.csrf === 'string' ? form.csrf : '';
    if (!csrfToken || !sameSite(c) || !timingSafeEqual(digest(presented), digest(csrfToken))) {
      logger.warn('csrf.refused', { route: '/admin/forward/:id/retry' });
      return c.json({ error: 'forbidden', message: 'Use the retry button on /admin.' }, 403);
    }
    const id = c.req.param('id');
    const retried = /^[0-9a-f-]{36}$/i.test(id) && (await store.retryForwardJob(id, now().toISOString()));
    if (!retried) return c.json({ error: 'not-found', message: 'No dead-lettered delivery has this id.' }, 404);
    logger.info('forward.requeued', { job: id });
    options.onForwardJobs?.();
    return c.redirect('/admin', 303);
  });

  app.get('/healthz', async (c) => {
    try {
      await store.ping();
      // A write probe: reads can succeed while every insert fails (a full disk, a lock, a read-only file).
      await store.probeWrite();
      return c.json({ ok: true, version: RECEIVER_VERSION, store: store.kind, schemaVersion: store.schemaVersion });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      logger.error('health.failed', {
        error: error instanceof Error ? error.name : 'unknown',
        code: typeof code === 'string' ? code : undefined,
      });
      if (isTransientStoreError(error)) c.header('retry-after', '5');
      return c.json({ ok: false, version: RECEIVER_VERSION, store: store.kind }, 503);
    }
  });

  app.notFound((c) =>
    c.json(
      { error: 'not-found', message: 'Routes: POST /leads, GET /leads, DELETE /leads/:id, POST /erase, GET /admin, GET /healthz.' },
      404,
    ),
  );

  app.onError((error, c) => {
    const code = (error as { code?: unknown }).code;
    // Messages from drivers can quote values; log the error's kind only.
    logger.error('request.error', {
      method: c.req.method,
      path: routeLabel(c.req.method, c.req.path),
      error: error.name,
      code: typeof code === 'string' ? code : undefined,
    });
    if (isTransientStoreError(error)) {
      // A lock, a full disk, a database restarting: the client keeps the lead and tries again.
      c.header('retry-after', code === 'SQLITE_FULL' || code === '53100' ? '60' : '2');
      return c.json({ error: 'busy', message: 'The lead store cannot take this right now: try again shortly.' }, 503);
    }
    return c.json({ error: 'internal', message: 'The receiver failed to handle this request.' }, 500);
  });

  return app;
}
