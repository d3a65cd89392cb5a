import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

// Through the package's own subpath export, so the test also proves `@hearth/coverage/rules` resolves.
import {
  checkCoverage,
  COVERAGE_DISCLAIMER_KEY,
  COVERAGE_MESSAGE_KEYS,
  payersForState,
  servedStates,
  SPECIAL_PAYER_IDS,
} from '@hearth/coverage/rules';
import type { CoverageQuery, CoverageResult } from '@hearth/coverage/rules';
// Core has no subpath export for its config modules yet; reach them by path in tests.
import { CoverageConfigSchema } from '../src/schema.js';
import type { CoverageConfig, CoverageConfigInput } from '../src/schema.js';
import { US_STATE_CODES, US_STATES } from '@hearth/core/schemas';
import { demoCoverageInput as demoCoverage } from '../src/demo.js';

const input: CoverageConfigInput = {
  selfPay: { price: 1500, unit: 'program', includes: ['Evaluation', '6 sessions', 'Integration sessions'] },
  superbill: true,
  states: {
    TX: {
      served: true,
      medicaid: false,
      medicare: true,
      payers: [
        { id: 'bcbs-texas', name: 'Blue Cross and Blue Shield of Texas', network: 'in', notes: 'PPO plans only' },
        { id: 'cigna', name: 'Cigna', network: 'out' },
        { id: 'unitedhealthcare', name: 'UnitedHealthcare', network: 'varies' },
      ],
    },
    NY: {
      served: true,
      medicaid: true,
      selfPay: { price: 1800 },
      payers: [{ id: 'aetna', name: 'Aetna', network: 'in' }],
    },
    OR: { served: false, waitlist: true },
    NV: { served: false },
  },
};
const config: CoverageConfig = CoverageConfigSchema.parse(input);
const noSuperbill: CoverageConfig = { ...config, superbill: false };

const fallback = {
  price: 1500,
  currency: 'USD',
  unit: 'program',
  includes: ['Evaluation', '6 sessions', 'Integration sessions'],
};

/** Asserts the fields in `expected` and ignores the rest. */
function assertFields(actual: object, expected: Record<string, unknown>): void {
  const picked = Object.fromEntries(Object.keys(expected).map((key) => [key, (actual as Record<string, unknown>)[key]]));
  assert.deepEqual(picked, expected);
}

interface Case {
  name: string;
  /** The rule in `checkCoverage`'s JSDoc that the case checks. */
  rule: string;
  config?: CoverageConfig;
  query: CoverageQuery;
  expected: Record<string, unknown>;
}

