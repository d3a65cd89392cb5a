import * as z from 'zod/mini';
import { isAllowedEndpoint, isSafeLink } from './endpoint.js';
import { ENVELOPE_KEYS, configSections, registryRevision, type HearthConfigSections } from './registry.js';

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

/**
 * Copy keys a partner may not override, whatever the loaded sections: the crisis lines (they must
 * stay correct). A section adds its own with `registerConfigSection(name, schema, { protectedCopy })`.
 */
export const PROTECTED_COPY_KEYS = /^core:crisis\./;

export const LeadConfigSchema = z.strictObject({
  endpoint: z.optional(Endpoint),
  /** Consent text per locale; when absent the translated default is shown and sent. */
  consentText: z.optional(z.partialRecord(LocaleSchema, text(2000, 'consent text'))),
  consentVersion: z._default(text(40, 'a consent version'), '2026-11-01'),
  /** Where to send the person after a lead is accepted; otherwise the booking link is offered. */
  redirectUrl: z.optional(SafeLink),
});

/** The envelope's own keys: brand, locale, lead, copy, privacy and analytics. */
const envelopeShape = (isProtected: (key: string) => boolean) => ({
  brand: z._default(BrandSchema, { name: 'Hearth Health', colors: {} }),
  locale: z.optional(LocaleSchema),
  lead: z._default(LeadConfigSchema, { consentVersion: '2026-11-01' }),
  /** Per-string overrides: `{ es: { "assessment:lead.submit": "Reservar" } }`. */
  copy: z._default(
    z.partialRecord(
      LocaleSchema,
      z.record(
        z.string().check(
          z.refine((key) => !isProtected(key), {
            error: 'a key outside the validated instruments and the crisis lines (those must stay as published)',
            params: EXPECTATION,
          }),
        ),
        z.string().check(z.maxLength(4000)),
      ),
    ),
    {},
  ),
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

/** The envelope alone (no domain section): what every page validates, whatever it loads. */
export const HearthEnvelopeSchema = /* @__PURE__ */ z.strictObject(envelopeShape((key) => PROTECTED_COPY_KEYS.test(key)));

type SectionSchemas = {
  [K in keyof HearthConfigSections]: HearthConfigSections[K] extends z.ZodMiniType ? HearthConfigSections[K] : never;
};
/** A fully resolved, validated config: the envelope and every section a loaded package registered. */
export type HearthConfig = z.output<typeof HearthEnvelopeSchema> & { [K in keyof SectionSchemas]: z.output<SectionSchemas[K]> };
/** What a partner writes: every field optional, validated when resolved. */
export type HearthConfigInput = DeepPartial<
  z.input<typeof HearthEnvelopeSchema> & { [K in keyof SectionSchemas]: z.input<SectionSchemas[K]> }
>;
export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** Damerau–Levenshtein distance, capped: enough to tell a typo (`brnad`) from another package's section. */
function closeTo(a: string, b: string): boolean {
  a = a.toLowerCase();
  b = b.toLowerCase();
  if (Math.abs(a.length - b.length) > 2) return false;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i ? (j ? 0 : i) : j)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = d[i]!;
      const up = d[i - 1]!;
      row[j] = Math.min(up[j]! + 1, row[j - 1]! + 1, up[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]! <= 2;
}

/** The top-level keys of `input` that neither the envelope nor a loaded section knows. */
export function unknownConfigKeys(input: unknown): string[] {
  if (typeof input !== 'object' || input === null) return [];
  return Object.keys(input).filter((key) => !ENVELOPE_KEYS.includes(key) && !configSections().has(key));
}

let cache: { revision: number; strict: boolean; schema: z.ZodMiniType<HearthConfig> } | undefined;

/**
 * The config schema: the envelope plus every registered section, built when asked (sections
 * register as their packages load). A top-level key no loaded package knows is kept, since a page
 * may load only some widgets of a shared config, unless it is one or two edits away from a known
 * key: that is a typo, reported as an unknown key. `strict` refuses every unknown key (the JSON
 * Schema written at build, when every section is loaded).
 */
export function hearthConfigSchema(options: { strict?: boolean } = {}): z.ZodMiniType<HearthConfig> {
  const strict = options.strict ?? false;
  if (cache?.revision === registryRevision() && cache.strict === strict) return cache.schema;
  const patterns = [PROTECTED_COPY_KEYS, ...[...configSections().values()].flatMap((s) => (s.protectedCopy ? [s.protectedCopy] : []))];
  const shape: Record<string, z.ZodMiniType> = envelopeShape((key) => patterns.some((pattern) => pattern.test(key)));
  for (const [name, section] of configSections()) shape[name] = section.schema;
  const known = Object.keys(shape);
  const schema = strict
    ? z.strictObject(shape)
    : z.looseObject(shape).check(
        z.superRefine((value, ctx) => {
          const typos = unknownConfigKeys(value).filter((key) => known.some((k) => closeTo(key, k)));
          if (typos.length)
            ctx.issues.push({ code: 'unrecognized_keys', keys: typos, input: value, message: `unknown keys ${typos.join(', ')}` });
        }),
      );
  cache = { revision: registryRevision(), strict, schema: schema as unknown as z.ZodMiniType<HearthConfig> };
  return cache.schema;
}

/** The JSON Schema of the config (envelope + registered sections), for partners' editors and tooling. */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(hearthConfigSchema({ strict: true }), { io: 'input', unrepresentable: 'any' });
}
