/**
 * `@hearth/coverage/schema`: the coverage config section and the coverage lead summary. DOM-free
 * (the rules, the receiver and Node tools import it); importing it registers both with core.
 *
 * @module
 */
import * as z from 'zod/mini';
import {
  UsStateCodeSchema,
  isUsStateCode,
  registerConfigSection,
  registerSummarySchema,
  unknownUsStateCodeMessage,
  type UsStateCode,
} from '@hearth/core/schemas';
// The partner-facing reference of this section (descriptions, examples): read at build time only.
export { coverageConfigDocs } from './schema-docs.js';

/**
 * Payer ids with a fixed meaning in the coverage checker (`@hearth/coverage/rules`), so a
 * partner may not use them for a plan of their own:
 * - `self-pay`: "I'll pay myself";
 * - `unknown`: "I don't see my insurer";
 * - `medicaid`, `medicare`: answered from the state's `medicaid` / `medicare` flags.
 */
export const RESERVED_PAYER_IDS = ['self-pay', 'unknown', 'medicaid', 'medicare'] as const;
export type ReservedPayerId = (typeof RESERVED_PAYER_IDS)[number];

const RESERVED: ReadonlySet<string> = new Set(RESERVED_PAYER_IDS);
const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Config text is shown to patients as written, so it is trimmed and bounded.
const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/**
 * Objects are strict: a misspelt key (`medicad: true`) would otherwise be dropped silently and
 * change what patients are told. zod/mini ships no message text, so name the keys here.
 */
const strict: z.core.$ZodObjectParams = {
  error: (issue) =>
    issue.code === 'unrecognized_keys'
      ? `unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${issue.keys.map((key) => `"${key}"`).join(', ')}`
      : undefined,
};

const PayerIdSchema = z.string().check(
  z.maxLength(64),
  z.regex(KEBAB_CASE, {
    error: (issue) =>
      `payer id "${String(issue.input)}" must be kebab-case (lower-case letters, digits and single hyphens, e.g. "florida-blue")`,
  }),
);

const PayerSchema = z.strictObject(
  {
    /** Stable kebab-case id, unique within its state, e.g. `"bcbs-texas"`. */
    id: PayerIdSchema,
    /** The name patients know the plan by, e.g. "Blue Cross and Blue Shield of Texas". */
    name: text(100),
    /** `varies`: depends on the member's plan, so the clinic verifies it case by case. */
    network: z.enum(['in', 'out', 'varies']),
    /** Shown beside the payer, e.g. "PPO plans only". */
    notes: z.optional(text(200)),
  },
  strict,
);

const SelfPayUnitSchema = z.enum(['program', 'session', 'month']);
const IncludesSchema = z.array(text(200)).check(z.maxLength(20));

const SelfPaySchema = z.strictObject(
  {
    /** In US dollars. */
    price: z.number().check(
      z.nonnegative({
        error: (issue) => `selfPay.price must be 0 or more (USD), got ${String(issue.input)}`,
      }),
    ),
    unit: z._default(SelfPayUnitSchema, 'program'),
    /** What the price covers, e.g. "Medical and psychiatric evaluation". */
    includes: IncludesSchema,
  },
  strict,
);

/**
 * A state's override of the top-level `selfPay`; fields left out are inherited. The price is
 * checked for sign in {@link StatesSchema}, where the state code is known, so that the message
 * can name the state.
 */
const SelfPayOverrideSchema = z.strictObject(
  {
    price: z.optional(z.number()),
    unit: z.optional(SelfPayUnitSchema),
    includes: z.optional(IncludesSchema),
  },
  strict,
);

const StateCoverageSchema = z.strictObject(
  {
    /** Whether the clinic treats patients located in this state. */
    served: z.boolean(),
    /** The plans a patient here can pick from. Order is display order. */
    payers: z._default(z.array(PayerSchema), () => []),
    /** Whether the clinic accepts this state's Medicaid. */
    medicaid: z._default(z.boolean(), false),
    /** Whether the clinic accepts Medicare for patients in this state. */
    medicare: z._default(z.boolean(), false),
    /** Whether the waitlist is open; meaningful only when the state is not served. */
    waitlist: z._default(z.boolean(), false),
    selfPay: z.optional(SelfPayOverrideSchema),
  },
  strict,
);

/**
 * Not `UsStateCodeSchema`: zod reports a key outside an enum as one `unrecognized_keys` issue
 * on the whole record, whereas a key that fails a custom check gets its own `invalid_key`
 * issue whose path is the key itself (`states.XX`).
 */
