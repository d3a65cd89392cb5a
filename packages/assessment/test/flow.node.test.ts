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

const ids = (
  answers: Partial<AssessmentAnswers> = {},
  steps: readonly AssessmentStepId[] = ASSESSMENT_STEPS,
  instrument: 'pc-ptsd-5' | 'pcl-5' = 'pc-ptsd-5',
  askState = true,
) => buildPages(steps, instrument, { ...emptyAnswers(), ...answers }, { askState }).map((p) => p.id);

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
  const pages = buildPages(ASSESSMENT_STEPS, 'pc-ptsd-5', emptyAnswers(), { askState: true });
  it('"Question n of N" counts question pages only', () => {
    assert.deepEqual(questionProgress(pages, 'age'), { number: 1, count: 13 });
    assert.deepEqual(questionProgress(pages, 'state'), { number: 13, count: 13 });
    assert.equal(questionProgress(pages, 'intro'), undefined);
    assert.equal(questionProgress(pages, 'results'), undefined);
  });
  it('event positions are configured steps, identical whatever the answers (no leak of exposure or safety)', () => {
    assert.deepEqual(stepProgress(ASSESSMENT_STEPS, 'safety'), { stepNumber: 3, stepCount: 8 });
    const after = buildPages(ASSESSMENT_STEPS, 'pc-ptsd-5', { ...emptyAnswers(), exposure: false, phq9Item9: 2 });
    const history = after.find((p) => p.id === 'therapy')!;
    assert.deepEqual(stepProgress(ASSESSMENT_STEPS, history.step), { stepNumber: 4, stepCount: 8 });
  });
});

describe('isAnswered / firstUnansweredBefore', () => {
  it('a page cannot be reached past an unanswered question', () => {
    const answers = { ...emptyAnswers(), adult: true, exposure: true, pcPtsd5: [true, null, null, null, null] };
    const pages = buildPages(ASSESSMENT_STEPS, 'pc-ptsd-5', answers);
    assert.equal(firstUnansweredBefore(pages, 'results', answers)?.id, 'pc-ptsd-5-item-2');
    assert.equal(firstUnansweredBefore(pages, 'pc-ptsd-5-item-2', answers), undefined);
  });
  it('"None of these" (an empty list) answers the review question; no choice does not', () => {
    const review = buildPages(['review', 'safety', 'results'], 'pc-ptsd-5', emptyAnswers()).find((p) => p.kind === 'review')!;
    assert.equal(isAnswered(review, emptyAnswers()), false);
    assert.equal(isAnswered(review, { ...emptyAnswers(), review: [] }), true);
  });
});

describe('parseProgress (sessionStorage is checked on the way back)', () => {
  const good = {
    instrument: 'pc-ptsd-5',
    page: 'safety',
    startedAt: 1,
    answers: { exposure: true, pcPtsd5: [true, false, true, false, true], phq9Item9: 1, state: 'TX', review: ['heart'] },
  };
  it('reads back a valid saved progress', () => {
    const parsed = parseProgress(good, 'pc-ptsd-5');
    assert.equal(parsed?.page, 'safety');
    assert.deepEqual(parsed?.answers.pcPtsd5, [true, false, true, false, true]);
    assert.equal(parsed?.answers.phq9Item9, 1);
    assert.equal(parsed?.answers.state, 'TX');
  });
  it('ignores progress saved for another instrument, and garbage', () => {
    assert.equal(parseProgress(good, 'pcl-5'), undefined);
    assert.equal(parseProgress('x', 'pc-ptsd-5'), undefined);
    assert.equal(parseProgress({ ...good, startedAt: 'soon' }, 'pc-ptsd-5'), undefined);
  });
  it('drops values that are not valid answers', () => {
    const parsed = parseProgress(
      { ...good, answers: { phq9Item9: 7, state: 'tx', review: ['heart', 'nope', 'heart'], pcl5: [9], therapy: 'maybe' } },
      'pc-ptsd-5',
    );
    assert.equal(parsed?.answers.phq9Item9, undefined);
    assert.equal(parsed?.answers.state, undefined);
    assert.deepEqual(parsed?.answers.review, ['heart']);
    assert.equal(parsed?.answers.pcl5.length, 20);
    assert.equal(parsed?.answers.therapy, undefined);
  });
});
