// Candidacy summary and the lead's result, as pure functions. Each case names the rule it checks
// (shared/reference/instruments.md and the LeadSchema in @hearth/core).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AnswersSchema } from '@hearth/lead/schema';
import { AssessmentSummarySchema } from '../src/schema.js';
import {
  assessCandidacy,
  assessOutcome,
  buildAssessmentSummary,
  buildLeadAnswers,
  isStateServed,
  isUrgent,
  scoreScreen,
  type Candidacy,
  type CandidacyInput,
} from '../src/candidacy.js';
import { emptyAnswers, type AssessmentAnswers } from '../src/flow.js';
import { pcPtsd5Instrument as PC, pcl5Instrument as PCL } from '../src/instruments/index.js';
import { phq9Instrument as PHQ9 } from '../src/instruments/phq-9.js';

const cutPoints = { pcPtsd5: 3, pcl5: 33, phq9: 10, gad7: 10 };

/** Answers keyed by instrument id, written in the short form the cases read best in. */
interface Short extends Partial<Omit<AssessmentAnswers, 'instruments'>> {
  exposure?: boolean;
  pcPtsd5?: (boolean | null)[];
  pcl5?: (number | null)[];
  phq9?: (number | null)[];
}
const keyed = (prefix: string, values: readonly (boolean | number | null)[]) =>
  Object.fromEntries(values.map((value, i) => [`${prefix}-${i + 1}`, value]));
const answers = ({ exposure, pcPtsd5, pcl5, phq9, ...rest }: Short): AssessmentAnswers => {
  const instruments: AssessmentAnswers['instruments'] = {};
  if (exposure !== undefined || pcPtsd5)
    instruments['pc-ptsd-5'] = { ...(exposure === undefined ? {} : { exposure }), ...keyed('pcptsd5', pcPtsd5 ?? []) };
  if (pcl5) instruments['pcl-5'] = keyed('pcl5', pcl5);
  if (phq9) instruments['phq-9'] = keyed('phq9', phq9);
  return { ...emptyAnswers(), instruments, ...rest };
};

describe('assessCandidacy', () => {
  const cases: [string, CandidacyInput, Candidacy][] = [
    ['a state the clinic does not serve comes first, even with review items', { served: false, reviewItems: ['heart'] }, 'not-served'],
    ['not served and nothing marked', { served: false, reviewItems: [] }, 'not-served'],
    ['any review item → a clinician reviews it (never a rejection)', { served: true, reviewItems: ['pregnancy'] }, 'review'],
    ['several review items', { served: true, reviewItems: ['heart', 'liver', 'thyroid'] }, 'review'],
    ['review items with the state unknown (no state step)', { served: undefined, reviewItems: ['psychosis'] }, 'review'],
    ['"None of these" in a served state → discuss', { served: true, reviewItems: [] }, 'discuss'],
    ['state unknown and nothing marked → discuss (never "not served" by guess)', { served: undefined, reviewItems: [] }, 'discuss'],
    ['review step switched off → discuss', { served: true, reviewItems: undefined }, 'discuss'],
    // Issue 12, point 2: the history answers and the screen decide, not only the review items.
    ['a negative screen never reads as a recommendation', { served: true, reviewItems: [], positive: false }, 'screen-negative'],
    [
      'a negative screen comes before the history',
      { served: undefined, reviewItems: [], positive: false, therapy: 'no', medication: 'no' },
      'screen-negative',
    ],
    [
      'no first-line care tried (therapy and medication both not "yes") → first-line',
      { served: true, reviewItems: [], positive: true, therapy: 'no', medication: 'unsure' },
      'first-line',
    ],
    [
      'first-line also wins over review items (they still get their sentence on the results page)',
      { served: true, reviewItems: ['heart'], positive: true, therapy: 'no', medication: 'no' },
      'first-line',
    ],
    [
      'the treatment tried helped a lot → helped',
      { served: true, reviewItems: [], positive: true, therapy: 'yes', medication: 'no', helped: 'a-lot' },
      'helped',
    ],
    [
      'positive, first-line tried, helped only a little → discuss',
      { served: true, reviewItems: [], positive: true, therapy: 'yes', medication: 'no', helped: 'a-little' },
      'discuss',
    ],
    [
      'positive, tried, not helped much, review items → review',
      { served: true, reviewItems: ['liver'], positive: true, therapy: 'no', medication: 'yes', helped: 'somewhat' },
      'review',
    ],
  ];
  for (const [rule, input, expected] of cases) {
    it(rule, () => assert.equal(assessCandidacy(input), expected));
  }
});

