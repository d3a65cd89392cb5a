/**
 * The Google Tag Manager recipe of docs/google-tag-manager.md, with the BUILT all-in-one file:
 * the page has its own `dataLayer`, a Custom HTML tag adds `hearth.all.js` after the page loaded
 * (as GTM injects it) with a `data-config` that turns the analytics bridge on, and the partner
 * registers the widgets under its own prefix. The data layer receives `hearth_<widget>_<action>`
 * events whose `widget` ignores the prefix, and the lead conversion carries exactly
 * `{ widget, outcome }`: no answer, score, urgency or contact detail.
 *
 * The last suite runs the doc's Custom HTML tag itself, read from the markdown, against the
 * versioned CDN folder (dist/cdn/hearth@<version>/, served as /hearth-cdn/) with the hash from its
 * sri.json: the widgets render, and a wrong hash or a changed file is refused. Build the CDN
 * folder first: `pnpm --filter @hearth/embed build`.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand, readFile } from '@web/test-runner-commands';
import { LeadSink } from './support/sink.js';
import { completeAssessment, continueToLead, coverageResult, openCoverageLead, rendered, sendLead } from './support/drive.js';
import { needBuiltDist, openPage, serveConfig, waitFor, type HostPage } from './support/host-page.js';

interface LayerEntry {
  event: string;
  hearth?: Record<string, unknown>;
}

/** What an analytics event may carry (packages/core/src/analytics.ts), and nothing else. */
const ALLOWED = ['widget', 'step', 'stepNumber', 'stepCount', 'outcome'];

