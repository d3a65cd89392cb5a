// The outbox's delivery policy, table by table: each case names the rule it checks. Pure
// functions, no DOM: this runs in Node, with a fixed random source and clock.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_POLICY,
  KEEPALIVE_BUDGET,
  backoffDelay,
  classifyNetworkError,
  classifyStatus,
  isDue,
  isExpired,
  parseRetryAfter,
  queueHasRoom,
  retrySchedule,
  selectKeepalive,
  type ScheduledLead,
  type Verdict,
} from '../src/policy.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The largest value Math.random() can return: the top of each backoff window. */
const TOP = () => 1 - Number.EPSILON;
const BOTTOM = () => 0;
const HALF = () => 0.5;

describe('classification of an answer', () => {
  const cases: { rule: string; status: number; expected: Verdict }[] = [
    { rule: '200 OK: delivered', status: 200, expected: { verdict: 'sent' } },
    { rule: '201 Created: delivered', status: 201, expected: { verdict: 'sent' } },
    { rule: '202 Accepted (a receiver that queues): delivered', status: 202, expected: { verdict: 'sent' } },
    { rule: '204 No Content: delivered', status: 204, expected: { verdict: 'sent' } },
    { rule: '408 Request Timeout: retried', status: 408, expected: { verdict: 'retry', code: 'server' } },
    { rule: '429 Too Many Requests: retried (after Retry-After)', status: 429, expected: { verdict: 'retry', code: 'server' } },
    { rule: '500 Internal Server Error: retried', status: 500, expected: { verdict: 'retry', code: 'server' } },
    { rule: '502 Bad Gateway: retried', status: 502, expected: { verdict: 'retry', code: 'server' } },
    { rule: '503 Service Unavailable: retried', status: 503, expected: { verdict: 'retry', code: 'server' } },
    { rule: '504 Gateway Timeout: retried', status: 504, expected: { verdict: 'retry', code: 'server' } },
    {
      rule: '400 Bad Request: refused as invalid (the endpoint names the fields)',
      status: 400,
      expected: { verdict: 'reject', code: 'invalid' },
    },
    { rule: '422 Unprocessable Content: refused as invalid', status: 422, expected: { verdict: 'reject', code: 'invalid' } },
    { rule: '401 Unauthorized: refused for good', status: 401, expected: { verdict: 'reject', code: 'rejected' } },
    { rule: '403 Forbidden (origin not allowed): refused for good', status: 403, expected: { verdict: 'reject', code: 'rejected' } },
    { rule: '404 Not Found (wrong endpoint): refused for good', status: 404, expected: { verdict: 'reject', code: 'rejected' } },
    { rule: '409 Conflict: refused for good', status: 409, expected: { verdict: 'reject', code: 'rejected' } },
    {
      rule: '413 Content Too Large: refused for good (resending cannot shrink it)',
      status: 413,
      expected: { verdict: 'reject', code: 'rejected' },
    },
    {
      rule: '3xx: a redirect is never a delivery, and the lead is kept and retried like a 5xx',
      status: 302,
      expected: { verdict: 'retry', code: 'server' },
    },
    { rule: '308 Permanent Redirect: kept and retried as well', status: 308, expected: { verdict: 'retry', code: 'server' } },
    {
      rule: '0 (a redirect the browser would not show, fetch redirect: "manual"): kept and retried',
      status: 0,
      expected: { verdict: 'retry', code: 'server' },
    },
  ];
  for (const { rule, status, expected } of cases) {
    it(rule, () => assert.deepEqual(classifyStatus(status), expected));
  }

  it('no answer at all (offline, DNS, CORS, timeout): retried as a network failure', () => {
    assert.deepEqual(classifyNetworkError(), { verdict: 'retry', code: 'network' });
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  const cases: { rule: string; header: string | null; expected: number | undefined }[] = [
    { rule: 'absent: no constraint', header: null, expected: undefined },
    { rule: 'empty: no constraint', header: '', expected: undefined },
    { rule: 'delay-seconds: that many seconds', header: '120', expected: 120 * SECOND },
    { rule: 'zero seconds: at once', header: '0', expected: 0 },
    { rule: 'an HTTP date in the future: until then', header: 'Fri, 27 Nov 2026 12:00:30 GMT', expected: 30 * SECOND },
    { rule: 'an HTTP date in the past: at once, never negative', header: 'Fri, 27 Nov 2026 11:00:00 GMT', expected: 0 },
    { rule: 'garbage: no constraint', header: 'soon', expected: undefined },
  ];
  for (const { rule, header, expected } of cases) {
    it(rule, () => assert.equal(parseRetryAfter(header, now), expected));
  }
});

describe('backoff (exponential, full jitter)', () => {
  const policy = { baseDelayMs: 2 * SECOND, maxDelayMs: 5 * MINUTE };
  const cases: { rule: string; attempt: number; random: () => number; expected: number }[] = [
    { rule: 'first retry: up to the base delay (2 s)', attempt: 1, random: TOP, expected: 2 * SECOND - 1 },
    { rule: 'second retry: the window doubles (4 s)', attempt: 2, random: TOP, expected: 4 * SECOND - 1 },
    { rule: 'fifth retry: 2 s × 2^4 = 32 s', attempt: 5, random: TOP, expected: 32 * SECOND - 1 },
    { rule: 'the window never exceeds maxDelayMs (5 min)', attempt: 10, random: TOP, expected: 5 * MINUTE - 1 },
    { rule: 'a huge attempt count does not overflow', attempt: 10_000, random: TOP, expected: 5 * MINUTE - 1 },
    { rule: 'full jitter: anywhere from 0 …', attempt: 5, random: BOTTOM, expected: 0 },
    { rule: '… to the top of the window, uniformly (half way = half the window)', attempt: 5, random: HALF, expected: 16 * SECOND },
    { rule: 'attempt 0 (a lead another tab holds) waits like the first retry', attempt: 0, random: TOP, expected: 2 * SECOND - 1 },
  ];
  for (const { rule, attempt, random, expected } of cases) {
    it(rule, () => assert.equal(backoffDelay(attempt, policy, random), expected));
  }
});

describe('the schedule after a failed attempt', () => {
  const now = 1_000_000;
  const policy = { baseDelayMs: 2 * SECOND, maxDelayMs: 5 * MINUTE, maxRetryAfterMs: HOUR };
  const cases: {
    rule: string;
    attempts: number;
    retryAfterMs: number | undefined;
    random: () => number;
    expected: { notBefore: number; nextAttemptAt: number };
  }[] = [
    {
      rule: 'no Retry-After: free to try at once on a resume, next by backoff',
      attempts: 1,
      retryAfterMs: undefined,
      random: HALF,
      expected: { notBefore: now, nextAttemptAt: now + SECOND },
    },
    {
      rule: 'Retry-After longer than the backoff: nothing before it, and the next try then',
      attempts: 1,
      retryAfterMs: 30 * SECOND,
      random: HALF,
      expected: { notBefore: now + 30 * SECOND, nextAttemptAt: now + 30 * SECOND },
    },
    {
      rule: 'Retry-After shorter than the backoff: the backoff wins for the next try',
      attempts: 6,
      retryAfterMs: SECOND,
      random: HALF,
      expected: { notBefore: now + SECOND, nextAttemptAt: now + 32 * SECOND },
    },
    {
      rule: 'a Retry-After over maxRetryAfterMs (a day) is shortened to it (an hour)',
      attempts: 1,
      retryAfterMs: DAY,
      random: HALF,
      expected: { notBefore: now + HOUR, nextAttemptAt: now + HOUR },
    },
  ];
  for (const { rule, attempts, retryAfterMs, random, expected } of cases) {
    it(rule, () => assert.deepEqual(retrySchedule(now, attempts, retryAfterMs, policy, random), expected));
  }
});

describe('expiry and due dates', () => {
  const now = 100 * DAY;
  const expiry: { rule: string; age: number; expected: boolean }[] = [
    { rule: 'a lead queued just now is kept', age: 0, expected: false },
    { rule: 'a lead exactly 7 days old is still sent', age: 7 * DAY, expected: false },
    { rule: 'a lead older than 7 days is dropped (code "expired")', age: 7 * DAY + 1, expected: true },
  ];
  for (const { rule, age, expected } of expiry) {
    it(rule, () => assert.equal(isExpired(now - age, now, DEFAULT_POLICY.maxAgeMs), expected));
  }

  const due: { rule: string; notBefore: number; nextAttemptAt: number; ignoreBackoff: boolean; expected: boolean }[] = [
    { rule: 'past both dates: due', notBefore: now - 1, nextAttemptAt: now - 1, ignoreBackoff: false, expected: true },
    { rule: 'backoff not over: not due on the timer', notBefore: now, nextAttemptAt: now + 1, ignoreBackoff: false, expected: false },
    {
      rule: 'backoff not over: due on a resume, `online` or "Try again now"',
      notBefore: now,
      nextAttemptAt: now + 1,
      ignoreBackoff: true,
      expected: true,
    },
    {
      rule: 'Retry-After not over: never due, not even on a resume',
      notBefore: now + 1,
      nextAttemptAt: now,
      ignoreBackoff: true,
      expected: false,
    },
  ];
  for (const { rule, notBefore, nextAttemptAt, ignoreBackoff, expected } of due) {
    it(rule, () => assert.equal(isDue({ notBefore, nextAttemptAt }, now, ignoreBackoff), expected));
  }
});

describe('queue limits (every tab of the site together)', () => {
  const policy = { maxEntries: DEFAULT_POLICY.maxEntries, maxBytes: DEFAULT_POLICY.maxBytes };
  const cases: { rule: string; count: number; bytes: number; lead: number; expected: boolean }[] = [
    { rule: 'an empty queue takes a lead', count: 0, bytes: 0, lead: 2_000, expected: true },
    { rule: '19 queued: the 20th fits', count: 19, bytes: 19 * 1_000, lead: 1_000, expected: true },
    { rule: '20 queued: a 21st is not queued (code "queue-full")', count: 20, bytes: 20 * 1_000, lead: 1_000, expected: false },
    { rule: 'bytes: filling the 512 KB exactly fits', count: 1, bytes: 512 * 1024 - 1_000, lead: 1_000, expected: true },
    { rule: 'bytes: one byte over 512 KB does not', count: 1, bytes: 512 * 1024 - 1_000, lead: 1_001, expected: false },
  ];
  for (const { rule, count, bytes, lead, expected } of cases) {
    it(rule, () => assert.equal(queueHasRoom({ count, bytes }, { bytes: lead }, policy), expected));
  }
});

describe('keepalive selection (pagehide, or the page hidden)', () => {
  const now = 50 * DAY;
  const lead = (key: string, overrides: Partial<ScheduledLead> = {}): ScheduledLead => ({
    key,
    endpoint: 'https://clinic.example/leads',
    bytes: 1_000,
    queuedAt: now - HOUR,
    nextAttemptAt: now + MINUTE,
    notBefore: now,
    ...overrides,
  });
  const base = { now, maxAgeMs: DEFAULT_POLICY.maxAgeMs, includeInFlight: true };
  const cases: { rule: string; leads: ScheduledLead[]; options?: Partial<Parameters<typeof selectKeepalive>[1]>; expected: string[] }[] = [
    {
      rule: 'oldest first, whatever the backoff says (the page is going away)',
      leads: [lead('new', { queuedAt: now - MINUTE }), lead('old', { queuedAt: now - DAY })],
      expected: ['old', 'new'],
    },
    { rule: 'never before Retry-After', leads: [lead('wait', { notBefore: now + 1 }), lead('go')], expected: ['go'] },
    { rule: 'never an expired lead', leads: [lead('stale', { queuedAt: now - 8 * DAY }), lead('go')], expected: ['go'] },
    {
      rule: 'never to an endpoint that is not https: (or http: on loopback)',
      leads: [lead('plain', { endpoint: 'http://clinic.example/leads' }), lead('local', { endpoint: 'http://127.0.0.1:8787/leads' })],
      expected: ['local'],
    },
    {
      rule: 'within the 64 KiB budget the browser allows keepalive bodies together',
      leads: [
        lead('a', { bytes: 40 * 1024, queuedAt: now - 3 }),
        lead('b', { bytes: 30 * 1024, queuedAt: now - 2 }),
        lead('c', { bytes: 20 * 1024, queuedAt: now - 1 }),
      ],
      expected: ['a', 'c'],
    },
    {
      rule: 'a lead larger than the whole budget is never sent with keepalive',
      leads: [lead('big', { bytes: KEEPALIVE_BUDGET + 1 })],
      expected: [],
    },
    {
      rule: 'on pagehide, a lead with a normal request in flight goes again (the page cancels that request)',
      leads: [lead('flying')],
      options: { inFlight: new Set(['flying']), includeInFlight: true },
      expected: ['flying'],
    },
    {
      rule: 'when the page is merely hidden, a lead in flight is left to its request',
      leads: [lead('flying'), lead('idle')],
      options: { inFlight: new Set(['flying']), includeInFlight: false },
      expected: ['idle'],
    },
    {
      rule: 'not twice within 2 s (hidden, then pagehide)',
      leads: [lead('recent'), lead('earlier')],
      options: {
        lastKeepaliveAt: new Map([
          ['recent', now - 1_999],
          ['earlier', now - 2_001],
        ]),
      },
      expected: ['earlier'],
    },
  ];
  for (const { rule, leads, options, expected } of cases) {
    it(rule, () =>
      assert.deepEqual(
        selectKeepalive(leads, { ...base, ...options }).map((l) => l.key),
        expected,
      ),
    );
  }
});

describe('defaults', () => {
  it('are what the README promises: 2 s doubling to 5 min, Retry-After up to 1 h, 20 s per attempt, 7 days, 20 leads / 512 KB', () => {
    assert.deepEqual(
      { ...DEFAULT_POLICY },
      {
        baseDelayMs: 2 * SECOND,
        maxDelayMs: 5 * MINUTE,
        maxRetryAfterMs: HOUR,
        attemptTimeoutMs: 20 * SECOND,
        maxAgeMs: 7 * DAY,
        maxEntries: 20,
        maxBytes: 512 * 1024,
      },
    );
    assert.ok(Object.isFrozen(DEFAULT_POLICY));
  });
});
