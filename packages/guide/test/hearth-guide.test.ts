import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { configure, setLocale } from '@hearth/core';
import '../src/define.js';
import type { HearthGuide } from '../src/index.js';
import { captureConsole } from '../../../test/support/console.js';

const FIXTURES = '/packages/guide/test/fixtures';

/** Waits until the guide shows its content (or its error). */
async function ready(el: HearthGuide): Promise<HearthGuide> {
  await waitUntil(() => el.shadowRoot?.querySelector('.content h2, .content h3, .content h1, [role="alert"]'), 'guide rendered', {
    timeout: 5000,
  });
  await el.updateComplete;
  return el;
}

const $ = (el: HearthGuide, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: HearthGuide, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (el: HearthGuide, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<hearth-guide>', () => {
  afterEach(() => {
    configure({}, { replace: true });
    setLocale(undefined);
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });

  it('is accessible with the default guide and its table of contents', async () => {
    const el = await ready(await fixture<HearthGuide>(html`<hearth-guide toc></hearth-guide>`));
    await expect(el).to.be.accessible();
  });

  it('shows the default English guide with every required section, without a source given', async () => {
    const el = await ready(await fixture<HearthGuide>(html`<hearth-guide></hearth-guide>`));
    const ids = $$(el, '.content h2').map((h) => h.id);
    expect(ids).to.deep.equal([
      'what-is-ptsd',
      'standard-treatments',
      'how-ketamine-works',
      'what-the-evidence-shows',
      'side-effects-and-safety',
      'at-home-program',
      'is-it-right-for-me',
    ]);
    expect(text(el, '.content h2')).to.equal('What PTSD is');
    expect($(el, 'article')!.lang).to.equal('en');
    expect($(el, 'nav.toc')).to.equal(null);
  });

  it('says who reviewed it, without inventing a clinician', async () => {
    const el = await ready(await fixture<HearthGuide>(html`<hearth-guide></hearth-guide>`));
    expect(text(el, '[part="reviewed"]')).to.equal('Reviewed by Hearth editorial team on November 20, 2026');
    expect(text(el, '[part="reviewed"]')).not.to.contain('Medically');
  });

  it("says 'Medically reviewed by' when the config names a reviewer with credentials", async () => {
    const el = await ready(
      await fixture<HearthGuide>(
        html`<hearth-guide
          config='{"brand":{"reviewer":{"name":"Dana Rivera","credentials":"MD, MPH","reviewedOn":"2026-11-24"}}}'
        ></hearth-guide>`,
      ),
    );
    expect(text(el, '[part="reviewed"]')).to.equal('Medically reviewed by Dana Rivera, MD, MPH on November 24, 2026');
  });

  it("never pairs a partner's reviewer with the content pack's review date", async () => {
    const el = await ready(
      await fixture<HearthGuide>(
        html`<hearth-guide config='{"brand":{"reviewer":{"name":"Dana Rivera","credentials":"MD"}}}'></hearth-guide>`,
      ),
    );
    expect(text(el, '[part="reviewed"]')).to.equal('Reviewed by Hearth editorial team on November 20, 2026');
  });

  it('lists the sources from the front matter as safe external links', async () => {
    const el = await ready(await fixture<HearthGuide>(html`<hearth-guide></hearth-guide>`));
    const links = $$(el, '.sources li a');
    expect(links.length).to.equal(11);
    expect(links[0]!.getAttribute('href')).to.equal('https://doi.org/10.1176/appi.ajp.2020.20050596');
    for (const link of links) {
      expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(link.getAttribute('target')).to.equal('_blank');
    }
    expect($(el, '.sources h2')!.textContent).to.equal('Sources');
  });

  it('shifts headings with heading-level, and puts the title above them with show-title', async () => {
    const el = await ready(await fixture<HearthGuide>(html`<hearth-guide heading-level="3"></hearth-guide>`));
    expect($$(el, '.content h3').map((h) => h.id)).to.include('what-is-ptsd');
    expect($$(el, '.content h4').map((h) => h.id)).to.include('what-is-still-unknown');
    expect($(el, '.content h2')).to.equal(null);
    el.showTitle = true;
    el.headingLevel = 2;
    await el.updateComplete;
    expect($(el, 'h2.title')!.textContent).to.equal('Ketamine-assisted therapy for PTSD: a plain-language guide');
    expect($(el, '.content h3#what-is-ptsd')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('renders a table of contents whose links move focus to the section', async () => {
    const el = await ready(await fixture<HearthGuide>(html`<hearth-guide toc></hearth-guide>`));
    const nav = $(el, 'nav.toc')!;
    expect(nav.getAttribute('aria-labelledby')).to.equal('hearth-guide-toc-title');
    expect(text(el, '#hearth-guide-toc-title')).to.equal('On this page');
    const top = [...nav.querySelectorAll(':scope > ol > li > a')].map((a) => a.getAttribute('href'));
    expect(top).to.have.length(7);
    const nested = [...nav.querySelectorAll('li li a')].map((a) => a.getAttribute('href'));
    expect(nested).to.include('#what-is-still-unknown');
    const link = nav.querySelector<HTMLAnchorElement>('a[href="#side-effects-and-safety"]')!;
    link.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'side-effects-and-safety', 'focus on the section heading');
    expect(location.hash).to.equal('');
  });

  it('follows internal links inside the content', async () => {
    const el = await ready(await fixture<HearthGuide>(html`<hearth-guide></hearth-guide>`));
    const link = $(el, '.content a[href="#side-effects-and-safety"]')!;
    link.click();
    expect(el.shadowRoot!.activeElement?.id).to.equal('side-effects-and-safety');
  });

  it('renders GitHub alerts as labelled callouts', async () => {
    const el = await ready(await fixture<HearthGuide>(html`<hearth-guide></hearth-guide>`));
    const callouts = $$(el, '.callout');
    expect(callouts.map((c) => c.dataset['hearthCallout'])).to.deep.equal(['note', 'important', 'warning']);
    for (const callout of callouts) expect(callout.getAttribute('role')).to.equal('note');
    expect(callouts[2]!.querySelector('.callout__title')!.textContent).to.equal('Warning');
    expect(callouts[2]!.textContent).to.contain('Never mix it with alcohol');
    expect(callouts[0]!.textContent).not.to.contain('[!NOTE]');
  });

  it('makes the crisis numbers one tap away', async () => {
    const el = await ready(await fixture<HearthGuide>(html`<hearth-guide></hearth-guide>`));
    const hrefs = $$(el, '.callout--important a').map((a) => a.getAttribute('href'));
    expect(hrefs).to.include.members(['tel:988', 'sms:988', 'sms:838255', 'tel:911']);
  });

  it('opens external links safely and says so to screen readers', async () => {
    const el = await ready(await fixture<HearthGuide>(html`<hearth-guide></hearth-guide>`));
    const link = $(el, '.content a[href^="https://www.psychiatry.org"]')!;
    expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(link.getAttribute('target')).to.equal('_blank');
    expect(link.querySelector('.visually-hidden')!.textContent).to.equal(' (opens in a new tab)');
  });

  it('wraps tables in a labelled, focusable scroll region that scrolls at 320 px', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 320px"><hearth-guide></hearth-guide></div>`);
    const el = await ready(wrapper.querySelector('hearth-guide')!);
    const region = $(el, '.table-scroll')!;
    expect(region.getAttribute('role')).to.equal('region');
    expect(region.getAttribute('tabindex')).to.equal('0');
    expect(region.getAttribute('aria-label')).to.match(/^Feature, Trauma-focused therapy/);
    expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
  });

  it('fills brand placeholders as text, and leaves out what the brand does not have', async () => {
    const config = JSON.stringify({ brand: { name: '<img src=x onerror=alert(1)>' } });
    const el = await ready(await fixture<HearthGuide>(html`<hearth-guide config=${config}></hearth-guide>`));
    const slots = $$(el, '[data-hearth-slot="brand.name"]');
    expect(slots.length).to.be.greaterThan(1);
    expect(slots[0]!.textContent).to.equal('<img src=x onerror=alert(1)>');
    expect($(el, '.content img')).to.equal(null);
    // No phone configured: the sentence offering a phone call is hidden, not left half-empty.
    const phoneSentence = $(el, '[data-hearth-if="brand.phone"]')!;
    expect(phoneSentence.hidden).to.be.true;
    expect(phoneSentence.checkVisibility()).to.be.false;
    // No booking link: the words stay, without a link.
    const booking = $(el, 'a[data-hearth-href]')!;
    expect(booking.hasAttribute('href')).to.be.false;
    expect(booking.textContent).to.equal('book a consultation');
  });

  it('fills the phone as a tap-to-call link and the booking link when the brand has them', async () => {
    const config = JSON.stringify({ brand: { name: 'Acme Clinic', phone: '(555) 010-0199', bookingUrl: 'https://acme.example/book' } });
    const el = await ready(await fixture<HearthGuide>(html`<hearth-guide config=${config}></hearth-guide>`));
    const phoneSentence = $(el, '[data-hearth-if="brand.phone"]')!;
    expect(phoneSentence.hidden).to.be.false;
    expect(phoneSentence.textContent).to.equal(
      'If you have questions about any of these steps, you can call Acme Clinic at (555) 010-0199.',
    );
    expect(phoneSentence.querySelector('a')!.getAttribute('href')).to.equal('tel:5550100199');
    expect($(el, 'a[data-hearth-href]')!.getAttribute('href')).to.equal('https://acme.example/book');
    // The brand changes later: the content follows.
    el.setAttribute('config', JSON.stringify({ brand: { name: 'Beta Health' } }));
    await el.updateComplete;
    expect($(el, '[data-hearth-slot="brand.name"]')!.textContent).to.equal('Beta Health');
    expect($(el, 'a[data-hearth-href]')!.hasAttribute('href')).to.be.false;
  });

  it('emits hearth-guide-load with the sections', async () => {
    const el = document.createElement('hearth-guide');
    setTimeout(() => document.body.append(el));
    const event = await oneEvent(el, 'hearth-guide-load');
    expect(event.detail.source).to.equal('pack');
    expect(event.detail.lang).to.equal('en');
    expect(event.detail.sections.map((s: { id: string }) => s.id)).to.have.length(7);
    expect(event.detail.sections[0]).to.deep.equal({ id: 'what-is-ptsd', title: 'What PTSD is' });
    el.remove();
  });

  it('turns the link to #hearth-assessment into a call to action that emits hearth-cta', async () => {
    const el = await ready(await fixture<HearthGuide>(html`<hearth-guide></hearth-guide>`));
    const cta = $(el, 'a[data-hearth-cta]')!;
    expect(cta.textContent).to.equal('Take the free 3-minute self-assessment');
    expect(cta.getBoundingClientRect().height).to.be.at.least(44);
    const handler = (event: Event) => event.preventDefault();
    document.addEventListener('hearth-cta', handler);
    const { result: event, warnings } = await captureConsole(() => {
      setTimeout(() => {
        cta.focus();
        void sendKeys({ press: 'Enter' });
      });
      return oneEvent(document, 'hearth-cta');
    });
    document.removeEventListener('hearth-cta', handler);
    expect(event.detail).to.deep.equal({ widget: 'guide', action: 'assessment', href: '#hearth-assessment' });
    expect(event.composed).to.be.true;
    // The listener took over, so the page did not jump to #hearth-assessment.
    expect(location.hash).to.equal('');
    // Nobody used the old name, so nothing about it is logged.
    expect(warnings.flat().filter((m) => String(m).includes('hearth-guide-cta'))).to.deep.equal([]);
  });

  it('still fires the deprecated hearth-guide-cta, and warns once when a listener uses it', async () => {
    const el = await ready(await fixture<HearthGuide>(html`<hearth-guide></hearth-guide>`));
    const cta = $(el, 'a[data-hearth-cta]')!;
    const details: unknown[] = [];
    const handler = (event: Event) => {
      details.push((event as CustomEvent).detail);
      event.preventDefault();
    };
    document.addEventListener('hearth-guide-cta', handler);
    const { warnings } = await captureConsole(async () => {
      cta.click();
      cta.click();
    });
    document.removeEventListener('hearth-guide-cta', handler);
    expect(details).to.deep.equal([{ target: 'assessment' }, { target: 'assessment' }]);
    expect(location.hash).to.equal('');
    expect(warnings.flat().filter((m) => String(m).includes('"hearth-guide-cta" is deprecated'))).to.have.length(1);
  });

  it('switches to Spanish with the page language and loads the Spanish guide', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><hearth-guide toc></hearth-guide></div>`);
    const el = await ready(wrapper.querySelector('hearth-guide')!);
    wrapper.lang = 'es';
    await waitUntil(() => text(el, '.content h2') === 'Qué es el TEPT', 'Spanish guide');
    await el.updateComplete;
    expect($(el, 'article')!.lang).to.equal('es');
    expect(text(el, '#hearth-guide-toc-title')).to.equal('En esta página');
    expect(text(el, '[part="reviewed"]')).to.equal('Revisado por Equipo editorial de Hearth el 20 de noviembre de 2026');
    expect(text(el, '.callout--warning .callout__title')).to.equal('Advertencia');
    expect($$(el, '.content h2').map((h) => h.id)).to.include('side-effects-and-safety');
    await expect(el).to.be.accessible();
  });

  it('uses a partner copy override for the callout labels', async () => {
    const el = await ready(
      await fixture<HearthGuide>(html`<hearth-guide config='{"copy":{"en":{"guide:alert.warning":"Safety first"}}}'></hearth-guide>`),
    );
    expect(text(el, '.callout--warning .callout__title')).to.equal('Safety first');
  });

  it('follows a #section deep link on hash change', async () => {
    const el = await ready(await fixture<HearthGuide>(html`<hearth-guide></hearth-guide>`));
    location.hash = '#at-home-program';
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'at-home-program', 'deep link focused');
  });

  describe('src Markdown', () => {
    it('fetches, sanitizes and renders a Markdown file with its front matter', async () => {
      const el = await fixture<HearthGuide>(
        html`<hearth-guide toc src="${FIXTURES}/partner-guide.md" config='{"brand":{"name":"Acme"}}'></hearth-guide>`,
      );
      const event = await oneEvent(el, 'hearth-guide-load');
      expect(event.detail.source).to.equal('src');
      // The file's "#" becomes the host's h2 (heading-level 2); its "##" an h3.
      expect(text(el, '.content h2#welcome')).to.equal('Welcome to Acme');
      expect($(el, '.content h3#details')).to.exist;
      expect(text(el, '[part="reviewed"]')).to.equal('Medically reviewed by Dana Rivera, MD on October 1, 2026');
      // Only https sources are listed.
      expect($$(el, '.sources li a').map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.org/source']);
      const img = $(el, '.content img')!;
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('alt')).to.equal('A calm room with two chairs');
      expect(text(el, '.callout--tip .callout__title')).to.equal('Tip');
      expect($(el, '.table-scroll[role="region"][tabindex="0"]')!.getAttribute('aria-label')).to.equal('Option, Price');
      expect($$(el, 'nav.toc a').map((a) => a.getAttribute('href'))).to.deep.equal(['#welcome', '#details']);
      await expect(el).to.be.accessible();
    });

    it('replaces {lang} in src with the language', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="es"><hearth-guide src="${FIXTURES}/lang-{lang}.md"></hearth-guide></div>`,
      );
      const el = await ready(wrapper.querySelector('hearth-guide')!);
      await waitUntil(() => text(el, '.content h2') === 'Bienvenida', 'Spanish file');
      wrapper.lang = 'en';
      await waitUntil(() => text(el, '.content h2') === 'Welcome', 'English file');
    });

    it('shows a readable error with a retry button when the fetch fails, and recovers', async () => {
      const { result: el, errors } = await captureConsole(async () =>
        ready(await fixture<HearthGuide>(html`<hearth-guide src="${FIXTURES}/missing.md"></hearth-guide>`)),
      );
      const alert = $(el, '[role="alert"]')!;
      expect(alert.textContent).to.contain('The guide could not be loaded. Please check your connection and try again.');
      expect(alert.textContent).to.contain('404');
      expect(alert.querySelector('a[href="tel:988"]')).to.exist;
      expect(errors.length).to.equal(1);
      expect(String(errors[0]![0])).to.contain('missing.md');
      await expect(el).to.be.accessible();
      const retry = $(el, '[part="retry"]')!;
      expect(retry.textContent!.trim()).to.equal('Try again');
      el.src = `${FIXTURES}/partner-guide.md`;
      await waitUntil(() => $(el, '.content h2#welcome'), 'recovered');
    });

    it('retries the same src with the retry button', async () => {
      let calls = 0;
      const original = window.fetch;
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        if (!String(input).includes('partner-guide')) return original(input, init);
        calls++;
        return calls === 1 ? Promise.reject(new TypeError('Failed to fetch')) : original(input, init);
      };
      try {
        const { result: el } = await captureConsole(async () =>
          ready(await fixture<HearthGuide>(html`<hearth-guide src="${FIXTURES}/partner-guide.md"></hearth-guide>`)),
        );
        expect($(el, '[role="alert"]')!.textContent).to.contain('could not be loaded');
        $(el, '[part="retry"]')!.click();
        await waitUntil(() => $(el, '.content h2#welcome'), 'loaded on retry');
        expect(calls).to.equal(2);
      } finally {
        window.fetch = original;
      }
    });

    it('says the guide is empty instead of showing a blank box', async () => {
      const { result: el } = await captureConsole(async () =>
        ready(await fixture<HearthGuide>(html`<hearth-guide src="${FIXTURES}/empty.md"></hearth-guide>`)),
      );
      expect($(el, '[role="alert"]')!.textContent).to.contain('This guide has no content yet.');
      expect($(el, '[part="retry"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('refuses a src that is not https', async () => {
      const { result: el } = await captureConsole(async () =>
        ready(await fixture<HearthGuide>(html`<hearth-guide src="http://example.org/guide.md"></hearth-guide>`)),
      );
      expect($(el, '[role="alert"]')!.textContent).to.contain('must be an https: URL');
    });
  });

  describe('inline Markdown', () => {
    it('renders an indented <script type="text/markdown"> child and follows changes to it', async () => {
      const el = await ready(
        await fixture<HearthGuide>(
          html`<hearth-guide>
            <script type="text/markdown">
              ## Inline title

              Some **bold** text and a [call to action](#hearth-assessment).
            </script>
          </hearth-guide>`,
        ),
      );
      expect(text(el, '.content h2')).to.equal('Inline title');
      expect(text(el, '.content strong')).to.equal('bold');
      expect($(el, 'a[data-hearth-cta]')).to.exist;
      expect($(el, '.content pre')).to.equal(null);
      el.querySelector('script')!.textContent = '## Changed';
      await waitUntil(() => text(el, '.content h2') === 'Changed', 'followed the change');
    });

    it('accepts Markdown as a property', async () => {
      const el = await fixture<HearthGuide>(html`<hearth-guide .markdown=${'## From a property'}></hearth-guide>`);
      await waitUntil(() => text(el, '.content h2') === 'From a property', 'rendered');
    });

    it('rejects an unknown content pack with a readable message', async () => {
      const { result: el } = await captureConsole(async () =>
        ready(await fixture<HearthGuide>(html`<hearth-guide content="nope"></hearth-guide>`)),
      );
      expect($(el, '[role="alert"]')!.textContent).to.contain(`content="nope" is not a known content pack`);
    });
  });
});
