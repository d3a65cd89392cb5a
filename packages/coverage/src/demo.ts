/**
 * Demo coverage data for the default (fictional) brand, used when a partner configures none.
 *
 * Illustrative only: the payers are real plan names, but the network statuses, notes and price
 * describe no real clinic's contracts. Every state and DC is listed so that the data reads as a
 * complete example; twelve are served.
 *
 * `demoCoverageInput` is config input as a partner would write it (left-out fields take their
 * defaults: `payers: []`, `medicaid: false`, `medicare: false`, `waitlist: false`);
 * `demoCoverage` is the same data parsed with `CoverageConfigSchema`, never cast.
 *
 * @module
 */
import { CoverageConfigSchema, type CoverageConfig, type CoverageConfigInput, type Payer } from './schema.js';

/** A payer as config input (a payer has no defaults, so input and output agree). */
type PayerInput = Payer;

// Payers that appear in several states, as one entry each so that names and ids stay consistent.
const aetna: PayerInput = { id: 'aetna', name: 'Aetna', network: 'in' };
const cigna: PayerInput = { id: 'cigna', name: 'Cigna', network: 'in' };
const humanaOut: PayerInput = { id: 'humana', name: 'Humana', network: 'out' };
const kaiserOut: PayerInput = {
  id: 'kaiser-permanente',
  name: 'Kaiser Permanente',
  network: 'out',
  notes: 'Kaiser members are usually referred within Kaiser',
};
const optum: PayerInput = {
  id: 'optum',
  name: 'Optum Behavioral Health',
  network: 'varies',
  notes: 'Mental health benefits managed by Optum for many employers',
};
const oscarOut: PayerInput = { id: 'oscar-health', name: 'Oscar Health', network: 'out' };
const tricare: PayerInput = {
  id: 'tricare',
  name: 'TRICARE',
  network: 'varies',
  notes: 'A referral from your primary care manager is usually required',
};
const uhcOut: PayerInput = { id: 'unitedhealthcare', name: 'UnitedHealthcare', network: 'out' };
const uhcVaries: PayerInput = { id: 'unitedhealthcare', name: 'UnitedHealthcare', network: 'varies' };

const waitlistOpen = { served: false, waitlist: true };
const notServed = { served: false, waitlist: false };

