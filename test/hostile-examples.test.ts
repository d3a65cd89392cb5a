/**
 * White-labelling, proved on examples/partner-clinic/ exactly as `pnpm start` serves it (the
 * built loader at /hearth/, the page's own CSS, its one config file), under the strict CSP:
 * another brand, name, logo, colours, font and radius, copy, served states and payers, the
 * PCL-5 with its own cut point, consent text and endpoint, all from config; its own tag names;
 * Spanish by default; restyled through ::part() and custom properties.
 */
import { expect } from '@open-wc/testing';
import { LeadSink } from './support/sink.js';
import { assessmentPage, completeAssessment, continueToLead, rendered, sendLead } from './support/drive.js';
import { computed, deepText, needBuiltDist, openExample, settle, waitFor, type HostPage } from './support/host-page.js';

const CLAY = 'rgb(122, 46, 14)'; // brand.colors.primary #7a2e0e in hearth.config.json

describe('examples/partner-clinic: white label from config alone (built dist/)', function () {
  this.timeout(90000);
  let sink: LeadSink;
  let page: HostPage;
  const el = (suffix: string) => page.doc.querySelector(`serena-${suffix}`)!;

  before(async function () {
    await needBuiltDist();
    sink = await LeadSink.start();
    page = await openExample('partner-clinic', {
      // The example names the demo receiver (port 8788) and site (5173): point them here.
      rewrites: [
        ['http://127.0.0.1:8788/leads', sink.endpoint],
        ['http://127.0.0.1:5173', location.origin],
        // partner.js fetches its GAD-7 definition: served as the JSON file (see openExample).
        ["'./gad-7.json'", "'./gad-7.json.raw'"],
      ],
      csp: { endpoint: sink.endpoint },
    });
    await page.win.Hearth!.ready;
    await waitFor(() => page.win.customElements.get('serena-assessment'), 'the partner tag names (partner.js)');
    for (const suffix of ['assessment', 'coverage', 'guide', 'faq']) await rendered(el(suffix));
  });

  after(async () => {
    page?.close();
    await sink?.stop();
  });

  it('uses the partner’s tag names, in Spanish, with its brand name and copy overrides', () => {
    const text = deepText(el('assessment'));
    expect(text).to.contain('Autoevaluación confidencial de estrés postraumático'); // copy.es override
    expect(text).to.contain('Clínica Serena');
    expect(deepText(el('coverage'))).to.contain('¿En qué estado vive usted?'); // copy.es override
  });

  it('takes colours, font and radius from config', () => {
    const root = el('assessment').shadowRoot!;
    expect(computed(root.querySelector('.hearth-root')!, ['font-family'])['font-family']).to.match(/^Georgia/);
    const start = root.querySelector<HTMLElement>('form button[type="submit"]')!;
    const style = computed(start, ['background-color', 'border-top-left-radius']);
    expect(style['background-color']).to.equal(CLAY);
    expect(style['border-top-left-radius']).to.equal('2px');
  });

  it('is restyled by the page through ::part() and custom properties', () => {
    const bar = el('assessment').shadowRoot!.querySelector('[part~="crisis-bar"]')!;
    const style = computed(bar, ['border-left-width', 'border-left-color', 'background-color']);
    expect(style['border-left-width']).to.equal('6px'); // serena-assessment::part(crisis-bar)
    expect(style['border-left-color']).to.equal(CLAY);
    expect(style['background-color']).to.equal('rgb(251, 227, 211)'); // --hearth-assessment-crisis-bar-background
  });

  it('serves only its three states, with its own payers', async () => {
    const coverage = el('coverage');
    const text = deepText(coverage);
    expect(text).to.match(/3 estados/);
    for (const state of ['Arizona', 'Nuevo México', 'Texas']) expect(text).to.contain(state);
    const root = coverage.shadowRoot!;
    const select = root.querySelector<HTMLSelectElement>('#state-select')!;
    select.value = 'NM';
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    root.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
    await waitFor(() => root.querySelector('input[name="payer"][value="presbyterian"]'), 'the partner’s New Mexico payers');
    expect(deepText(coverage)).to.contain('Presbyterian Health Plan');
  });

  it('runs the PCL-5, and sends the lead with its consent text to its own endpoint', async () => {
    const assessment = el('assessment');
    await completeAssessment(assessment, { state: 'NM' });
    expect(deepText(assessment)).to.contain('PCL-5');
    await continueToLead(assessment);
    expect(assessmentPage(assessment)).to.equal('lead');
    // The consent sent is the one on screen: wait for the Spanish copy, loaded on demand (on a
    // busy machine the form drew its English default first and the test, faster than a person, sent that).
    const form = await waitFor(() => assessment.shadowRoot!.querySelector('hearth-lead-form'), 'the lead form');
    await waitFor(() => deepText(form).includes('Acepto que Clínica Serena'), 'the partner’s Spanish consent text on screen');
    expect(await sendLead(assessment)).to.equal('Solicitud enviada');
    const [request] = await sink.waitForRequests(1);
    const lead = request!.body as { consent: { text: string; version: string }; contact: { state?: string } };
    expect(lead.consent.version).to.equal('serena-2026-10');
    expect(lead.consent.text).to.match(/^Acepto que Clínica Serena/);
  });

  it('registers its own GAD-7 with Hearth.registerInstrument() (partner.js) and runs it', async () => {
    const gad7 = await waitFor(() => page.doc.querySelector('#ansiedad-widget > serena-assessment'), 'the GAD-7 widget partner.js adds');
    expect(gad7.getAttribute('instrument')).to.equal('gad-7');
    await rendered(gad7);
    await waitFor(() => assessmentPage(gad7) === 'intro', 'its first page');
    // The intro, then the partner's age question (assessment.minimumAge), then the GAD-7.
    for (const page of ['intro', 'age']) {
      await waitFor(() => assessmentPage(gad7) === page, `the "${page}" page`);
      const form = gad7.shadowRoot!.querySelector('[part~="page"] form')!;
      form.querySelector<HTMLInputElement>('input[type="radio"]')?.click();
      form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    }
    await waitFor(() => assessmentPage(gad7) === 'gad-7-item-1', 'the first GAD-7 question');
    // Offered in English only (gad-7.json has no Spanish form the clinic can cite).
    expect(deepText(gad7)).to.contain('Feeling nervous, anxious, or on edge');
    const results = await completeAssessment(gad7, { state: 'TX' });
    expect(results).to.contain('GAD-7');
  });

  it('reported no CSP violation and no error', async () => {
    await settle(page.win);
    expect(page.probe.violations).to.deep.equal([]);
    expect(page.probe.errors).to.deep.equal([]);
    expect(page.probe.uncaught).to.deep.equal([]);
  });
});

