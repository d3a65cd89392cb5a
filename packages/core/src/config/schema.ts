import * as z from 'zod/mini';
import { isAllowedEndpoint, isSafeLink } from './endpoint.js';
import { CoverageConfigSchema } from './coverage-schema.js';

export const SUPPORTED_LOCALES = ['en', 'es'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const LocaleSchema = z.enum(SUPPORTED_LOCALES, { error: 'one of "en" or "es"' });

// Marks a refinement whose message says what was expected (not a sentence about the problem).
const EXPECTATION = { expected: true };

const text = (max: number, what = 'text') =>
  z
    .string({ error: `${what} (a string)` })
    .check(z.trim(), z.minLength(1, { error: `${what}, not empty` }), z.maxLength(max, { error: `${what} of at most ${max} characters` }));

const HexColor = z
  .string({ error: 'a hex colour like "#1f6feb"' })
  .check(z.regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, { error: 'a hex colour like "#1f6feb"' }));
// A font stack or a length goes into a CSS custom property: refuse anything that could end the declaration.
const CssValue = (what: string) => z.string().check(z.regex(/^[^;{}<>\\]{1,200}$/, { error: `${what} without ; { } < > or \\` }));
const CssLength = z.string().check(z.regex(/^(?:0|\d+(?:\.\d+)?(?:px|rem|em|%))$/, { error: 'a CSS length such as "8px" or "0.5rem"' }));
const Endpoint = z
  .string({ error: 'an https: URL' })
  .check(z.refine(isAllowedEndpoint, { error: 'an https: URL (http: is allowed only on localhost or 127.0.0.1)', params: EXPECTATION }));
const SafeLink = z
  .string({ error: 'an https: URL' })
  .check(z.refine(isSafeLink, { error: 'an https: URL or a #anchor', params: EXPECTATION }));

export const BrandSchema = z.strictObject({
  name: z._default(text(80, 'a brand name'), 'Hearth Health'),
  logoUrl: z.optional(SafeLink),
  phone: z.optional(text(40, 'a phone number as shown to patients')),
  bookingUrl: z.optional(SafeLink),
  colors: z._default(
    z.strictObject({
      primary: z.optional(HexColor),
      onPrimary: z.optional(HexColor),
      text: z.optional(HexColor),
      background: z.optional(HexColor),
      surface: z.optional(HexColor),
      border: z.optional(HexColor),
      danger: z.optional(HexColor),
      success: z.optional(HexColor),
    }),
    {},
  ),
  font: z.optional(CssValue('a CSS font-family list')),
  radius: z.optional(CssLength),
  /** Who reviewed the clinical content; "Medically reviewed by" is shown only with credentials. */
  reviewer: z.optional(
    z.strictObject({
      name: text(120, 'a reviewer name'),
      credentials: z.optional(text(80, 'credentials')),
      /** The date this reviewer reviewed the content (YYYY-MM-DD). Without it, the content pack's own reviewer is shown. */
      reviewedOn: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'a date like "2026-11-20"' }))),
    }),
  ),
});

export const ASSESSMENT_STEPS = ['intro', 'screen', 'safety', 'history', 'review', 'state', 'results', 'lead'] as const;
export type AssessmentStepId = (typeof ASSESSMENT_STEPS)[number];

/** True when those of `order` that appear in `steps` appear in that order. */
function inOrder(steps: readonly string[], order: readonly string[]): boolean {
  const positions = order.map((step) => steps.indexOf(step)).filter((i) => i >= 0);
  return positions.every((p, i) => i === 0 || p > (positions[i - 1] ?? -1));
}

/**
 * Strings a partner may not override: the validated instruments' wording (it must stay verbatim)
 * and the crisis lines (they must stay correct).
 */
export const PROTECTED_COPY_KEYS = /^(assessment-instruments:|core:crisis\.)/;

