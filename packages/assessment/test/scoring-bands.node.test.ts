// PHQ-9 and GAD-7 scoring, and the generic `sum-bands` rule, run in Node. Every case names the
// published rule it checks: PHQ-9 (Kroenke, Spitzer, Williams, J Gen Intern Med 2001) and GAD-7
// (Spitzer, Kroenke, Williams, Löwe, Arch Intern Med 2006), as summarised in
// shared/reference/instruments.md; the missing-item policy (never a partial sum) is Hearth's.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { gad7Scoring, phq9Scoring, scoreGad7, scoreInstrument, scorePhq9 } from '@hearth/assessment/scoring';
import type { FourPointAnswer, InstrumentDefinition, SumBandsScoring } from '@hearth/assessment/scoring';

/** Lets a test pass values the types forbid, as a JavaScript caller or a JSON payload could. */
const untyped = <T>(value: unknown): T => value as T;

/** `length` answers that add up to `total` (3s first, then the remainder, then 0s). */
function withTotal(length: number, total: number): number[] {
  return Array.from({ length }, (_, i) => Math.max(0, Math.min(3, total - 3 * i)));
}

const PHQ9_BANDS = [
  // Kroenke et al. 2001, Table: PHQ-9 severity 0–4, 5–9, 10–14, 15–19, 20–27.
  { total: 0, severity: 'none-minimal' },
  { total: 4, severity: 'none-minimal' },
  { total: 5, severity: 'mild' },
  { total: 9, severity: 'mild' },
  { total: 10, severity: 'moderate' },
  { total: 14, severity: 'moderate' },
  { total: 15, severity: 'moderately-severe' },
  { total: 19, severity: 'moderately-severe' },
  { total: 20, severity: 'severe' },
  { total: 27, severity: 'severe' },
] as const;

const GAD7_BANDS = [
  // Spitzer et al. 2006: GAD-7 severity 0–4, 5–9, 10–14, 15–21.
  { total: 0, severity: 'minimal' },
  { total: 4, severity: 'minimal' },
  { total: 5, severity: 'mild' },
  { total: 9, severity: 'mild' },
  { total: 10, severity: 'moderate' },
  { total: 14, severity: 'moderate' },
  { total: 15, severity: 'severe' },
  { total: 21, severity: 'severe' },
] as const;

