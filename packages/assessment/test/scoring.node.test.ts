// Pure scoring, run in Node (no DOM). Every case names the published rule it checks:
// PC-PTSD-5: Prins et al. 2016; PCL-5: Weathers et al. 2013 with VA National Center for PTSD
// scoring; PHQ-9 item 9 as a safety trigger: Hearth clinical reference (instruments.md).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { comparePcl5, evaluateSafety, scoreInstrument, scorePcl5, scorePcPtsd5 } from '@hearth/assessment/scoring';
import type {
  CountYesResult,
  InstrumentAnswers,
  Pcl5Answer,
  Pcl5Change,
  Pcl5ChangeOptions,
  Pcl5Result,
  Phq9Item9Answer,
  SafetyResult,
  SumResult,
} from '@hearth/assessment/scoring';
import { pcl5Instrument, pcPtsd5Instrument, phq9Item9Instrument } from '../src/instruments/index.js';
import type { CountYesScoring, InstrumentDefinition, InstrumentScoring, SumScoring } from '../src/instruments/index.js';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** PCL-5 answers: every item 0 except the given `{ itemNumber: rating }`. */
function pcl5(ratings: Readonly<Record<number, Pcl5Answer>> = {}, fill: Pcl5Answer = 0): Pcl5Answer[] {
  return Array.from({ length: 20 }, (_, i) => (i + 1 in ratings ? ratings[i + 1] : fill));
}

/** Items 1, 6, 8, 9, 15, 16 rated 2: exactly the minimum the DSM-5 rule needs; total 12. */
const MINIMAL_RULE: Readonly<Record<number, number>> = {
  1: 2,
  6: 2,
  8: 2,
  9: 2,
  15: 2,
  16: 2,
};

/** A PCL-5 with the given total, filled with 4s from item 1 up, then the remainder. */
function pcl5WithTotal(total: number): number[] {
  return Array.from({ length: 20 }, (_, i) => Math.max(0, Math.min(4, total - 4 * i)));
}

const sum = (values: readonly Pcl5Answer[]): number => values.reduce<number>((acc, value) => acc + (value ?? 0), 0);

/** Deterministic PRNG (mulberry32) so property-style comparisons are reproducible. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lets a test pass values the types forbid, as a JavaScript caller or a JSON payload could. */
const untyped = <T>(value: unknown): T => value as T;

const keyedPcPtsd5 = (exposure: boolean, items: readonly boolean[]): InstrumentAnswers<CountYesScoring> => ({
  exposure,
  ...Object.fromEntries(items.map((answer, i) => [`pcptsd5-${i + 1}`, answer])),
});

const keyedPcl5 = (items: readonly Pcl5Answer[]): InstrumentAnswers<SumScoring> =>
  Object.fromEntries(items.map((answer, i) => [`pcl5-${i + 1}`, answer]));

const withCutPoint = <S extends CountYesScoring | SumScoring>(
  definition: InstrumentDefinition<S>,
  cutPoint: number,
): InstrumentDefinition<S> => ({
  ...definition,
  scoring: { ...definition.scoring, cutPoint },
});

/** The generic result mapped onto the PCL-5 field names, for agreement checks. */
function asPcl5(result: SumResult): Pcl5Result {
  if (!result.complete) return result;
  const { B, C, D, E } = result.clusters;
  assert.ok(B !== undefined && C !== undefined && D !== undefined && E !== undefined);
  return {
    complete: true,
    total: result.total,
    clusters: { B, C, D, E },
    provisionalDiagnosis: result.clusterRuleMet === true,
    probablePtsd: result.positive,
    cutPoint: result.cutPoint,
  };
}

/** Runs `fn`, returning its result or the error's constructor name, so outcomes can be compared. */
function outcome<T>(fn: () => T): T | string {
  try {
    return fn();
  } catch (error) {
    return error instanceof Error ? error.name : 'non-Error';
  }
}

// ---------------------------------------------------------------------------------------------
// PC-PTSD-5
// ---------------------------------------------------------------------------------------------

