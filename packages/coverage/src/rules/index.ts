/**
 * Coverage rules: given a partner's coverage config, a state and a payer, say what the patient
 * can expect. Pure (no Lit, no DOM) so that it runs in Node as well as in `<hearth-coverage>`.
 *
 * Results carry i18n keys, never text: the widget translates them and interpolates the payer's
 * name, the state's name and the price from the result's fields. Every result also carries
 * {@link COVERAGE_DISCLAIMER_KEY}, because coverage is confirmed only once the clinic has
 * verified the patient's benefits.
 *
 * @module
 */
import { isUsStateCode, unknownUsStateCodeMessage, US_STATE_CODES } from './core-config.js';
import type { UsStateCode } from './core-config.js';
import { RESERVED_PAYER_IDS, type COVERAGE_OUTCOMES, type ReservedPayerId } from '../schema.js';
import type { CoverageConfig, Payer, SelfPayUnit, StateCoverage } from '../schema.js';

export type { CoverageConfig, Payer, UsStateCode };

/**
 * Payer ids that are answers rather than plans, offered beside the state's payers. The same list
 * as the schema's `RESERVED_PAYER_IDS` (one declaration), so no configured payer can shadow them.
 */
export const SPECIAL_PAYER_IDS = RESERVED_PAYER_IDS;
export type SpecialPayerId = ReservedPayerId;

/** The i18n key of the disclaimer that every result carries. */
export const COVERAGE_DISCLAIMER_KEY = 'coverage.disclaimer';

/**
 * Every i18n key a result can carry, so that a test can check that each translation has them.
 * Flat leaves (no key is a prefix of another), so they map onto nested i18next JSON.
 */
export const COVERAGE_MESSAGE_KEYS = [
  COVERAGE_DISCLAIMER_KEY,
  'coverage.notServed.headline',
  'coverage.notServed.nextStepWaitlist',
  'coverage.notServed.nextStepNoWaitlist',
  'coverage.inNetwork.headline',
  'coverage.inNetwork.nextStep',
  'coverage.outOfNetwork.headline',
  'coverage.outOfNetwork.headlineNotAccepted',
  'coverage.outOfNetwork.nextStep',
  'coverage.outOfNetwork.guidanceSuperbill',
  'coverage.outOfNetwork.guidanceNoSuperbill',
  'coverage.outOfNetwork.guidanceMedicaid',
  'coverage.outOfNetwork.guidanceMedicare',
  'coverage.varies.headline',
  'coverage.varies.nextStep',
  'coverage.selfPay.headline',
  'coverage.selfPay.nextStep',
  'coverage.unknownPayer.headline',
  'coverage.unknownPayer.nextStep',
] as const;
export type CoverageMessageKey = (typeof COVERAGE_MESSAGE_KEYS)[number];

/** What the patient is asked to answer. */
export interface CoverageQuery {
  /** USPS code of the state the patient is in; anything else throws a `RangeError`. */
  state: string;
  /** A payer id from {@link payersForState}, or one of {@link SPECIAL_PAYER_IDS}. */
  payerId: string;
}

/** The self-pay terms that apply in a state: the top-level `selfPay` with the state's override. */
export interface SelfPayTerms {
  price: number;
  currency: 'USD';
  unit: SelfPayUnit;
  includes: readonly string[];
}

interface CoverageResultBase {
  state: UsStateCode;
  /** As asked, including the special ids and ids that are not on the state's list. */
  payerId: string;
  headlineKey: CoverageMessageKey;
  nextStepKey: CoverageMessageKey;
  /** Coverage is confirmed only after the clinic verifies benefits; always shown. */
  disclaimerKey: typeof COVERAGE_DISCLAIMER_KEY;
}

/** The clinic does not treat patients in this state. */
export interface NotServedResult extends CoverageResultBase {
  outcome: 'not-served';
  /** Whether the patient can join a waitlist for the state. */
  waitlist: boolean;
}