export const demoCoverageInput: CoverageConfigInput = {
  selfPay: {
    price: 1500,
    unit: 'program',
    includes: [
      'Medical and psychiatric evaluation',
      '6 ketamine sessions with medical monitoring',
      '3 integration sessions with a licensed therapist',
    ],
  },
  superbill: true,
  states: {
    AL: notServed,
    AK: notServed,
    AZ: {
      served: true,
      medicaid: false,
      medicare: true,
      payers: [
        {
          id: 'bcbs-arizona',
          name: 'Blue Cross Blue Shield of Arizona',
          network: 'in',
          notes: 'PPO plans only',
        },
        aetna,
        cigna,
        uhcVaries,
        humanaOut,
        optum,
        tricare,
      ],
    },
    AR: notServed,
    CA: {
      served: true,
      medicaid: false,
      medicare: false,
      payers: [
        {
          id: 'blue-shield-of-california',
          name: 'Blue Shield of California',
          network: 'in',
          notes: 'PPO plans only',
        },
        { id: 'anthem-blue-cross', name: 'Anthem Blue Cross', network: 'in' },
        aetna,
        cigna,
        uhcVaries,
        kaiserOut,
        { id: 'health-net', name: 'Health Net', network: 'out' },
        optum,
        tricare,
      ],
    },
    CO: {
      served: true,
      medicaid: true,
      medicare: false,
      payers: [
        { id: 'anthem-bcbs', name: 'Anthem Blue Cross and Blue Shield', network: 'in' },
        aetna,
        cigna,
        uhcVaries,
        kaiserOut,
        {
          id: 'rocky-mountain-health-plans',
          name: 'Rocky Mountain Health Plans',
          network: 'varies',
          notes: 'Western Slope plans',
        },
        humanaOut,
      ],
    },
    CT: waitlistOpen,
    DE: waitlistOpen,
    DC: waitlistOpen,
    FL: {
      served: true,
      medicaid: false,
      medicare: true,
      payers: [
        { id: 'florida-blue', name: 'Florida Blue', network: 'in', notes: 'PPO plans only' },
        aetna,
        cigna,
        { id: 'humana', name: 'Humana', network: 'in', notes: 'Commercial plans; Medicare Advantage varies' },
        uhcOut,
        { id: 'avmed', name: 'AvMed', network: 'varies' },
        oscarOut,
        tricare,
      ],
    },
    GA: {
      served: true,
      medicaid: false,
      medicare: false,
      payers: [
        { id: 'anthem-bcbs', name: 'Anthem Blue Cross and Blue Shield', network: 'in' },
        aetna,
        cigna,
        uhcVaries,
        kaiserOut,
        {
          id: 'ambetter-peach-state',
          name: 'Ambetter from Peach State Health Plan',
          network: 'out',
          notes: 'Marketplace plans',
        },
        humanaOut,
      ],
    },
    HI: notServed,
    ID: notServed,
    IL: {
      served: true,
      medicaid: false,
      medicare: false,
      payers: [
        {
          id: 'bcbs-illinois',
          name: 'Blue Cross and Blue Shield of Illinois',
          network: 'in',
          notes: 'PPO plans only',
        },
        aetna,
        cigna,
        uhcVaries,
        humanaOut,
        oscarOut,
      ],
    },
    IN: waitlistOpen,
    IA: notServed,
    KS: notServed,
    KY: notServed,
    LA: waitlistOpen,
    ME: notServed,
    MD: waitlistOpen,
    MA: {
      served: true,
      medicaid: true,
      medicare: false,
      payers: [
        { id: 'bcbs-massachusetts', name: 'Blue Cross Blue Shield of Massachusetts', network: 'in' },
        { id: 'harvard-pilgrim', name: 'Harvard Pilgrim Health Care', network: 'in' },
        { id: 'tufts-health-plan', name: 'Tufts Health Plan', network: 'varies' },
        { id: 'mass-general-brigham-health-plan', name: 'Mass General Brigham Health Plan', network: 'out' },
        aetna,
        cigna,
        uhcOut,
      ],
    },
    MI: waitlistOpen,
    MN: waitlistOpen,
    MS: notServed,
    MO: waitlistOpen,
    MT: notServed,
    NE: notServed,
    NV: waitlistOpen,
    NH: waitlistOpen,
    NJ: waitlistOpen,
    NM: waitlistOpen,
    NY: {
      served: true,
      medicaid: false,
      medicare: false,
      // New York City costs more to staff; the rest of the terms are the brand's.
      selfPay: { price: 1800 },
      payers: [
        {
          id: 'anthem-bcbs',
          name: 'Anthem Blue Cross and Blue Shield',
          network: 'in',
          notes: 'Formerly Empire BlueCross BlueShield',
        },
        {
          id: 'excellus-bcbs',
          name: 'Excellus BlueCross BlueShield',
          network: 'in',
          notes: 'Upstate New York',
        },
        aetna,
        cigna,
        { id: 'emblemhealth', name: 'EmblemHealth', network: 'varies' },
        { id: 'mvp-health-care', name: 'MVP Health Care', network: 'varies' },
        {
          id: 'oxford-unitedhealthcare',
          name: 'Oxford Health Plans (UnitedHealthcare)',
          network: 'out',
        },
        { id: 'healthfirst', name: 'Healthfirst', network: 'out' },
      ],
    },
    NC: {
      served: true,
      medicaid: false,
      medicare: true,
      payers: [
        {
          id: 'bcbs-north-carolina',
          name: 'Blue Cross and Blue Shield of North Carolina',
          network: 'in',
        },
        aetna,
        cigna,
        uhcVaries,
        humanaOut,
        tricare,
      ],
    },
    ND: notServed,
    OH: waitlistOpen,
    OK: notServed,
    OR: waitlistOpen,
    PA: waitlistOpen,
    RI: notServed,
    SC: waitlistOpen,
    SD: notServed,
    TN: waitlistOpen,
    TX: {
      served: true,
      medicaid: false,
      medicare: false,
      payers: [
        {
          id: 'bcbs-texas',
          name: 'Blue Cross and Blue Shield of Texas',
          network: 'in',
          notes: 'PPO plans only',
        },
        aetna,
        cigna,
        uhcOut,
        humanaOut,
        {
          id: 'baylor-scott-white-health-plan',
          name: 'Baylor Scott & White Health Plan',
          network: 'varies',
        },
        oscarOut,
        tricare,
      ],
    },
    UT: waitlistOpen,
    VT: notServed,
    VA: {
      served: true,
      medicaid: false,
      medicare: true,
      payers: [
        { id: 'anthem-bcbs', name: 'Anthem Blue Cross and Blue Shield', network: 'in' },
        {
          id: 'carefirst-bcbs',
          name: 'CareFirst BlueCross BlueShield',
          network: 'varies',
          notes: 'Northern Virginia',
        },
        { id: 'sentara-health-plans', name: 'Sentara Health Plans', network: 'varies' },
        aetna,
        cigna,
        { ...kaiserOut, notes: 'Mid-Atlantic States members are usually referred within Kaiser' },
        tricare,
      ],
    },
    WA: {
      served: true,
      medicaid: false,
      medicare: false,
      payers: [
        { id: 'premera-blue-cross', name: 'Premera Blue Cross', network: 'in' },
        { id: 'regence-blueshield', name: 'Regence BlueShield', network: 'in' },
        aetna,
        { ...cigna, network: 'varies' },
        uhcOut,
        kaiserOut,
        optum,
      ],
    },
    WV: notServed,
    WI: notServed,
    WY: notServed,
  },
};

/** The demo data, parsed: what the rules and the widgets take. */
export const demoCoverage: CoverageConfig = CoverageConfigSchema.parse(demoCoverageInput);