const cases: Case[] = [
  {
    name: 'a state absent from the config',
    rule: '2. absent state: not-served, no waitlist',
    query: { state: 'AL', payerId: 'aetna' },
    expected: { outcome: 'not-served', waitlist: false, nextStepKey: 'coverage.notServed.nextStepNoWaitlist' },
  },
  {
    name: 'an unserved state with an open waitlist',
    rule: '2. served: false: not-served, waitlist from the entry',
    query: { state: 'OR', payerId: 'unknown' },
    expected: { outcome: 'not-served', waitlist: true, nextStepKey: 'coverage.notServed.nextStepWaitlist' },
  },
  {
    name: 'an unserved state whose waitlist is left out',
    rule: '2. waitlist defaults to false',
    query: { state: 'NV', payerId: 'aetna' },
    expected: { outcome: 'not-served', waitlist: false },
  },
  {
    name: 'self-pay in an unserved state',
    rule: '2. not-served wins whatever the payer, even self-pay',
    query: { state: 'OR', payerId: 'self-pay' },
    expected: { outcome: 'not-served', headlineKey: 'coverage.notServed.headline' },
  },
  {
    name: 'self-pay',
    rule: '3. self-pay: the top-level terms',
    query: { state: 'TX', payerId: 'self-pay' },
    expected: { outcome: 'self-pay', ...fallback, headlineKey: 'coverage.selfPay.headline' },
  },
  {
    name: 'self-pay where the state overrides the price',
    rule: "3. self-pay: the state's override over the top-level terms",
    query: { state: 'NY', payerId: 'self-pay' },
    expected: { outcome: 'self-pay', ...fallback, price: 1800 },
  },
  {
    name: 'Medicaid where the state accepts it',
    rule: '4. medicaid accepted: in-network, payer "Medicaid"',
    query: { state: 'NY', payerId: 'medicaid' },
    expected: {
      outcome: 'in-network',
      payer: { id: 'medicaid', name: 'Medicaid', network: 'in' },
      headlineKey: 'coverage.inNetwork.headline',
    },
  },
  {
    name: 'Medicaid where the state does not accept it, though the clinic offers superbills',
    rule: '4. medicaid not accepted: out-of-network, superbill false',
    query: { state: 'TX', payerId: 'medicaid' },
    expected: {
      outcome: 'out-of-network',
      payer: { id: 'medicaid', name: 'Medicaid', network: 'out' },
      superbill: false,
      guidanceKey: 'coverage.outOfNetwork.guidanceMedicaid',
      headlineKey: 'coverage.outOfNetwork.headlineNotAccepted',
      selfPay: fallback,
    },
  },
  {
    name: 'Medicare where the state accepts it',
    rule: '4. medicare accepted: in-network, payer "Medicare"',
    query: { state: 'TX', payerId: 'medicare' },
    expected: { outcome: 'in-network', payer: { id: 'medicare', name: 'Medicare', network: 'in' } },
  },
  {
    name: 'Medicare where the state does not accept it',
    rule: '4. medicare not accepted: out-of-network, superbill false',
    query: { state: 'NY', payerId: 'medicare' },
    expected: {
      outcome: 'out-of-network',
      superbill: false,
      guidanceKey: 'coverage.outOfNetwork.guidanceMedicare',
      selfPay: { ...fallback, price: 1800 },
    },
  },
  {
    name: 'an in-network payer',
    rule: '5. network "in": in-network',
    query: { state: 'TX', payerId: 'bcbs-texas' },
    expected: {
      outcome: 'in-network',
      payer: { id: 'bcbs-texas', name: 'Blue Cross and Blue Shield of Texas', network: 'in', notes: 'PPO plans only' },
      headlineKey: 'coverage.inNetwork.headline',
      nextStepKey: 'coverage.inNetwork.nextStep',
    },
  },
  {
    name: 'an out-of-network payer at a clinic that offers superbills',
    rule: '5. network "out": out-of-network, superbill from the clinic',
    query: { state: 'TX', payerId: 'cigna' },
    expected: {
      outcome: 'out-of-network',
      payer: { id: 'cigna', name: 'Cigna', network: 'out' },
      superbill: true,
      guidanceKey: 'coverage.outOfNetwork.guidanceSuperbill',
      headlineKey: 'coverage.outOfNetwork.headline',
      selfPay: fallback,
    },
  },
  {
    name: 'an out-of-network payer at a clinic that does not offer superbills',
    rule: '5. network "out": out-of-network, superbill from the clinic',
    config: noSuperbill,
    query: { state: 'TX', payerId: 'cigna' },
    expected: { outcome: 'out-of-network', superbill: false, guidanceKey: 'coverage.outOfNetwork.guidanceNoSuperbill' },
  },
  {
    name: 'a payer whose network status varies by plan',
    rule: '5. network "varies": varies',
    query: { state: 'TX', payerId: 'unitedhealthcare' },
    expected: {
      outcome: 'varies',
      payer: { id: 'unitedhealthcare', name: 'UnitedHealthcare', network: 'varies' },
      headlineKey: 'coverage.varies.headline',
      nextStepKey: 'coverage.varies.nextStep',
      selfPay: fallback,
    },
  },
  {
    name: '"I don\'t see my insurer"',
    rule: '6. unknown: unknown-payer with the self-pay fallback',
    query: { state: 'TX', payerId: 'unknown' },
    expected: {
      outcome: 'unknown-payer',
      selfPay: fallback,
      headlineKey: 'coverage.unknownPayer.headline',
      nextStepKey: 'coverage.unknownPayer.nextStep',
    },
  },
  {
    name: 'a payer listed in another state but not in this one',
    rule: "6. an id not on the state's list: unknown-payer",
    query: { state: 'TX', payerId: 'aetna' },
    expected: { outcome: 'unknown-payer', payerId: 'aetna', selfPay: fallback },
  },
];

const knownKeys: ReadonlySet<string> = new Set(COVERAGE_MESSAGE_KEYS);

