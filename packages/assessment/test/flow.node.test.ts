// The flow as data: which pages, in which order, and what progress and events may say.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ASSESSMENT_STEPS, type AssessmentStepId } from '../src/schema.js';
import {
  buildPages,
  emptyAnswers,
  firstUnansweredBefore,
  isAnswered,
  questionProgress,
  stepProgress,
  type AssessmentAnswers,
} from '../src/flow.js';
import { parseProgress } from '../src/storage.js';
import { pcPtsd5Instrument, pcl5Instrument } from '../src/instruments/index.js';
import { phq9Instrument } from '../src/instruments/phq-9.js';
import type { InstrumentDefinition } from '../src/instruments/types.js';

const DEFINITIONS: Record<string, InstrumentDefinition> = {
  'pc-ptsd-5': pcPtsd5Instrument,
  'pcl-5': pcl5Instrument,
  'phq-9': phq9Instrument,
};

/** Answers in a short form: the PC-PTSD-5's exposure gate, the PHQ-9's items by number. */
interface Short extends Partial<Omit<AssessmentAnswers, 'instruments'>> {
  exposure?: boolean;
  phq9?: Readonly<Record<number, number>>;
  difficulty?: number;
}
const answersOf = ({ exposure, phq9, difficulty, ...rest }: Short = {}): AssessmentAnswers => {
  const instruments: AssessmentAnswers['instruments'] = {};
  if (exposure !== undefined) instruments['pc-ptsd-5'] = { exposure };
  if (phq9 || difficulty !== undefined) {
    instruments['phq-9'] = {
      ...Object.fromEntries(Object.entries(phq9 ?? {}).map(([n, v]) => [`phq9-${n}`, v])),
      ...(difficulty === undefined ? {} : { difficulty }),
    };
  }
  return { ...emptyAnswers(), instruments, ...rest };
};

const ids = (answers: Short = {}, steps: readonly AssessmentStepId[] = ASSESSMENT_STEPS, instrument = 'pc-ptsd-5', askState = true) =>
  buildPages(steps, DEFINITIONS[instrument]!, answersOf(answers), { askState }).map((p) => p.id);

describe('buildPages', () => {
  it('default steps and PC-PTSD-5: one question per page, in the configured order', () => {
    assert.deepEqual(ids(), [
      'intro',
      'age',
      'exposure',
      'pc-ptsd-5-item-1',
      'pc-ptsd-5-item-2',
      'pc-ptsd-5-item-3',
      'pc-ptsd-5-item-4',
      'pc-ptsd-5-item-5',
      'safety',
      'therapy',
      'medication',
      'helped',
      'review',
      'state',
      'results',
      'lead',
    ]);
  });
  it('exposure "No" removes the five items (the screen stops; Prins et al. 2016)', () => {
    assert.deepEqual(ids({ exposure: false }).slice(0, 5), ['intro', 'age', 'exposure', 'safety', 'therapy']);
    assert.equal(ids({ exposure: true }).filter((id) => id.startsWith('pc-ptsd-5-item')).length, 5);
  });
  it('a safety answer above 0 puts the crisis page straight after the safety question', () => {
    for (const phq9Item9 of [1, 2, 3] as const) {
      const list = ids({ phq9Item9 });
      assert.equal(list[list.indexOf('safety') + 1], 'crisis');
    }
    assert.equal(ids({ phq9Item9: 0 }).includes('crisis'), false);
  });
  it('"how much did it help" is asked only when a treatment was tried (kept while unknown)', () => {
    assert.equal(ids({ therapy: 'no', medication: 'unsure' }).includes('helped'), false);
    assert.equal(ids({ therapy: 'no', medication: 'yes' }).includes('helped'), true);
    assert.equal(ids({ therapy: 'no' }).includes('helped'), true);
  });
  it('the PCL-5 has 20 item pages and no exposure gate', () => {
    const list = ids({}, ASSESSMENT_STEPS, 'pcl-5');
    assert.equal(list.filter((id) => id.startsWith('pcl-5-item-')).length, 20);
    assert.equal(list.includes('exposure'), false);
  });
  it('follows the configured order and leaves out switched-off steps', () => {
    assert.deepEqual(ids({ exposure: false }, ['safety', 'screen', 'results']), ['age', 'safety', 'exposure', 'results']);
  });
  it('asks the age before any other question, even without an intro', () => {
    assert.equal(ids({}, ['screen', 'safety', 'results'])[0], 'age');
    assert.deepEqual(ids().slice(0, 2), ['intro', 'age']);
  });
  it('under the minimum age the flow ends on the help page: no screening question, no lead form', () => {
    assert.deepEqual(ids({ adult: false }), ['intro', 'age', 'under-age']);
    assert.deepEqual(ids({ adult: false }, ['screen', 'safety', 'results', 'lead']), ['age', 'under-age']);
  });
  it('asks the state only when the partner configured served states', () => {
    assert.equal(ids({}, ASSESSMENT_STEPS, 'pc-ptsd-5', false).includes('state'), false);
    assert.equal(ids({}, ASSESSMENT_STEPS, 'pc-ptsd-5', true).includes('state'), true);
  });
});