/** The clinic is in network with the payer (or accepts the state's Medicaid / Medicare). */
export interface InNetworkResult extends CoverageResultBase {
  outcome: 'in-network';
  payer: Payer;
}

/**
 * The clinic is out of network with the payer, or does not accept the state's Medicaid /
 * Medicare. The patient pays the self-pay price; `superbill` says whether they can claim some of
 * it back.
 */
export interface OutOfNetworkResult extends CoverageResultBase {
  outcome: 'out-of-network';
  payer: Payer;
  superbill: boolean;
  /** Explains what out of network means for this payer: a superbill claim, or none possible. */
  guidanceKey: CoverageMessageKey;
  selfPay: SelfPayTerms;
}

/** Network status depends on the member's plan; the clinic will verify it. */
export interface VariesResult extends CoverageResultBase {
  outcome: 'varies';
  payer: Payer;
  /** What it costs if verification finds the plan out of network. */
  selfPay: SelfPayTerms;
}

/** The patient chose to pay themselves. */
export interface SelfPayResult extends CoverageResultBase, SelfPayTerms {
  outcome: 'self-pay';
}

/** The payer is not on the state's list ("I don't see my insurer"); the clinic will check it. */
export interface UnknownPayerResult extends CoverageResultBase {
  outcome: 'unknown-payer';
  /** Shown as the fallback while the clinic checks. */
  selfPay: SelfPayTerms;
}

export type CoverageResult = NotServedResult | InNetworkResult | OutOfNetworkResult | VariesResult | SelfPayResult | UnknownPayerResult;
export type CoverageOutcome = CoverageResult['outcome'];
// Fails to compile if the rules' outcomes and the lead summary's drift apart.
const sameOutcomes: [CoverageOutcome, (typeof COVERAGE_OUTCOMES)[number]] extends [(typeof COVERAGE_OUTCOMES)[number], CoverageOutcome]
  ? true
  : never = true;
void sameOutcomes;

/**
 * Answers "will my coverage work here?" for a patient in `query.state` with `query.payerId`.
 * `config` is the parsed coverage config (the output of `CoverageConfigSchema`).
 *
 * The rules, in the order they apply:
 * 1. A state code that is not one of the 50 states or DC throws a `RangeError` that quotes it;
 *    that is a bug in the caller, not an answer for the patient.
 * 2. A state that is absent from the config, or present with `served: false`, is `not-served`,
 *    whatever the payer: the clinic cannot treat there, even for self-pay. `waitlist` comes from
 *    the state's entry, and is `false` for an absent state.
 * 3. `self-pay` gives the state's self-pay terms (its override over the top-level `selfPay`).
 * 4. `medicaid` / `medicare`: when the state's flag is set, `in-network` with a payer named
 *    "Medicaid" / "Medicare". When it is not, `out-of-network` with `superbill: false`, whatever
 *    the clinic's superbill policy: Medicaid does not reimburse members for care from providers
 *    outside it, and Original Medicare cannot be billed by a clinic that has not enrolled, so a
 *    superbill would promise money that will not come. The guidance key says so, and (for
 *    Medicare) points Medicare Advantage members at their plan's own name in the list.
 * 5. A payer on the state's list gives `in-network`, `out-of-network` (`superbill` is the
 *    clinic's policy) or `varies`, from its `network`.
 * 6. `unknown`, or any id not on the state's list, is `unknown-payer`: the clinic will check the
 *    insurer, and the self-pay terms are the fallback.
 *
 * @throws {RangeError} when `query.state` is not a USPS code of a state or DC.
 */
