// The clinic compliance review (issue 12), as a patient reads the default guide: programme facts
// never claimed for the brand, the evidence side by side, the
// instrument the assessment really uses, and the guide's criteria matching the assessment's.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { configure, setLocale } from '@hearth/core';
import '../src/define.js';
import type { HearthGuide } from '../src/index.js';

async function ready(el: HearthGuide): Promise<HearthGuide> {
  const lang = el.getAttribute('lang');
  await waitUntil(() => el.shadowRoot?.querySelector(`article[lang="${lang}"] .content h2`), 'guide rendered', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

/** What a person sees of one section: the rendered text from its heading to the next, hidden parts left out. */
function sectionText(el: HearthGuide, id: string): string {
  const heading = el.shadowRoot!.querySelector<HTMLElement>(`.content h2[id="${id}"]`)!;
  let text = heading.innerText;
  for (let node = heading.nextElementSibling; node && node.tagName !== 'H2'; node = node.nextElementSibling)
    text += `\n${(node as HTMLElement).innerText}`;
  return text.replace(/\s+/g, ' ');
}

const guide = (config: object = {}, lang = 'en') =>
  fixture<HearthGuide>(html`<hearth-guide lang=${lang} config=${JSON.stringify(config)}></hearth-guide>`).then(ready);

describe('<hearth-guide>: the compliance review', () => {
  afterEach(() => {
    configure({}, { replace: true });
    setLocale(undefined);
  });

  it('claims no programme safeguard for the brand unless the partner states it', async () => {
    const el = await guide({ brand: { name: 'Acme Clinic' } });
    const home = sectionText(el, 'at-home-program');
    expect(home).to.contain('Programs differ, so ask any program, Acme Clinic included, which of these safeguards it provides');
    expect(home).not.to.match(/At Acme Clinic|Acme Clinic asks|Acme Clinic includes|Acme Clinic repeats|Acme Clinic ships/);
    await expect(el).to.be.accessible();
  });

  it('presents the two PTSD trials side by side, and what is unknown about home tablets', async () => {
    const el = await guide();
    const evidence = sectionText(el, 'what-the-evidence-shows');
    expect(evidence).not.to.contain('strongest study');
    // One list, one item per trial, each with its design and its result for PTSD.
    const trials = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.content li')].filter((li) => /et al\., 202[12]/.test(li.innerText));
    expect(trials.map((li) => li.querySelector('strong a')!.firstChild!.textContent)).to.deep.equal([
      'Feder et al., 2021',
      'Abdallah et al., 2022',
    ]);
    expect(trials[0]!.parentElement).to.equal(trials[1]!.parentElement);
    expect(trials[0]!.innerText).to.contain('67% responded to ketamine, against 20% to midazolam');
    expect(evidence).to.contain('Neither dose eased PTSD symptoms significantly more than the placebo');
    expect(evidence).to.contain(
      'Tablets and lozenges taken at home are made by compounding pharmacies and are not FDA-approved, and no randomized trial of ketamine taken under the tongue at home for PTSD has been published.',
    );
    const safety = sectionText(el, 'side-effects-and-safety');
    expect(safety).to.contain('lower urinary tract and bladder symptoms');
    expect(safety).not.to.contain('frequent, heavy use');
    expect(safety).not.to.contain('designed to keep these risks low');
    const sources = el.shadowRoot!.querySelector<HTMLElement>('[part="sources"]')!.innerText;
    expect(sources).to.contain('Neuropsychopharmacology. 2022;47(8):1574-1581.');

    const es = await guide({}, 'es');
    const evidenceEs = sectionText(es, 'what-the-evidence-shows');
    expect(evidenceEs).not.to.contain('más sólido');
    expect(evidenceEs).to.contain('Ninguna de las dos dosis alivió los síntomas de TEPT significativamente más que el placebo');
    expect(evidenceEs).to.contain('no están aprobadas por la FDA, y no se ha publicado ningún ensayo aleatorizado');
    expect(sectionText(es, 'side-effects-and-safety')).to.contain('síntomas de la vejiga y de las vías urinarias bajas');
  });

  it('names the instrument and the minutes the assessment is configured with', async () => {
    const pcl5 = await guide({ assessment: { instrument: 'pcl-5' } });
    expect(sectionText(pcl5, 'is-it-right-for-me')).to.contain('ours uses the PCL-5, a published screening questionnaire');
    expect(pcl5.shadowRoot!.querySelector('a[data-hearth-cta]')!.textContent).to.equal('Take the free 8-minute self-assessment');
    const byDefault = await guide();
    expect(sectionText(byDefault, 'is-it-right-for-me')).to.contain('ours uses the PC-PTSD-5');
    expect(byDefault.shadowRoot!.querySelector('a[data-hearth-cta]')!.textContent).to.equal('Take the free 3-minute self-assessment');
    const es = await guide({ assessment: { instrument: 'pcl-5' } }, 'es');
    expect(sectionText(es, 'is-it-right-for-me')).to.contain('la nuestra usa el PCL-5');
    expect(es.shadowRoot!.querySelector('a[data-hearth-cta]')!.textContent).to.equal('Haga la autoevaluación gratuita de 8 minutos');
  });

  it('"Is it right for me?" says where guidelines start, as the assessment does', async () => {
    const en = sectionText(await guide(), 'is-it-right-for-me');
    expect(en).to.contain('If you have not tried those treatments yet, guidelines start there');
    expect(en).to.contain('an antidepressant such as an SSRI or SNRI');
    const es = sectionText(await guide({}, 'es'), 'is-it-right-for-me');
    expect(es).to.contain('Si todavía no ha probado esos tratamientos, las guías clínicas empiezan por ahí');
  });
});
