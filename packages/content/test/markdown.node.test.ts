import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { parse as parseYaml } from 'yaml';
import { renderMarkdown } from '../src/markdown/render.js';
import { sanitizeToHtml } from '../src/markdown/sanitize.js';
import { splitFrontMatter, FrontMatterError } from '../src/markdown/front-matter.js';
import { readFrontMatter } from '../src/markdown/index.js';
import { htmlToFragment } from '../src/runtime/fragment.js';
import { fillPlaceholders, fillPlaceholderText, telHref } from '../src/runtime/placeholders.js';
import { plainText } from '../src/runtime/text.js';
import { shiftHeadings, splitFaq, tableOfContents } from '../src/runtime/structure.js';
import { isAllowedUrl } from '../src/allow-list.js';
import { slugify, Slugger } from '../src/slug.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The default pack's Markdown: real content the pipeline must handle. */
const PACK_CONTENT = join(here, '..', '..', 'content-ptsd', 'content');
const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const { document } = window;

/** Markdown → sanitized HTML in a detached div, as the build does. */
function render(markdown: string, options: Parameters<typeof renderMarkdown>[1] = {}): HTMLDivElement {
  const div = document.createElement('div');
  div.innerHTML = sanitizeToHtml(renderMarkdown(markdown, options).html, window);
  return div;
}