export function checkCoverage(config: CoverageConfig, query: CoverageQuery): CoverageResult {
  const { payerId } = query;
  const state = requireStateCode(query.state);
  const entry = config.states[state];

  if (!entry?.served) {
    const waitlist = entry?.waitlist ?? false;
    return {
      outcome: 'not-served',
      waitlist,
      ...keys(
        state,
        payerId,
        'coverage.notServed.headline',
        waitlist ? 'coverage.notServed.nextStepWaitlist' : 'coverage.notServed.nextStepNoWaitlist',
      ),
    };
  }

  const selfPay = selfPayTerms(config, entry);

  if (payerId === 'self-pay') {
    return {
      outcome: 'self-pay',
      ...selfPay,
      ...keys(state, payerId, 'coverage.selfPay.headline', 'coverage.selfPay.nextStep'),
    };
  }

  if (payerId === 'medicaid' || payerId === 'medicare') {
    const accepted = entry[payerId];
    const payer: Payer = {
      id: payerId,
      name: payerId === 'medicaid' ? 'Medicaid' : 'Medicare',
      network: accepted ? 'in' : 'out',
    };
    if (accepted) {
      return {
        outcome: 'in-network',
        payer,
        ...keys(state, payerId, 'coverage.inNetwork.headline', 'coverage.inNetwork.nextStep'),
      };
    }
    return {
      outcome: 'out-of-network',
      payer,
      superbill: false,
      guidanceKey: payerId === 'medicaid' ? 'coverage.outOfNetwork.guidanceMedicaid' : 'coverage.outOfNetwork.guidanceMedicare',
      selfPay,
      ...keys(state, payerId, 'coverage.outOfNetwork.headlineNotAccepted', 'coverage.outOfNetwork.nextStep'),
    };
  }

  const payer = entry.payers.find((candidate) => candidate.id === payerId);
  if (!payer) {
    // Covers `unknown` too: the schema reserves it, so it is never on the list.
    return {
      outcome: 'unknown-payer',
      selfPay,
      ...keys(state, payerId, 'coverage.unknownPayer.headline', 'coverage.unknownPayer.nextStep'),
    };
  }

  switch (payer.network) {
    case 'in':
      return {
        outcome: 'in-network',
        payer,
        ...keys(state, payerId, 'coverage.inNetwork.headline', 'coverage.inNetwork.nextStep'),
      };
    case 'out':
      return {
        outcome: 'out-of-network',
        payer,
        superbill: config.superbill,
        guidanceKey: config.superbill ? 'coverage.outOfNetwork.guidanceSuperbill' : 'coverage.outOfNetwork.guidanceNoSuperbill',
        selfPay,
        ...keys(state, payerId, 'coverage.outOfNetwork.headline', 'coverage.outOfNetwork.nextStep'),
      };
    case 'varies':
      return {
        outcome: 'varies',
        payer,
        selfPay,
        ...keys(state, payerId, 'coverage.varies.headline', 'coverage.varies.nextStep'),
      };
  }
}

/**
 * The payers a patient in `state` can pick from, in config order; empty when the state is not
 * served. The special ids ({@link SPECIAL_PAYER_IDS}) are not included: the widget offers them
 * itself.
 *
 * @throws {RangeError} when `state` is not a USPS code of a state or DC.
 */
export function payersForState(config: CoverageConfig, state: string): readonly Payer[] {
  const entry = config.states[requireStateCode(state)];
  return entry?.served ? entry.payers : [];
}

/** The codes of the states the clinic serves, in the order of `US_STATES` (by English name). */
export function servedStates(config: CoverageConfig): UsStateCode[] {
  return US_STATE_CODES.filter((code) => config.states[code]?.served === true);
}

function requireStateCode(state: string): UsStateCode {
  if (!isUsStateCode(state)) throw new RangeError(unknownUsStateCodeMessage(state));
  return state;
}

function selfPayTerms(config: CoverageConfig, entry: StateCoverage): SelfPayTerms {
  const override = entry.selfPay;
  return {
    price: override?.price ?? config.selfPay.price,
    currency: 'USD',
    unit: override?.unit ?? config.selfPay.unit,
    includes: override?.includes ?? config.selfPay.includes,
  };
}

function keys(state: UsStateCode, payerId: string, headlineKey: CoverageMessageKey, nextStepKey: CoverageMessageKey): CoverageResultBase {
  return { state, payerId, headlineKey, nextStepKey, disclaimerKey: COVERAGE_DISCLAIMER_KEY };
}