describe('progress', () => {
  const pages = buildPages(ASSESSMENT_STEPS, pcPtsd5Instrument, emptyAnswers(), { askState: true });
  it('"Question n of N" counts question pages only', () => {
    assert.deepEqual(questionProgress(pages, 'age'), { number: 1, count: 13 });
    assert.deepEqual(questionProgress(pages, 'state'), { number: 13, count: 13 });
    assert.equal(questionProgress(pages, 'intro'), undefined);
    assert.equal(questionProgress(pages, 'results'), undefined);
  });
  it('event positions are configured steps, identical whatever the answers (no leak of exposure or safety)', () => {
    assert.deepEqual(stepProgress(ASSESSMENT_STEPS, 'safety'), { stepNumber: 3, stepCount: 8 });
    const after = buildPages(ASSESSMENT_STEPS, pcPtsd5Instrument, answersOf({ exposure: false, phq9Item9: 2 }));
    const history = after.find((p) => p.id === 'therapy')!;
    assert.deepEqual(stepProgress(ASSESSMENT_STEPS, history.step), { stepNumber: 4, stepCount: 8 });
  });
});

describe('isAnswered / firstUnansweredBefore', () => {
  it('a page cannot be reached past an unanswered question', () => {
    const answers = answersOf({ adult: true, exposure: true });
    answers.instruments['pc-ptsd-5']!['pcptsd5-1'] = true;
    const pages = buildPages(ASSESSMENT_STEPS, pcPtsd5Instrument, answers);
    assert.equal(firstUnansweredBefore(pages, 'results', answers, pcPtsd5Instrument)?.id, 'pc-ptsd-5-item-2');
    assert.equal(firstUnansweredBefore(pages, 'pc-ptsd-5-item-2', answers, pcPtsd5Instrument), undefined);
  });
  it('"None of these" (an empty list) answers the review question; no choice does not', () => {
    const review = buildPages(['review', 'safety', 'results'], pcPtsd5Instrument, emptyAnswers()).find((p) => p.kind === 'review')!;
    assert.equal(isAnswered(review, emptyAnswers(), pcPtsd5Instrument), false);
    assert.equal(isAnswered(review, { ...emptyAnswers(), review: [] }, pcPtsd5Instrument), true);
  });
});