/** What every result must carry, whatever its outcome. */
function assertCommon(result: CoverageResult, query: CoverageQuery): void {
  assert.equal(result.disclaimerKey, COVERAGE_DISCLAIMER_KEY);
  assert.equal(result.disclaimerKey, 'coverage.disclaimer');
  assert.equal(result.state, query.state);
  assert.equal(result.payerId, query.payerId);
  for (const key of [result.headlineKey, result.nextStepKey, 'guidanceKey' in result ? result.guidanceKey : undefined]) {
    if (key !== undefined) assert.ok(knownKeys.has(key), `${key} is in COVERAGE_MESSAGE_KEYS`);
  }
}

describe('checkCoverage', () => {
  for (const { name, rule, config: caseConfig = config, query, expected } of cases) {
    it(`${name} (rule ${rule})`, () => {
      const result = checkCoverage(caseConfig, query);
      assertFields(result, expected);
      assertCommon(result, query);
    });
  }

  it('covers every outcome', () => {
    const outcomes = new Set(cases.map(({ config: caseConfig = config, query }) => checkCoverage(caseConfig, query).outcome));
    assert.deepEqual([...outcomes].sort(), ['in-network', 'not-served', 'out-of-network', 'self-pay', 'unknown-payer', 'varies']);
  });

  for (const state of ['XX', 'tx', 'PR', '']) {
    it(`throws a RangeError naming the unknown state code "${state}" (rule 1)`, () => {
      assert.throws(
        () => checkCoverage(config, { state, payerId: 'self-pay' }),
        (error: unknown) => error instanceof RangeError && error.message.includes(`"${state}"`),
      );
    });
  }

  it('suggests the upper-case code for a lower-case one (rule 1)', () => {
    assert.throws(() => checkCoverage(config, { state: 'tx', payerId: 'aetna' }), /did you mean "TX"/);
  });
});

describe('payersForState', () => {
  it("lists a served state's payers in config order", () => {
    assert.deepEqual(
      payersForState(config, 'TX').map((payer) => payer.id),
      ['bcbs-texas', 'cigna', 'unitedhealthcare'],
    );
  });

  it('is empty for an unserved or absent state', () => {
    assert.deepEqual(payersForState(config, 'OR'), []);
    assert.deepEqual(payersForState(config, 'AL'), []);
  });

  it('throws a RangeError naming an unknown state code', () => {
    assert.throws(
      () => payersForState(config, 'XX'),
      (error: unknown) => error instanceof RangeError && /"XX"/.test(error.message),
    );
  });
});

describe('servedStates', () => {
  it('lists served states in US_STATES order, whatever the config order', () => {
    assert.deepEqual(servedStates(config), ['NY', 'TX']);
  });
});

