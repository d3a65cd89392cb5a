/**
 * The Google Tag Manager recipe of docs/google-tag-manager.md, with the BUILT all-in-one file:
 * the page has its own `dataLayer`, a Custom HTML tag adds `hearth.all.js` after the page loaded
 * (as GTM injects it) with a `data-config` that turns the analytics bridge on, and the partner
 * registers the widgets under its own prefix. The data layer receives `hearth_<widget>_<action>`
 * events whose `widget` ignores the prefix, and the lead conversion carries exactly
 * `{ widget, outcome }`: no answer, score, urgency or contact detail.
 */
import { expect } from '@open-wc/testing';
import { LeadSink } from './support/sink.js';
import { completeAssessment, continueToLead, coverageResult, openCoverageLead, sendLead } from './support/drive.js';
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
