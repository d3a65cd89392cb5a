// The full check of a partner's instrument definition (README "Adding an instrument": a
// definition that cannot run is refused with one sentence per problem). Each refusal names what
// to fix: bands that leave a total uncovered or cover it twice, a cut point outside the possible
// scores or outside the definition's own cutPointRange, a safety item that is not an item.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { definitionProblems, registerInstrument } from '../src/scoring/index.js';
import { phq9Instrument } from '../src/instruments/phq-9.js';
import type { InstrumentDefinition } from '../src/instruments/index.js';

const ROOT = resolve(import.meta.dirname, '../../..');
/** The partner example's GAD-7 (Spitzer et al. 2006), a fresh copy each time. */
const gad7 = (): InstrumentDefinition =>
  JSON.parse(readFileSync(join(ROOT, 'examples/partner-clinic/gad-7.json'), 'utf8')) as InstrumentDefinition;

/** The GAD-7 with its scoring changed (totals 0–21, bands 0–4, 5–9, 10–14, 15–21, cut point 10 in 8–12). */
function withScoring(scoring: Record<string, unknown>, id = 'gad-7'): InstrumentDefinition {
  const definition = gad7();
  return { ...definition, id, scoring: { ...definition.scoring, ...scoring } } as InstrumentDefinition;
}
const bands = (...list: [string, number, number][]) => list.map(([id, min, max]) => ({ id, min, max }));

describe('definitionProblems: definitions that can run have none', () => {
  it("the partner example's GAD-7", () => assert.deepEqual(definitionProblems(gad7()), []));
  it('the built-in PHQ-9 (wording inline, bands 0–27, cut point 10 in 8–12, safety item 9)', () => {
    assert.deepEqual(definitionProblems(phq9Instrument), []);
  });
  it('a count-yes screen with its cut point inside its range', () => {
    assert.deepEqual(definitionProblems(withScoring({ kind: 'count-yes', cutPoint: 4, cutPointRange: [3, 5] })), []);
  });
});

describe('definitionProblems: scoring bands must cover every possible total exactly once', () => {
  const cases: { rule: string; bands: ReturnType<typeof bands>; problems: string[] }[] = [
    {
      rule: 'a gap (no "mild" band): totals 5–9 have no severity',
      bands: bands(['minimal', 0, 4], ['moderate', 10, 14], ['severe', 15, 21]),
      problems: ['scoring.bands: no band covers the totals 5–9'],
    },
    {
      rule: 'bands that stop short of the maximum total 21',
      bands: bands(['minimal', 0, 4], ['mild', 5, 9], ['moderate', 10, 14], ['severe', 15, 20]),
      problems: ['scoring.bands: no band covers the total 21'],
    },
    {
      rule: 'bands that do not start at the minimum total 0',
      bands: bands(['minimal', 1, 4], ['mild', 5, 9], ['moderate', 10, 14], ['severe', 15, 21]),
      problems: ['scoring.bands: no band covers the total 0'],
    },
    {
      rule: 'an overlap: total 10 would be both "mild" and "moderate"',
      bands: bands(['minimal', 0, 4], ['mild', 5, 10], ['moderate', 10, 14], ['severe', 15, 21]),
      problems: ['scoring.bands: "mild" and "moderate" overlap at 10'],
    },
    {
      rule: 'a band past the possible totals',
      bands: bands(['minimal', 0, 4], ['mild', 5, 9], ['moderate', 10, 14], ['severe', 15, 27]),
      problems: ['scoring.bands: band "severe" (15–27) goes outside the possible totals 0–21'],
    },
    {
      rule: 'a band id used twice',
      bands: bands(['minimal', 0, 4], ['mild', 5, 9], ['mild', 10, 14], ['severe', 15, 21]),
      problems: ['scoring.bands: the band id "mild" is used twice'],
    },
    {
      rule: 'a band with min above max',
      bands: bands(['minimal', 0, 4], ['mild', 9, 5], ['moderate', 10, 14], ['severe', 15, 21]),
      problems: [
        'scoring.bands[1] needs an id and whole-number min and max, min not above max',
        'scoring.bands: no band covers the totals 5–9',
      ],
    },
    { rule: 'no bands at all', bands: [], problems: ['scoring.bands must cover every total from 0 to 21'] },
  ];
  for (const { rule, bands: list, problems } of cases) {
    it(rule, () => assert.deepEqual(definitionProblems(withScoring({ bands: list })), problems));
  }
});

