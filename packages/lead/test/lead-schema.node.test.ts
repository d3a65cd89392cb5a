import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { regexes as zodRegexes } from 'zod/v4/core';
import { validateLead, normalizeUsPhone, ISO_DATE_TIME_PATTERN, EMAIL_PATTERN, UUID_PATTERN } from '../src/schema.js';
import { newIdempotencyKey } from '../src/submit.js';
// The summaries are the domains' (registered when their /schema loads), as in the receiver.
import '../../assessment/src/schema.js';
import '../../coverage/src/schema.js';

const now = '2026-11-27T12:00:00.000Z';
function lead(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 1,
    idempotencyKey: '3b241101-e2bb-4255-8caf-4136c566a962',
    createdAt: now,
    widget: 'hearth-assessment',
    kind: 'assessment',
    urgent: false,
    contact: { name: 'Ana Patient', email: 'ana@example.org', phone: '+15555550123', state: 'TX', preferredContact: 'email' },
    consent: { given: true, text: 'I agree that Hearth Health may contact me.', version: '2026-11-01', timestamp: now },
    source: {
      url: 'https://clinic.example/ptsd',
      referrer: 'https://www.google.com/',
      utm: { source: 'google', campaign: 'ptsd' },
      gclid: 'abc',
    },
    summary: {
      type: 'assessment',
      instrument: 'pc-ptsd-5',
      score: 4,
      cutPoint: 3,
      positive: true,
      reviewItemCount: 0,
      candidacy: 'discuss',
      state: 'TX',
    },
    ...overrides,
  };
}
const contact = (c: Record<string, unknown>) => ({ contact: { ...(lead().contact as object), ...c } });

describe('LeadSchema', () => {
  const table: { rule: string; input: Record<string, unknown>; ok: boolean; paths?: string[] }[] = [
    { rule: 'a good lead is accepted', input: lead(), ok: true },
    { rule: 'phone is optional', input: lead(contact({ phone: undefined })), ok: true },
    {
      rule: 'a coverage summary is accepted',
      input: lead({ kind: 'benefits-check', summary: { type: 'coverage', state: 'CA', payerId: 'aetna', outcome: 'in-network' } }),
      ok: true,
    },
    {
      rule: 'answers are accepted when present',
      input: lead({ answers: { pcPtsd5: { exposure: true, items: [true, true, false, true, true] }, phq9Item9: 0 } }),
      ok: true,
    },
    { rule: 'missing consent is refused', input: lead({ consent: undefined }), ok: false, paths: ['consent'] },
    {
      rule: 'consent not given is refused',
      input: lead({ consent: { given: false, text: 'x', version: '1', timestamp: now } }),
      ok: false,
      paths: ['consent.given'],
    },
    {
      rule: 'consent without its text is refused',
      input: lead({ consent: { given: true, text: '', version: '1', timestamp: now } }),
      ok: false,
      paths: ['consent.text'],
    },
    { rule: 'a bad email is refused', input: lead(contact({ email: 'ana@' })), ok: false, paths: ['contact.email'] },
    { rule: 'a non-US phone is refused', input: lead(contact({ phone: '+447700900123' })), ok: false, paths: ['contact.phone'] },
    { rule: 'a US phone not in E.164 is refused', input: lead(contact({ phone: '(555) 555-0123' })), ok: false, paths: ['contact.phone'] },
    { rule: 'an unknown state is refused', input: lead(contact({ state: 'XX' })), ok: false, paths: ['contact.state'] },
    { rule: 'an oversized name is refused', input: lead(contact({ name: 'a'.repeat(121) })), ok: false, paths: ['contact.name'] },
    {
      rule: 'an oversized email is refused',
      input: lead(contact({ email: `${'a'.repeat(250)}@x.org` })),
      ok: false,
      paths: ['contact.email'],
    },
    {
      rule: 'an oversized consent text is refused',
      input: lead({ consent: { given: true, text: 'x'.repeat(4001), version: '1', timestamp: now } }),
      ok: false,
      paths: ['consent.text'],
    },
    {
      rule: 'an oversized UTM value is refused',
      input: lead({ source: { url: 'https://clinic.example/', utm: { source: 'x'.repeat(501) } } }),
      ok: false,
      paths: ['source.utm.source'],
    },
    { rule: 'an idempotency key must be a UUID', input: lead({ idempotencyKey: '1' }), ok: false, paths: ['idempotencyKey'] },
    { rule: 'schema version is checked', input: lead({ schemaVersion: 2 }), ok: false, paths: ['schemaVersion'] },
    { rule: 'PCL-5 answers must be 20 long', input: lead({ answers: { pcl5: [1, 2, 3] } }), ok: false, paths: ['answers.pcl5'] },
    {
      rule: 'a summary score out of range is refused',
      input: lead({
        summary: {
          type: 'assessment',
          instrument: 'pcl-5',
          score: 81,
          cutPoint: 33,
          positive: true,
          reviewItemCount: 0,
          candidacy: 'discuss',
        },
      }),
      ok: false,
      paths: ['summary.score'],
    },
    { rule: 'the urgent flag is required', input: lead({ urgent: undefined }), ok: false, paths: ['urgent'] },
    {
      rule: 'PCL-5 answers longer than 20 are refused',
      input: lead({ answers: { pcl5: Array(21).fill(1) } }),
      ok: false,
      paths: ['answers.pcl5'],
    },
    {
      rule: 'consent given as the string "true" is refused',
      input: lead({ consent: { ...(lead().consent as object), given: 'true' } }),
      ok: false,
      paths: ['consent.given'],
    },
    { rule: 'a schema version given as a string is refused', input: lead({ schemaVersion: '1' }), ok: false, paths: ['schemaVersion'] },
    {
      rule: 'an unknown summary type is refused',
      input: lead({ summary: { type: 'quiz', state: 'TX' } }),
      ok: false,
      paths: ['summary.type'],
    },
    { rule: 'a relative page URL is refused', input: lead({ source: { url: '/ptsd' } }), ok: false, paths: ['source.url'] },
  ];
  for (const c of table) {
    it(c.rule, () => {
      const r = validateLead(c.input);
      assert.equal(r.ok, c.ok, r.ok ? '' : JSON.stringify(r.errors));
      if (!r.ok && c.paths)
        assert.deepEqual(
          r.errors.map((e) => e.path),
          c.paths,
        );
      if (!r.ok) for (const e of r.errors) assert.notEqual(e.message, '', 'each error says what is wrong');
    });
  }
});