describe('isStateServed', () => {
  const coverage = { states: { TX: { served: true }, AL: { served: false } } };
  const cases: [string, string | undefined, typeof coverage | undefined, boolean | undefined][] = [
    ['served state', 'TX', coverage, true],
    ['state marked not served', 'AL', coverage, false],
    ['a state left out of the coverage data is not served (CoverageConfigSchema rule)', 'WY', coverage, false],
    ['no state answered → unknown', undefined, coverage, undefined],
    ['no coverage data (yet) → unknown', 'TX', undefined, undefined],
  ];
  for (const [rule, state, data, expected] of cases) {
    it(rule, () => assert.equal(isStateServed(data, state), expected));
  }
});

describe('scoreScreen (through the published scoring functions)', () => {
  it('PC-PTSD-5 exposure "No" scores 0 and stops, whatever the items (Prins et al. 2016)', () => {
    const outcome = scoreScreen(PC, answers({ exposure: false, pcPtsd5: [true, true, true, true, true] }), cutPoints);
    assert.deepEqual(outcome, { instrument: 'pc-ptsd-5', score: 0, maxScore: 5, positive: false, cutPoint: 3, notExposed: true });
  });
  it('PC-PTSD-5 cut point is inclusive: 3 yes at cut point 3 is positive', () => {
    const outcome = scoreScreen(PC, answers({ exposure: true, pcPtsd5: [true, true, true, false, false] }), cutPoints);
    assert.deepEqual(outcome, { instrument: 'pc-ptsd-5', score: 3, maxScore: 5, positive: true, cutPoint: 3 });
  });
  it('PC-PTSD-5 cut point comes from config: 3 yes at cut point 4 is negative', () => {
    const outcome = scoreScreen(PC, answers({ exposure: true, pcPtsd5: [true, true, true, false, false] }), {
      ...cutPoints,
      pcPtsd5: 4,
    });
    assert.equal(outcome?.positive, false);
    assert.equal(outcome?.cutPoint, 4);
  });
  it('PC-PTSD-5 unanswered exposure or items → no result', () => {
    assert.equal(scoreScreen(PC, answers({}), cutPoints), undefined);
    assert.equal(scoreScreen(PC, answers({ exposure: true, pcPtsd5: [true, null, true, true, true] }), cutPoints), undefined);
  });
  it('PCL-5 reports the total and the DSM-5 cluster rule separately (VA scoring)', () => {
    // Total 20 (below 33) but 1 B, 1 C, 2 D, 2 E rated 2+: the rule is met independently of the total.
    const pcl5 = [2, 0, 0, 0, 0, 2, 0, 2, 2, 0, 1, 1, 1, 1, 2, 2, 1, 1, 1, 1];
    const outcome = scoreScreen(PCL, answers({ pcl5 }), cutPoints);
    assert.deepEqual(outcome, { instrument: 'pcl-5', score: 20, maxScore: 80, cutPoint: 33, positive: false, provisionalDiagnosis: true });
  });
  it('PCL-5 cut point is inclusive and configurable (31–33 per the VA)', () => {
    const pcl5 = Array<number>(20).fill(0);
    pcl5.fill(2, 0, 15);
    pcl5[15] = 1; // total 31
    assert.equal(scoreScreen(PCL, answers({ pcl5 }), { ...cutPoints, pcl5: 31 })?.positive, true);
    assert.equal(scoreScreen(PCL, answers({ pcl5 }), cutPoints)?.positive, false);
  });
  it('PCL-5 with an unanswered item is incomplete, never a partial sum', () => {
    const pcl5: (number | null)[] = Array<number>(20).fill(4);
    pcl5[7] = null;
    assert.equal(scoreScreen(PCL, answers({ pcl5 }), cutPoints), undefined);
  });
});

