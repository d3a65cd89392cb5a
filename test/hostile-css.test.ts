/**
 * The BUILT script-tag bundle in a page that loads Bootstrap 5, Tailwind's preflight and
 * deliberately hostile global rules (`* { box-sizing: content-box; line-height: 3 }`,
 * `button { all: unset }`, `div { display: flex }`, and more): every widget still renders and
 * works, at 320 px, and nothing of Hearth's leaks onto the host page.
 */
import { expect } from '@open-wc/testing';
import { completeAssessment, coverageResult, openFirstFaqAnswer, rendered } from './support/drive.js';
import {
  HOST_STYLE_PROPS,
  allWidgetsBody,
  computed,
  deepText,
  needBuiltDist,
  openPage,
  settle,
  type HostPage,
} from './support/host-page.js';

const HOST_IDS = [
  'h-nav',
  'h-brand',
  'h-title',
  'h-para',
  'h-link',
  'h-div',
  'h-span',
  'h-form',
  'h-label',
  'h-input',
  'h-button',
  'h-list',
  'h-item',
  'h-h2',
];

describe('hostile host CSS (built dist/)', function () {
  this.timeout(60000);
  let page: HostPage;
  let bare: HostPage;

  before(async function () {
    await needBuiltDist();
    // The same host page, with and without Hearth, side by side at a phone's width.
    page = await openPage({ scripts: [{ kind: 'loader' }], body: allWidgetsBody() }, { width: 320 });
    bare = await openPage({ scripts: [], body: allWidgetsBody() }, { width: 320 });
    await page.win.Hearth!.ready;
  });

  after(() => {
    page?.close();
    bare?.close();
  });

  it('really is hostile: the host page’s own buttons and divs are mangled', () => {
    const button = computed(page.doc.getElementById('h-button')!, ['line-height', 'box-sizing', 'display']);
    expect(button['box-sizing']).to.equal('content-box');
    expect(computed(page.doc.getElementById('h-div')!, ['display']).display).to.equal('flex');
    expect(page.doc.styleSheets.length).to.be.greaterThanOrEqual(3);
  });

  it('renders every widget with readable content and real size', async () => {
    for (const tag of ['hearth-assessment', 'hearth-coverage', 'hearth-guide', 'hearth-faq']) {
      const el = page.doc.querySelector(tag)!;
      const text = await rendered(el);
      expect(text.length, `${tag} text`).to.be.greaterThan(40);
      expect(el.getBoundingClientRect().height, `${tag} height`).to.be.greaterThan(80);
      expect(el.shadowRoot!.querySelector('[role="alert"][part="error"]'), `${tag} error surface`).to.equal(null);
    }
  });

  it('keeps its own typography and box model inside the widgets', async () => {
    const root = page.doc.querySelector('hearth-assessment')!.shadowRoot!.querySelector('.hearth-root')!;
    const style = computed(root, ['line-height', 'font-size', 'box-sizing', 'text-transform', 'letter-spacing', 'text-align']);
    expect(parseFloat(style['line-height']!) / parseFloat(style['font-size']!), 'line-height ratio').to.be.closeTo(1.5, 0.01);
    expect(style['box-sizing']).to.equal('border-box');
    expect(style['text-transform']).to.equal('none');
    expect(style['letter-spacing']).to.equal('normal');
    const button = page.doc.querySelector('hearth-assessment')!.shadowRoot!.querySelector<HTMLElement>('form button[type="submit"]')!;
    const box = button.getBoundingClientRect();
    expect(box.height, 'tap target height').to.be.greaterThanOrEqual(44);
    expect(computed(button, ['cursor']).cursor).to.equal('pointer');
  });

  it('lays every widget out inside its own box, however the host sizes it', async () => {
    await settle(page.win);
    for (const tag of ['hearth-assessment', 'hearth-coverage', 'hearth-guide', 'hearth-faq']) {
      const el = page.doc.querySelector(tag)!;
      const root = el.shadowRoot!.querySelector<HTMLElement>('.hearth-root')!;
      expect(root.scrollWidth, `${tag} content width`).to.be.at.most(root.clientWidth + 1);
    }
  });

  it('fits a 320 px screen without sideways scrolling (host CSS that does not overflow itself)', async () => {
    const calm = await openPage({ scripts: [{ kind: 'loader' }], body: allWidgetsBody(), hostileCss: false }, { width: 320 });
    try {
      await calm.win.Hearth!.ready;
      for (const tag of ['hearth-assessment', 'hearth-coverage', 'hearth-guide', 'hearth-faq'])
        await rendered(calm.doc.querySelector(tag)!);
      await settle(calm.win);
      const { scrollWidth, clientWidth } = calm.doc.documentElement;
      expect(scrollWidth, 'page width').to.be.at.most(clientWidth);
    } finally {
      calm.close();
    }
  });

  it('completes the assessment by tapping through it', async () => {
    const text = await completeAssessment(page.doc.querySelector('hearth-assessment')!);
    expect(text).to.match(/result/i);
    expect(text).to.contain('988');
  });

  it('opens an FAQ answer', async () => {
    const { trigger, panel } = await openFirstFaqAnswer(page.doc.querySelector('hearth-faq')!);
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
    expect(deepText(panel).length).to.be.greaterThan(20);
  });

  it('gives a coverage result', async () => {
    const events: unknown[] = [];
    page.doc.addEventListener('hearth-coverage-result', (e) => events.push((e as CustomEvent).detail));
    const text = await coverageResult(page.doc.querySelector('hearth-coverage')!);
    expect(text.length).to.be.greaterThan(20);
    expect(events).to.have.length(1);
  });

  it('does not change any host element’s computed style', () => {
    for (const id of HOST_IDS) {
      const withHearth = computed(page.doc.getElementById(id)!, HOST_STYLE_PROPS);
      const without = computed(bare.doc.getElementById(id)!, HOST_STYLE_PROPS);
      expect(withHearth, `#${id}`).to.deep.equal(without);
    }
    for (const el of ['documentElement', 'body'] as const) {
      expect(computed(page.doc[el], HOST_STYLE_PROPS), el).to.deep.equal(computed(bare.doc[el], HOST_STYLE_PROPS));
    }
  });

  it('adds no global CSS and no global besides window.Hearth', () => {
    expect(page.doc.styleSheets.length, 'document style sheets').to.equal(bare.doc.styleSheets.length);
    expect(page.doc.adoptedStyleSheets.length, 'adopted style sheets').to.equal(0);
    expect(page.doc.querySelectorAll('style').length, '<style> in the light DOM').to.equal(0);
    expect(page.doc.documentElement.getAttribute('style'), 'style on <html>').to.equal(null);
    expect(page.doc.body.getAttribute('style'), 'style on <body>').to.equal(null);
    expect(page.probe.newGlobals(), 'new window properties').to.deep.equal(['Hearth']);
    expect(Object.prototype.hasOwnProperty.call(page.win.Symbol, 'metadata'), 'Symbol.metadata').to.equal(page.probe.symbolMetadataBefore);
  });

  it('asks nothing of any other origin, and logs no error', () => {
    const origins = new Set(page.win.performance.getEntriesByType('resource').map((e) => new URL(e.name).origin));
    expect([...origins]).to.deep.equal([page.win.location.origin]);
    expect(page.probe.uncaught, 'uncaught errors').to.deep.equal([]);
    expect(page.probe.errors, 'console errors').to.deep.equal([]);
  });
});