describe('CoverageConfigSchema', () => {
  it('fills in defaults', () => {
    assert.equal(config.selfPay.unit, 'program');
    assert.deepEqual(config.states.OR, { served: false, waitlist: true, payers: [], medicaid: false, medicare: false });
    assert.equal(config.states.NY?.medicare, false);
  });

  interface ErrorCase {
    name: string;
    /** Breaks a copy of the valid fixture. */
    mutate: (copy: Record<string, any>) => void;
    path: readonly PropertyKey[];
    /** What the message must name. */
    names: readonly string[];
  }

  const errorCases: ErrorCase[] = [
    {
      name: 'an unknown state code',
      mutate: (copy) => {
        copy.states.XX = { served: true };
      },
      path: ['states', 'XX'],
      names: ['unknown US state code', '"XX"'],
    },
    {
      name: 'a lower-case state code',
      mutate: (copy) => {
        copy.states.ca = { served: true };
      },
      path: ['states', 'ca'],
      names: ['"ca"', 'did you mean "CA"?'],
    },
    {
      name: 'a duplicate payer id within a state',
      mutate: (copy) => {
        copy.states.TX.payers[2].id = 'bcbs-texas';
      },
      path: ['states', 'TX', 'payers', 2, 'id'],
      names: ['duplicate payer id "bcbs-texas" in TX'],
    },
    {
      name: 'a negative self-pay price',
      mutate: (copy) => {
        copy.selfPay.price = -1500;
      },
      path: ['selfPay', 'price'],
      names: ['selfPay.price', '-1500'],
    },
    {
      name: "a negative price in a state's self-pay override",
      mutate: (copy) => {
        copy.states.NY.selfPay.price = -1;
      },
      path: ['states', 'NY', 'selfPay', 'price'],
      names: ['selfPay.price in NY', '-1'],
    },
    {
      name: 'a payer id reserved for the checker',
      mutate: (copy) => {
        copy.states.TX.payers[1].id = 'medicaid';
      },
      path: ['states', 'TX', 'payers', 1, 'id'],
      names: ['"medicaid"', 'TX', 'reserved'],
    },
    {
      name: 'a payer id that is not kebab-case',
      mutate: (copy) => {
        copy.states.NY.payers[0].id = 'Aetna PPO';
      },
      path: ['states', 'NY', 'payers', 0, 'id'],
      names: ['"Aetna PPO"', 'kebab-case'],
    },
    {
      name: 'a misspelt field',
      mutate: (copy) => {
        copy.states.NY.medicad = true;
      },
      path: ['states', 'NY'],
      names: ['"medicad"'],
    },
  ];

  for (const { name, mutate, path, names } of errorCases) {
    it(`rejects ${name}, with a path to the entry and a message naming it`, () => {
      const copy = structuredClone(input) as Record<string, any>;
      mutate(copy);
      const result = CoverageConfigSchema.safeParse(copy);
      assert.equal(result.success, false);
      assert.equal(result.error?.issues.length, 1, JSON.stringify(result.error?.issues));
      const [issue] = result.error?.issues ?? [];
      assert.deepEqual(issue?.path, path);
      for (const part of names) assert.ok(issue?.message.includes(part), `${JSON.stringify(issue?.message)} names ${part}`);
    });
  }

  it('reports every problem in one parse, including after a bad state code', () => {
    const copy = structuredClone(input) as Record<string, any>;
    copy.states.XX = { served: true };
    copy.states.TX.payers[2].id = 'cigna';
    copy.selfPay.price = -1;
    const result = CoverageConfigSchema.safeParse(copy);
    assert.deepEqual(result.error?.issues.map((issue) => issue.path.join('.')).sort(), [
      'selfPay.price',
      'states.TX.payers.2.id',
      'states.XX',
    ]);
  });
});

describe('demoCoverage (content-ptsd)', () => {
  const parsed = CoverageConfigSchema.safeParse(demoCoverage);

  it('validates', () => {
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues, null, 2));
  });

  const demo = parsed.data as CoverageConfig;

  it('lists all 50 states and DC', () => {
    assert.equal(Object.keys(demo.states).length, 51);
    assert.deepEqual(Object.keys(demo.states).sort(), [...US_STATE_CODES].sort());
    assert.equal(US_STATES.length, 51);
  });

  it('serves exactly twelve states, each with 5 to 9 payers', () => {
    const served = servedStates(demo);
    assert.deepEqual(served, ['AZ', 'CA', 'CO', 'FL', 'GA', 'IL', 'MA', 'NY', 'NC', 'TX', 'VA', 'WA']);
    for (const state of served) {
      const count = payersForState(demo, state).length;
      assert.ok(count >= 5 && count <= 9, `${state} has ${count} payers`);
    }
  });

  it('has waitlists open for some unserved states and not others', () => {
    const unserved = US_STATE_CODES.filter((code) => !demo.states[code]?.served);
    const open = unserved.filter((code) => demo.states[code]?.waitlist);
    assert.ok(open.length > unserved.length / 3 && open.length < (unserved.length * 2) / 3, `${open.length} of ${unserved.length}`);
  });

  it('offers superbills and a self-pay program', () => {
    assert.equal(demo.superbill, true);
    assert.equal(demo.selfPay.price, 1500);
    assert.equal(demo.selfPay.unit, 'program');
  });

  it('answers every payer and special id in every state, always with the disclaimer', () => {
    const seen = new Set<string>();
    for (const state of US_STATE_CODES) {
      const ids = [...(demo.states[state]?.payers ?? []).map((payer) => payer.id), ...SPECIAL_PAYER_IDS];
      for (const payerId of ids) {
        const result = checkCoverage(demo, { state, payerId });
        assertCommon(result, { state, payerId });
        seen.add(result.outcome);
      }
    }
    assert.equal(seen.size, 6, [...seen].join(', '));
  });
});