describe('isUrgent (PHQ-9 item 9 as a safety trigger)', () => {
  const cases: [AssessmentAnswers['phq9Item9'], boolean][] = [
    [undefined, false],
    [0, false],
    [1, true],
    [2, true],
    [3, true],
  ];
  for (const [answer, expected] of cases) {
    it(`answer ${String(answer)} → ${expected ? 'urgent' : 'not urgent'} (any answer above 0 triggers)`, () => {
      assert.equal(isUrgent(answers({ phq9Item9: answer }), PC), expected);
    });
  }
});

describe('buildAssessmentSummary', () => {
  it('carries the outcome, the count of review items and the state, never the answers, and passes the LeadSchema part', () => {
    const a = answers({ exposure: true, pcPtsd5: [true, true, true, true, false], review: ['heart', 'liver'], state: 'TX', phq9Item9: 2 });
    const summary = buildAssessmentSummary(scoreScreen(PC, a, cutPoints), 'review', a);
    assert.deepEqual(summary, {
      type: 'assessment',
      instrument: 'pc-ptsd-5',
      score: 4,
      cutPoint: 3,
      positive: true,
      reviewItemCount: 2,
      candidacy: 'review',
      state: 'TX',
    });
    assert.equal(AssessmentSummarySchema.safeParse(summary).success, true);
  });
  it('adds provisionalDiagnosis for the PCL-5 only', () => {
    const a = answers({ pcl5: Array<number>(20).fill(3), review: [] });
    const summary = buildAssessmentSummary(scoreScreen(PCL, a, cutPoints), 'discuss', a);
    assert.equal(summary?.score, 60);
    assert.equal(summary?.provisionalDiagnosis, true);
    assert.equal(summary?.positive, true);
    assert.equal(AssessmentSummarySchema.safeParse(summary).success, true);
  });
  it('is undefined without a scored screen (the screen step switched off)', () => {
    assert.equal(buildAssessmentSummary(undefined, 'discuss', answers({})), undefined);
  });
});

describe('buildLeadAnswers (sent only with privacy.includeAnswers)', () => {
  it('sends no PC-PTSD-5 items after exposure "No": they were never asked', () => {
    const out = buildLeadAnswers(PC, answers({ exposure: false, pcPtsd5: [true, null, null, null, null], phq9Item9: 0 }));
    assert.deepEqual(out, { instruments: { 'pc-ptsd-5': { exposure: false } }, phq9Item9: 0 });
    assert.equal(AnswersSchema.safeParse(out).success, true);
  });
  it('maps history and review items, and validates against AnswersSchema', () => {
    const out = buildLeadAnswers(
      PC,
      answers({
        exposure: true,
        pcPtsd5: [true, false, true, false, true],
        therapy: 'yes',
        medication: 'unsure',
        helped: 'a-little',
        review: [],
      }),
    );
    assert.deepEqual(out, {
      instruments: { 'pc-ptsd-5': { exposure: true, ...keyed('pcptsd5', [true, false, true, false, true]) } },
      history: { traumaTherapy: 'yes', antidepressants: 'unsure', helped: 'a-little' },
      reviewItems: [],
    });
    assert.equal(AnswersSchema.safeParse(out).success, true);
  });
  it('sends the 20 PCL-5 ratings keyed by item id, under the instrument id', () => {
    const pcl5 = Array<number>(20).fill(1);
    const out = buildLeadAnswers(PCL, answers({ pcl5, phq9Item9: 3 }));
    assert.deepEqual(out, { instruments: { 'pcl-5': keyed('pcl5', pcl5) }, phq9Item9: 3 });
    assert.equal(AnswersSchema.safeParse(out).success, true);
  });
});