const StateKeySchema = z.custom<UsStateCode>(isUsStateCode, {
  error: (issue) => unknownUsStateCodeMessage(issue.input),
});

/**
 * States keyed by USPS code. A state left out is not served (and has no waitlist), but a key
 * that is not a code is an error: it is almost always a typo that would hide a served state.
 *
 * Checks that need the state's code, so that the message can name it, run here rather than in
 * {@link StateCoverageSchema}. They also run when another entry already failed, so that one
 * parse reports every problem.
 */
const StatesSchema = z
  .partialRecord(StateKeySchema, StateCoverageSchema, {
    // Lift the key's message ("unknown US state code …") over zod's generic "Invalid key".
    error: (issue) => (issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined),
  })
  .check(
    z.superRefine(
      (states, ctx) => {
        for (const [code, state] of Object.entries(states)) {
          // The value may be half-parsed when it has errors of its own, so look before touching.
          if (typeof state !== 'object' || state === null) continue;
          const seen = new Set<string>();
          (Array.isArray(state.payers) ? state.payers : []).forEach((payer, index) => {
            const id: unknown = payer?.id;
            if (typeof id !== 'string') return;
            const path = [code, 'payers', index, 'id'];
            if (RESERVED.has(id)) {
              ctx.issues.push({
                code: 'custom',
                message: `payer id "${id}" in ${code} is reserved for the coverage checker; rename it (reserved: ${RESERVED_PAYER_IDS.join(', ')})`,
                input: id,
                path,
              });
            } else if (seen.has(id)) {
              ctx.issues.push({
                code: 'custom',
                message: `duplicate payer id "${id}" in ${code}`,
                input: id,
                path,
              });
            }
            seen.add(id);
          });
          const price: unknown = state.selfPay?.price;
          if (typeof price === 'number' && !(price >= 0)) {
            ctx.issues.push({
              code: 'custom',
              message: `selfPay.price in ${code} must be 0 or more (USD), got ${price}`,
              input: price,
              path: [code, 'selfPay', 'price'],
            });
          }
        }
      },
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
    ),
  );

/**
 * A partner's coverage data: which states the clinic serves, the plans it takes there, and
 * what self-pay costs. Errors carry a path to the offending entry (`states.XX`,
 * `states.TX.payers[2].id`, `selfPay.price`) and a message that names it.
 */
export const CoverageConfigSchema = z.strictObject(
  {
    selfPay: SelfPaySchema,
    /** Whether the clinic gives out-of-network patients a superbill to claim reimbursement. */
    superbill: z.boolean(),
    states: StatesSchema,
  },
  strict,
);

/** Coverage config after parsing: defaults filled in. This is what the rules take. */
export type CoverageConfig = z.output<typeof CoverageConfigSchema>;
/** Coverage config as a partner writes it: `payers`, `medicaid`, `medicare`, `waitlist` and `selfPay.unit` may be left out. */
export type CoverageConfigInput = z.input<typeof CoverageConfigSchema>;
export type StateCoverage = z.output<typeof StateCoverageSchema>;
export type Payer = z.output<typeof PayerSchema>;
export type PayerNetwork = Payer['network'];
export type SelfPay = z.output<typeof SelfPaySchema>;
export type SelfPayUnit = SelfPay['unit'];
export type SelfPayOverride = z.output<typeof SelfPayOverrideSchema>;

/** Every outcome of the coverage checker, as a lead summary reports it. */
export const COVERAGE_OUTCOMES = ['not-served', 'in-network', 'out-of-network', 'varies', 'self-pay', 'unknown-payer'] as const;

/** The result of the coverage checker, sent with its lead. */
export const CoverageSummarySchema = z.object({
  type: z.enum(['coverage']),
  state: UsStateCodeSchema,
  payerId: z.optional(z.string().check(z.maxLength(80))),
  outcome: z.enum(COVERAGE_OUTCOMES),
});
export type CoverageSummary = z.output<typeof CoverageSummarySchema>;

/** The `coverage` section: served states, payers by state, self-pay price. Absent: the demo data. */
export const CoverageSectionSchema = z.optional(CoverageConfigSchema);

declare module '@hearth/core/schemas' {
  interface HearthConfigSections {
    coverage: typeof CoverageSectionSchema;
  }
  interface HearthLeadSummaries {
    coverage: typeof CoverageSummarySchema;
  }
}

registerConfigSection('coverage', CoverageSectionSchema);
registerSummarySchema('coverage', CoverageSummarySchema);