describe('examples/marketing-site: the default brand’s landing page (built dist/)', function () {
  this.timeout(60000);

  it('shows every widget live under the strict CSP, at 320 px, without an error', async function () {
    await needBuiltDist();
    const sink = await LeadSink.start();
    const page = await openExample('marketing-site', {
      rewrites: [['http://127.0.0.1:8787/leads', sink.endpoint]],
      csp: { endpoint: sink.endpoint },
      width: 320,
    });
    try {
      await page.win.Hearth!.ready;
      for (const tag of ['hearth-assessment', 'hearth-coverage', 'hearth-guide', 'hearth-faq']) {
        expect(await rendered(page.doc.querySelector(tag)!), tag).to.have.length.greaterThan(100);
      }
      // The page's own language switch: the widgets follow <html lang>.
      page.doc.querySelector<HTMLButtonElement>('.language button[data-lang="es"]')!.click();
      await waitFor(() => deepText(page.doc.querySelector('hearth-assessment')!).includes('Autoevaluación'), 'the assessment in Spanish');
      await settle(page.win);
      expect(page.doc.documentElement.scrollWidth, 'no sideways scrolling').to.be.at.most(page.doc.documentElement.clientWidth);
      expect(page.probe.violations).to.deep.equal([]);
      expect(page.probe.errors).to.deep.equal([]);
      expect(page.probe.uncaught).to.deep.equal([]);
    } finally {
      page.win.sessionStorage.removeItem('hearth-demo-lang'); // the switch remembers the choice
      page.close();
      await sink.stop();
    }
  });
});