describe('scorePcPtsd5 (Prins et al. 2016)', () => {
  const Y = true;
  const N = false;
  const cases: readonly {
    rule: string;
    exposure: boolean;
    items: readonly boolean[];
    cutPoint?: number;
    expected: CountYesResult;
  }[] = [
    {
      rule: 'exposure gate: exposure "No" scores 0 whatever the items (all five yes)',
      exposure: false,
      items: [Y, Y, Y, Y, Y],
      expected: { score: 0, positive: false, cutPoint: 3 },
    },
    {
      rule: 'exposure gate: exposure "No" ignores items entirely, even a wrong-length list',
      exposure: false,
      items: [Y, Y],
      expected: { score: 0, positive: false, cutPoint: 3 },
    },
    {
      rule: 'exposure gate: exposure "No" ignores items entirely, even an empty list',
      exposure: false,
      items: [],
      expected: { score: 0, positive: false, cutPoint: 3 },
    },
    {
      rule: 'the exposure answer is never a point: exposure "Yes" with every item "No" scores 0',
      exposure: true,
      items: [N, N, N, N, N],
      expected: { score: 0, positive: false, cutPoint: 3 },
    },
    {
      rule: 'score is the count of yes answers to items 1-5: two yes is 2, below default cut point 3',
      exposure: true,
      items: [Y, N, Y, N, N],
      expected: { score: 2, positive: false, cutPoint: 3 },
    },
    {
      rule: 'default cut point 3 is inclusive: a score of exactly 3 is positive',
      exposure: true,
      items: [N, N, Y, Y, Y],
      expected: { score: 3, positive: true, cutPoint: 3 },
    },
    {
      rule: 'any three items count, whatever their position',
      exposure: true,
      items: [Y, Y, N, Y, N],
      expected: { score: 3, positive: true, cutPoint: 3 },
    },
    {
      rule: 'maximum score is 5',
      exposure: true,
      items: [Y, Y, Y, Y, Y],
      expected: { score: 5, positive: true, cutPoint: 3 },
    },
    {
      rule: 'configurable cut point 4 (VA "best balance"): a score of 3 is negative',
      exposure: true,
      items: [Y, Y, Y, N, N],
      cutPoint: 4,
      expected: { score: 3, positive: false, cutPoint: 4 },
    },
    {
      rule: 'configurable cut point 4 is inclusive: a score of exactly 4 is positive',
      exposure: true,
      items: [Y, Y, Y, Y, N],
      cutPoint: 4,
      expected: { score: 4, positive: true, cutPoint: 4 },
    },
    {
      rule: 'published range 3-4: cut point 3 (its low end) makes a score of exactly 3 positive',
      exposure: true,
      items: [Y, N, Y, N, Y],
      cutPoint: 3,
      expected: { score: 3, positive: true, cutPoint: 3 },
    },
  ];
  for (const { rule, exposure, items, cutPoint, expected } of cases) {
    it(rule, () => {
      const options = cutPoint === undefined ? undefined : { cutPoint };
      assert.deepEqual(scorePcPtsd5({ exposure, items }, options), expected);
    });
  }

  const invalid: readonly {
    rule: string;
    answers: unknown;
    cutPoint?: unknown;
    message: RegExp;
  }[] = [
    {
      rule: 'with exposure "Yes", 4 item answers is a RangeError',
      answers: { exposure: true, items: [Y, Y, Y, Y] },
      message: /exactly 5 .*got 4/,
    },
    {
      rule: 'with exposure "Yes", 6 item answers is a RangeError',
      answers: { exposure: true, items: [Y, Y, Y, Y, Y, Y] },
      message: /exactly 5 .*got 6/,
    },
    {
      rule: 'with exposure "Yes", an unanswered item (null) is a RangeError naming the item',
      answers: { exposure: true, items: [Y, Y, null, Y, Y] },
      message: /item 3 .*got null/,
    },
    {
      rule: 'with exposure "Yes", a string "yes" is not a boolean',
      answers: { exposure: true, items: [Y, 'yes', Y, Y, Y] },
      message: /item 2 .*got "yes"/,
    },
    {
      rule: 'with exposure "Yes", 1 is not a boolean',
      answers: { exposure: true, items: [Y, Y, Y, Y, 1] },
      message: /item 5 .*got 1/,
    },
    {
      rule: 'with exposure "Yes", items that are not an array is a RangeError',
      answers: { exposure: true, items: 'YYYYY' },
      message: /items must be an array/,
    },
    {
      rule: 'the exposure answer must be a boolean',
      answers: { exposure: 'yes', items: [Y, Y, Y, Y, Y] },
      message: /exposure answer must be true or false; got "yes"/,
    },
    {
      rule: 'a missing exposure answer is a RangeError, not a "No"',
      answers: { items: [Y, Y, Y, Y, Y] },
      message: /exposure answer .*got undefined/,
    },
    {
      rule: 'cut point above 5 is a RangeError naming the published range',
      answers: { exposure: false, items: [] },
      cutPoint: 6,
      message: /PC-PTSD-5 cut point \(published range\) must be an integer from 3 to 4; got 6/,
    },
    {
      rule: 'cut point 5, just above the published range 3-4, is a RangeError',
      answers: { exposure: true, items: [Y, Y, Y, Y, Y] },
      cutPoint: 5,
      message: /PC-PTSD-5 cut point \(published range\) must be an integer from 3 to 4; got 5/,
    },
    {
      rule: 'cut point 2, just below the published range 3-4, is a RangeError',
      answers: { exposure: true, items: [Y, Y, N, N, N] },
      cutPoint: 2,
      message: /PC-PTSD-5 cut point \(published range\) must be an integer from 3 to 4; got 2/,
    },
    {
      rule: 'cut point 0 would make exposure "No" positive: a RangeError',
      answers: { exposure: false, items: [] },
      cutPoint: 0,
      message: /PC-PTSD-5 cut point \(published range\) must be an integer from 3 to 4; got 0/,
    },
    {
      rule: 'negative cut point is a RangeError',
      answers: { exposure: true, items: [Y, Y, Y, Y, Y] },
      cutPoint: -1,
      message: /cut point .*got -1/,
    },
    {
      rule: 'fractional cut point is a RangeError',
      answers: { exposure: true, items: [Y, Y, Y, Y, Y] },
      cutPoint: 2.5,
      message: /cut point .*got 2.5/,
    },
    {
      rule: 'NaN cut point is a RangeError',
      answers: { exposure: true, items: [Y, Y, Y, Y, Y] },
      cutPoint: Number.NaN,
      message: /cut point .*got NaN/,
    },
  ];
  for (const { rule, answers, cutPoint, message } of invalid) {
    it(rule, () => {
      assert.throws(() => scorePcPtsd5(untyped(answers), untyped({ cutPoint })), {
        name: 'RangeError',
        message,
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------
// PCL-5
// ---------------------------------------------------------------------------------------------

describe('scorePcl5 (VA National Center for PTSD PCL-5 scoring)', () => {
  describe('provisional DSM-5 diagnosis: items rated 2+ need >= 1 B, 1 C, 2 D, 2 E', () => {
    const cases: readonly {
      rule: string;
      ratings: Record<number, number>;
      met: boolean;
    }[] = [
      {
        rule: 'exactly the minimum (1 B, 1 C, 2 D, 2 E, each rated 2) meets the rule',
        ratings: MINIMAL_RULE,
        met: true,
      },
      {
        rule: 'rating 2 ("Moderately") is the endorsement threshold; 3 and 4 also count',
        ratings: { 1: 3, 6: 4, 8: 3, 9: 4, 15: 2, 16: 3 },
        met: true,
      },
      {
        rule: 'item 5 is the last B item: exactly 1 B via item 5 meets the rule',
        ratings: { 5: 2, 6: 2, 8: 2, 9: 2, 15: 2, 16: 2 },
        met: true,
      },
      {
        rule: 'item 7 is the last C item: exactly 1 C via item 7 meets the rule',
        ratings: { 1: 2, 7: 2, 8: 2, 9: 2, 15: 2, 16: 2 },
        met: true,
      },
      {
        rule: 'items 8 and 14 are the D boundaries: exactly 2 D via items 8 and 14 meets the rule',
        ratings: { 1: 2, 6: 2, 8: 2, 14: 2, 15: 2, 16: 2 },
        met: true,
      },
      {
        rule: 'items 15 and 20 are the E boundaries: exactly 2 E via items 15 and 20 meets the rule',
        ratings: { 1: 2, 6: 2, 8: 2, 9: 2, 15: 2, 20: 2 },
        met: true,
      },
      {
        rule: 'no B endorsed fails',
        ratings: { 6: 4, 7: 4, 8: 4, 9: 4, 15: 4, 16: 4 },
        met: false,
      },
      {
        rule: 'no C endorsed fails',
        ratings: { 1: 4, 8: 4, 9: 4, 15: 4, 16: 4 },
        met: false,
      },
      {
        rule: 'only 1 D endorsed fails',
        ratings: { 1: 2, 6: 2, 8: 2, 15: 2, 16: 2 },
        met: false,
      },
      {
        rule: 'only 1 E endorsed fails',
        ratings: { 1: 2, 6: 2, 8: 2, 9: 2, 15: 2 },
        met: false,
      },
      {
        rule: 'item ratings of 1 never count: second D item rated 1 fails',
        ratings: { 1: 2, 6: 2, 8: 2, 9: 1, 15: 2, 16: 2 },
        met: false,
      },
      {
        rule: 'item 5 is B, not C: items 5 + D + E without 6/7 fails',
        ratings: { 5: 2, 8: 2, 9: 2, 15: 2, 16: 2 },
        met: false,
      },
      {
        rule: 'item 7 is C, not D: item 7 does not make a second D',
        ratings: { 1: 2, 7: 2, 8: 2, 15: 2, 16: 2 },
        met: false,
      },
      {
        rule: 'item 14 is D, not E: item 14 does not make a second E',
        ratings: { 1: 2, 6: 2, 8: 2, 14: 2, 15: 2 },
        met: false,
      },
      {
        rule: 'item 15 is E, not D: item 15 does not make a second D',
        ratings: { 1: 2, 6: 2, 8: 2, 15: 2, 16: 2 },
        met: false,
      },
    ];
    for (const { rule, ratings, met } of cases) {
      it(rule, () => {
        const result = scorePcl5(pcl5(ratings));
        assert.equal(result.complete, true);
        assert.ok(result.complete);
        assert.equal(result.provisionalDiagnosis, met);
      });
    }

    it('item ratings of 1 never count: all 20 items rated 1 (total 20) fails', () => {
      const result = scorePcl5(pcl5({}, 1));
      assert.deepEqual(result, {
        complete: true,
        total: 20,
        clusters: { B: 5, C: 2, D: 7, E: 6 },
        provisionalDiagnosis: false,
        probablePtsd: false,
        cutPoint: 33,
      });
    });
  });

  describe('total, clusters and cut point', () => {
    const cases: readonly {
      rule: string;
      items: readonly Pcl5Answer[];
      cutPoint?: number;
      expected: Pcl5Result;
    }[] = [
      {
        rule: 'rule independent of total: a total of 12 meets the cluster rule but is below the cut point',
        items: pcl5(MINIMAL_RULE),
        expected: {
          complete: true,
          total: 12,
          clusters: { B: 2, C: 2, D: 4, E: 4 },
          provisionalDiagnosis: true,
          probablePtsd: false,
          cutPoint: 33,
        },
      },
      {
        rule: 'rule independent of total: a total of 39 (above the cut point) fails the cluster rule',
        // B 4,4,4,4,4 · C 1,1 · D 4,4,1,1,1,1,1 · E 1,1,1,1,0,0: endorsed B5 C0 D2 E0.
        items: [4, 4, 4, 4, 4, 1, 1, 4, 4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0],
        expected: {
          complete: true,
          total: 39,
          clusters: { B: 20, C: 2, D: 13, E: 4 },
          provisionalDiagnosis: false,
          probablePtsd: true,
          cutPoint: 33,
        },
      },
      {
        rule: 'all items 0: total 0, every cluster 0',
        items: pcl5(),
        expected: {
          complete: true,
          total: 0,
          clusters: { B: 0, C: 0, D: 0, E: 0 },
          provisionalDiagnosis: false,
          probablePtsd: false,
          cutPoint: 33,
        },
      },
      {
        rule: 'all items 4: total 80 and cluster maxima B 20, C 8, D 28, E 24',
        items: pcl5({}, 4),
        expected: {
          complete: true,
          total: 80,
          clusters: { B: 20, C: 8, D: 28, E: 24 },
          provisionalDiagnosis: true,
          probablePtsd: true,
          cutPoint: 33,
        },
      },
      {
        rule: 'cluster severity is the sum of its items: B 1-5, C 6-7, D 8-14, E 15-20 (C rated 0 and 1: rule fails at total 40)',
        items: Array.from({ length: 20 }, (_, i) => i % 5),
        expected: {
          complete: true,
          total: 40,
          clusters: { B: 10, C: 1, D: 15, E: 14 },
          provisionalDiagnosis: false,
          probablePtsd: true,
          cutPoint: 33,
        },
      },
      {
        rule: 'default cut point 33 is inclusive: total 33 is probable PTSD',
        items: pcl5WithTotal(33),
        expected: {
          complete: true,
          total: 33,
          clusters: { B: 20, C: 8, D: 5, E: 0 },
          provisionalDiagnosis: false,
          probablePtsd: true,
          cutPoint: 33,
        },
      },
      {
        rule: 'default cut point 33: total 32 is not probable PTSD',
        items: pcl5WithTotal(32),
        expected: {
          complete: true,
          total: 32,
          clusters: { B: 20, C: 8, D: 4, E: 0 },
          provisionalDiagnosis: false,
          probablePtsd: false,
          cutPoint: 33,
        },
      },
      {
        rule: 'configurable cut point 31 (VA range 31-33) is inclusive: total 31 is probable PTSD',
        items: pcl5WithTotal(31),
        cutPoint: 31,
        expected: {
          complete: true,
          total: 31,
          clusters: { B: 20, C: 8, D: 3, E: 0 },
          provisionalDiagnosis: false,
          probablePtsd: true,
          cutPoint: 31,
        },
      },
      {
        rule: 'configurable cut point 31: total 30 is not probable PTSD',
        items: pcl5WithTotal(30),
        cutPoint: 31,
        expected: {
          complete: true,
          total: 30,
          clusters: { B: 20, C: 8, D: 2, E: 0 },
          provisionalDiagnosis: false,
          probablePtsd: false,
          cutPoint: 31,
        },
      },
      {
        rule: 'published range 31-33: cut point 33 (its high end) makes total 33 probable PTSD and 32 not',
        items: pcl5WithTotal(32),
        cutPoint: 33,
        expected: {
          complete: true,
          total: 32,
          clusters: { B: 20, C: 8, D: 4, E: 0 },
          provisionalDiagnosis: false,
          probablePtsd: false,
          cutPoint: 33,
        },
      },
      {
        rule: 'missing items: one null makes it incomplete with answered 19, never a partial sum',
        items: pcl5({ 7: null }, 4),
        expected: { complete: false, answered: 19 },
      },
      {
        rule: 'missing items: one undefined makes it incomplete with answered 19',
        items: pcl5({ 20: undefined }, 4),
        expected: { complete: false, answered: 19 },
      },
      {
        rule: 'missing items: null and undefined mixed, answered counts only rated items (0 counts as answered)',
        items: pcl5({ 1: null, 2: undefined, 3: null }, 0),
        expected: { complete: false, answered: 17 },
      },
      {
        rule: 'missing items: nothing answered is answered 0',
        items: pcl5({}, null),
        expected: { complete: false, answered: 0 },
      },
      {
        rule: 'missing items: holes in a sparse array are unanswered',
        items: untyped<Pcl5Answer[]>(new Array(20)),
        expected: { complete: false, answered: 0 },
      },
    ];
    for (const { rule, items, cutPoint, expected } of cases) {
      it(rule, () => {
        const options = cutPoint === undefined ? undefined : { cutPoint };
        assert.deepEqual(scorePcl5(items, options), expected);
        if (expected.complete) assert.equal(expected.total, sum(items), 'fixture total is the item sum');
      });
    }
  });

  describe('invalid input throws a RangeError naming the item and value', () => {
    const cases: readonly {
      rule: string;
      items: unknown;
      cutPoint?: unknown;
      message: RegExp;
    }[] = [
      {
        rule: 'rating 5 is above the 0-4 scale',
        items: pcl5({ 7: 5 }),
        message: /item 7 \(pcl5-7\) must be an integer from 0 to 4; got 5/,
      },
      {
        rule: 'rating -1 is below the 0-4 scale',
        items: pcl5({ 1: -1 }),
        message: /item 1 .*got -1/,
      },
      {
        rule: 'rating 1.5 is not an integer',
        items: pcl5({ 12: 1.5 }),
        message: /item 12 .*got 1.5/,
      },
      {
        rule: 'rating NaN is not an integer',
        items: pcl5({ 20: Number.NaN }),
        message: /item 20 .*got NaN/,
      },
      {
        rule: "rating '2' (a string) is not a number",
        items: pcl5({ 3: untyped<number>('2') }),
        message: /item 3 .*got "2"/,
      },
      {
        rule: 'rating Infinity is not an integer',
        items: pcl5({ 4: Number.POSITIVE_INFINITY }),
        message: /item 4 .*got Infinity/,
      },
      {
        rule: 'rating true (a boolean) is not a number',
        items: pcl5({ 5: untyped<number>(true) }),
        message: /item 5 .*got true/,
      },
      {
        rule: '1-5 scale of the DSM-IV PCL-C is not the PCL-5: all 5s are rejected',
        items: pcl5({}, 5),
        message: /item 1 .*got 5/,
      },
      {
        rule: 'an invalid rating is reported even when other items are missing',
        items: pcl5({ 1: null, 9: 7 }),
        message: /item 9 .*got 7/,
      },
      {
        rule: 'wrong length: 19 answers',
        items: pcl5().slice(0, 19),
        message: /exactly 20 item answers; got 19/,
      },
      {
        rule: 'wrong length: 21 answers',
        items: [...pcl5(), 0],
        message: /exactly 20 item answers; got 21/,
      },
      {
        rule: 'wrong length: no answers',
        items: [],
        message: /exactly 20 item answers; got 0/,
      },
      {
        rule: 'not an array',
        items: '0'.repeat(20),
        message: /must be an array/,
      },
      {
        rule: 'cut point 81 is above the 0-80 range, and names the published range',
        items: pcl5(),
        cutPoint: 81,
        message: /PCL-5 cut point \(published range\) must be an integer from 31 to 33; got 81/,
      },
      {
        rule: 'cut point 34, just above the published range 31-33, is a RangeError',
        items: pcl5(),
        cutPoint: 34,
        message: /PCL-5 cut point \(published range\) must be an integer from 31 to 33; got 34/,
      },
      {
        rule: 'cut point 30, just below the published range 31-33, is a RangeError',
        items: pcl5(),
        cutPoint: 30,
        message: /PCL-5 cut point \(published range\) must be an integer from 31 to 33; got 30/,
      },
      {
        rule: 'cut point 20 (a total of 20 read as probable PTSD) is a RangeError',
        items: pcl5({}, 1),
        cutPoint: 20,
        message: /PCL-5 cut point \(published range\) must be an integer from 31 to 33; got 20/,
      },
      {
        rule: 'cut point -1 is below the 0-80 range',
        items: pcl5(),
        cutPoint: -1,
        message: /cut point .*got -1/,
      },
      {
        rule: 'cut point 32.5 is not an integer',
        items: pcl5(),
        cutPoint: 32.5,
        message: /cut point .*got 32.5/,
      },
    ];
    for (const { rule, items, cutPoint, message } of cases) {
      it(rule, () => {
        assert.throws(() => scorePcl5(untyped(items), untyped({ cutPoint })), {
          name: 'RangeError',
          message,
        });
      });
    }
  });
});

describe('comparePcl5 (VA National Center for PTSD: improvement is a decrease)', () => {
  const cases: readonly {
    rule: string;
    baseline: number;
    followUp: number;
    options?: Pcl5ChangeOptions;
    expected: Pcl5Change;
  }[] = [
    {
      rule: 'drop of exactly 5 is a response (inclusive), not clinically meaningful',
      baseline: 50,
      followUp: 45,
      expected: {
        change: -5,
        improved: true,
        response: true,
        clinicallyMeaningful: false,
        worsened: false,
      },
    },
    {
      rule: 'drop of 4 is improved but not a response',
      baseline: 50,
      followUp: 46,
      expected: {
        change: -4,
        improved: true,
        response: false,
        clinicallyMeaningful: false,
        worsened: false,
      },
    },
    {
      rule: 'drop of exactly 10 is clinically meaningful (inclusive)',
      baseline: 50,
      followUp: 40,
      expected: {
        change: -10,
        improved: true,
        response: true,
        clinicallyMeaningful: true,
        worsened: false,
      },
    },
    {
      rule: 'drop of 9 is a response but not clinically meaningful',
      baseline: 50,
      followUp: 41,
      expected: {
        change: -9,
        improved: true,
        response: true,
        clinicallyMeaningful: false,
        worsened: false,
      },
    },
    {
      rule: 'drop of 1 is improved only',
      baseline: 34,
      followUp: 33,
      expected: {
        change: -1,
        improved: true,
        response: false,
        clinicallyMeaningful: false,
        worsened: false,
      },
    },
    {
      rule: 'no change is neither improved nor worsened',
      baseline: 40,
      followUp: 40,
      expected: {
        change: 0,
        improved: false,
        response: false,
        clinicallyMeaningful: false,
        worsened: false,
      },
    },
    {
      rule: 'rise of exactly 5 is worsened (inclusive)',
      baseline: 40,
      followUp: 45,
      expected: {
        change: 5,
        improved: false,
        response: false,
        clinicallyMeaningful: false,
        worsened: true,
      },
    },
    {
      rule: 'rise of 4 is not worsened',
      baseline: 40,
      followUp: 44,
      expected: {
        change: 4,
        improved: false,
        response: false,
        clinicallyMeaningful: false,
        worsened: false,
      },
    },
    {
      rule: 'a change of -5 is a response, never worsened (direction)',
      baseline: 5,
      followUp: 0,
      expected: {
        change: -5,
        improved: true,
        response: true,
        clinicallyMeaningful: false,
        worsened: false,
      },
    },
    {
      rule: 'full range: 80 to 0',
      baseline: 80,
      followUp: 0,
      expected: {
        change: -80,
        improved: true,
        response: true,
        clinicallyMeaningful: true,
        worsened: false,
      },
    },
    {
      rule: 'full range: 0 to 80 is worsened',
      baseline: 0,
      followUp: 80,
      expected: {
        change: 80,
        improved: false,
        response: false,
        clinicallyMeaningful: false,
        worsened: true,
      },
    },
    {
      rule: 'custom thresholds (response 10, meaningful 15): drop of 9 is not a response',
      baseline: 50,
      followUp: 41,
      options: { response: 10, meaningful: 15 },
      expected: {
        change: -9,
        improved: true,
        response: false,
        clinicallyMeaningful: false,
        worsened: false,
      },
    },
    {
      rule: 'custom thresholds: drop of exactly 10 is a response, not meaningful',
      baseline: 50,
      followUp: 40,
      options: { response: 10, meaningful: 15 },
      expected: {
        change: -10,
        improved: true,
        response: true,
        clinicallyMeaningful: false,
        worsened: false,
      },
    },
    {
      rule: 'custom thresholds: drop of exactly 15 is clinically meaningful',
      baseline: 50,
      followUp: 35,
      options: { response: 10, meaningful: 15 },
      expected: {
        change: -15,
        improved: true,
        response: true,
        clinicallyMeaningful: true,
        worsened: false,
      },
    },
    {
      rule: 'custom thresholds: rise of 9 is not worsened',
      baseline: 40,
      followUp: 49,
      options: { response: 10, meaningful: 15 },
      expected: {
        change: 9,
        improved: false,
        response: false,
        clinicallyMeaningful: false,
        worsened: false,
      },
    },
    {
      rule: 'custom thresholds: rise of exactly 10 is worsened',
      baseline: 40,
      followUp: 50,
      options: { response: 10, meaningful: 15 },
      expected: {
        change: 10,
        improved: false,
        response: false,
        clinicallyMeaningful: false,
        worsened: true,
      },
    },
    {
      rule: 'only one threshold given: the other keeps its default (meaningful 10)',
      baseline: 50,
      followUp: 40,
      options: { response: 8 },
      expected: {
        change: -10,
        improved: true,
        response: true,
        clinicallyMeaningful: true,
        worsened: false,
      },
    },
  ];
  for (const { rule, baseline, followUp, options, expected } of cases) {
    it(rule, () => {
      assert.deepEqual(comparePcl5(baseline, followUp, options), expected);
    });
  }

  const invalid: readonly {
    rule: string;
    args: readonly unknown[];
    message: RegExp;
  }[] = [
    {
      rule: 'baseline total 81 is out of range',
      args: [81, 40],
      message: /baseline total must be an integer from 0 to 80; got 81/,
    },
    {
      rule: 'follow-up total -1 is out of range',
      args: [40, -1],
      message: /follow-up total .*got -1/,
    },
    {
      rule: 'fractional total',
      args: [40.5, 40],
      message: /baseline total .*got 40.5/,
    },
    {
      rule: 'NaN total',
      args: [40, Number.NaN],
      message: /follow-up total .*got NaN/,
    },
    {
      rule: 'string total',
      args: ['40', 40],
      message: /baseline total .*got "40"/,
    },
    {
      rule: 'response threshold 0 would make no change a response',
      args: [40, 40, { response: 0 }],
      message: /response threshold .*got 0/,
    },
    {
      rule: 'fractional meaningful threshold',
      args: [40, 30, { meaningful: 9.5 }],
      message: /meaningful threshold .*got 9.5/,
    },
  ];
  for (const { rule, args, message } of invalid) {
    it(rule, () => {
      const [baseline, followUp, options] = args;
      assert.throws(() => comparePcl5(untyped(baseline), untyped(followUp), untyped(options)), {
        name: 'RangeError',
        message,
      });
    });
  }
});

describe('evaluateSafety (PHQ-9 item 9: any answer above 0 is a safety trigger)', () => {
  const cases: readonly {
    rule: string;
    answer: Phq9Item9Answer;
    expected: SafetyResult;
  }[] = [
    {
      rule: '0 "Not at all" does not trigger',
      answer: 0,
      expected: { triggered: false },
    },
    {
      rule: '1 "Several days" triggers',
      answer: 1,
      expected: { triggered: true },
    },
    {
      rule: '2 "More than half the days" triggers',
      answer: 2,
      expected: { triggered: true },
    },
    {
      rule: '3 "Nearly every day" triggers',
      answer: 3,
      expected: { triggered: true },
    },
  ];
  for (const { rule, answer, expected } of cases) {
    it(rule, () => assert.deepEqual(evaluateSafety(answer), expected));
  }

  const invalid: readonly { rule: string; answer: unknown; message: RegExp }[] = [
    {
      rule: '4 is not a PHQ-9 answer',
      answer: 4,
      message: /must be one of 0, 1, 2, 3; got 4/,
    },
    { rule: '-1 is not a PHQ-9 answer', answer: -1, message: /got -1/ },
    { rule: '1.5 is not a PHQ-9 answer', answer: 1.5, message: /got 1.5/ },
    {
      rule: 'NaN is not a PHQ-9 answer',
      answer: Number.NaN,
      message: /got NaN/,
    },
    {
      rule: "'1' (a string) is not a PHQ-9 answer",
      answer: '1',
      message: /got "1"/,
    },
    {
      rule: 'unanswered (undefined) never silently means "no trigger"',
      answer: undefined,
      message: /got undefined/,
    },
    {
      rule: 'unanswered (null) never silently means "no trigger"',
      answer: null,
      message: /got null/,
    },
  ];
  for (const { rule, answer, message } of invalid) {
    it(rule, () => {
      assert.throws(() => evaluateSafety(untyped(answer)), {
        name: 'RangeError',
        message,
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Generic scoring: agreement with the typed wrappers, and partner-defined instruments
// ---------------------------------------------------------------------------------------------

describe('scoreInstrument agrees with the typed wrappers on the built-ins', () => {
  it('PC-PTSD-5: every exposure x item combination x cut point 3-4, the published range (Prins et al. 2016)', () => {
    let compared = 0;
    for (const exposure of [true, false]) {
      for (let mask = 0; mask < 32; mask++) {
        const items = Array.from({ length: 5 }, (_, i) => (mask & (1 << i)) !== 0);
        for (let cutPoint = 3; cutPoint <= 4; cutPoint++) {
          assert.deepEqual(
            scoreInstrument(withCutPoint(pcPtsd5Instrument, cutPoint), keyedPcPtsd5(exposure, items)),
            scorePcPtsd5({ exposure, items }, { cutPoint }),
            `exposure ${exposure}, items ${items.join()}, cut point ${cutPoint}`,
          );
          compared++;
        }
      }
    }
    assert.equal(compared, 2 * 32 * 2);
  });

  it('a cut point outside the published range is refused by scoreInstrument too (PC-PTSD-5 3-4, PCL-5 31-33)', () => {
    const items = [true, true, true, false, false];
    for (const cutPoint of [0, 2, 5]) {
      assert.throws(() => scoreInstrument(withCutPoint(pcPtsd5Instrument, cutPoint), keyedPcPtsd5(true, items)), {
        name: 'RangeError',
        message: new RegExp(`PC-PTSD-5 cut point \\(published range\\) must be an integer from 3 to 4; got ${cutPoint}$`),
      });
    }
    for (const cutPoint of [20, 30, 34]) {
      assert.throws(() => scoreInstrument(withCutPoint(pcl5Instrument, cutPoint), keyedPcl5(pcl5({}, 1))), {
        name: 'RangeError',
        message: new RegExp(`PCL-5 cut point \\(published range\\) must be an integer from 31 to 33; got ${cutPoint}$`),
      });
    }
  });

  it('PC-PTSD-5: default cut point comes from the definition (3)', () => {
    const items = [true, true, true, false, false];
    assert.deepEqual(scoreInstrument(pcPtsd5Instrument, keyedPcPtsd5(true, items)), scorePcPtsd5({ exposure: true, items }));
    assert.equal(pcPtsd5Instrument.scoring.cutPoint, 3);
  });

  it('PC-PTSD-5: invalid answers are rejected by both (RangeError)', () => {
    const bad: readonly (readonly unknown[])[] = [
      [true, true, null, true, true],
      [true, 'yes', true, true, true],
      [1, 0, 1, 0, 1],
    ];
    for (const items of bad) {
      assert.equal(
        outcome(() => scorePcPtsd5(untyped({ exposure: true, items }))),
        'RangeError',
      );
      assert.equal(
        outcome(() => scoreInstrument(pcPtsd5Instrument, keyedPcPtsd5(true, untyped(items)))),
        'RangeError',
      );
    }
    assert.equal(
      outcome(() => scoreInstrument(pcPtsd5Instrument, { 'pcptsd5-1': true })),
      'RangeError',
    );
  });

  it('PCL-5: 3000 seeded random answer sets incl. missing and invalid values, default and custom cut points', () => {
    const random = prng(20160601);
    const pick = (): Pcl5Answer => {
      const r = random();
      if (r < 0.02) return null;
      if (r < 0.03) return undefined;
      if (r < 0.035) return 5;
      return Math.floor(random() * 5);
    };
    const outcomes = new Set<string>();
    for (let run = 0; run < 3000; run++) {
      // Bias some runs to all-low or all-high so both sides of the cut point and rule occur.
      const bias = run % 3;
      const items = Array.from({ length: 20 }, () => {
        const value = pick();
        if (typeof value !== 'number' || value > 4) return value;
        return bias === 0 ? Math.min(value, 2) : bias === 1 ? Math.max(value, 1) : value;
      });
      const cutPoint = run % 4 === 0 ? 31 + (run % 3) : undefined;
      const options = cutPoint === undefined ? {} : { cutPoint };
      const definition = cutPoint === undefined ? pcl5Instrument : withCutPoint(pcl5Instrument, cutPoint);
      const typed = outcome(() => scorePcl5(items, options));
      const generic = outcome(() => asPcl5(scoreInstrument(definition, keyedPcl5(items))));
      assert.deepEqual(generic, typed, `run ${run}: ${JSON.stringify(items)}`);
      outcomes.add(
        typeof typed === 'string'
          ? typed
          : typed.complete
            ? `rule ${typed.provisionalDiagnosis} probable ${typed.probablePtsd}`
            : 'incomplete',
      );
    }
    // The sample exercised every outcome, so the agreement is not vacuous.
    assert.deepEqual([...outcomes].sort(), [
      'RangeError',
      'incomplete',
      'rule false probable false',
      'rule false probable true',
      'rule true probable false',
      'rule true probable true',
    ]);
  });

  it('PCL-5: every fixed case above agrees too (rule independence, incomplete, boundaries)', () => {
    const fixtures: readonly (readonly Pcl5Answer[])[] = [
      pcl5(MINIMAL_RULE),
      [4, 4, 4, 4, 4, 1, 1, 4, 4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0],
      pcl5({}, 1),
      pcl5({}, 4),
      pcl5({ 7: null }, 4),
      pcl5WithTotal(33),
      pcl5WithTotal(32),
    ];
    for (const items of fixtures) {
      assert.deepEqual(asPcl5(scoreInstrument(pcl5Instrument, keyedPcl5(items))), scorePcl5(items));
    }
  });

  it('PHQ-9 item 9: answers 0-3 agree with evaluateSafety, invalid ones are rejected by both', () => {
    for (const answer of [0, 1, 2, 3] as const) {
      assert.deepEqual(scoreInstrument(phq9Item9Instrument, { 'phq9-9': answer }), evaluateSafety(answer));
    }
    for (const answer of [4, -1, 1.5, null, undefined]) {
      assert.equal(
        outcome(() => evaluateSafety(untyped(answer))),
        'RangeError',
      );
      assert.equal(
        outcome(() => scoreInstrument(phq9Item9Instrument, { 'phq9-9': answer })),
        'RangeError',
      );
    }
  });

  it('a definition that went through JSON (as a receiver would load it) scores the same', () => {
    const items = pcl5(MINIMAL_RULE);
    const fromJson = JSON.parse(JSON.stringify(pcl5Instrument)) as typeof pcl5Instrument;
    assert.deepEqual(asPcl5(scoreInstrument(fromJson, keyedPcl5(items))), scorePcl5(items));
  });

  it('answer keys that are not in the definition are ignored', () => {
    const answers = {
      ...keyedPcl5(pcl5(MINIMAL_RULE)),
      'pcl5-21': 4,
      exposure: 4,
    };
    assert.deepEqual(asPcl5(scoreInstrument(pcl5Instrument, answers)), scorePcl5(pcl5(MINIMAL_RULE)));
  });
});

describe('scoreInstrument scores partner-defined instruments without forking', () => {
  const likert: InstrumentDefinition<SumScoring> = {
    id: 'partner-likert',
    version: '1',
    name: 'Partner three-item check-in',
    abbreviation: 'P3',
    citation: 'Partner clinic, internal.',
    attributionKey: 'partner.attribution',
    items: [
      { id: 'p-1', textKey: 'partner.items.1', cluster: 'sleep' },
      { id: 'p-2', textKey: 'partner.items.2', cluster: 'sleep' },
      { id: 'p-3', textKey: 'partner.items.3', cluster: 'mood' },
    ],
    options: [1, 2, 3, 4, 5].map((value) => ({
      value,
      labelKey: `partner.options.${value}`,
    })),
    scoring: { kind: 'sum', itemMin: 1, itemMax: 5, cutPoint: 9 },
  };

  const ungated: InstrumentDefinition<CountYesScoring> = {
    id: 'partner-yes-no',
    version: '1',
    name: 'Partner yes/no screen',
    abbreviation: 'PYN',
    citation: 'Partner clinic, internal.',
    attributionKey: 'partner.attribution',
    items: [
      { id: 'q1', textKey: 'partner.q1' },
      { id: 'q2', textKey: 'partner.q2' },
    ],
    options: [
      { value: true, labelKey: 'partner.yes' },
      { value: false, labelKey: 'partner.no' },
    ],
    scoring: { kind: 'count-yes', cutPoint: 2 },
  };

  const cases: readonly {
    rule: string;
    definition: InstrumentDefinition;
    answers: InstrumentAnswers;
    expected: CountYesResult | SumResult | SafetyResult;
  }[] = [
    {
      rule: 'sum with a 1-5 scale and no cluster rule: clusterRuleMet is null, cluster sums still reported',
      definition: likert,
      answers: { 'p-1': 3, 'p-2': 2, 'p-3': 4 },
      expected: {
        complete: true,
        total: 9,
        clusters: { sleep: 5, mood: 4 },
        clusterRuleMet: null,
        positive: true,
        cutPoint: 9,
      },
    },
    {
      rule: 'sum: cut point inclusive, total 8 below 9 is negative',
      definition: likert,
      answers: { 'p-1': 3, 'p-2': 1, 'p-3': 4 },
      expected: {
        complete: true,
        total: 8,
        clusters: { sleep: 4, mood: 4 },
        clusterRuleMet: null,
        positive: false,
        cutPoint: 9,
      },
    },
    {
      rule: 'sum: an unanswered item is incomplete, never a partial sum',
      definition: likert,
      answers: { 'p-1': 3, 'p-3': 4 },
      expected: { complete: false, answered: 2 },
    },
    {
      rule: 'count-yes without a gate counts every item',
      definition: ungated,
      answers: { q1: true, q2: true },
      expected: { score: 2, positive: true, cutPoint: 2 },
    },
    {
      rule: 'safety trigger with a custom threshold 2: answer 1 does not trigger',
      definition: {
        ...phq9Item9Instrument,
        id: 'partner-safety',
        scoring: { kind: 'safety-trigger', threshold: 2 },
      },
      answers: { 'phq9-9': 1 },
      expected: { triggered: false },
    },
  ];
  for (const { rule, definition, answers, expected } of cases) {
    it(rule, () => assert.deepEqual(scoreInstrument(definition, answers), expected));
  }

  it("the result type follows the definition's scoring kind", () => {
    // Compile-time checks: these assignments fail `tsc` if the conditional types regress.
    const sumResult: SumResult = scoreInstrument(likert, {
      'p-1': 1,
      'p-2': 1,
      'p-3': 1,
    });
    const countResult: CountYesResult = scoreInstrument(ungated, {
      q1: false,
      q2: false,
    });
    const safetyResult: SafetyResult = scoreInstrument(phq9Item9Instrument, {
      'phq9-9': 0,
    });
    assert.equal(sumResult.complete, true);
    assert.equal(countResult.score, 0);
    assert.equal(safetyResult.triggered, false);
  });

  const invalid: readonly {
    rule: string;
    definition: InstrumentDefinition;
    answers: unknown;
    error: 'RangeError' | 'TypeError';
    message: RegExp;
  }[] = [
    {
      rule: 'a rating outside the declared 1-5 scale',
      definition: likert,
      answers: { 'p-1': 0, 'p-2': 1, 'p-3': 1 },
      error: 'RangeError',
      message: /P3 item 1 \(p-1\) must be an integer from 1 to 5; got 0/,
    },
    {
      rule: 'a cut point outside the declared range (3 items x 1-5 is 3-15)',
      definition: withCutPoint(likert, 16),
      answers: {},
      error: 'RangeError',
      message: /P3 cut point must be an integer from 3 to 15; got 16/,
    },
    {
      rule: 'a cluster rule naming a cluster no item has',
      definition: {
        ...likert,
        scoring: {
          ...likert.scoring,
          clusterRule: { endorsedAt: 3, minEndorsed: { appetite: 1 } },
        },
      },
      answers: {},
      error: 'RangeError',
      message: /cluster appetite, which has no items/,
    },
    {
      rule: 'a cluster rule needing more endorsements than the cluster has items',
      definition: {
        ...likert,
        scoring: {
          ...likert.scoring,
          clusterRule: { endorsedAt: 3, minEndorsed: { mood: 2 } },
        },
      },
      answers: {},
      error: 'RangeError',
      message: /minimum endorsed in cluster mood must be an integer from 0 to 1; got 2/,
    },
    {
      rule: 'duplicate item ids',
      definition: {
        ...ungated,
        items: [
          { id: 'q1', textKey: 'a' },
          { id: 'q1', textKey: 'b' },
        ],
      },
      answers: {},
      error: 'RangeError',
      message: /duplicate id "q1"/,
    },
    {
      rule: 'no items',
      definition: { ...ungated, items: [] },
      answers: {},
      error: 'RangeError',
      message: /at least one item/,
    },
    {
      rule: 'an unknown scoring kind',
      definition: {
        ...likert,
        scoring: untyped<InstrumentScoring>({ kind: 'average' }),
      },
      answers: {},
      error: 'TypeError',
      message: /unknown scoring kind "average"/,
    },
    {
      rule: 'answers given as an array instead of keyed by item id',
      definition: likert,
      answers: [3, 2, 4],
      error: 'TypeError',
      message: /keyed by item id/,
    },
  ];
  for (const { rule, definition, answers, error, message } of invalid) {
    it(`rejects ${rule}`, () => {
      assert.throws(() => scoreInstrument(definition, untyped(answers)), {
        name: error,
        message,
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Purity: the scoring subpath must run in Node, so it may not reach Lit, the DOM or other packages
// ---------------------------------------------------------------------------------------------

describe('scoring and instruments stay pure (STYLE.md: pure logic never imports Lit or touches the DOM)', () => {
  const src = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
  const files = ['scoring', 'instruments'].flatMap((dir) =>
    readdirSync(join(src, dir), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .map((name) => join(src, dir, name)),
  );

  it('finds the modules it checks', () => {
    assert.ok(files.some((file) => file.endsWith(join('scoring', 'index.ts'))));
    assert.ok(files.some((file) => file.endsWith(join('instruments', 'pcl-5.ts'))));
  });

  for (const file of files) {
    const name = relative(src, file);
    it(`${name}: value imports are relative and stay inside this package's scoring/ and instruments/`, () => {
      const text = readFileSync(file, 'utf8');
      const statements =
        text.match(
          /^(?:import|export)\s+(?:type\s+)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\}|[\w$]+(?:\s*,\s*\{[^}]*\})?)\s+from\s*['"][^'"]+['"]|^import\s*['"][^'"]+['"]/gm,
        ) ?? [];
      // Every import/export-from line must have been recognized by the pattern above.
      const fromLines = text.match(/^(?:import|export)\b.*\bfrom\s*['"]/gm) ?? [];
      const multiLineStarts = text.match(/^(?:import|export)\s+(?:type\s+)?\{[^}]*$/gm) ?? [];
      assert.equal(statements.length, fromLines.length + multiLineStarts.length, `${name}: unrecognized import`);
      for (const statement of statements) {
        if (/^(?:import|export)\s+type\b/.test(statement)) continue;
        const specifier = /['"]([^'"]+)['"]$/.exec(statement)?.[1] ?? '';
        assert.match(specifier, /^\.\.?\//, `${name}: non-relative value import ${specifier}`);
        assert.match(specifier, /\.js$/, `${name}: import must end in .js: ${specifier}`);
        const target = relative(src, resolve(dirname(file), specifier));
        assert.match(target, /^(scoring|instruments)[/\\]/, `${name}: import leaves scoring/instruments: ${specifier}`);
        assert.doesNotMatch(target, /\.json$/, `${name}: JSON imports need import attributes in Node`);
      }
    });

    it(`${name}: no DOM or Lit globals`, () => {
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      assert.doesNotMatch(code, /\b(document|window|customElements|HTMLElement|localStorage|navigator)\b|['"]lit['"]/);
    });
  }

  it('runs where there is no DOM', () => {
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
    assert.deepEqual(evaluateSafety(1), { triggered: true });
  });
});