describe('Google Tag Manager: hearth.all.js from a Custom HTML tag, partner prefix (built dist/)', function () {
  this.timeout(60000);
  let sink: LeadSink;
  let page: HostPage;
  let layer: LayerEntry[];
  /** The lead's DOM events on <acme-assessment>, as the page sees them. */
  const domEvents: { type: string; detail: Record<string, unknown> }[] = [];

  before(async () => {
    await needBuiltDist();
    sink = await LeadSink.start();
    const config = await serveConfig({ analytics: { dataLayer: true } });
    // The Custom HTML tag of docs/google-tag-manager.md, fired on "Window Loaded" as GTM does.
    const tag = `<script>
window.dataLayer = window.dataLayer || [];
window.dataLayer.push({ event: 'gtm.js' });
addEventListener('load', function () {
  (function () {
    var s = document.createElement('script');
    s.src = '/packages/hearth/dist/hearth.all.js';
    s.crossOrigin = 'anonymous';
    s.setAttribute('data-endpoint', ${JSON.stringify(sink.endpoint)});
    s.setAttribute('data-config', ${JSON.stringify(config)});
    s.onload = function () {
      window.Hearth.define({ prefix: 'acme' });
    };
    document.head.appendChild(s);
  })();
});
</script>`;
    page = await openPage({
      scripts: [],
      head: tag,
      hostileCss: false,
      body: '<main><acme-assessment></acme-assessment><acme-coverage></acme-coverage></main>',
    });
    await waitFor(() => page.win.Hearth, 'window.Hearth from the tag');
    await page.win.Hearth!.ready;
    layer = (page.win as unknown as { dataLayer: LayerEntry[] }).dataLayer;
  });

  after(async () => {
    page?.close();
    await sink?.stop();
  });

  it('pushes hearth_assessment_* events with widget "assessment" under the acme- prefix', async () => {
    const el = page.doc.querySelector('acme-assessment')!;
    for (const type of ['hearth-lead-submit', 'hearth-lead-submitted'])
      el.addEventListener(type, (e) => domEvents.push({ type, detail: { ...(e as CustomEvent<Record<string, unknown>>).detail } }));
    await completeAssessment(el);
    await continueToLead(el);
    expect(await sendLead(el)).to.match(/sent/i);
    await waitFor(() => layer.some((e) => e.event === 'hearth_assessment_conversion'), 'the conversion event');

    const ours = layer.filter((e) => e.event.startsWith('hearth_assessment_'));
    const names = [...new Set(ours.map((e) => e.event))];
    expect(names).to.deep.equal([
      'hearth_assessment_start',
      'hearth_assessment_step',
      'hearth_assessment_complete',
      'hearth_assessment_lead',
      'hearth_assessment_conversion',
    ]);
    for (const entry of ours) {
      expect(entry.hearth!.widget, entry.event).to.equal('assessment');
      for (const key of Object.keys(entry.hearth!)) expect(ALLOWED, `${entry.event} carries "${key}"`).to.include(key);
    }
    // Each step once, numbered as the widget shows it.
    const steps = ours.filter((e) => e.event === 'hearth_assessment_step').map((e) => e.hearth!.step);
    // The age question belongs to the intro step; no state question without the partner's served states.
    expect(steps).to.deep.equal(['intro', 'screen', 'safety', 'history', 'review', 'results', 'lead']);
  });

  it('pushes one lead conversion with exactly { widget, outcome }: no health data', () => {
    const conversions = layer.filter((e) => e.event === 'hearth_assessment_conversion');
    expect(conversions).to.deep.equal([{ event: 'hearth_assessment_conversion', hearth: { widget: 'assessment', outcome: 'sent' } }]);
    expect(layer.filter((e) => e.event === 'hearth_assessment_lead')).to.deep.equal([
      { event: 'hearth_assessment_lead', hearth: { widget: 'assessment', outcome: 'sent' } },
    ]);
    // Nothing the person answered, scored or typed reaches the data layer.
    expect(JSON.stringify(layer)).not.to.match(/score|urgent|positive|candidacy|answers|TX|Texas|Ana|example\.org|512/i);
  });

  it('names the widget by its short name in the data layer, by its tag in DOM events and the lead (docs/google-tag-manager.md)', async () => {
    // The analytics bridge: the stable short name, whatever the tag (triggers work on any site).
    const conversion = layer.find((e) => e.event === 'hearth_assessment_conversion')!;
    expect(conversion.hearth!.widget).to.equal('assessment');
    // The DOM events and the lead itself: the element's tag name, as the lead schema defines `widget`.
    expect(domEvents.map((e) => e.type)).to.deep.equal(['hearth-lead-submit', 'hearth-lead-submitted']);
    for (const event of domEvents) expect(event.detail.widget, event.type).to.equal('acme-assessment');
    const [lead] = await sink.waitForRequests(1);
    expect((lead!.body as { widget: string }).widget).to.equal('acme-assessment');
  });

  it('pushes the coverage checker’s conversion the same way: { widget, step: the form, outcome }, no state or insurer', async () => {
    const el = page.doc.querySelector('acme-coverage')!;
    await coverageResult(el, { state: 'TX', payer: 'aetna' });
    await openCoverageLead(el);
    expect(await sendLead(el)).to.match(/sent/i);
    await waitFor(() => layer.some((e) => e.event === 'hearth_coverage_conversion'), 'the coverage conversion event');
    const coverage = layer.filter((e) => e.event.startsWith('hearth_coverage_'));
    for (const entry of coverage) expect(entry.hearth!.widget, entry.event).to.equal('coverage');
    expect(coverage.filter((e) => e.event === 'hearth_coverage_conversion')).to.deep.equal([
      { event: 'hearth_coverage_conversion', hearth: { widget: 'coverage', step: 'benefits-check', outcome: 'sent' } },
    ]);
    expect(JSON.stringify(coverage)).not.to.match(/TX|Texas|aetna|Ana|example\.org/i);
  });
});

