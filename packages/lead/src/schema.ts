import * as z from 'zod/mini';
import { LeadSummarySchema, UsStateCodeSchema, formatPath, type LeadSummary } from '@hearth/core/schemas';

export const LEAD_SCHEMA_VERSION = 1;

const text = (min: number, max: number) =>
  z
    .string({ error: 'text is required' })
    .check(
      z.trim(),
      z.minLength(min, { error: min === 1 ? 'this field is required' : `at least ${min} characters` }),
      z.maxLength(max, { error: `at most ${max} characters` }),
    );
const bounded = (max: number) => z.string({ error: 'text is required' }).check(z.maxLength(max, { error: `at most ${max} characters` }));

// zod's own patterns for z.iso.datetime({ offset: true }), z.email() and z.uuid(), checked with
// z.regex: the same validation, without the format classes and the pattern builder, which would
// otherwise weigh on every page (zod's code is shared with the config schema, which loads first).
// test/lead-schema.node.test.ts keeps them equal to zod's.
/** RFC 3339 date-time with seconds and a `Z` or `±hh:mm` offset, leap days checked. */
export const ISO_DATE_TIME_PATTERN =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/;
/** zod's "practical" email pattern. */
// eslint-disable-next-line no-useless-escape -- zod's source character for character (the test compares them).
export const EMAIL_PATTERN = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
/** Any RFC 9562 UUID (versions 1 to 8), or the nil and max UUIDs. */
export const UUID_PATTERN =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;

const matching = (pattern: RegExp, error: string) => z.string({ error }).check(z.regex(pattern, { error }));
/** A constant (what z.literal checks), through z.custom, which the config schema already brings. */
const exactly = <T extends string | number | boolean>(value: T, error?: string) => z.custom<T>((input) => input === value, { error });
/**
 * What z.url() checks and returns: trimmed, parsable by the URL parser, without tabs or line
 * breaks (which the parser ignores); built from checks the config schema already brings.
 */
const parsableUrl = (error: string) =>
  z.string({ error }).check(
    z.trim(),
    z.refine(
      (value) => {
        try {
          new URL(value);
          return true;
        } catch {
          return false;
        }
      },
      { error },
    ),
    z.overwrite((value) => value.replace(/[\t\n\r]/g, '')),
  );
const isoDateTime = matching(ISO_DATE_TIME_PATTERN, 'an ISO 8601 date-time');

/** US numbers in E.164: +1, then a 10-digit NANP number (area code and exchange do not start with 0 or 1). */
export const US_E164 = /^\+1[2-9]\d{2}[2-9]\d{6}$/;

export const ContactSchema = z.object({
  name: text(1, 120),
  email: matching(EMAIL_PATTERN, 'a valid email address').check(z.maxLength(254, { error: 'at most 254 characters' })),
  phone: z.optional(z.string().check(z.regex(US_E164, { error: 'a US phone number in E.164 form, like +15555550123' }))),
  state: z.optional(UsStateCodeSchema),
  preferredContact: z.optional(z.enum(['email', 'phone', 'text'], { error: 'email, phone or text' })),
});

export const ConsentSchema = z.object({
  given: exactly(true, 'consent must be given before anything is sent'),
  /** The exact words the person agreed to. */
  text: text(1, 4000),
  version: text(1, 40),
  timestamp: isoDateTime,
});

const param = z.optional(bounded(500));
export const SourceSchema = z.object({
  /** The page URL without its query string or fragment (they can hold secrets or personal data). */
  url: parsableUrl('the page URL').check(z.maxLength(2048, { error: 'at most 2048 characters' })),
  referrer: z.optional(bounded(2048)),
  utm: z.optional(z.object({ source: param, medium: param, campaign: param, term: param, content: param })),
  gclid: param,
  fbclid: param,
});

