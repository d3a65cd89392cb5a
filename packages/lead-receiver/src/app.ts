import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { validateLead } from '@hearth/core/schemas';
import { renderAdminPage } from './admin.js';
import { silentLogger, type ReceiverLogger } from './logger.js';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { rescoreLead } from './rescore.js';
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
    logger.warn('auth.refused', { route: c.req.path, reason: presented === undefined ? 'missing' : 'wrong' });
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
      path: c.req.path,
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
      logger.warn('origin.refused', { method: c.req.method, origin: origin.slice(0, 200) });
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
        return c.json({ error: 'too-large', message: `The request body is over ${bodyLimit} bytes.` }, 413);
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
    const checked = validateLead(input);
    if (!checked.ok) {
      const paths = checked.errors.map((e) => e.path);
      logger.warn('lead.invalid', { fields: paths });
      return c.json({ error: 'invalid-lead', message: `The lead is invalid: ${paths.join(', ')}.`, errors: checked.errors }, 400);
    }
    const lead = checked.lead;
    const headerKey = c.req.header('idempotency-key');
    if (headerKey !== undefined && headerKey !== lead.idempotencyKey) {
      const errors = [{ path: 'idempotencyKey', message: 'must equal the Idempotency-Key header' }];
      logger.warn('lead.invalid', { fields: ['idempotencyKey'] });
      return c.json({ error: 'invalid-lead', message: 'The lead is invalid: idempotencyKey.', errors }, 400);
    }
    const fingerprint = createHash('sha256').update(JSON.stringify(lead)).digest('hex');
    const rescore = rescoreLead(lead);
    const result = await store.insert({
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
    });
    if (result.created) {
      const stored = result.lead;
      // Health information (the urgent flag, scores, mismatches) stays in the database, out of logs.
      logger.info('lead.stored', { id: stored.id, idempotencyKey: stored.idempotencyKey, kind: lead.kind });
      return c.json({ id: stored.id, idempotencyKey: stored.idempotencyKey, receivedAt: stored.receivedAt }, 201);
    }
    const existing = result.existing;
    if (existing.fingerprint !== fingerprint) {
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

  app.get('/leads', async (c) => {
    const refused = limited(c, 'GET /leads') ?? authorize(c, 'Bearer');
    if (refused) return refused;
    const { limit, offset } = page(c);
    const { leads, total } = await store.list({ limit, offset });
    return c.json({ leads: leads.map(toView), total, limit, offset });
  });

  app.get('/admin', async (c) => {
    const refused = limited(c, 'GET /admin') ?? authorize(c, 'Basic');
    if (refused) return refused;
    const { limit, offset } = page(c);
    const { leads, total } = await store.list({ limit, offset });
    c.header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
    );
    c.header('x-robots-tag', 'noindex, nofollow');
    return c.html(renderAdminPage(leads, { total, limit, offset }));
  });

  app.get('/healthz', async (c) => {
    try {
      await store.ping();
      return c.json({ ok: true, version: RECEIVER_VERSION, store: store.kind, schemaVersion: store.schemaVersion });
    } catch (error) {
      logger.error('health.failed', { error: error instanceof Error ? error.name : 'unknown' });
      return c.json({ ok: false, version: RECEIVER_VERSION, store: store.kind }, 503);
    }
  });

  app.notFound((c) => c.json({ error: 'not-found', message: 'Routes: POST /leads, GET /leads, GET /admin, GET /healthz.' }, 404));

  app.onError((error, c) => {
    const code = (error as { code?: unknown }).code;
    // Messages from drivers can quote values; log the error's kind only.
    logger.error('request.error', {
      method: c.req.method,
      path: c.req.path,
      error: error.name,
      code: typeof code === 'string' ? code : undefined,
    });
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      c.header('retry-after', '2');
      return c.json({ error: 'busy', message: 'The lead store is busy: try again shortly.' }, 503);
    }
    return c.json({ error: 'internal', message: 'The receiver failed to handle this request.' }, 500);
  });

  return app;
}