describe('scorePhq9 (Kroenke et al. 2001)', () => {
  describe('severity bands: every boundary', () => {
    for (const { total, severity } of PHQ9_BANDS) {
      it(`total ${total} is ${severity}`, () => {
        const result = scorePhq9(withTotal(9, total));
        assert.equal(result.complete, true);
        if (!result.complete) return;
        assert.equal(result.total, total);
        assert.equal(result.severity, severity);
      });
    }
  });

  describe('positive at total >= cut point (inclusive), default 10', () => {
    it('default cut point 10: 9 is negative, 10 is positive', () => {
      assert.deepEqual(scorePhq9(withTotal(9, 9)), { complete: true, total: 9, severity: 'mild', positive: false, cutPoint: 10, item9: 0 });
      assert.deepEqual(scorePhq9(withTotal(9, 10)), {
        complete: true,
        total: 10,
        severity: 'moderate',
        positive: true,
        cutPoint: 10,
        item9: 0,
      });
    });
    for (const cutPoint of [8, 9, 10, 11, 12]) {
      it(`published range 8–12: cut point ${cutPoint} makes ${cutPoint - 1} negative and ${cutPoint} positive`, () => {
        const below = scorePhq9(withTotal(9, cutPoint - 1), { cutPoint });
        const at = scorePhq9(withTotal(9, cutPoint), { cutPoint });
        assert.equal(below.complete && below.positive, false);
        assert.equal(at.complete && at.positive, true);
        assert.equal(at.complete && at.cutPoint, cutPoint);
      });
    }
  });

  describe('item 9 is reported (the safety item), whatever the total', () => {
    for (const item9 of [0, 1, 2, 3]) {
      it(`item 9 answered ${item9} is returned as item9 = ${item9}`, () => {
        const items = [0, 0, 0, 0, 0, 0, 0, 0, item9];
        const result = scorePhq9(items);
        assert.equal(result.complete && result.item9, item9);
        assert.equal(result.complete && result.total, item9);
      });
    }
  });

  describe('missing items: { complete: false, answered }, never a partial sum (Hearth policy)', () => {
    it('one null item: 8 answered', () => {
      assert.deepEqual(scorePhq9([3, 3, 3, 3, 3, 3, 3, 3, null]), { complete: false, answered: 8 });
    });
    it('one undefined item: 8 answered', () => {
      assert.deepEqual(scorePhq9([undefined, 3, 3, 3, 3, 3, 3, 3, 3]), { complete: false, answered: 8 });
    });
    it('a hole in a sparse array counts as unanswered', () => {
      const items: FourPointAnswer[] = new Array<FourPointAnswer>(9);
      items[0] = 1;
      assert.deepEqual(scorePhq9(items), { complete: false, answered: 1 });
    });
    it('nothing answered: 0 answered', () => {
      assert.deepEqual(scorePhq9(Array<null>(9).fill(null)), { complete: false, answered: 0 });
    });
  });

  describe('invalid input throws a RangeError naming the problem', () => {
    const cases: { rule: string; items: unknown; message: RegExp }[] = [
      { rule: 'the array must be 9 long (8 given)', items: [0, 0, 0, 0, 0, 0, 0, 0], message: /PHQ-9 needs exactly 9 item answers; got 8/ },
      { rule: 'the array must be 9 long (10 given)', items: Array(10).fill(0), message: /exactly 9 .* got 10/ },
      { rule: 'the array must be 9 long (empty)', items: [], message: /exactly 9 .* got 0/ },
      { rule: 'items must be an array (an object given)', items: { 0: 1 }, message: /PHQ-9 items must be an array of 9; got an object/ },
      { rule: 'items must be an array (undefined given)', items: undefined, message: /must be an array of 9; got undefined/ },
      {
        rule: 'a value must be 0–3 (4 given)',
        items: [0, 0, 4, 0, 0, 0, 0, 0, 0],
        message: /PHQ-9 item 3 \(phq9-3\) must be an integer from 0 to 3; got 4/,
      },
      { rule: 'a value must be 0–3 (-1 given)', items: [-1, 0, 0, 0, 0, 0, 0, 0, 0], message: /item 1 \(phq9-1\) .* got -1/ },
      { rule: 'a value must be an integer (1.5 given)', items: [0, 0, 0, 0, 0, 0, 0, 0, 1.5], message: /item 9 \(phq9-9\) .* got 1\.5/ },
      { rule: 'a value must be a number (the string "2" given)', items: [0, '2', 0, 0, 0, 0, 0, 0, 0], message: /item 2 .* got "2"/ },
      { rule: 'a value must be a number (true given)', items: [0, 0, 0, 0, true, 0, 0, 0, 0], message: /item 5 .* got true/ },
      { rule: 'a value must be a number (NaN given)', items: [0, 0, 0, 0, 0, 0, NaN, 0, 0], message: /item 7 .* got NaN/ },
      {
        rule: 'a bad value is reported even when another item is missing',
        items: [null, 0, 0, 0, 0, 0, 0, 0, 9],
        message: /item 9 .* got 9/,
      },
    ];
    for (const { rule, items, message } of cases) {
      it(rule, () => {
        assert.throws(
          () => scorePhq9(untyped(items)),
          (error: unknown) => error instanceof RangeError && message.test(error.message),
        );
      });
    }
    for (const cutPoint of [7, 13, 0, 10.5]) {
      it(`the cut point must be a whole number in the published range 8–12 (${cutPoint} given)`, () => {
        assert.throws(
          () => scorePhq9(withTotal(9, 10), { cutPoint }),
          (error: unknown) =>
            error instanceof RangeError && /PHQ-9 cut point \(published range\) must be an integer from 8 to 12/.test(error.message),
        );
      });
    }
  });
});

