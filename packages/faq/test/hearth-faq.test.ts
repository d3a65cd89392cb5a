import { expect, fixture, html, oneEvent, waitUntil, nextFrame } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { configure, setLocale } from '@hearth/core';
import '../src/define.js';
import type { HearthFaq, HearthFaqItem } from '../src/index.js';
import { captureConsole } from '../../../test/support/console.js';

const FIXTURES = '/packages/faq/test/fixtures';

async function ready(el: HearthFaq): Promise<HearthFaq> {
  await waitUntil(() => el.items.length > 0 || el.shadowRoot?.querySelector('[role="alert"]'), 'faq rendered', { timeout: 5000 });
  await el.updateComplete;
  await Promise.all(el.items.map((item) => item.updateComplete));
  return el;
}

const trigger = (item: HearthFaqItem) => item.shadowRoot!.querySelector<HTMLButtonElement>('button.trigger')!;
const panel = (item: HearthFaqItem) => item.shadowRoot!.querySelector<HTMLElement>('[part="answer"]')!;
const bySlug = (el: HearthFaq, slug: string) => el.items.find((i) => i.resolvedSlug === slug)!;
const jsonLd = (el: HearthFaq) => {
  const script = el.querySelector('script[type="application/ld+json"]');
  return script
    ? (JSON.parse(script.textContent!) as { '@type': string; mainEntity: { name: string; acceptedAnswer: { text: string } }[] })
    : undefined;
};
const status = (el: HearthFaq) => el.shadowRoot!.querySelector('[part="status"]')?.textContent?.trim() ?? '';