/** Raw answers: sent only when the partner turns on `privacy.includeAnswers`. */
export const AnswersSchema = z.object({
  pcPtsd5: z.optional(z.object({ exposure: z.boolean(), items: z.array(z.boolean()).check(z.maxLength(5)) })),
  pcl5: z.optional(z.array(z.nullable(z.int().check(z.gte(0), z.lte(4)))).check(z.minLength(20), z.maxLength(20))),
  phq9Item9: z.optional(z.int().check(z.gte(0), z.lte(3))),
  /**
   * Answers keyed by instrument id, then by question id (items, gate, follow-up): what the
   * receiver re-scores with the instrument's registered definition. Optional, so leads from
   * older widgets (pcPtsd5, pcl5 above) stay valid.
   */
  instruments: z.optional(
    z.record(
      z.string().check(z.regex(/^[a-z][a-z0-9-]{0,39}$/)),
      z.record(z.string().check(z.maxLength(60)), z.nullable(z.union([z.int().check(z.gte(-1000), z.lte(1000)), z.boolean()]))),
    ),
  ),
  history: z.optional(z.record(z.string().check(z.maxLength(40)), z.union([z.string().check(z.maxLength(200)), z.boolean(), z.number()]))),
  reviewItems: z.optional(z.array(z.string().check(z.maxLength(60))).check(z.maxLength(30))),
});

export const LeadSchema = z.object({
  schemaVersion: exactly(LEAD_SCHEMA_VERSION, `schema version ${LEAD_SCHEMA_VERSION}`),
  idempotencyKey: matching(UUID_PATTERN, 'a UUID'),
  createdAt: isoDateTime,
  /** The tag that produced the lead (a partner may use its own prefix). */
  widget: z.string().check(z.regex(/^[a-z][a-z0-9]*-[a-z0-9-]+$/, { error: 'a custom element tag name' }), z.maxLength(60)),
  kind: z.enum(['assessment', 'benefits-check', 'waitlist'], { error: 'assessment, benefits-check or waitlist' }),
  /** The safety question was answered above 0: the clinic must follow up urgently. */
  urgent: z.boolean({ error: 'true or false' }),
  contact: ContactSchema,
  consent: ConsentSchema,
  source: SourceSchema,
  /** Checked against the schema its domain registered for its `type` (`@hearth/<domain>/schema`). */
  summary: z.optional(LeadSummarySchema),
  answers: z.optional(AnswersSchema),
  locale: z.optional(z.enum(['en', 'es'])),
});

// `summary` is named, not inferred: an inferred type is frozen into dist/*.d.ts when this package is
// built, before any domain augments HearthLeadSummaries, and a consumer would see only the base.
export type Lead = Omit<z.output<typeof LeadSchema>, 'summary'> & { summary?: LeadSummary };
export type LeadInput = Omit<z.input<typeof LeadSchema>, 'summary'> & { summary?: LeadSummary };
export type LeadAnswers = z.output<typeof AnswersSchema>;

export interface LeadFieldError {
  /** e.g. "contact.email" */
  path: string;
  message: string;
}

export type LeadValidation = { ok: true; lead: Lead } | { ok: false; errors: LeadFieldError[] };

/** Validates a lead; each error names the field, so a form can point at it and a server can return it. */
export function validateLead(input: unknown): LeadValidation {
  const parsed = LeadSchema.safeParse(input);
  if (parsed.success) return { ok: true, lead: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((i) => ({ path: formatPath(i.path as PropertyKey[]), message: i.message })) };
}

/** "(555) 555-0123", "555.555.0123", "+1 555 555 0123" → "+15555550123"; undefined when it is not a US number. */
export function normalizeUsPhone(input: string): string | undefined {
  const digits = input.replace(/[^\d+]/g, '');
  const bare = digits.startsWith('+1') ? digits.slice(2) : digits.startsWith('1') && digits.length === 11 ? digits.slice(1) : digits;
  const e164 = `+1${bare}`;
  return US_E164.test(e164) ? e164 : undefined;
}
