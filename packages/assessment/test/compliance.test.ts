// The clinic compliance review (issue 12), as a person meets it in <hearth-assessment>: the age
// question first (and nothing kept or sent under the minimum age), a candidacy that uses the
// history answers, Spanish wording honest about its status, and no "not served" from example data.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { HearthAssessment } from '../src/index.js';
import { configure, setLocale, type HearthConfigInput } from '@hearth/core';
import { Outbox } from '@hearth/lead';
import { LeadSink } from '../../../test/support/sink.js';
import gad7Definition from '../../../examples/partner-clinic/gad-7.json' with { type: 'json' };

const $ = (el: HTMLElement, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const pageId = (el: HTMLElement) => $(el, '[part="page"]')?.dataset.page ?? '';
const pageText = (el: HTMLElement) => $(el, '[part="page"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Waits for a page (its wording may load on demand). */
async function onPage(el: HearthAssessment, id: string): Promise<void> {
  await waitUntil(() => pageId(el) === id && !$(el, '[data-text-pending]'), `the page "${id}" (on "${pageId(el)}")`, { timeout: 4000 });
  await el.updateComplete;
}

/** Taps the choice at `index` (or, on the review page, "None of these") and Continue. */
async function tap(el: HearthAssessment, index = 0): Promise<void> {
  const page = $(el, '[part="page"]')!;
  const none = page.querySelector<HTMLInputElement>('input[type="checkbox"][value="none"]');
  const radios = [...page.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  if (none) none.click();
  else if (radios.length) radios[index]!.click();
  await el.updateComplete;
  page.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await el.updateComplete;
}

async function start(el: HearthAssessment): Promise<void> {
  await onPage(el, 'intro');
  $(el, '[part="page"] button[type="submit"]')!.click();
  await onPage(el, 'age');
}

/** From the age question to the results: exposure yes, `yes` items yes, safety 0, then the history. */
async function toResults(
  el: HearthAssessment,
  { yes = 4, therapy = 1, medication = 1, helped = 2 }: { yes?: number; therapy?: number; medication?: number; helped?: number } = {},
): Promise<void> {
  await tap(el, 0); // 18 or older
  await onPage(el, 'exposure');
  await tap(el, 0);
  for (let i = 1; i <= 5; i++) await tap(el, i <= yes ? 0 : 1);
  await onPage(el, 'safety');
  await tap(el, 0);
  await onPage(el, 'therapy');
  await tap(el, therapy);
  await tap(el, medication);
  if (pageId(el) === 'helped') await tap(el, helped);
  if (pageId(el) === 'review') await tap(el);
  await onPage(el, 'results');
}

describe('<hearth-assessment>: the compliance review', () => {
  let sink: LeadSink;
  before(async () => {
    sink = await LeadSink.start();
  });
  after(() => sink.stop());
  beforeEach(() => sessionStorage.clear());
  afterEach(async () => {
    await Outbox.shared().clear();
    Outbox.resetShared();
    fixtureCleanup();
    configure({}, { replace: true });
    setLocale(undefined);
    sessionStorage.clear();
  });

  let count = 0;
  /** A new assessment (its own id, so its own saved progress), once its wording in `lang` is there. */
  async function create(config: HearthConfigInput = {}, lang = 'en'): Promise<HearthAssessment> {
    const el = await fixture<HearthAssessment>(
      html`<hearth-assessment
        id=${`c${++count}`}
        lang=${lang}
        endpoint=${sink.endpoint}
        config=${JSON.stringify(config)}
      ></hearth-assessment>`,
    );
    const label = lang === 'es' ? '¿Necesita ayuda ahora?' : 'Need help now?';
    await waitUntil(() => $(el, '[part="crisis-bar"]')?.textContent?.includes(label), `the ${lang} wording`);
    return el;
  }

  it('asks the age before any question; under 18: help for every age, no questions, no form, nothing kept or sent', async () => {
    const el = await create({ lead: { endpoint: sink.endpoint } });
    const before = (await sink.requests()).length;
    await start(el);
    expect(pageText(el)).to.contain('Are you 18 or older?');
    expect($(el, '[part="progress"]')!.textContent).to.contain('Question 1 of');
    await expect(el).to.be.accessible();
    await tap(el, 1); // under 18
    await onPage(el, 'under-age');
    const help = pageText(el);
    expect(help).to.contain('This self-assessment is for people aged 18 and over');
    expect(help).to.contain('Your answers were not saved or sent.');
    expect(help).to.contain('Talk with a parent or another adult you trust, a school counselor, or a doctor.');
    expect(help).to.contain('The 988 Suicide & Crisis Lifeline is free and helps people of every age');
    expect($(el, '[part="page"] .crisis a[href="tel:988"]')).to.exist;
    // No screening question, no lead form, nothing to continue to.
    expect($(el, 'hearth-lead-form')).to.equal(null);
    expect($(el, '[part="page"] input')).to.equal(null);
    expect($(el, '[part="page"] button[type="submit"]')).to.equal(null);
    await expect(el).to.be.accessible();
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('hearth-assessment:'))).to.deep.equal([]);
    expect(localStorage.length).to.equal(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await sink.requests()).length, 'no request reached the loopback server').to.equal(before);
  });

  it('the minimum age is configurable, and the Spanish help names the same people', async () => {
    const el = await create({ assessment: { minimumAge: 21 } }, 'es');
    await start(el);
    expect(pageText(el)).to.contain('¿Tiene 21 años o más?');
    await tap(el, 1);
    await onPage(el, 'under-age');
    expect(pageText(el)).to.contain('Esta autoevaluación es para personas de 21 años o más');
    expect(pageText(el)).to.contain('Hable con su mamá, su papá u otro adulto de confianza, con un consejero escolar o con un médico.');
    expect(pageText(el)).to.contain('ayuda a personas de todas las edades');
  });

  it('never tried first-line care: says where guidelines start, and that the clinic can discuss it', async () => {
    const el = await create();
    await start(el);
    await toResults(el, { yes: 4, therapy: 1, medication: 1 });
    expect($(el, '[data-candidacy]')!.dataset.candidacy).to.equal('first-line');
    expect(pageText(el)).to.contain(
      'You have not yet tried the treatments that guidelines start with: a trauma-focused talking therapy, or an SSRI or SNRI antidepressant.',
    );
    expect(pageText(el)).to.contain('A Hearth Health clinician can discuss those treatments with you.');
    expect(pageText(el)).not.to.contain('worth discussing');
    await expect(el).to.be.accessible();
  });

  it('a treatment that helped a lot, and a negative screen, are never read as a recommendation', async () => {
    const helped = await create();
    await start(helped);
    await toResults(helped, { yes: 4, therapy: 0, medication: 1, helped: 0 });
    expect($(helped, '[data-candidacy]')!.dataset.candidacy).to.equal('helped');
    expect(pageText(helped)).to.contain('You said the treatment you tried helped a lot. That is worth keeping');
    fixtureCleanup();
    sessionStorage.clear();
    const negative = await create();
    await start(negative);
    await toResults(negative, { yes: 1, therapy: 0, medication: 1, helped: 3 });
    expect($(negative, '[data-candidacy]')!.dataset.candidacy).to.equal('screen-negative');
    expect(pageText(negative)).to.contain('this result is not a recommendation of ketamine-assisted therapy');
    expect(pageText(negative)).to.contain('can still talk your options through with you');
  });

  it('with the review step off, nothing says the person "marked" anything', async () => {
    const el = await create({ assessment: { steps: ['intro', 'screen', 'safety', 'history', 'results'] } });
    await start(el);
    await toResults(el, { yes: 4, therapy: 0, medication: 1, helped: 2 });
    expect($(el, '[data-candidacy]')!.dataset.candidacy).to.equal('discuss');
    expect(pageText(el)).to.contain('From your answers, this treatment may be worth discussing with a Hearth Health clinician');
    expect(pageText(el)).not.to.match(/marked/i);
  });

  it('without partner coverage: no state question, and never "not served"', async () => {
    const el = await create();
    await start(el);
    await toResults(el, { yes: 5, therapy: 0, medication: 0, helped: 3 });
    expect(pageText(el)).not.to.contain('does not treat people in');
    expect($(el, '[data-candidacy]')!.dataset.candidacy).to.equal('discuss');
  });

  it('in Spanish, says before the first question that the wording is an unvalidated translation read with the English cut point', async () => {
    const el = await create({}, 'es');
    await start(el);
    const notice = $(el, '[part="translation-notice"]')!;
    expect(notice.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Sobre el texto en español Las preguntas del PC-PTSD-5 que siguen son una traducción al español hecha por nosotros de un cuestionario publicado en inglés. Esta traducción no ha sido validada, y su resultado se interpreta con el punto de corte de la versión en inglés.',
    );
    // Before the age question, the first question of all.
    expect(notice.compareDocumentPosition($(el, 'fieldset')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.ok;
    expect(pageText(el)).not.to.contain('publicado por el Departamento de Asuntos de Veteranos');
    await expect(el).to.be.accessible();
    // In English nothing is said about a translation.
    const en = await create();
    await start(en);
    expect($(en, '[part="translation-notice"]')).to.equal(null);
  });

  it('a partner may show the validated English wording to Spanish users instead', async () => {
    const el = await create({ assessment: { spanishText: 'english' } }, 'es');
    await start(el);
    expect($(el, '[part="translation-notice"]')!.textContent).to.contain(
      'Las preguntas del PC-PTSD-5 que siguen se muestran en inglés, el idioma en que fueron validadas.',
    );
    await tap(el, 0);
    await onPage(el, 'exposure');
    expect($(el, '[data-focus]')!.textContent).to.contain('Have you ever experienced this kind of event?');
    // The source under the result names the English original that was shown, not our translation.
    await tap(el, 0);
    for (let i = 1; i <= 5; i++) await tap(el, 1);
    await onPage(el, 'safety');
    await tap(el, 0);
    await onPage(el, 'therapy');
    await tap(el, 1);
    await tap(el, 1);
    if (pageId(el) === 'review') await tap(el);
    await onPage(el, 'results');
    const source = [...el.shadowRoot!.querySelectorAll('.source')].map((p) => p.textContent!).join(' ');
    expect(source).to.contain('Published by the U.S. Department of Veterans Affairs National Center for PTSD. Public domain.');
    expect(source).to.not.contain('Traducción al español');
  });

  describe("a partner's definition, in Spanish", () => {
    type Definition = { id: string; items: unknown[]; options: unknown[]; languages: Record<string, Record<string, unknown>> };
    const gad7 = gad7Definition as unknown as Definition;
    // Each test registers its own id: a page cannot register one id twice.
    const config = (definition: Definition): HearthConfigInput =>
      ({ assessment: { instrument: definition.id, definitions: [definition] } }) as unknown as HearthConfigInput;

    it('with an unvalidated Spanish translation: a notice that it is not validated (and not that it is ours)', async () => {
      // Placeholder test wording, not a translation of the GAD-7.
      const es = {
        status: 'unvalidated',
        source: 'test fixture',
        items: gad7.items.map((_, i) => `Pregunta de prueba ${i + 1}`),
        options: gad7.options.map((_, i) => `Opción de prueba ${i + 1}`),
      };
      const el = await create(config({ ...gad7, id: 'gad-7-es', languages: { ...gad7.languages, es } }), 'es');
      await start(el);
      expect($(el, '[part="translation-notice"]')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
        'Sobre el texto en español Las preguntas del GAD-7 que siguen son una traducción al español que no ha sido validada. Su resultado se interpreta con el punto de corte de la versión publicada.',
      );
      await expect(el).to.be.accessible();
      await tap(el, 0);
      await onPage(el, 'gad-7-es-item-1');
      expect($(el, '[data-focus]')!.textContent).to.contain('Pregunta de prueba 1');
      expect($(el, '[part="page"] [lang="en"]')).to.equal(null);
    });

    it('without Spanish wording: says the questions are in English only, and marks the English text lang="en"', async () => {
      const el = await create(config({ ...gad7, id: 'gad-7-en' }), 'es');
      await onPage(el, 'intro');
      // The instrument's own introduction is English: marked so for screen readers.
      expect($(el, '[part="page"] h2[lang="en"]')?.textContent ?? '').to.contain('Free anxiety self-check');
      expect($(el, '[part="page"] p[lang="en"]')?.textContent ?? '').to.contain('It is a screen, not a diagnosis.');
      await start(el);
      expect($(el, '[part="translation-notice"]')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
        'Sobre el texto en español Las preguntas del GAD-7 que siguen, y la descripción de su resultado, se ofrecen solo en inglés: aquí no hay una versión en español.',
      );
      await expect(el).to.be.accessible();
      await tap(el, 0);
      await onPage(el, 'gad-7-en-item-1');
      expect($(el, '[part="page"] [lang="en"]')?.textContent ?? '').to.contain('Feeling nervous, anxious, or on edge');
      await expect(el).to.be.accessible();
      for (let i = 1; i <= 7; i++) await tap(el, 3); // 21 of 21: "severe"
      await onPage(el, 'safety');
      await tap(el, 0);
      await onPage(el, 'therapy');
      await tap(el, 1);
      await tap(el, 1);
      if (pageId(el) === 'review') await tap(el);
      await onPage(el, 'results');
      const english = [...el.shadowRoot!.querySelectorAll('[part="page"] [lang="en"]')].map((n) => n.textContent!.trim());
      expect(english).to.include.members([
        'Your answers suggest severe anxiety symptoms.',
        'This is a screen, not a diagnosis. Only a licensed clinician can diagnose an anxiety disorder.',
        'A score at or above the cut point means a fuller evaluation by a clinician is worth doing. It does not mean that you have an anxiety disorder.',
      ]);
      await expect(el).to.be.accessible();
    });
  });

  it('the PHQ-9 safety question uses the official US Spanish wording, with its attribution', async () => {
    const el = await create({ assessment: { steps: ['safety', 'results'] } }, 'es');
    await onPage(el, 'age');
    await tap(el, 0);
    await onPage(el, 'safety');
    expect(pageText(el)).to.contain('Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera');
    expect(pageText(el)).to.contain(
      'Pregunta 9 del Cuestionario sobre la Salud del Paciente (PHQ-9), en su versión oficial en español para EE. UU. (Pfizer).',
    );
    expect(pageText(el)).to.contain('Elaborado por los doctores Robert L. Spitzer');
    const en = await create({ assessment: { steps: ['safety', 'results'] } });
    await onPage(en, 'age');
    await tap(en, 0);
    await onPage(en, 'safety');
    expect(pageText(en)).to.contain('Item 9 of the Patient Health Questionnaire (PHQ-9).');
  });
});