describe('Google Tag Manager: a data layer under another name (analytics.dataLayerName, built dist/)', function () {
  this.timeout(60000);
  let page: HostPage;
  type Layers = { dataLayer: LayerEntry[]; clinicLayer: LayerEntry[] };

  before(async () => {
    await needBuiltDist();
    const config = await serveConfig({ analytics: { dataLayer: true, dataLayerName: 'clinicLayer' } });
    // The page has GTM's usual `dataLayer` too (another tag uses it): Hearth must leave it alone.
    const tag = `<script>
window.dataLayer = [{ event: 'gtm.js' }];
window.clinicLayer = [{ event: 'gtm.js' }];
</script>
<script src="/packages/hearth/dist/hearth.all.js" data-config=${JSON.stringify(config)}></script>`;
    page = await openPage({ scripts: [], head: tag, hostileCss: false, body: '<main><hearth-assessment></hearth-assessment></main>' });
    await waitFor(() => page.win.Hearth, 'window.Hearth from the script tag');
    await page.win.Hearth!.ready;
  });

  after(() => page?.close());

  it('pushes the events to window.clinicLayer and nothing to window.dataLayer', async () => {
    const layers = page.win as unknown as Layers;
    await completeAssessment(page.doc.querySelector('hearth-assessment')!);
    await waitFor(() => layers.clinicLayer.some((e) => e.event === 'hearth_assessment_complete'), 'the complete event in clinicLayer');
    const names = [...new Set(layers.clinicLayer.map((e) => e.event))];
    expect(names).to.include.members(['hearth_assessment_start', 'hearth_assessment_step', 'hearth_assessment_complete']);
    for (const entry of layers.clinicLayer.filter((e) => e.event.startsWith('hearth_')))
      expect(entry.hearth!.widget, entry.event).to.equal('assessment');
    expect(layers.dataLayer).to.deep.equal([{ event: 'gtm.js' }]);
  });
});

/** `text` with the one occurrence of `from` replaced: the doc and the test must not drift apart silently. */
function replaceOnce(text: string, from: string, to: string): string {
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`docs/google-tag-manager.md: expected "${from}" once in the Custom HTML tag, found it ${count} times`);
  return text.replace(from, () => to);
}