describe('definitionProblems: the cut point lies among the possible scores and in its own cutPointRange', () => {
  it('cut point 14 outside the definition’s own range 8–12', () => {
    assert.deepEqual(definitionProblems(withScoring({ cutPoint: 14 })), [
      'scoring.cutPoint 14 must lie in its own scoring.cutPointRange 8–12',
    ]);
  });
  it('cut point 7 just below the range 8–12, and 13 just above it', () => {
    assert.deepEqual(definitionProblems(withScoring({ cutPoint: 7 })), [
      'scoring.cutPoint 7 must lie in its own scoring.cutPointRange 8–12',
    ]);
    assert.deepEqual(definitionProblems(withScoring({ cutPoint: 13 })), [
      'scoring.cutPoint 13 must lie in its own scoring.cutPointRange 8–12',
    ]);
  });
  it('a cutPointRange that is null, a string or one number is a problem sentence, not a crash', () => {
    for (const cutPointRange of [null, '8-12', [8]]) {
      assert.deepEqual(definitionProblems(withScoring({ cutPointRange })), [
        'scoring.cutPointRange must be two whole numbers, lowest first, from 0 to 21',
      ]);
    }
  });
  it('cut points 8 and 12, the ends of the range, are fine', () => {
    assert.deepEqual(definitionProblems(withScoring({ cutPoint: 8 })), []);
    assert.deepEqual(definitionProblems(withScoring({ cutPoint: 12 })), []);
  });
  it('a cut point no total can reach (30 of 0–21)', () => {
    assert.deepEqual(definitionProblems(withScoring({ cutPoint: 30, cutPointRange: undefined })), [
      'scoring.cutPoint must be a whole number from 0 to 21, the possible scores',
    ]);
  });
  it('a range written backwards, or past the possible totals', () => {
    const problem = 'scoring.cutPointRange must be two whole numbers, lowest first, from 0 to 21';
    assert.deepEqual(definitionProblems(withScoring({ cutPointRange: [12, 8] })), [problem]);
    assert.deepEqual(definitionProblems(withScoring({ cutPointRange: [8, 30] })), [problem]);
  });
  it('a count-yes screen: cut point 2 outside its range 3–4 (as the PC-PTSD-5)', () => {
    assert.deepEqual(definitionProblems(withScoring({ kind: 'count-yes', cutPoint: 2, cutPointRange: [3, 4] })), [
      'scoring.cutPoint 2 must lie in its own scoring.cutPointRange 3–4',
    ]);
  });
  it('item ratings that are not a range (itemMin 3, itemMax 0)', () => {
    assert.deepEqual(definitionProblems(withScoring({ itemMin: 3, itemMax: 0 })), [
      'scoring.itemMin and scoring.itemMax must be whole numbers, itemMin below itemMax',
    ]);
  });
});

describe('definitionProblems: the safety item is one of the items', () => {
  it('safetyItem "gad7-9" (the GAD-7 has 7 items)', () => {
    assert.deepEqual(definitionProblems({ ...gad7(), safetyItem: 'gad7-9' }), ['safetyItem "gad7-9" is not one of the items']);
  });
  it('safetyItem "gad7-7" is an item', () => {
    assert.deepEqual(definitionProblems({ ...gad7(), safetyItem: 'gad7-7' }), []);
  });
});

describe('registerInstrument refuses a broken definition, naming it and each problem', () => {
  it('three problems, three clauses, one TypeError', () => {
    const broken = { ...withScoring({ cutPoint: 14, bands: bands(['all', 0, 20]) }, 'gad-7-broken'), safetyItem: 'nope' };
    assert.throws(() => registerInstrument(broken), {
      name: 'TypeError',
      message:
        'Cannot register instrument "gad-7-broken": safetyItem "nope" is not one of the items; scoring.cutPoint 14 must lie in its own scoring.cutPointRange 8–12; scoring.bands: no band covers the total 21.',
    });
  });
});