describe('normalizeUsPhone', () => {
  const table: [string, string | undefined][] = [
    ['(555) 555-0123', '+15555550123'],
    ['(212) 555-0123', '+12125550123'],
    ['212.555.0123', '+12125550123'],
    ['+1 212 555 0123', '+12125550123'],
    ['1-212-555-0123', '+12125550123'],
    ['+44 7700 900123', undefined],
    ['12345', undefined],
    ['(112) 555-0123', undefined],
  ];
  for (const [input, expected] of table) it(`${input} → ${expected}`, () => assert.equal(normalizeUsPhone(input), expected));
});

// The lead schema checks dates, emails and keys with zod's own patterns through z.regex (lighter
// in the browser than z.iso.datetime, z.email and z.uuid): they must stay zod's.
describe('the patterns are zod’s', () => {
  it('equal the patterns z.iso.datetime({ offset: true }), z.email() and z.uuid() use', () => {
    assert.equal(ISO_DATE_TIME_PATTERN.source, zodRegexes.datetime({ offset: true, local: false, precision: null }).source);
    assert.equal(EMAIL_PATTERN.source, zodRegexes.email.source);
    assert.equal(UUID_PATTERN.source, zodRegexes.uuid().source);
  });
  const samples: [string, z.ZodMiniType][] = [
    ['2026-11-27T12:00:00Z', z.iso.datetime({ offset: true })],
    ['2026-11-27T12:00:00.123+05:30', z.iso.datetime({ offset: true })],
    ['2028-02-29T00:00:00Z', z.iso.datetime({ offset: true })],
    ['2026-02-29T00:00:00Z', z.iso.datetime({ offset: true })],
    ['2026-11-27T12:00Z', z.iso.datetime({ offset: true })],
    ['2026-11-27T12:00:00', z.iso.datetime({ offset: true })],
    ['2026-11-27 12:00:00Z', z.iso.datetime({ offset: true })],
    ['2026-11-27T24:00:00Z', z.iso.datetime({ offset: true })],
    ['ana@example.org', z.email()],
    ["o'brien+tag@mail.example.co", z.email()],
    ['ana@localhost', z.email()],
    ['ana..b@example.org', z.email()],
    ['ana@example.org ', z.email()],
    ['3b241101-e2bb-4255-8caf-4136c566a962', z.uuid()],
    ['00000000-0000-0000-0000-000000000000', z.uuid()],
    ['3b241101-e2bb-0255-8caf-4136c566a962', z.uuid()],
    ['3b241101e2bb42558caf4136c566a962', z.uuid()],
  ];
  for (const [value, reference] of samples) {
    it(`"${value}": the lead schema agrees with zod`, () => {
      const field = value.startsWith('20') ? 'createdAt' : value.includes('@') ? 'email' : 'idempotencyKey';
      const input = field === 'email' ? lead(contact({ email: value })) : lead({ [field]: value });
      assert.equal(validateLead(input).ok, reference.safeParse(value).success);
    });
  }
});

describe('LeadSchema output', () => {
  it('the page URL comes out as z.url() returns it: trimmed, without tabs or line breaks', () => {
    const r = validateLead(lead({ source: { url: '  https://clinic.exa\tmple/pt\nsd  ' } }));
    assert.ok(r.ok);
    assert.equal(r.lead.source.url, 'https://clinic.example/ptsd');
  });
  it('unknown keys of a summary are dropped, not refused', () => {
    const r = validateLead(lead({ summary: { ...(lead().summary as object), note: 'x' } }));
    assert.ok(r.ok);
    assert.ok(!('note' in (r.lead.summary ?? {})));
  });
});

describe('newIdempotencyKey', () => {
  it('makes a v4 UUID even where crypto.randomUUID is missing (an http: host page)', () => {
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
      assert.equal(keys.size, 50);
      for (const key of keys) assert.match(key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.ok(validateLead({ ...lead(), idempotencyKey: [...keys][0] }).ok);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});