describe('<hearth-faq>', () => {
  afterEach(() => {
    configure({}, { replace: true });
    setLocale(undefined);
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });

  it('is accessible with every question collapsed', async () => {
    const el = await ready(await fixture<HearthFaq>(html`<hearth-faq></hearth-faq>`));
    await expect(el).to.be.accessible();
  });

  it('shows the default English FAQ, with every required question, when no source is given', async () => {
    const el = await ready(await fixture<HearthFaq>(html`<hearth-faq></hearth-faq>`));
    const slugs = el.items.map((i) => i.resolvedSlug);
    expect(slugs.length).to.be.at.least(10);
    expect(slugs).to.include.members([
      'is-it-legal',
      'how-fast-does-it-work',
      'how-long-do-effects-last',
      'side-effects',
      'insurance',
      'cost',
      'evaluation',
      'current-medications',
      'addiction-risk',
      'if-it-does-not-help',
      'veterans',
    ]);
    expect(trigger(el.items[0]!).textContent!.trim()).to.equal('Is ketamine treatment for PTSD allowed by law?');
  });

  it('follows the APG accordion pattern: a button in a heading, aria-expanded, aria-controls, a labelled region', async () => {
    const el = await ready(await fixture<HearthFaq>(html`<hearth-faq></hearth-faq>`));
    const item = el.items[0]!;
    const button = trigger(item);
    expect(button.parentElement!.localName).to.equal('h3');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    const region = item.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)!;
    expect(region).to.equal(panel(item));
    expect(region.getAttribute('role')).to.equal('region');
    expect(region.getAttribute('aria-labelledby')).to.equal(button.id);
    expect(region.getAttribute('hidden')).to.equal('until-found');
    // Closed: the answer's content is skipped from rendering, but stays in find-in-page's reach.
    expect(item.querySelector<HTMLElement>('.answer')!.checkVisibility()).to.be.false;
  });

  it('opens and closes with a click, Enter and Space, and emits hearth-faq-toggle', async () => {
    const el = await ready(await fixture<HearthFaq>(html`<hearth-faq></hearth-faq>`));
    const item = bySlug(el, 'cost');
    setTimeout(() => trigger(item).click());
    const opened = await oneEvent(el, 'hearth-faq-toggle');
    expect(opened.detail).to.deep.equal({ slug: 'cost', open: true });
    await item.updateComplete;
    expect(trigger(item).getAttribute('aria-expanded')).to.equal('true');
    expect(panel(item).hasAttribute('hidden')).to.be.false;
    expect(item.querySelector<HTMLElement>('.answer')!.checkVisibility()).to.be.true;
    await expect(el).to.be.accessible();

    item.focus();
    expect(item.shadowRoot!.activeElement).to.equal(trigger(item));
    await sendKeys({ press: 'Enter' });
    await item.updateComplete;
    expect(item.open).to.be.false;
    expect(trigger(item).getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ press: 'Space' });
    await item.updateComplete;
    expect(item.open).to.be.true;
  });

  it('moves between questions with the arrow keys, Home and End', async () => {
    const el = await ready(await fixture<HearthFaq>(html`<hearth-faq></hearth-faq>`));
    const items = el.items;
    items[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(items[1]!.shadowRoot!.activeElement).to.equal(trigger(items[1]!));
    await sendKeys({ press: 'ArrowUp' });
    expect(items[0]!.shadowRoot!.activeElement).to.equal(trigger(items[0]!));
    await sendKeys({ press: 'ArrowUp' });
    expect(items.at(-1)!.shadowRoot!.activeElement).to.equal(trigger(items.at(-1)!));
    await sendKeys({ press: 'Home' });
    expect(items[0]!.shadowRoot!.activeElement).to.equal(trigger(items[0]!));
    await sendKeys({ press: 'End' });
    expect(items.at(-1)!.shadowRoot!.activeElement).to.equal(trigger(items.at(-1)!));
    await sendKeys({ press: 'Tab' });
    expect(items.at(-1)!.shadowRoot!.activeElement).to.equal(null);
  });

  it('keeps one answer open at a time in single mode', async () => {
    const el = await ready(await fixture<HearthFaq>(html`<hearth-faq single></hearth-faq>`));
    const [a, b] = el.items as [HearthFaqItem, HearthFaqItem];
    trigger(a).click();
    await a.updateComplete;
    trigger(b).click();
    await b.updateComplete;
    await a.updateComplete;
    expect(b.open).to.be.true;
    expect(a.open).to.be.false;
    expect(el.items.filter((i) => i.open)).to.have.length(1);
  });

  it('puts the questions at the heading level asked for', async () => {
    const el = await ready(await fixture<HearthFaq>(html`<hearth-faq heading-level="2"></hearth-faq>`));
    expect(trigger(el.items[0]!).parentElement!.localName).to.equal('h2');
    el.headingLevel = 4;
    await el.updateComplete;
    await el.items[0]!.updateComplete;
    expect(trigger(el.items[0]!).parentElement!.localName).to.equal('h4');
  });

  it('opens a #faq-<slug> deep link on load', async () => {
    history.replaceState(null, '', '#faq-insurance');
    const el = await ready(await fixture<HearthFaq>(html`<hearth-faq></hearth-faq>`));
    const item = bySlug(el, 'insurance');
    await waitUntil(() => item.open, 'opened from the URL');
    await item.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    // Opened and brought into view, but focus stays where the page put it: only a hash change the
    // person caused moves focus.
    expect(item.getBoundingClientRect().top).to.be.lessThan(window.innerHeight);
    expect(item.shadowRoot!.activeElement).to.equal(null);
    expect(document.activeElement).to.equal(document.body);
  });

  it('opens a #faq-<slug> deep link on hash change, scrolls to it and focuses it', async () => {
    const el = await ready(await fixture<HearthFaq>(html`<hearth-faq></hearth-faq>`));
    location.hash = '#faq-veterans';
    const item = bySlug(el, 'veterans');
    await waitUntil(() => item.open && item.shadowRoot!.activeElement === trigger(item), 'opened and focused');
    // The scroll is smooth (unless reduced motion is asked for): wait for it to arrive.
    await waitUntil(() => item.getBoundingClientRect().top < window.innerHeight, 'scrolled into view');
  });

  it('is found by find-in-page while closed, and opens on beforematch', async () => {
    const el = await ready(await fixture<HearthFaq>(html`<hearth-faq></hearth-faq>`));
    const item = bySlug(el, 'addiction-risk');
    // The closed answer is hidden="until-found": the browser's find still searches it.
    expect((window as unknown as { find(text: string): boolean }).find('controlled substance because it can be misused')).to.be.true;
    setTimeout(() => {
      // What the browser does when find-in-page (or a text fragment) matches inside it.
      const region = panel(item);
      // The browser also removes `hidden` itself; the test leaves that to the widget, which must
      // render the answer open (and not hide it again).
      region.dispatchEvent(new Event('beforematch', { bubbles: true }));
    });
    const event = await oneEvent(el, 'hearth-faq-toggle');
    expect(event.detail).to.deep.equal({ slug: 'addiction-risk', open: true });
    await item.updateComplete;
    expect(trigger(item).getAttribute('aria-expanded')).to.equal('true');
    expect(panel(item).hasAttribute('hidden')).to.be.false;
    // Closing it again hides it until found.
    trigger(item).click();
    await item.updateComplete;
    expect(panel(item).getAttribute('hidden')).to.equal('until-found');
  });

  it('adds FAQPage JSON-LD whose questions match the visible ones, with plain-text answers', async () => {
    const config = JSON.stringify({ brand: { name: 'Acme Clinic', phone: '555-0100' } });
    const el = await ready(await fixture<HearthFaq>(html`<hearth-faq config=${config}></hearth-faq>`));
    const data = jsonLd(el)!;
    expect(data['@type']).to.equal('FAQPage');
    expect(data.mainEntity.map((q) => q.name)).to.deep.equal(el.items.map((i) => trigger(i).textContent!.trim()));
    const cost = data.mainEntity.find((q) => q.name === 'How much does it cost?')!;
    expect(cost.acceptedAnswer.text).to.contain('You can call Acme Clinic at 555-0100 for current pricing.');
    for (const q of data.mainEntity) {
      expect(q.acceptedAnswer.text).not.to.match(/<[a-z]|\{\{/i);
      expect(q.acceptedAnswer.text).not.to.contain('opens in a new tab');
    }
    expect(el.querySelectorAll('script[type="application/ld+json"]')).to.have.length(1);
  });

  it('leaves the phone sentence out of the page and the JSON-LD when no phone is configured', async () => {
    const el = await ready(await fixture<HearthFaq>(html`<hearth-faq></hearth-faq>`));
    const cost = jsonLd(el)!.mainEntity.find((q) => q.name === 'How much does it cost?')!;
    expect(cost.acceptedAnswer.text).not.to.contain('You can call');
    expect(cost.acceptedAnswer.text).to.contain('Ask whether payment plans are available.');
    const item = bySlug(el, 'cost');
    item.open = true;
    await item.updateComplete;
    expect(item.querySelector<HTMLElement>('[data-hearth-if="brand.phone"]')!.checkVisibility()).to.be.false;
  });

  it('does not add JSON-LD with no-json-ld, and removes it when the attribute is set later', async () => {
    const el = await ready(await fixture<HearthFaq>(html`<hearth-faq no-json-ld></hearth-faq>`));
    expect(jsonLd(el)).to.equal(undefined);
    el.noJsonLd = false;
    await el.updateComplete;
    expect(jsonLd(el)).to.exist;
    el.setAttribute('no-json-ld', '');
    await el.updateComplete;
    expect(jsonLd(el)).to.equal(undefined);
  });

  it('filters questions as you type and says how many match in a live region', async () => {
    const el = await ready(await fixture<HearthFaq>(html`<hearth-faq searchable></hearth-faq>`));
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(el.shadowRoot!.querySelector(`label[for="${input.id}"]`)!.textContent).to.equal('Search the questions');
    const live = el.shadowRoot!.querySelector('[part="status"]')!;
    expect(live.getAttribute('role')).to.equal('status');
    expect(status(el)).to.equal('');
    input.focus();
    await sendKeys({ type: 'insurance' });
    await el.updateComplete;
    const visible = el.items.filter((i) => !i.hidden);
    expect(visible.length).to.be.greaterThan(0).and.lessThan(el.items.length);
    expect(visible.map((i) => i.resolvedSlug)).to.include('insurance');
    await waitUntil(() => status(el).length > 0, 'announced');
    expect(status(el)).to.equal(
      visible.length === 1 ? '1 question matches “insurance”.' : `${visible.length} questions match “insurance”.`,
    );
    await expect(el).to.be.accessible();
    await sendKeys({ type: ' zzzz' });
    await waitUntil(() => status(el).startsWith('No questions'), 'no match announced');
    expect(el.items.every((i) => i.hidden)).to.be.true;
    expect(status(el)).to.equal('No questions match “insurance zzzz”. Try other words.');
    await expect(el).to.be.accessible();
    input.value = '';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(el.items.every((i) => !i.hidden)).to.be.true;
  });

  it('switches to Spanish with the page language, and searches without accents', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><hearth-faq searchable></hearth-faq></div>`);
    const el = await ready(wrapper.querySelector('hearth-faq')!);
    const costItem = bySlug(el, 'cost');
    costItem.open = true;
    wrapper.lang = 'es';
    await waitUntil(
      () => trigger(el.items[0]!).textContent!.trim() === '¿La ley permite el tratamiento con ketamina para el TEPT?',
      'Spanish questions',
    );
    await el.updateComplete;
    // The same question elements stay, with their state.
    expect(bySlug(el, 'cost')).to.equal(costItem);
    expect(costItem.open).to.be.true;
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.equal('Buscar en las preguntas');
    expect(el.shadowRoot!.querySelector('.items')!.getAttribute('lang')).to.equal('es');
    expect(jsonLd(el)!.mainEntity[0]!.name).to.equal('¿La ley permite el tratamiento con ketamina para el TEPT?');
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input')!;
    input.focus();
    await sendKeys({ type: 'cuanto cuesta' });
    await waitUntil(() => status(el).length > 0, 'announced');
    expect(el.items.filter((i) => !i.hidden).map((i) => i.resolvedSlug)).to.include('cost');
    expect(status(el)).to.match(/coincide/);
    await expect(el).to.be.accessible();
  });

  describe('questions written in the page', () => {
    it('are readable and findable before the script runs', async () => {
      const iframe = document.createElement('iframe');
      iframe.srcdoc = `<!doctype html><meta charset="utf-8"><hearth-faq><hearth-faq-item><h3 slot="question">Can I bring my dog?</h3><div><p>Yes, calm dogs are welcome.</p></div></hearth-faq-item></hearth-faq>`;
      document.body.append(iframe);
      await new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
      const win = iframe.contentWindow as Window & { find(text: string): boolean };
      expect(win.customElements.get('hearth-faq')).to.equal(undefined);
      expect(win.find('calm dogs are welcome')).to.be.true;
      expect(iframe.contentDocument!.querySelector('p')!.checkVisibility()).to.be.true;
      iframe.remove();
    });

    it('become the accordion after upgrade, keep their heading text findable, and feed the JSON-LD', async () => {
      const el = await ready(
        await fixture<HearthFaq>(
          html`<hearth-faq heading-level="2">
            <hearth-faq-item>
              <h3 slot="question">Can I bring my dog?</h3>
              <div>
                <p>Yes, <strong>calm</strong> dogs are welcome.</p>
              </div>
            </hearth-faq-item>
            <hearth-faq-item question="Is there parking?" slug="parking"><p>Free parking behind the building.</p></hearth-faq-item>
          </hearth-faq>`,
        ),
      );
      const [dog, parking] = el.items as [HearthFaqItem, HearthFaqItem];
      expect(el.items).to.have.length(2);
      expect(dog.resolvedSlug).to.equal('can-i-bring-my-dog');
      expect(dog.id).to.equal('faq-can-i-bring-my-dog');
      expect(parking.id).to.equal('faq-parking');
      expect(trigger(dog).parentElement!.localName).to.equal('h2');
      expect(trigger(parking).textContent!.trim()).to.equal('Is there parking?');
      expect(panel(dog).getAttribute('hidden')).to.equal('until-found');
      expect((window as unknown as { find(text: string): boolean }).find('calm dogs are welcome')).to.be.true;
      const data = jsonLd(el)!;
      expect(data.mainEntity).to.deep.equal([
        { '@type': 'Question', name: 'Can I bring my dog?', acceptedAnswer: { '@type': 'Answer', text: 'Yes, calm dogs are welcome.' } },
        {
          '@type': 'Question',
          name: 'Is there parking?',
          acceptedAnswer: { '@type': 'Answer', text: 'Free parking behind the building.' },
        },
      ]);
      await expect(el).to.be.accessible();
      trigger(dog).click();
      await dog.updateComplete;
      await expect(el).to.be.accessible();
      // A question added later joins the accordion and the JSON-LD.
      const extra = document.createElement('hearth-faq-item');
      extra.setAttribute('question', 'Do you have a lift?');
      extra.textContent = 'Yes, on the left.';
      el.append(extra);
      await waitUntil(() => jsonLd(el)!.mainEntity.length === 3, 'JSON-LD updated');
      expect(el.items).to.have.length(3);
    });
  });

  describe('src Markdown', () => {
    it('renders one question per heading, with sanitized answers and filled placeholders', async () => {
      const config = JSON.stringify({ brand: { name: 'Acme', bookingUrl: 'https://acme.example/book' } });
      const el = await fixture<HearthFaq>(html`<hearth-faq src="${FIXTURES}/clinic-faq.md" config=${config}></hearth-faq>`);
      const event = await oneEvent(el, 'hearth-faq-load');
      expect(event.detail).to.deep.equal({ count: 2, lang: 'en', source: 'src' });
      await ready(el);
      expect(el.items.map((i) => i.resolvedSlug)).to.deep.equal(['walk-ins', 'where-is']);
      expect(trigger(el.items[1]!).textContent!.trim()).to.equal('Where is Acme?');
      expect(el.items[0]!.querySelector('a')!.getAttribute('href')).to.equal('https://acme.example/book');
      // A subheading inside an answer sits one level below the question.
      expect(el.items[1]!.querySelector('h4')!.textContent).to.equal('Which states?');
      expect(jsonLd(el)!.mainEntity[1]).to.deep.equal({
        '@type': 'Question',
        name: 'Where is Acme?',
        acceptedAnswer: { '@type': 'Answer', text: 'Online only.\nWhich states?\nTexas and Ohio.' },
      });
      await expect(el).to.be.accessible();
    });

    it('shows a readable error with a retry button when the file cannot be fetched', async () => {
      const { result: el, errors } = await captureConsole(async () =>
        ready(await fixture<HearthFaq>(html`<hearth-faq src="${FIXTURES}/missing.md"></hearth-faq>`)),
      );
      const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('The questions could not be loaded.');
      expect(alert.querySelector('a[href="tel:988"]')).to.exist;
      expect(errors).to.have.length(1);
      expect(el.shadowRoot!.querySelector('[part="retry"]')!.textContent!.trim()).to.equal('Try again');
      expect(jsonLd(el)).to.equal(undefined);
      await expect(el).to.be.accessible();
      el.src = `${FIXTURES}/clinic-faq.md`;
      await waitUntil(() => el.items.length === 2, 'recovered');
    });

    it('says so when the file has no questions', async () => {
      const { result: el } = await captureConsole(async () =>
        ready(await fixture<HearthFaq>(html`<hearth-faq src="${FIXTURES}/no-questions.md"></hearth-faq>`)),
      );
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('There are no questions to show yet.');
      await nextFrame();
    });
  });
});
