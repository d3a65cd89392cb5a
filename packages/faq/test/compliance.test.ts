// The clinic compliance review (issue 12): an FAQ embedded alone still says it is not medical
// advice and keeps the crisis line one tap away; its privacy answer says exactly what a site may share.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { configure, setLocale } from '@hearth/core';
import '../src/define.js';
import type { HearthFaq } from '../src/index.js';

async function ready(el: HearthFaq): Promise<HearthFaq> {
  const lang = el.getAttribute('lang') ?? 'en';
  await waitUntil(() => el.items.length > 0 && el.shadowRoot?.querySelector(`.items[lang="${lang}"]`), 'faq rendered', {
    timeout: 5000,
  });
  await el.updateComplete;
  await Promise.all(el.items.map((item) => item.updateComplete));
  return el;
}

const notice = (el: HearthFaq) => el.shadowRoot!.querySelector<HTMLElement>('[part="notice"]');
const links = (el: HTMLElement) => [...el.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent?.trim()]);
const answer = (el: HearthFaq, slug: string) =>
  el.items
    .find((i) => i.resolvedSlug === slug)!
    .textContent!.replace(/\s+/g, ' ')
    .trim();

describe('<hearth-faq>: the compliance review', () => {
  afterEach(() => {
    configure({}, { replace: true });
    setLocale(undefined);
  });

  it('shows, alone on a page, a compact "not medical advice" notice with the crisis line', async () => {
    const el = await ready(await fixture<HearthFaq>(html`<hearth-faq lang="en"></hearth-faq>`));
    await expect(el).to.be.accessible();
    const box = notice(el)!;
    expect(box.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'General information, not medical advice. In crisis? Call 988 · Text 988',
    );
    expect(links(box)).to.deep.equal([
      ['tel:988', 'Call 988'],
      ['sms:988', 'Text 988'],
    ]);
    // Above the questions: one tap away without opening anything.
    expect(box.compareDocumentPosition(el.shadowRoot!.querySelector('[part="items"]')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.ok;
  });

  it('in Spanish: the notice, call 988 then press 2, and text AYUDA', async () => {
    const el = await ready(await fixture<HearthFaq>(html`<hearth-faq lang="es"></hearth-faq>`));
    await expect(el).to.be.accessible();
    const box = notice(el)!;
    expect(box.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Información general, no consejo médico. ¿Está en crisis? Llame al 988 y luego marque 2 · Envíe AYUDA al 988',
    );
    expect(links(box)).to.deep.equal([
      ['tel:988', 'Llame al 988 y luego marque 2'],
      ['sms:988?&body=AYUDA', 'Envíe AYUDA al 988'],
    ]);
  });

  it('says exactly what a site may share of the result, in en and es', async () => {
    const en = await ready(await fixture<HearthFaq>(html`<hearth-faq lang="en"></hearth-faq>`));
    const privacy = answer(en, 'privacy');
    expect(privacy).not.to.contain('designed so that your answers are never passed');
    expect(privacy).to.contain(
      'A site can choose to let its own web page know your result: whether the screen was positive, whether you reported thoughts of hurting yourself, and which next step was suggested, but never your answers.',
    );
    const es = await ready(await fixture<HearthFaq>(html`<hearth-faq lang="es"></hearth-faq>`));
    expect(answer(es, 'privacy')).to.contain(
      'Un sitio puede elegir que su propia página web conozca su resultado: si la prueba fue positiva, si indicó pensamientos de hacerse daño y qué próximo paso se le sugirió, pero nunca sus respuestas.',
    );
  });

  it('gives the Veterans Crisis Line chat, and the FDA bladder wording as published', async () => {
    for (const lang of ['en', 'es']) {
      const el = await ready(await fixture<HearthFaq>(html`<hearth-faq lang=${lang}></hearth-faq>`));
      const veterans = el.items.find((i) => i.resolvedSlug === 'veterans')!;
      expect(veterans.querySelector('a[href="https://www.veteranscrisisline.net/Chat"]'), lang).to.exist;
      expect(answer(el, 'side-effects'), lang).not.to.match(/frequent, heavy use|uso frecuente e intenso/);
    }
  });
});