describe('scoreGad7 (Spitzer et al. 2006)', () => {
  describe('severity bands: every boundary', () => {
    for (const { total, severity } of GAD7_BANDS) {
      it(`total ${total} is ${severity}`, () => {
        const result = scoreGad7(withTotal(7, total));
        assert.equal(result.complete && result.total, total);
        assert.equal(result.complete && result.severity, severity);
      });
    }
  });

  describe('positive at total >= cut point (inclusive), default 10', () => {
    it('default cut point 10: 9 is negative, 10 is positive; no item9 field', () => {
      assert.deepEqual(scoreGad7(withTotal(7, 9)), { complete: true, total: 9, severity: 'mild', positive: false, cutPoint: 10 });
      assert.deepEqual(scoreGad7(withTotal(7, 10)), { complete: true, total: 10, severity: 'moderate', positive: true, cutPoint: 10 });
    });
    for (const cutPoint of [8, 12]) {
      it(`published range 8–12: cut point ${cutPoint} makes ${cutPoint - 1} negative and ${cutPoint} positive`, () => {
        const below = scoreGad7(withTotal(7, cutPoint - 1), { cutPoint });
        assert.equal(below.complete && below.positive, false);
        const at = scoreGad7(withTotal(7, cutPoint), { cutPoint });
        assert.equal(at.complete && at.positive, true);
      });
    }
  });

  describe('missing items: { complete: false, answered }, never a partial sum (Hearth policy)', () => {
    it('one null item: 6 answered', () => {
      assert.deepEqual(scoreGad7([3, 3, 3, null, 3, 3, 3]), { complete: false, answered: 6 });
    });
    it('one undefined item: 6 answered', () => {
      assert.deepEqual(scoreGad7([3, 3, 3, 3, 3, 3, undefined]), { complete: false, answered: 6 });
    });
  });

  describe('invalid input throws a RangeError naming the problem', () => {
    const cases: { rule: string; items: unknown; message: RegExp }[] = [
      { rule: 'the array must be 7 long (6 given)', items: [0, 0, 0, 0, 0, 0], message: /GAD-7 needs exactly 7 item answers; got 6/ },
      { rule: 'the array must be 7 long (9 given, a PHQ-9 by mistake)', items: Array(9).fill(0), message: /exactly 7 .* got 9/ },
      { rule: 'items must be an array (a string given)', items: '0000000', message: /GAD-7 items must be an array of 7; got "0000000"/ },
      { rule: 'items must be an array (null given)', items: null, message: /must be an array of 7; got null/ },
      {
        rule: 'a value must be 0–3 (4 given)',
        items: [0, 0, 0, 0, 0, 0, 4],
        message: /GAD-7 item 7 \(gad7-7\) must be an integer from 0 to 3; got 4/,
      },
      { rule: 'a value must be 0–3 (-1 given)', items: [0, -1, 0, 0, 0, 0, 0], message: /item 2 \(gad7-2\) .* got -1/ },
      { rule: 'a value must be an integer (2.5 given)', items: [2.5, 0, 0, 0, 0, 0, 0], message: /item 1 .* got 2\.5/ },
      { rule: 'a value must be a number (the string "1" given)', items: [0, 0, '1', 0, 0, 0, 0], message: /item 3 .* got "1"/ },
      { rule: 'a value must be a number (false given)', items: [0, 0, 0, false, 0, 0, 0], message: /item 4 .* got false/ },
      { rule: 'a value must be a number (Infinity given)', items: [0, 0, 0, 0, Infinity, 0, 0], message: /item 5 .* got Infinity/ },
    ];
    for (const { rule, items, message } of cases) {
      it(rule, () => {
        assert.throws(
          () => scoreGad7(untyped(items)),
          (error: unknown) => error instanceof RangeError && message.test(error.message),
        );
      });
    }
    for (const cutPoint of [7, 13]) {
      it(`the cut point must be in the published range 8–12 (${cutPoint} given)`, () => {
        assert.throws(
          () => scoreGad7(withTotal(7, 10), { cutPoint }),
          (error: unknown) =>
            error instanceof RangeError && /GAD-7 cut point \(published range\) must be an integer from 8 to 12; got/.test(error.message),
        );
      });
    }
  });
});