export const AssessmentConfigSchema = z.strictObject({
  /** The PC-PTSD-5 (5 yes/no items) by default; the PCL-5 (20 items) when a partner wants more detail. */
  instrument: z._default(z.enum(['pc-ptsd-5', 'pcl-5'], { error: '"pc-ptsd-5" or "pcl-5"' }), 'pc-ptsd-5'),
  cutPoints: z._default(
    z.strictObject({
      pcPtsd5: z._default(z.int({ error: 'a whole number' }).check(z.gte(1), z.lte(5)), 3),
      pcl5: z._default(z.int({ error: 'a whole number' }).check(z.gte(1), z.lte(80)), 33),
    }),
    { pcPtsd5: 3, pcl5: 33 },
  ),
  /** Which steps run, in order. The safety question and results cannot be removed. */
  steps: z._default(
    z.array(z.enum(ASSESSMENT_STEPS, { error: `one of ${ASSESSMENT_STEPS.join(', ')}` })).check(
      z.refine((steps) => steps.includes('safety') && steps.includes('results'), {
        error: 'a list that keeps "safety" and "results" (they protect the patient)',
        params: EXPECTATION,
      }),
      z.refine((steps) => new Set(steps).size === steps.length, { error: 'a list without repeated steps', params: EXPECTATION }),
      // The screen must come before the safety question, and the safety question before the
      // results and the lead form: otherwise a lead could leave without its urgent flag.
      z.refine((steps) => inOrder(steps, ['screen', 'safety', 'results']) && inOrder(steps, ['safety', 'lead']), {
        error: 'a list where "screen" comes before "safety", and "safety" before "results" and "lead"',
        params: EXPECTATION,
      }),
    ),
    [...ASSESSMENT_STEPS],
  ),
});

export const LeadConfigSchema = z.strictObject({
  endpoint: z.optional(Endpoint),
  /** Consent text per locale; when absent the translated default is shown and sent. */
  consentText: z.optional(z.partialRecord(LocaleSchema, text(2000, 'consent text'))),
  consentVersion: z._default(text(40, 'a consent version'), '2026-11-01'),
  /** Where to send the person after a lead is accepted; otherwise the booking link is offered. */
  redirectUrl: z.optional(SafeLink),
});

export const HearthConfigSchema = z.strictObject({
  brand: z._default(BrandSchema, { name: 'Hearth Health', colors: {} }),
  locale: z.optional(LocaleSchema),
  lead: z._default(LeadConfigSchema, { consentVersion: '2026-11-01' }),
  /** Per-string overrides: `{ es: { "assessment:lead.submit": "Reservar" } }`. */
  copy: z._default(
    z.partialRecord(
      LocaleSchema,
      z.record(
        z.string().check(
          z.refine((key) => !PROTECTED_COPY_KEYS.test(key), {
            error: 'a key outside the validated instruments and the crisis lines (those must stay as published)',
            params: EXPECTATION,
          }),
        ),
        z.string().check(z.maxLength(4000)),
      ),
    ),
    {},
  ),
  assessment: z._default(AssessmentConfigSchema, {
    instrument: 'pc-ptsd-5',
    cutPoints: { pcPtsd5: 3, pcl5: 33 },
    steps: [...ASSESSMENT_STEPS],
  }),
  /** Served states, payers by state, self-pay price. Absent: the content pack's demo data. */
  coverage: z.optional(CoverageConfigSchema),
  privacy: z._default(
    z.strictObject({
      /** Send the raw answers with the lead. Off by default: answers are health data. */
      includeAnswers: z._default(z.boolean({ error: 'true or false' }), false),
    }),
    { includeAnswers: false },
  ),
  analytics: z._default(
    z.strictObject({
      /** Push anonymous step events to `window[dataLayerName]` (Google Tag Manager). Off by default. */
      dataLayer: z._default(z.boolean({ error: 'true or false' }), false),
      dataLayerName: z._default(z.string().check(z.regex(/^[A-Za-z_$][\w$]{0,63}$/, { error: 'a JavaScript identifier' })), 'dataLayer'),
    }),
    { dataLayer: false, dataLayerName: 'dataLayer' },
  ),
});

/** A fully resolved, validated config. */
export type HearthConfig = z.output<typeof HearthConfigSchema>;
/** What a partner writes: every field optional, validated when resolved. */
export type HearthConfigInput = DeepPartial<z.input<typeof HearthConfigSchema>>;
export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** The JSON Schema of the config, for partners' editors and tooling (written to dist/ at build). */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(HearthConfigSchema, { io: 'input', unrepresentable: 'any' });
}
