import { expect, fixture, html, waitUntil, aTimeout } from '@open-wc/testing';
import { markdownToFragment } from '../src/markdown/index.js';
import '../../guide/src/define.js';
import type { HearthGuide } from '../../guide/src/index.js';

declare global {
  interface Window {
    __xss?: unknown;
  }
}

/**
 * Hostile Markdown: every payload sets window.__xss if any of it runs. The suite asserts that the
 * flag stays unset, and that nothing dangerous is left in the DOM for a later script to use.
 */
const PAYLOADS: [name: string, markdown: string][] = [
  ['script tag', '<script>window.__xss = "script"</script>\n\nText after.'],
  ['script tag inline', 'Hello <script>window.__xss = "inline script"</script> world'],
  ['img onerror', '<img src="x" onerror="window.__xss = \'onerror\'">'],
  ['img onerror, unquoted', '<img src=x onerror=window.__xss=1>'],
  ['markdown image onerror via title', '![alt](x "title\\" onerror=\\"window.__xss=1")'],
  ['javascript: link', '[click me](javascript:window.__xss="js-link")'],
  ['javascript: link, mixed case', '[click me](JaVaScRiPt:window.__xss="js-case")'],
  ['javascript: link, entity-encoded', '[click me](&#106;avascript:window.__xss="js-entity")'],
  ['javascript: link in HTML with a tab', '<a href="java&#x09;script:window.__xss=\'tab\'">click</a>'],
  ['javascript&colon; in HTML', '<a href="javascript&colon;window.__xss=\'colon\'">click</a>'],
  ['javascript: reference link', '[click][evil]\n\n[evil]: javascript:window.__xss="ref"'],
  ['javascript: autolink', '<javascript:window.__xss="autolink">'],
  ['vbscript: link', '[click](vbscript:msgbox("x"))'],
  ['data: link', '[click](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)'],
  ['data: image', '![an image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9IndpbmRvdy5fX3hzcz0xIi8+)'],
  ['data: image in HTML', '<img alt="x" src="data:image/svg+xml,<svg onload=window.__xss=1>">'],
  ['SVG onload', '<svg onload="window.__xss=\'svg\'"><circle r="10"></circle></svg>'],
  ['SVG script', '<svg><script>window.__xss="svg script"</script></svg>'],
  ['SVG animate href', '<svg><a><animate attributeName="href" values="javascript:window.__xss=1"/><text y="20">x</text></a></svg>'],
  ['SVG foreignObject', '<svg><foreignObject><img src=x onerror=window.__xss=1></foreignObject></svg>'],
  [
    'MathML mutation XSS',
    '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=window.__xss=1&gt;">',
  ],
  ['noscript mutation XSS', '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>"></noscript>'],
  ['form/math mutation XSS', '<form><math><mtext></form><form><mglyph><style></math><img src onerror=window.__xss=1>'],
  ['svg/style mutation XSS', '<svg></p><style><a id="</style><img src=1 onerror=window.__xss=1>">'],
  ['template content', '<template><img src=x onerror=window.__xss=1></template>'],
  ['iframe src', '<iframe src="javascript:window.__xss=\'iframe\'"></iframe>'],
  ['iframe srcdoc', '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>'],
  ['object data', '<object data="javascript:window.__xss=1"></object>'],
  ['embed src', '<embed src="javascript:window.__xss=1">'],
  ['form action', '<form action="javascript:window.__xss=1"><button>Send</button></form>'],
  ['input autofocus onfocus', '<input autofocus onfocus="window.__xss=1">'],
  ['button formaction', '<button formaction="javascript:window.__xss=1">go</button>'],
  ['details ontoggle', '<details open ontoggle="window.__xss=1"><summary>x</summary>y</details>'],
  ['onclick on a link', '<a href="#top" onclick="window.__xss=\'click\'">click</a>'],
  ['style attribute', '<p style="position:fixed;inset:0;background:url(javascript:window.__xss=1)">covered</p>'],
  ['style element', '<style>* { display: none } @import "javascript:window.__xss=1";</style>'],
  ['link stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css">'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">'],
  ['base href', '<base href="javascript:/">[relative](x)'],
  ['srcset', '<img alt="x" src="https://example.org/a.png" srcset="javascript:window.__xss=1 1x">'],
  ['opener link', '<a href="https://example.org" target="_blank" rel="opener">ok</a>'],
  ['placeholder marker smuggling a URL', '<a data-hearth-href="brand.bookingUrl" href="javascript:window.__xss=1">book</a>'],
];

const DANGEROUS_TAGS =
  'script, style, iframe, frame, object, embed, form, input, button, textarea, select, svg, math, template, link, meta, base, noscript';

/** Everything in `root` a later script could abuse. */
function leftovers(root: ParentNode): string[] {
  const found: string[] = [];
  for (const element of Array.from(root.querySelectorAll(DANGEROUS_TAGS))) found.push(`<${element.localName}>`);
  for (const element of Array.from(root.querySelectorAll('*'))) {
    for (const name of element.getAttributeNames()) {
      const value = element.getAttribute(name) ?? '';
      if (name.startsWith('on')) found.push(`${name} on <${element.localName}>`);
      if (name === 'style' || name === 'srcset' || name === 'srcdoc' || name === 'formaction' || name === 'action')
        found.push(`${name} on <${element.localName}>`);
      // eslint-disable-next-line no-control-regex
      const url = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if ((name === 'href' || name === 'src' || name === 'xlink:href') && /^(javascript|data|vbscript):/.test(url))
        found.push(`${name}="${value}"`);
      if (name === 'target' && element.getAttribute('rel') !== 'noopener noreferrer') found.push('target without rel=noopener');
    }
  }
  return found;
}

describe('sanitization of Markdown', () => {
  before(() => {
    delete window.__xss;
  });

  after(async () => {
    // Some payloads would only fire after a network error or a tick: give them the chance.
    await aTimeout(300);
    expect(window.__xss, 'a payload ran').to.equal(undefined);
  });

  it('is accessible (the guide renders a hostile document readably)', async () => {
    const el = await fixture<HearthGuide>(
      html`<hearth-guide .markdown=${PAYLOADS.map(([name, md]) => `## ${name}\n\n${md}\n`).join('\n')}></hearth-guide>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('.content h2'), 'rendered');
    // image-alt: the payloads' images have no alt on purpose (the sanitizer does not invent one).
    await expect(el).to.be.accessible({ ignoredRules: ['image-alt'] });
  });

  for (const [name, markdown] of PAYLOADS) {
    it(`neutralizes ${name}`, async () => {
      // Through the widget, as a partner's Markdown would come.
      const el = await fixture<HearthGuide>(html`<hearth-guide .markdown=${`Before.\n\n${markdown}\n\nAfter.`}></hearth-guide>`);
      await waitUntil(() => el.shadowRoot!.querySelector('.content p, [role="alert"]'), 'rendered');
      const content = el.shadowRoot!.querySelector('.content');
      expect(content, 'content rendered, not an error').to.exist;
      expect(leftovers(el.shadowRoot!)).to.deep.equal([]);
      expect(content!.textContent).to.contain('Before.');
      // Clicking every link does nothing dangerous either.
      for (const link of Array.from(content!.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
        if (link.target !== '_blank') link.addEventListener('click', (event) => event.preventDefault(), { once: true });
        if (link.target !== '_blank') link.click();
      }
      // And straight through the pipeline, into the live document.
      const { fragment } = markdownToFragment(markdown);
      const holder = document.createElement('div');
      holder.append(fragment);
      document.body.append(holder);
      expect(leftovers(holder)).to.deep.equal([]);
      await aTimeout(20);
      holder.remove();
      expect(window.__xss, `${name} ran`).to.equal(undefined);
    });
  }

  it('keeps what is safe: text, https links (with rel), images with alt, tables', async () => {
    const { fragment } = markdownToFragment(
      'Hi **there** [ok](https://example.org) ![a cat](https://example.org/cat.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |',
    );
    const holder = document.createElement('div');
    holder.append(fragment);
    expect(holder.querySelector('strong')!.textContent).to.equal('there');
    expect(holder.querySelector('a')!.getAttribute('href')).to.equal('https://example.org');
    expect(holder.querySelector('a')!.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(holder.querySelector('img')!.getAttribute('alt')).to.equal('a cat');
    expect(holder.querySelector('.table-scroll table')).to.exist;
  });
});