/** A partner's GAD-7 as plain data, with the generic `sum-bands` rule. */
const gad7Definition: InstrumentDefinition<SumBandsScoring> = {
  id: 'gad-7',
  version: '2006',
  name: 'Generalized Anxiety Disorder 7-item scale (GAD-7)',
  abbreviation: 'GAD-7',
  citation: 'Spitzer RL, Kroenke K, Williams JBW, Löwe B. Arch Intern Med 2006;166(10):1092–1097.',
  attributionKey: 'gad-7.attribution',
  items: Array.from({ length: 7 }, (_, i) => ({ id: `gad7-${i + 1}`, textKey: `gad-7.items.${i + 1}` })),
  options: [0, 1, 2, 3].map((value) => ({ value, labelKey: `gad-7.options.${value}` })),
  scoring: gad7Scoring,
};
const answersOf = (values: readonly FourPointAnswer[]) => Object.fromEntries(values.map((value, i) => [`gad7-${i + 1}`, value]));

describe('scoreInstrument with the generic sum-bands rule agrees with scoreGad7 and scorePhq9', () => {
  it('GAD-7 as data: every total 0–21 scores as scoreGad7 does (Spitzer et al. 2006)', () => {
    for (let total = 0; total <= 21; total++) {
      const items = withTotal(7, total);
      assert.deepEqual(scoreInstrument(gad7Definition, answersOf(items)), scoreGad7(items));
    }
  });
  it('GAD-7 as data after a JSON round trip (as a receiver loads it) scores the same', () => {
    const parsed = JSON.parse(JSON.stringify(gad7Definition)) as typeof gad7Definition;
    assert.deepEqual(scoreInstrument(parsed, answersOf(withTotal(7, 15))), scoreGad7(withTotal(7, 15)));
  });
  it('PHQ-9 as data: every total 0–27 scores as scorePhq9 does, less item9 (Kroenke et al. 2001)', () => {
    const definition: InstrumentDefinition<SumBandsScoring> = {
      ...gad7Definition,
      abbreviation: 'PHQ-9',
      items: Array.from({ length: 9 }, (_, i) => ({ id: `phq9-${i + 1}`, textKey: `x.${i}` })),
      scoring: phq9Scoring,
    };
    for (let total = 0; total <= 27; total++) {
      const items = withTotal(9, total);
      const { item9: _item9, ...expected } = scorePhq9(items) as { item9: number };
      assert.deepEqual(scoreInstrument(definition, Object.fromEntries(items.map((v, i) => [`phq9-${i + 1}`, v]))), expected);
    }
  });
  it('a missing answer is incomplete, never a partial sum', () => {
    assert.deepEqual(scoreInstrument(gad7Definition, answersOf([1, 1, 1, null, 1, 1, 1])), { complete: false, answered: 6 });
  });

  describe('a definition whose bands do not tile the totals is refused (RangeError)', () => {
    const withBands = (bands: SumBandsScoring['bands']) => ({ ...gad7Definition, scoring: { ...gad7Scoring, bands } });
    const cases: { rule: string; bands: SumBandsScoring['bands']; message: RegExp }[] = [
      {
        rule: 'a gap between bands (10 missing)',
        bands: [
          { id: 'low', min: 0, max: 9 },
          { id: 'high', min: 11, max: 21 },
        ],
        message: /cover 0 to 21 in order without gaps; band "high" does not/,
      },
      {
        rule: 'overlapping bands',
        bands: [
          { id: 'low', min: 0, max: 10 },
          { id: 'high', min: 10, max: 21 },
        ],
        message: /band "high" does not/,
      },
      { rule: 'bands that stop short of the maximum total', bands: [{ id: 'all', min: 0, max: 20 }], message: /they end at 20/ },
      { rule: 'bands that do not start at the minimum total', bands: [{ id: 'all', min: 1, max: 21 }], message: /band "all" does not/ },
    ];
    for (const { rule, bands, message } of cases) {
      it(rule, () => {
        assert.throws(
          () => scoreInstrument(withBands(bands), answersOf(withTotal(7, 3))),
          (error: unknown) => error instanceof RangeError && message.test(error.message),
        );
      });
    }
    it('a cut point outside the definition’s own published range is refused, naming the range', () => {
      assert.throws(
        () => scoreInstrument({ ...gad7Definition, scoring: { ...gad7Scoring, cutPoint: 14 } }, answersOf(withTotal(7, 3))),
        /GAD-7 cut point \(published range\) must be an integer from 8 to 12; got 14/,
      );
    });
  });
});