describe('assessOutcome', () => {
  const coverage = { states: { TX: { served: true }, CA: { served: false } } };

  it('puts together the screen, the safety flag and the candidacy', () => {
    const a = answers({ exposure: true, pcPtsd5: [true, true, true, false, false], phq9Item9: 1, review: ['heart'] });
    const outcome = assessOutcome(PC, cutPoints, a, coverage, 'TX');
    assert.deepEqual(outcome.screen, scoreScreen(PC, a, cutPoints));
    assert.equal(outcome.urgent, true);
    assert.equal(outcome.candidacy, 'review');
  });

  it('a state the coverage data says is not served → not-served, whatever else', () => {
    assert.equal(assessOutcome(PC, cutPoints, answers({ review: ['heart'] }), coverage, 'CA').candidacy, 'not-served');
  });

  it('no coverage data or no state → served unknown, never "not served" by guess', () => {
    assert.equal(assessOutcome(PC, cutPoints, answers({}), undefined, 'CA').candidacy, 'discuss');
    assert.equal(assessOutcome(PC, cutPoints, answers({}), coverage, undefined).candidacy, 'discuss');
  });
});

describe('the PHQ-9 in the flow (Kroenke et al. 2001; instruments.md: item 9 is the safety question)', () => {
  it('scores the total, its severity band and the cut point from config', () => {
    const a = answers({ phq9: [2, 2, 2, 2, 2, 0, 0, 0, 0] });
    assert.deepEqual(scoreScreen(PHQ9, a, cutPoints), {
      instrument: 'phq-9',
      score: 10,
      maxScore: 27,
      cutPoint: 10,
      positive: true,
      severity: 'moderate',
    });
    assert.equal(scoreScreen(PHQ9, a, { ...cutPoints, phq9: 11 })?.positive, false);
  });
  it('an unanswered item gives no result, never a partial sum', () => {
    assert.equal(scoreScreen(PHQ9, answers({ phq9: [3, 3, 3, 3, 3, 3, 3, 3, null] }), cutPoints), undefined);
  });
  for (const item9 of [0, 1, 2, 3]) {
    it(`item 9 answered ${item9} → ${item9 > 0 ? 'urgent' : 'not urgent'}, with no standalone safety answer`, () => {
      assert.equal(isUrgent(answers({ phq9: [0, 0, 0, 0, 0, 0, 0, 0, item9] }), PHQ9), item9 > 0);
    });
  }
  it('the summary carries the severity band and passes the summary schema', () => {
    const a = answers({ phq9: [3, 3, 3, 3, 3, 3, 3, 0, 0], review: [] });
    const summary = buildAssessmentSummary(scoreScreen(PHQ9, a, cutPoints), 'discuss', a);
    assert.equal(summary?.severity, 'severe');
    assert.equal(summary?.instrument, 'phq-9');
    assert.equal(AssessmentSummarySchema.safeParse(summary).success, true);
  });
  it('lead answers are keyed by instrument id, with the difficulty answer, and pass the lead AnswersSchema', () => {
    const a = answers({ phq9: [1, 0, 0, 0, 0, 0, 0, 0, 2] });
    a.instruments['phq-9']!.difficulty = 1;
    const out = buildLeadAnswers(PHQ9, a);
    assert.deepEqual(out, { instruments: { 'phq-9': { ...keyed('phq9', [1, 0, 0, 0, 0, 0, 0, 0, 2]), difficulty: 1 } } });
    assert.equal(AnswersSchema.safeParse(out).success, true);
  });
  it('the history answer is the talking therapy the PHQ-9 asked about (history.therapy), never trauma therapy', () => {
    const a = answers({ phq9: [1, 0, 0, 0, 0, 0, 0, 0, 0], therapy: 'no', medication: 'yes', helped: 'somewhat' });
    const out = buildLeadAnswers(PHQ9, a);
    assert.deepEqual(out.history, { therapy: 'no', antidepressants: 'yes', helped: 'somewhat' });
    assert.equal(AnswersSchema.safeParse(out).success, true);
  });
});