describe('parseProgress (sessionStorage is checked on the way back)', () => {
  const good = {
    instrument: 'pc-ptsd-5',
    page: 'safety',
    startedAt: 1,
    answers: {
      instruments: { 'pc-ptsd-5': { exposure: true, 'pcptsd5-1': true, 'pcptsd5-2': false, 'pcptsd5-3': true } },
      phq9Item9: 1,
      state: 'TX',
      review: ['heart'],
    },
  };
  it('reads back a valid saved progress, keyed by instrument id', () => {
    const parsed = parseProgress(good, pcPtsd5Instrument);
    assert.equal(parsed?.page, 'safety');
    assert.deepEqual(parsed?.answers.instruments, good.answers.instruments);
    assert.equal(parsed?.answers.phq9Item9, 1);
    assert.equal(parsed?.answers.state, 'TX');
  });
  it('ignores progress saved for another instrument, and garbage', () => {
    assert.equal(parseProgress(good, pcl5Instrument), undefined);
    assert.equal(parseProgress('x', pcPtsd5Instrument), undefined);
    assert.equal(parseProgress({ ...good, startedAt: 'soon' }, pcPtsd5Instrument), undefined);
  });
  it('drops values that are not valid answers', () => {
    const parsed = parseProgress(
      {
        ...good,
        answers: {
          phq9Item9: 7,
          state: 'tx',
          review: ['heart', 'nope', 'heart'],
          instruments: { 'pc-ptsd-5': { exposure: 'yes', 'pcptsd5-1': 1, 'pcptsd5-2': true, 'pcptsd5-9': true }, 'pcl-5': { 'pcl5-1': 2 } },
          therapy: 'maybe',
        },
      },
      pcPtsd5Instrument,
    );
    assert.equal(parsed?.answers.phq9Item9, undefined);
    assert.equal(parsed?.answers.state, undefined);
    assert.deepEqual(parsed?.answers.review, ['heart']);
    // Only this instrument's own questions with its own answer values survive.
    assert.deepEqual(parsed?.answers.instruments, { 'pc-ptsd-5': { 'pcptsd5-2': true } });
    assert.equal(parsed?.answers.therapy, undefined);
  });
});

describe('the PHQ-9 flow is generated from its definition (Kroenke et al. 2001; instruments.md)', () => {
  it('nine item pages, one per item, then the difficulty question; the safety step adds no page (item 9 is the safety question, asked once)', () => {
    const list = ids({}, ASSESSMENT_STEPS, 'phq-9');
    assert.deepEqual(list.slice(0, 13), [
      'intro',
      'age',
      'phq-9-item-1',
      'phq-9-item-2',
      'phq-9-item-3',
      'phq-9-item-4',
      'phq-9-item-5',
      'phq-9-item-6',
      'phq-9-item-7',
      'phq-9-item-8',
      'phq-9-item-9',
      'phq-9-difficulty',
      'therapy',
    ]);
    assert.equal(list.includes('safety'), false);
  });
  it('item 9 answered above 0 puts the crisis page straight after it, before the difficulty question', () => {
    const list = ids({ phq9: { 9: 1 } }, ASSESSMENT_STEPS, 'phq-9');
    assert.deepEqual(list.slice(10, 13), ['phq-9-item-9', 'crisis', 'phq-9-difficulty']);
    assert.equal(ids({ phq9: { 9: 0 } }, ASSESSMENT_STEPS, 'phq-9').includes('crisis'), false);
  });
  it('the difficulty question is asked only if some item is above 0 ("If you checked off any problems")', () => {
    const zeros = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0 };
    assert.equal(ids({ phq9: zeros }, ASSESSMENT_STEPS, 'phq-9').includes('phq-9-difficulty'), false);
    assert.equal(ids({ phq9: { ...zeros, 4: 1 } }, ASSESSMENT_STEPS, 'phq-9').includes('phq-9-difficulty'), true);
    // Still unknown (not all answered): it counts, so the total only shrinks.
    assert.equal(ids({ phq9: { 1: 0 } }, ASSESSMENT_STEPS, 'phq-9').includes('phq-9-difficulty'), true);
  });
  it('without the screen step, the standalone safety question is asked instead (never skipped)', () => {
    assert.deepEqual(ids({}, ['intro', 'safety', 'results'], 'phq-9'), ['intro', 'age', 'safety', 'results']);
  });
  it('one page kind for every instrument item', () => {
    for (const instrument of ['pc-ptsd-5', 'pcl-5', 'phq-9']) {
      const pages = buildPages(ASSESSMENT_STEPS, DEFINITIONS[instrument]!, answersOf({ exposure: true }));
      const kinds = new Set(pages.filter((p) => p.id.includes('-item-')).map((p) => p.kind));
      assert.deepEqual([...kinds], ['item']);
    }
  });
  it('progress counts the age question, the nine items and the difficulty question among the questions', () => {
    const pages = buildPages(ASSESSMENT_STEPS, phq9Instrument, emptyAnswers(), { askState: true });
    assert.deepEqual(questionProgress(pages, 'phq-9-item-9'), { number: 10, count: 16 });
  });
});
