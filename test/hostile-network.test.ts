/**
 * The BUILT bundle on a slow or broken network: the assessment's later steps (their pages, their
 * wording and the scoring) load once the person presses Start. When that chunk is late the person
 * sees "Loading…" and `hearth-assessment-complete` waits for the results; when it fails they see
 * a plain message with "Try again", and the site owner gets one console error.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { assessmentPage } from './support/drive.js';
import { deepText, needBuiltDist, normalise, openPage, settle, waitFor, type HostPage } from './support/host-page.js';

const STEPS_CHUNK = 'chunks/steps-';

function hold(mode: 'hold' | 'fail' | 'off'): Promise<unknown> {
  return executeServerCommand('hearth-hold', { match: STEPS_CHUNK, mode });
}

/** From the age question (once its part has loaded) to the results: 18 or older, exposure "No", safety "Not at all". */
async function answerFromAge(el: HTMLElement): Promise<void> {
  const root = el.shadowRoot!;
  const page = () => root.querySelector<HTMLElement>('[part~="page"]')!;
  await waitFor(() => assessmentPage(el) === 'age' && page().querySelector('input[type="radio"]'), 'the age question');
  for (const answer of [0, 1, 0]) {
    const from = assessmentPage(el);
    page().querySelectorAll<HTMLInputElement>('input[type="radio"]')[answer]!.click();
    await settle(el.ownerDocument.defaultView!);
    page().querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
    await waitFor(() => assessmentPage(el) !== from && !page().querySelector('[data-text-pending]'), `the assessment to leave "${from}"`);
  }
  expect(assessmentPage(el)).to.equal('results');
}

const BODY = `<main><hearth-assessment config='{"assessment":{"steps":["intro","screen","safety","results"]}}'></hearth-assessment></main>`;

describe('on-demand parts on a slow or broken network (built dist/)', function () {
  this.timeout(60000);
  let page: HostPage | undefined;
  before(async function () {
    await needBuiltDist();
  });
  afterEach(async () => {
    await hold('off');
    page?.close();
    page = undefined;
    // Progress is kept per tab (sessionStorage, shared with the host page's frame).
    sessionStorage.clear();
  });

  it('shows "Loading…" until the later steps arrive, then the results, focused, and only then completes', async () => {
    await hold('hold');
    page = await openPage({ scripts: [{ kind: 'loader-fresh' }], body: BODY, title: 'slow steps' });
    const el = await waitFor(
      () =>
        page!.doc.querySelector<HTMLElement>('hearth-assessment')?.shadowRoot && page!.doc.querySelector<HTMLElement>('hearth-assessment'),
      'the assessment',
    );
    const completes: unknown[] = [];
    el.addEventListener('hearth-assessment-complete', (e) => completes.push((e as CustomEvent).detail));
    // The age question, first of all, is in the later steps' part: "Loading…" stands in its place.
    await waitFor(() => assessmentPage(el) === 'intro', 'the intro');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="page"] form button[type="submit"]')!.click();
    const status = await waitFor(() => el.shadowRoot!.querySelector('[part~="page"] [role="status"]'), 'the loading status');
    expect(normalise(status.textContent)).to.equal('Loading…');
    expect(deepText(el)).to.contain('Need help now?');
    expect(completes, 'complete before the outcome could be scored').to.deep.equal([]);

    await hold('off');
    await answerFromAge(el);
    const title = await waitFor(() => el.shadowRoot!.querySelector('.result__title'), 'the results');
    expect(normalise(title.textContent)).to.equal('You did not screen positive for probable PTSD');
    await waitFor(() => completes.length === 1, 'hearth-assessment-complete');
    expect(completes).to.deep.equal([{ instrument: 'pc-ptsd-5' }]);
    expect(el.shadowRoot!.activeElement?.matches('[data-focus]'), 'focus on the results heading').to.be.true;
    expect(page.probe.errors).to.deep.equal([]);
  });

  it('says plainly when the later steps cannot load, logs one console error, and "Try again" recovers', async () => {
    await hold('fail');
    page = await openPage({ scripts: [{ kind: 'loader-fresh' }], body: BODY, title: 'failing steps' });
    const el = await waitFor(
      () =>
        page!.doc.querySelector<HTMLElement>('hearth-assessment')?.shadowRoot && page!.doc.querySelector<HTMLElement>('hearth-assessment'),
      'the assessment',
    );
    await waitFor(() => assessmentPage(el) === 'intro', 'the intro');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="page"] form button[type="submit"]')!.click();
    const failed = await waitFor(() => el.shadowRoot!.querySelector<HTMLElement>('[part~="page"] .panel--danger'), 'the failure message');
    expect(normalise(failed.textContent)).to.contain('This step could not be loaded. Check your connection, then try again.');
    expect(deepText(el)).to.contain('Need help now?');
    await waitFor(() => page!.probe.errors.length > 0, 'the console error');
    expect(page.probe.errors.filter((e) => e.includes('could not load the wording of its next steps'))).to.have.length(1);

    await hold('off');
    failed.querySelector<HTMLButtonElement>('button')!.click();
    await answerFromAge(el);
    const title = await waitFor(() => el.shadowRoot!.querySelector('.result__title'), 'the results after Try again');
    expect(normalise(title.textContent)).to.equal('You did not screen positive for probable PTSD');
  });
});
