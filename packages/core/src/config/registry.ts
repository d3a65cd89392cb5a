import * as z from 'zod/mini';

/**
 * The registry through which a domain package adds to the envelope: its top-level config
 * section (`assessment`, `coverage`, …) and the schema of the summary its leads carry. Core
 * names no domain; a domain's `/schema` module registers itself when imported.
 *
 * DOM-free: the lead receiver imports the same `/schema` modules in Node.
 *
 * @module
 */

/**
 * The config sections that domain packages add, by name: each maps to the zod schema it
 * registers. A domain package augments it next to its `registerConfigSection()` call:
 *
 * ```ts
 * declare module '@hearth/core/schemas' {
 *   interface HearthConfigSections {
 *     assessment: typeof AssessmentSectionSchema;
 *   }
 * }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by declaration merging.
export interface HearthConfigSections {}

/**
 * The lead summaries that domain packages add, by summary `type` (the kind). Augmented like
 * {@link HearthConfigSections}, next to `registerSummarySchema()`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by declaration merging.
export interface HearthLeadSummaries {}

/** A summary whose kind no loaded package declared: what every summary has in common. */
export interface LeadSummaryBase {
  type: string;
}

/** Any registered lead summary (a union over {@link HearthLeadSummaries}). */
export type LeadSummary = [keyof HearthLeadSummaries] extends [never]
  ? LeadSummaryBase
  : {
      [K in keyof HearthLeadSummaries]: HearthLeadSummaries[K] extends z.ZodMiniType ? z.output<HearthLeadSummaries[K]> : never;
    }[keyof HearthLeadSummaries];

export interface ConfigSectionOptions {
  /** Copy-override keys (`namespace:key`) a partner may not override, e.g. a validated instrument's wording. */
  protectedCopy?: RegExp;
}

interface Section {
  readonly schema: z.ZodMiniType;
  readonly protectedCopy?: RegExp;
}

const sections = new Map<string, Section>();
const summaries = new Map<string, z.ZodMiniType>();
let revision = 0;

/** Keys of the envelope: no section may take them. */
export const ENVELOPE_KEYS: readonly string[] = ['brand', 'locale', 'lead', 'copy', 'privacy', 'analytics'];

/**
 * Adds a top-level config section. The schema carries its own default (`z._default(...)`) or is
 * `z.optional(...)`. Registering a name again with the same schema does nothing (a bundle may
 * import a `/schema` module twice); another schema under a taken name is refused with a warning.
 */
export function registerConfigSection<K extends string>(
  name: K,
  schema: K extends keyof HearthConfigSections ? HearthConfigSections[K] : z.ZodMiniType,
  options: ConfigSectionOptions = {},
): void {
  const existing = sections.get(name);
  if (existing?.schema === schema) return;
  if (existing || ENVELOPE_KEYS.includes(name)) {
    console.warn(`[hearth] config section "${name}" is already registered; the first registration stays.`);
    return;
  }
  sections.set(name, { schema: schema as z.ZodMiniType, ...(options.protectedCopy ? { protectedCopy: options.protectedCopy } : {}) });
  revision++;
}

/** The registered config sections, in registration order. */
export function configSections(): ReadonlyMap<string, Readonly<Section>> {
  return sections;
}

/** Changes whenever a section is registered, so built schemas can be cached. */
export function registryRevision(): number {
  return revision;
}

/**
 * Declares the schema of the lead summary of one kind (the summary's `type`, e.g. `"coverage"`).
 * The same schema again does nothing; another schema for a taken kind is refused with a warning.
 */
export function registerSummarySchema<K extends string>(
  kind: K,
  schema: K extends keyof HearthLeadSummaries ? HearthLeadSummaries[K] : z.ZodMiniType,
): void {
  const existing = summaries.get(kind);
  if (existing === schema) return;
  if (existing) {
    console.warn(`[hearth] lead summary "${kind}" is already registered; the first registration stays.`);
    return;
  }
  summaries.set(kind, schema as z.ZodMiniType);
}

/** The schema registered for a summary kind, if a loaded package registered one. */
export function summarySchemaFor(kind: string): z.ZodMiniType | undefined {
  return summaries.get(kind);
}

/** The summary kinds registered so far. */
export function summaryKinds(): string[] {
  return [...summaries.keys()];
}

const object = (input: unknown): input is Record<string, unknown> => typeof input === 'object' && input !== null && !Array.isArray(input);

/**
 * A lead's `summary`: checked against the schema registered for its `type`, and output as that
 * schema outputs it (unknown keys dropped). A kind no loaded package registered is refused at
 * `summary.type`, so a server must import every domain's `/schema` module it accepts leads from.
 */
export const LeadSummarySchema = /* @__PURE__ */ z.transform<unknown, LeadSummary>((input, ctx) => {
  if (!object(input)) {
    ctx.issues.push({ code: 'invalid_type', expected: 'object', input, message: 'a summary object' });
    return input as unknown as LeadSummary;
  }
  const kinds = summaryKinds();
  const schema = typeof input.type === 'string' ? summarySchemaFor(input.type) : undefined;
  if (!schema) {
    ctx.issues.push({
      code: 'invalid_value',
      values: kinds,
      input: input.type,
      path: ['type'],
      message: kinds.length ? `one of ${kinds.map((kind) => `"${kind}"`).join(', ')}` : 'a summary type registered by a loaded package',
    });
    return input as unknown as LeadSummary;
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) ctx.issues.push(...(parsed.error.issues as z.core.$ZodRawIssue[]));
  return (parsed.success ? parsed.data : input) as unknown as LeadSummary;
});
