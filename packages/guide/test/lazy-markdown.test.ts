import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import '../../faq/src/define.js';
import type { HearthGuide } from '../src/index.js';
import type { HearthFaq } from '../../faq/src/index.js';

// This file imports nothing from @hearth/content/markdown: what the page downloads is what the widgets asked for.
const markdownModules = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => /\/(marked|dompurify)\/|content\/src\/markdown\//.test(name));

describe('lazy Markdown', () => {
  it('is accessible', async () => {
    const el = await fixture<HearthGuide>(html`<hearth-guide></hearth-guide>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.content h2'), 'rendered');
    await expect(el).to.be.accessible();
  });

  it('pages with only the default content never download marked or DOMPurify', async () => {
    const guide = await fixture<HearthGuide>(html`<hearth-guide toc></hearth-guide>`);
    const faq = await fixture<HearthFaq>(html`<hearth-faq searchable></hearth-faq>`);
    await waitUntil(() => guide.shadowRoot!.querySelector('.content h2') && faq.items.length, 'rendered');
    expect(markdownModules()).to.deep.equal([]);
  });

  it('downloads them the first time Markdown has to be rendered', async () => {
    const guide = await fixture<HearthGuide>(html`<hearth-guide .markdown=${'## Now Markdown'}></hearth-guide>`);
    await waitUntil(() => guide.shadowRoot!.querySelector('.content h2'), 'rendered');
    const loaded = markdownModules();
    expect(loaded.some((name) => name.includes('/marked/'))).to.be.true;
    expect(loaded.some((name) => name.includes('/dompurify/'))).to.be.true;
  });
});
