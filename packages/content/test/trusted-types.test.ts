import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../guide/src/define.js';
import type { HearthGuide } from '../../guide/src/index.js';
import { sanitizeToFragment, renderMarkdown, markdownToFragment } from '../src/markdown/index.js';
import { htmlToFragment } from '../src/index.js';
import { guide as enGuide } from '../../content-ptsd/src/generated/en.js';

interface TTWindow extends Window {
  violations: string[];
  trustedTypes?: unknown;
}

/**
 * A page that enforces Trusted Types: a meta CSP cannot be added to this test page after load,
 * so each test gets a same-origin iframe whose own policy enforces them. The iframe's window is
 * handed to the sanitizer, exactly as a widget inside that page would use it.
 */
async function trustedTypesFrame(policy: string, body = ''): Promise<{ win: TTWindow; doc: Document; iframe: HTMLIFrameElement }> {
  const iframe = document.createElement('iframe');
  iframe.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="${policy}">
    <script>window.violations = []; document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + e.sample));</script>
    </head><body>${body}</body></html>`;
  document.body.append(iframe);
  await new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  return { win: iframe.contentWindow as TTWindow, doc: iframe.contentDocument!, iframe };
}

const SAMPLE =
  '## Safety {#safety}\n\n> [!WARNING]\n> Do not drive.\n\n<img src=x onerror="parent.__ttxss=1"> [ok](https://example.org) [bad](javascript:parent.__ttxss=2)';

describe('Trusted Types', () => {
  afterEach(() => {
    for (const iframe of Array.from(document.querySelectorAll('iframe'))) iframe.remove();
  });

  it('is accessible (a guide rendered from Markdown)', async () => {
    const el = await fixture<HearthGuide>(html`<hearth-guide .markdown=${SAMPLE}></hearth-guide>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.content h2'), 'rendered');
    // image-alt: the sample is hostile Markdown whose <img> has no alt on purpose.
    await expect(el).to.be.accessible({ ignoredRules: ['image-alt'] });
  });

  it('the test frame really enforces them', async () => {
    const { doc, win } = await trustedTypesFrame("require-trusted-types-for 'script'");
    expect(win.trustedTypes).to.exist;
    expect(() => {
      doc.body.innerHTML = '<b>x</b>';
    }).to.throw(/TrustedHTML/);
  });

  it('sanitizes into nodes with the "hearth" policy when the page allows it', async () => {
    const { win, doc } = await trustedTypesFrame("require-trusted-types-for 'script'; trusted-types hearth");
    const { html } = renderMarkdown(SAMPLE);
    const fragment = sanitizeToFragment(html, win);
    doc.body.append(fragment);
    expect(doc.querySelector('h2#safety')!.textContent).to.equal('Safety');
    expect(doc.querySelector('.callout--warning')).to.exist;
    expect(doc.querySelector('img')!.hasAttribute('onerror')).to.be.false;
    expect(doc.querySelectorAll('a[href]')).to.have.length(1);
    expect(win.violations).to.deep.equal([]);
    expect((window as unknown as { __ttxss?: unknown }).__ttxss).to.equal(undefined);
  });

  it('falls back to DOMPurify\'s own policy when only "dompurify" is allowed', async () => {
    const { win, doc } = await trustedTypesFrame("require-trusted-types-for 'script'; trusted-types dompurify");
    const warn = console.warn;
    console.warn = () => {};
    try {
      const { fragment } = markdownToFragment(SAMPLE, { win });
      doc.body.append(fragment);
    } finally {
      console.warn = warn;
    }
    expect(doc.querySelector('h2#safety')).to.exist;
    expect(doc.querySelector('img')!.hasAttribute('onerror')).to.be.false;
    // The refused "hearth" policy is the only violation; nothing was blocked while sanitizing.
    expect(win.violations.every((v) => v.startsWith('trusted-types'))).to.be.true;
  });

  it('says how to fix the CSP when no policy is allowed at all', async () => {
    const { win } = await trustedTypesFrame("require-trusted-types-for 'script'; trusted-types 'none'");
    const warn = console.warn;
    console.warn = () => {};
    try {
      expect(() => markdownToFragment(SAMPLE, { win })).to.throw(/Add "hearth" to the trusted-types directive/);
    } finally {
      console.warn = warn;
    }
  });

  it('builds the compiled default guide without any HTML sink or policy', async () => {
    const { win, doc } = await trustedTypesFrame("require-trusted-types-for 'script'; trusted-types 'none'");
    doc.body.append(htmlToFragment(enGuide.html, doc));
    expect(doc.querySelectorAll('h2')).to.have.length(7);
    expect(doc.querySelector('a[data-hearth-cta]')).to.exist;
    expect(win.violations).to.deep.equal([]);
  });

  it('runs the widgets themselves in a page that enforces Trusted Types', async () => {
    const { win, doc } = await trustedTypesFrame(
      "require-trusted-types-for 'script'; trusted-types lit-html hearth dompurify",
      `<hearth-guide id="pack" toc></hearth-guide>
       <hearth-guide id="inline"><script type="text/markdown">## Inline {#inline}\n\n<img src=x onerror="parent.__ttxss=3">Text</script></hearth-guide>
       <hearth-faq></hearth-faq>
       <script type="module" src="/packages/guide/src/define.ts"></script>
       <script type="module" src="/packages/faq/src/define.ts"></script>`,
    );
    await waitUntil(() => doc.querySelector('#pack')?.shadowRoot?.querySelector('.content h2'), 'default guide rendered', {
      timeout: 10000,
    });
    const inline = doc.querySelector('#inline')!;
    await waitUntil(() => inline.shadowRoot?.querySelector('.content h2#inline'), 'inline Markdown rendered', { timeout: 10000 });
    expect(inline.shadowRoot!.querySelector('img')!.hasAttribute('onerror')).to.be.false;
    const faq = doc.querySelector('hearth-faq')!;
    await waitUntil(() => faq.querySelector('script[type="application/ld+json"]'), 'FAQ JSON-LD written', { timeout: 10000 });
    expect(JSON.parse(faq.querySelector('script[type="application/ld+json"]')!.textContent!)['@type']).to.equal('FAQPage');
    expect(win.violations).to.deep.equal([]);
    expect((window as unknown as { __ttxss?: unknown }).__ttxss).to.equal(undefined);
  });
});