describe('Markdown pipeline', () => {
  test('headings: {#id} wins, others get unique slugs, explicit ids are reserved first', () => {
    const { headings } = renderMarkdown('## Costs\n\n## ¿Cuánto cuesta? {#cost}\n\n## Costs\n\n### Sub {#costs}');
    assert.deepEqual(
      headings.map((h) => [h.id, h.text, h.depth, h.explicitId]),
      [
        ['costs-2', 'Costs', 2, false],
        ['cost', '¿Cuánto cuesta?', 2, true],
        ['costs-3', 'Costs', 2, false],
        ['costs', 'Sub', 3, true],
      ],
    );
    const div = render('## ¿Cuánto cuesta? {#cost}');
    assert.equal(div.innerHTML.trim(), '<h2 id="cost">¿Cuánto cuesta?</h2>');
  });

  test('ids named like document properties survive; images never get an id', () => {
    const div = render('## Images\n\n## Title {#title}\n\n<img id="cookie" src="https://example.org/a.png" alt="a">');
    assert.deepEqual(
      [...div.querySelectorAll('h2')].map((h) => h.id),
      ['images', 'title'],
    );
    assert.equal(div.querySelector('img')!.hasAttribute('id'), false);
  });

  test('heading-level shift, clamped to h1–h6', () => {
    assert.match(
      render('# A\n\n## B\n\n###### F', { headingShift: 2 }).innerHTML,
      /<h3 id="a">A<\/h3>\n<h4 id="b">B<\/h4>\n<h6 id="f">F<\/h6>/,
    );
    assert.match(render('## B', { headingShift: -5 }).innerHTML, /<h1 id="b">B<\/h1>/);
    const div = render('## B\n\n### C');
    shiftHeadings(div, 1);
    assert.equal(div.querySelector('h3')!.id, 'b');
    assert.equal(div.querySelector('h4')!.id, 'c');
  });

  test('GitHub alerts become callouts with a translated title; a plain quote stays a quote', () => {
    const div = render('> [!WARNING]\n> Do **not** drive.\n\n> [!tip]\n>\n> Rest.\n\n> Just a quote', {
      labels: { warning: 'Advertencia' },
    });
    const [warning, tip] = [...div.querySelectorAll('.callout')];
    assert.equal(warning!.getAttribute('role'), 'note');
    assert.equal(warning!.querySelector('.callout__title')!.textContent, 'Advertencia');
    assert.equal(warning!.querySelector('p:not(.callout__title)')!.innerHTML, 'Do <strong>not</strong> drive.');
    assert.equal(tip!.getAttribute('data-hearth-callout'), 'tip');
    assert.equal(tip!.querySelector('.callout__title')!.textContent, 'Tip');
    assert.equal(div.querySelector('blockquote')!.textContent!.trim(), 'Just a quote');
  });

  test('external links open safely with a hidden hint; internal ones stay plain', () => {
    const div = render('[A](https://example.org/a) [B](#b) [C](/c) [D](mailto:x@example.org) [E](tel:988)');
    const [a, b, c, d, e] = [...div.querySelectorAll('a')];
    assert.equal(a!.getAttribute('rel'), 'noopener noreferrer');
    assert.equal(a!.getAttribute('target'), '_blank');
    assert.equal(a!.querySelector('[data-hearth-label="newTab"]')!.textContent, ' (opens in a new tab)');
    for (const link of [b, c, d, e]) assert.equal(link!.hasAttribute('target'), false);
    assert.equal(e!.getAttribute('href'), 'tel:988');
  });

  test('dangerous link and image targets are dropped, keeping the words', () => {
    const div = render('[x](javascript:alert(1)) [y](data:text/html,hi) ![z](data:image/png;base64,AAAA) [w](vbscript:x)');
    assert.equal(div.querySelector('a'), null);
    assert.equal(div.querySelector('img'), null);
    assert.equal(div.textContent!.trim(), 'x y z w');
  });

  test('images lazy-load; tables scroll in a labelled, focusable region', () => {
    const div = render('![A calm room](https://example.org/room.jpg)\n\n| Drug | Dose |\n| --- | ---: |\n| A | 1 |');
    const img = div.querySelector('img')!;
    assert.equal(img.getAttribute('loading'), 'lazy');
    assert.equal(img.getAttribute('alt'), 'A calm room');
    const region = div.querySelector('.table-scroll')!;
    assert.deepEqual(
      [region.getAttribute('role'), region.getAttribute('tabindex'), region.getAttribute('aria-label')],
      ['region', '0', 'Drug, Dose'],
    );
    assert.equal(region.querySelector('th[scope="col"][align="right"]')!.textContent, 'Dose');
  });

  test('placeholders become markers; the call to action and the booking link are marked', () => {
    const div = render(
      'Call {{brand.name}}{{#brand.phone}} at {{brand.phone}}{{/brand.phone}}. [Book]({{brand.bookingUrl}}) [Start](#hearth-assessment) {{brand.unknown}}',
    );
    assert.equal(div.querySelectorAll('[data-hearth-slot]').length, 2);
    assert.equal(div.querySelector('[data-hearth-if]')!.getAttribute('data-hearth-if'), 'brand.phone');
    assert.equal(div.querySelector('a[data-hearth-href]')!.hasAttribute('href'), false);
    assert.equal(div.querySelector('a[data-hearth-cta="assessment"]')!.getAttribute('href'), '#hearth-assessment');
    assert.match(div.textContent!, /\{\{brand\.unknown\}\}/);
  });

  test('placeholders are filled with text only, and the booking link only when it is safe', () => {
    const div = render('Call {{brand.name}}{{#brand.phone}} at {{brand.phone}}{{/brand.phone}}. [Book]({{brand.bookingUrl}})');
    fillPlaceholders(div, { name: '<b>Acme</b>', bookingUrl: 'javascript:alert(1)' });
    assert.equal(div.querySelector('[data-hearth-slot="brand.name"]')!.innerHTML, '&lt;b&gt;Acme&lt;/b&gt;');
    assert.equal((div.querySelector('[data-hearth-if]') as HTMLElement).hidden, true);
    assert.equal(div.querySelector('a')!.hasAttribute('href'), false);
    fillPlaceholders(div, { name: 'Acme', phone: '+1 (555) 010-0199', bookingUrl: 'https://acme.example/book' });
    assert.equal((div.querySelector('[data-hearth-if]') as HTMLElement).hidden, false);
    assert.equal(div.querySelector('[data-hearth-slot="brand.phone"] a')!.getAttribute('href'), 'tel:+15550100199');
    assert.equal(div.querySelector('a[data-hearth-href]')!.getAttribute('href'), 'https://acme.example/book');
    assert.equal(div.textContent!.trim(), 'Call Acme at +1 (555) 010-0199. Book');
    assert.equal(telHref('x'), undefined);
  });

  test('plain text keeps placeholders for later, leaves out hidden hints, and fills as text', () => {
    const div = render('Call {{brand.name}}{{#brand.phone}} at {{brand.phone}}{{/brand.phone}}, see [VA](https://va.gov).\n\n- one\n- two');
    const text = plainText(div);
    assert.equal(text, 'Call {{brand.name}}{{#brand.phone}} at {{brand.phone}}{{/brand.phone}}, see VA.\none\ntwo');
    assert.equal(fillPlaceholderText(text, { name: 'Acme' }), 'Call Acme, see VA.\none\ntwo');
    assert.equal(fillPlaceholderText(text, { name: 'Acme', phone: '555' }), 'Call Acme at 555, see VA.\none\ntwo');
  });

  test('FAQ Markdown splits into questions at the shallowest heading', () => {
    const div = render('Intro.\n\n## One? {#one}\n\nA1.\n\n### Detail\n\nD.\n\n## Two?\n\nA2.');
    const sections = splitFaq(div);
    assert.deepEqual(
      sections.map((s) => [s.slug, s.question, plainText(s.answer)]),
      [
        ['one', 'One?', 'A1.\nDetail\nD.'],
        ['two', 'Two?', 'A2.'],
      ],
    );
  });

  test('the table of contents lists headings with ids, down to h3', () => {
    const div = render('## A\n\n### B\n\n#### C');
    assert.deepEqual(tableOfContents(div), [
      { id: 'a', text: 'A', depth: 2 },
      { id: 'b', text: 'B', depth: 3 },
    ]);
  });

  test('slugs', () => {
    assert.equal(slugify('¿Qué es el TEPT?'), 'que-es-el-tept');
    assert.equal(slugify('!!!'), 'section');
    const slugger = new Slugger();
    assert.equal(slugger.reserve('a'), true);
    assert.equal(slugger.reserve('a'), false);
    assert.equal(slugger.unique('A'), 'a-2');
  });

  test('allowed URLs', () => {
    for (const url of ['https://x.org', 'http://x.org', '/a', 'a.md', '#x', 'mailto:a@b.c', 'tel:988', 'sms:988'])
      assert.ok(isAllowedUrl(url), url);
    for (const url of [
      'javascript:alert(1)',
      ' JAVA\tSCRIPT:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'blob:https://x/y',
      'file:///etc/passwd',
    ])
      assert.ok(!isAllowedUrl(url), url);
    assert.ok(!isAllowedUrl('tel:988', 'image'));
  });
});

