import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setLocale } from '@hearth/core';
import '../src/define.js';
import type { Hearth__Name__ } from '../src/index.js';

const $ = (el: Hearth__Name__, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const text = (el: Hearth__Name__, selector: string) => $(el, selector).textContent!.trim();

describe('<hearth-__name__>', () => {
  afterEach(() => setLocale(undefined));

  it('is accessible, with the details hidden and shown', async () => {
    const el = await fixture<Hearth__Name__>(html`<hearth-__name__><p>The details.</p></hearth-__name__>`);
    await expect(el).to.be.accessible();
    $(el, '[part="toggle"]').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('shows its heading and text in English', async () => {
    const el = await fixture<Hearth__Name__>(html`<hearth-__name__></hearth-__name__>`);
    expect(text(el, '[part="heading"]')).to.equal('__title__');
    expect(text(el, '[part="body"]')).to.equal('Replace this text with what the widget says.');
    expect(text(el, '[part="toggle"]')).to.equal('Show details');
  });

  it('takes its heading from the heading attribute', async () => {
    const el = await fixture<Hearth__Name__>(html`<hearth-__name__ heading="Our clinic"></hearth-__name__>`);
    expect(text(el, '[part="heading"]')).to.equal('Our clinic');
  });

  it('lets a partner override its heading through config copy', async () => {
    const config = JSON.stringify({ copy: { en: { '__name__:title': 'Our clinic' } } });
    const el = await fixture<Hearth__Name__>(html`<hearth-__name__ config=${config}></hearth-__name__>`);
    expect(text(el, '[part="heading"]')).to.equal('Our clinic');
  });

  it('shows and hides the details with the button, and says so with aria-expanded and an event', async () => {
    const el = await fixture<Hearth__Name__>(html`<hearth-__name__><p>The details.</p></hearth-__name__>`);
    const button = $(el, '[part="toggle"]');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '[part="details"]').hidden).to.be.true;
    setTimeout(() => button.click());
    const shown = await oneEvent(el, 'hearth-__name__-toggle');
    expect(shown.detail).to.deep.equal({ open: true });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect($(el, '[part="details"]').hidden).to.be.false;
    expect(text(el, '[part="toggle"]')).to.equal('Hide details');
  });

  it('speaks Spanish inside a page in Spanish', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><hearth-__name__></hearth-__name__></div>`);
    const el = wrapper.querySelector<Hearth__Name__>('hearth-__name__')!;
    await waitUntil(() => text(el, '[part="toggle"]') === 'Mostrar detalles', 'Spanish strings');
    expect($(el, '.hearth-root').lang).to.equal('es');
  });
});
