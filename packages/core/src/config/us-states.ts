import * as z from 'zod/mini';

/**
 * The 50 states plus the District of Columbia, keyed by USPS code, in English alphabetical
 * order (DC sits between Delaware and Florida). Territories are left out on purpose: partner
 * clinics are licensed state by state, and none of them serves a territory yet.
 *
 * `nameEs` is given only where the Spanish name differs; fall back to `name` otherwise.
 */
const STATE_DATA = [
  { code: 'AL', name: 'Alabama' },
  { code: 'AK', name: 'Alaska' },
  { code: 'AZ', name: 'Arizona' },
  { code: 'AR', name: 'Arkansas' },
  { code: 'CA', name: 'California' },
  { code: 'CO', name: 'Colorado' },
  { code: 'CT', name: 'Connecticut' },
  { code: 'DE', name: 'Delaware' },
  { code: 'DC', name: 'District of Columbia', nameEs: 'Distrito de Columbia' },
  { code: 'FL', name: 'Florida' },
  { code: 'GA', name: 'Georgia' },
  { code: 'HI', name: 'Hawaii', nameEs: 'Hawái' },
  { code: 'ID', name: 'Idaho' },
  { code: 'IL', name: 'Illinois' },
  { code: 'IN', name: 'Indiana' },
  { code: 'IA', name: 'Iowa' },
  { code: 'KS', name: 'Kansas' },
  { code: 'KY', name: 'Kentucky' },
  { code: 'LA', name: 'Louisiana', nameEs: 'Luisiana' },
  { code: 'ME', name: 'Maine' },
  { code: 'MD', name: 'Maryland' },
  { code: 'MA', name: 'Massachusetts' },
  { code: 'MI', name: 'Michigan', nameEs: 'Míchigan' },
  { code: 'MN', name: 'Minnesota' },
  { code: 'MS', name: 'Mississippi', nameEs: 'Misisipi' },
  { code: 'MO', name: 'Missouri', nameEs: 'Misuri' },
  { code: 'MT', name: 'Montana' },
  { code: 'NE', name: 'Nebraska' },
  { code: 'NV', name: 'Nevada' },
  { code: 'NH', name: 'New Hampshire', nameEs: 'Nuevo Hampshire' },
  { code: 'NJ', name: 'New Jersey', nameEs: 'Nueva Jersey' },
  { code: 'NM', name: 'New Mexico', nameEs: 'Nuevo México' },
  { code: 'NY', name: 'New York', nameEs: 'Nueva York' },
  { code: 'NC', name: 'North Carolina', nameEs: 'Carolina del Norte' },
  { code: 'ND', name: 'North Dakota', nameEs: 'Dakota del Norte' },
  { code: 'OH', name: 'Ohio' },
  { code: 'OK', name: 'Oklahoma' },
  { code: 'OR', name: 'Oregon', nameEs: 'Oregón' },
  { code: 'PA', name: 'Pennsylvania', nameEs: 'Pensilvania' },
  { code: 'RI', name: 'Rhode Island' },
  { code: 'SC', name: 'South Carolina', nameEs: 'Carolina del Sur' },
  { code: 'SD', name: 'South Dakota', nameEs: 'Dakota del Sur' },
  { code: 'TN', name: 'Tennessee' },
  { code: 'TX', name: 'Texas' },
  { code: 'UT', name: 'Utah' },
  { code: 'VT', name: 'Vermont' },
  { code: 'VA', name: 'Virginia' },
  { code: 'WA', name: 'Washington' },
  { code: 'WV', name: 'West Virginia', nameEs: 'Virginia Occidental' },
  { code: 'WI', name: 'Wisconsin' },
  { code: 'WY', name: 'Wyoming' },
] as const satisfies readonly { code: string; name: string; nameEs?: string }[];

/** USPS code of one of the 50 states or DC, e.g. `'TX'`. */
export type UsStateCode = (typeof STATE_DATA)[number]['code'];

export interface UsState {
  readonly code: UsStateCode;
  /** English name. */
  readonly name: string;
  /** Spanish name, only where it differs from `name` (e.g. "Nueva York"). */
  readonly nameEs?: string;
}

/** The 50 states and DC, in English alphabetical order. */
export const US_STATES: readonly UsState[] = STATE_DATA;

/** The USPS codes of {@link US_STATES}, in the same order. */
export const US_STATE_CODES: readonly UsStateCode[] = STATE_DATA.map((state) => state.code);

const CODE_SET: ReadonlySet<string> = new Set(US_STATE_CODES);

/** True for the USPS code of a state or DC. Case-sensitive: `'tx'` is not a code. */
export function isUsStateCode(value: unknown): value is UsStateCode {
  return typeof value === 'string' && CODE_SET.has(value);
}

/**
 * The message for a value that is not a state code. It suggests the upper-case code when only
 * the case is wrong, the usual slip in hand-written config.
 */
export function unknownUsStateCodeMessage(value: unknown): string {
  const input = String(value);
  const upper = input.toUpperCase();
  return isUsStateCode(upper) && upper !== input
    ? `unknown US state code "${input}" (did you mean "${upper}"?)`
    : `unknown US state code "${input}" (expected a USPS code such as "TX" or "DC")`;
}

/**
 * A USPS state code; the error message quotes the rejected value. (Marked pure so that a bundle
 * needing only the list or the guard can drop it.)
 */
export const UsStateCodeSchema = /* @__PURE__ */ z.enum(US_STATE_CODES, {
  error: (issue) => unknownUsStateCodeMessage(issue.input),
});