describe('compiled HTML → DOM without an HTML parser', () => {
  test('round-trips the real compiled content exactly', () => {
    for (const lang of ['en', 'es']) {
      for (const kind of ['guide', 'faq']) {
        const source = readFileSync(join(PACK_CONTENT, lang, `${kind}.md`), 'utf8');
        const html = sanitizeToHtml(renderMarkdown(splitFrontMatter(source).body).html, window);
        const div = document.createElement('div');
        div.append(htmlToFragment(html, document));
        assert.equal(div.innerHTML, html, `${lang}/${kind}`);
      }
    }
  });

  test('decodes entities and still drops what is not allowed', () => {
    const div = document.createElement('div');
    div.append(
      htmlToFragment(
        '<p title="a &quot;b&quot; &amp; c">1 &lt; 2 &#x263A; &#9731;&nbsp;x</p><script>alert(1)</script><img src="javascript:alert(1)" alt="x" onerror="alert(1)"><iframe><p>inside</p></iframe><b>kept</b>',
        document,
      ),
    );
    assert.equal(div.querySelector('p')!.getAttribute('title'), 'a "b" & c');
    assert.equal(div.querySelector('p')!.textContent, '1 < 2 ☺ ☃\u00a0x');
    assert.equal(div.querySelector('script'), null);
    assert.equal(div.querySelector('iframe'), null);
    assert.equal(div.textContent!.includes('inside'), false);
    assert.deepEqual(div.querySelector('img')!.getAttributeNames(), ['alt']);
    assert.equal(div.querySelector('b')!.textContent, 'kept');
  });
});

describe('front matter', () => {
  test('reads the real files exactly as a YAML library does, with the line of every key', () => {
    for (const lang of ['en', 'es']) {
      for (const kind of ['guide', 'faq']) {
        const source = readFileSync(join(PACK_CONTENT, lang, `${kind}.md`), 'utf8');
        const { data, lines, bodyLineOffset } = splitFrontMatter(source);
        const yamlText = source
          .split('\n')
          .slice(1, bodyLineOffset - 1)
          .join('\n');
        assert.deepEqual(data, parseYaml(yamlText), `${lang}/${kind}`);
        assert.equal(source.split('\n')[lines.get('reviewer.name')! - 1]!.trim().startsWith('name:'), true);
        assert.equal(source.split('\n')[lines.get('sources.1.url')! - 1]!.trim().startsWith('url:'), true);
      }
    }
  });

  test('the subset agrees with YAML on quoting, comments, lists and nesting', () => {
    const yamlText = [
      'a: plain value # comment',
      "b: 'it''s quoted'",
      'c: "escapes \\" \\\\ \\u00e9"',
      'list:',
      '- one',
      '- "two: quoted"',
      'flow: [x, "y z", \'w\']',
      'nested:',
      '  deep:',
      '    key: value',
      'items:',
      '  - id: a',
      '    url: https://x.org/#frag',
      '  - id: b',
      'empty:',
    ].join('\n');
    const { data } = splitFrontMatter(`---\n${yamlText}\n---\nbody`);
    assert.deepEqual(data, { ...parseYaml(yamlText), empty: '' });
  });

  test('unsupported or broken syntax names its line', () => {
    const cases: [string, number, RegExp][] = [
      ['---\ntitle: x\nbad line\n---', 3, /expected "key: value"/],
      ['---\ntitle: x\n\tname: y\n---', 3, /tab/],
      ['---\ntitle: &anchor x\n---', 2, /put the value in "double quotes"/],
      ['---\ntitle: "open\n---', 2, /not closed/],
      ['---\ntitle: a: b\n---', 2, /contains ": "/],
      ['---\ntitle: x\ntitle: y\n---', 3, /set twice/],
      ['---\ntitle: x\n', 1, /not closed/],
    ];
    for (const [source, line, message] of cases) {
      assert.throws(
        () => splitFrontMatter(source),
        (error: unknown) => error instanceof FrontMatterError && error.line === line && message.test(error.message),
        source,
      );
    }
  });

  test('a file without front matter is all body; run-time reading keeps only well-formed fields', () => {
    assert.deepEqual(splitFrontMatter('# Hi').data, {});
    const { data } = splitFrontMatter(
      '---\ntitle: T\nlang: fr\nlastReviewed: soon\nreviewer:\n  name: N\n  credentials: MD\nsources:\n  - title: S\n    url: http://x.org\n  - title: S2\n    url: https://x.org\nextra: 1\n---\n',
    );
    assert.deepEqual(readFrontMatter(data), {
      title: 'T',
      reviewer: { name: 'N', credentials: 'MD' },
      sources: [{ id: 'https://x.org', title: 'S2', url: 'https://x.org' }],
    });
  });
});