describe('Google Tag Manager: the Custom HTML tag of docs/google-tag-manager.md, verbatim, from the versioned CDN folder (built dist/cdn)', function () {
  this.timeout(60000);
  const SERVED = '/hearth-cdn/';
  let sink: LeadSink;
  let config: string;
  let version: string;
  let hash: string;
  /** The code of the doc's Custom HTML tag: the JavaScript between its <script> and </script>. */
  let tagCode: string;
  let pageCount = 0;
  const pages: HostPage[] = [];

  before(async () => {
    await needBuiltDist();
    version = (JSON.parse((await readFile({ path: '../packages/hearth/package.json' }))!) as { version: string }).version;
    const sri = await readFile({ path: `../dist/cdn/hearth@${version}/sri.json` });
    if (!sri) throw new Error(`dist/cdn/hearth@${version}/sri.json is missing: run pnpm --filter @hearth/embed build`);
    hash = (JSON.parse(sri) as { files: Record<string, string> }).files['hearth.all.js']!;
    const doc = (await readFile({ path: '../docs/google-tag-manager.md' }))!;
    const section = doc.slice(doc.indexOf('## 2. The Custom HTML tag'), doc.indexOf('## 3.'));
    const block = /```html\n<script>\n([\s\S]*?)\n<\/script>\n```/.exec(section);
    if (!block) throw new Error('docs/google-tag-manager.md: no ```html <script> block in "2. The Custom HTML tag"');
    tagCode = block[1]!;
    sink = await LeadSink.start();
    config = await serveConfig({ analytics: { dataLayer: true } });
  });

  afterEach(async () => {
    await executeServerCommand('hearth-cdn-tamper', { file: undefined });
    while (pages.length) pages.pop()!.close();
  });

  after(async () => {
    await sink?.stop();
  });

  /**
   * A page whose GTM container fires the doc's tag on "Window Loaded": GTM adds a Custom HTML
   * tag's scripts to the page as new script elements. Only the addresses the doc says to change
   * are changed (the CDN base, the endpoint, the config file), and the integrity placeholder
   * becomes `integrity`. Script load failures are recorded (`__scriptErrors`).
   */
  async function openRecipePage(integrity: string): Promise<HostPage> {
    let code = replaceOnce(
      tagCode,
      `'https://cdn.clinic.example/hearth@${version}/hearth.all.js'`,
      `'${SERVED}fresh-${9000 + ++pageCount}/hearth@${version}/hearth.all.js'`,
    );
    code = replaceOnce(code, `'sha384-…from sri.json…'`, `'${integrity}'`);
    code = replaceOnce(code, `'https://leads.clinic.example/leads'`, JSON.stringify(sink.endpoint));
    code = replaceOnce(code, `'https://www.clinic.example/hearth.config.json'`, JSON.stringify(config));
    const head = `<script>
window.dataLayer = window.dataLayer || [];
window.dataLayer.push({ event: 'gtm.js' });
window.__scriptErrors = [];
document.addEventListener('error', function (e) {
  if (e.target && e.target.localName === 'script') window.__scriptErrors.push(e.target.src);
}, true);
addEventListener('load', function () {
  var tag = document.createElement('script');
  tag.text = ${JSON.stringify(code).replace(/</g, '\\u003c')};
  document.body.appendChild(tag);
});
</script>`;
    const page = await openPage({
      scripts: [],
      head,
      hostileCss: false,
      title: 'GTM recipe',
      body: '<main><acme-assessment><p id="fallback">Call us on (505) 555-0142.</p></acme-assessment></main>',
    });
    pages.push(page);
    return page;
  }

  const scriptErrors = (page: HostPage) => (page.win as unknown as { __scriptErrors: string[] }).__scriptErrors;

  /** Waits for the tag's script to fail, and checks that the server did send it: the browser refused it. */
  async function refused(page: HostPage): Promise<void> {
    await waitFor(() => scriptErrors(page).length > 0, 'the script’s error event');
    const [src] = scriptErrors(page);
    expect(src).to.contain(`/hearth@${version}/hearth.all.js`);
    expect((await fetch(src!, { cache: 'no-store' })).status, 'the file is served').to.equal(200);
  }

  it('loads hearth.all.js with the hash from sri.json and renders <acme-assessment>', async () => {
    expect(hash).to.match(/^sha384-[A-Za-z0-9+/]{64}$/);
    const page = await openRecipePage(hash);
    await waitFor(() => page.win.Hearth, 'window.Hearth from the tag');
    const script = page.doc.querySelector<HTMLScriptElement>('script[src*="hearth.all.js"]')!;
    expect(script.integrity).to.equal(hash);
    expect(script.crossOrigin).to.equal('anonymous');
    expect(new URL(script.src).pathname).to.match(
      new RegExp(`^${SERVED}fresh-\\d+/hearth@${version.replace(/\./g, '\\.')}/hearth\\.all\\.js$`),
    );
    expect(script.dataset.endpoint).to.equal(sink.endpoint);
    expect(script.dataset.config).to.equal(config);
    const text = await rendered(page.doc.querySelector('acme-assessment')!);
    expect(text).to.contain('PC-PTSD-5');
    expect(scriptErrors(page)).to.deep.equal([]);
    expect(page.probe.errors).to.deep.equal([]);
  });

  it('blocks the file when the integrity is not its hash: nothing runs, the fallback stays', async () => {
    // Another file's hash: well-formed, but not hearth.all.js's.
    const sri = JSON.parse((await readFile({ path: `../dist/cdn/hearth@${version}/sri.json` }))!) as { files: Record<string, string> };
    const wrong = sri.files['hearth.js']!;
    expect(wrong).not.to.equal(hash);
    const page = await openRecipePage(wrong);
    await refused(page);
    // Booleans only: chai would walk the other window's objects to print them.
    expect(page.win.Hearth === undefined, 'window.Hearth is not defined').to.equal(true);
    expect(page.win.customElements.get('acme-assessment') === undefined, 'the tag is not defined').to.equal(true);
    expect(page.doc.getElementById('fallback')!.textContent).to.contain('555-0142');
  });

  it('blocks hearth.all.js changed after publication, with the published hash', async () => {
    await executeServerCommand('hearth-cdn-tamper', { file: `hearth@${version}/hearth.all.js` });
    const page = await openRecipePage(hash);
    await refused(page);
    expect(page.win.Hearth === undefined, 'window.Hearth is not defined').to.equal(true);
    expect(page.doc.getElementById('fallback')!.textContent).to.contain('555-0142');
  });
});
