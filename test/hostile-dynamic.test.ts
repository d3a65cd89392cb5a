/**
 * The BUILT loader in pages that change after load (single-page apps, tag managers): widgets
 * inserted later, inside open shadow roots, removed and re-added without leaking listeners or
 * instances; only the chunks a page uses are downloaded; and the script tag's configuration
 * (`data-config`, `data-endpoint`, `data-locale`), `Hearth.configure()` and
 * `Hearth.define({ prefix })`.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { coverageResult, openFirstFaqAnswer, rendered } from './support/drive.js';
import { LeadSink } from './support/sink.js';
import gad7 from '../examples/partner-clinic/gad-7.json' with { type: 'json' };
import { deepText, needBuiltDist, openPage, serveConfig, settle, waitFor, type HostPage } from './support/host-page.js';

function chunkRequests(page: HostPage): string[] {
  return page.win.performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((p) => p.startsWith('/packages/hearth/dist/'))
    .map((p) => p.slice('/packages/hearth/dist/'.length).replace(/-[\w-]{8}\.js$/, '.js'));
}

/** Live instances of the class registered as `tag` in the page `title`, after a full GC. */
async function liveInstances(title: string, tag: string): Promise<number> {
  const expression = `customElements.get('${tag}').prototype`;
  const { count } = (await executeServerCommand('hearth-count-instances', { frameTitle: title, expression })) as { count: number };
  return count;
}

describe('widgets that come and go (built dist/)', function () {
  this.timeout(60000);
  before(async function () {
    await needBuiltDist();
  });

  it('downloads nothing but the loader on a page without widgets, then only what a late widget needs', async () => {
    const page = await openPage({ scripts: [{ kind: 'loader' }], body: '<main><h1>Blog post</h1></main>', title: 'late' });
    try {
      await page.win.Hearth!.ready;
      await settle(page.win);
      expect(chunkRequests(page)).to.deep.equal(['hearth.js']);
      const faq = page.doc.createElement('hearth-faq');
      page.doc.querySelector('main')!.append(faq);
      await waitFor(() => faq.shadowRoot, 'the late FAQ to upgrade');
      await openFirstFaqAnswer(faq);
      const requested = chunkRequests(page);
      expect(requested).to.include('chunks/runtime.js');
      expect(requested).to.include('chunks/faq.js');
      for (const other of ['assessment', 'coverage', 'guide', 'markdown', 'hearth-lead-form']) {
        expect(
          requested.some((r) => r.startsWith(`chunks/${other}`)),
          `${other} not downloaded`,
        ).to.equal(false);
      }
      expect(page.probe.errors).to.deep.equal([]);
    } finally {
      page.close();
    }
  });

  it('finds widgets added inside an open shadow root', async () => {
    const page = await openPage({ scripts: [{ kind: 'loader' }], body: '<main></main>', title: 'shadow' });
    try {
      const win = page.win;
      class AppShell extends win.HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML = '<section></section>';
        }
      }
      win.customElements.define('app-shell', AppShell);
      const shell = page.doc.createElement('app-shell');
      page.doc.querySelector('main')!.append(shell);
      await settle(win);
      const coverage = page.doc.createElement('hearth-coverage');
      shell.shadowRoot!.querySelector('section')!.append(coverage);
      await waitFor(() => coverage.shadowRoot, 'a <hearth-coverage> inside a shadow root to upgrade');
      expect(await coverageResult(coverage)).to.have.length.greaterThan(20);
    } finally {
      page.close();
    }
  });

  it('removes and re-adds widgets twenty times without leaking listeners or instances', async () => {
    const title = 'churn';
    const page = await openPage(
      { scripts: [{ kind: 'loader' }], body: '<main><hearth-provider id="p"><div id="slot"></div></hearth-provider></main>', title },
      { width: 360, height: 700 },
    );
    try {
      const slot = page.doc.getElementById('slot')!;
      const cycle = async () => {
        slot.innerHTML =
          '<hearth-faq></hearth-faq><hearth-coverage></hearth-coverage><hearth-assessment></hearth-assessment><hearth-guide></hearth-guide>';
        for (const el of slot.children) await rendered(el);
        await openFirstFaqAnswer(slot.querySelector('hearth-faq')!);
        slot.replaceChildren();
        await settle(page.win);
      };
      await cycle(); // the first round loads chunks and registers the page-wide listeners once
      const listenersAfterOne = page.probe.listenerCounts();
      const intervalsAfterOne = page.probe.intervals.size;
      for (let i = 0; i < 19; i++) await cycle();
      expect(page.probe.listenerCounts(), 'window/document listeners').to.deep.equal(listenersAfterOne);
      expect(page.probe.intervals.size, 'running intervals').to.equal(intervalsAfterOne);
      for (const tag of ['hearth-faq', 'hearth-faq-item', 'hearth-coverage', 'hearth-assessment', 'hearth-guide']) {
        expect(await liveInstances(title, tag), `live <${tag}> after removal`).to.equal(0);
      }
      // Still works after all that.
      slot.innerHTML = '<hearth-faq></hearth-faq>';
      await openFirstFaqAnswer(slot.querySelector('hearth-faq')!);
      expect(await liveInstances(title, 'hearth-faq')).to.equal(1);
      expect(page.probe.uncaught).to.deep.equal([]);
    } finally {
      page.close();
    }
  });

  it('can fail: a removed element still referenced by the page is counted', async () => {
    const title = 'retained';
    const page = await openPage({ scripts: [{ kind: 'loader' }], body: '<main><hearth-faq></hearth-faq></main>', title });
    try {
      const faq = page.doc.querySelector('hearth-faq')!;
      await rendered(faq);
      (page.win as unknown as { kept: Element }).kept = faq;
      faq.remove();
      expect(await liveInstances(title, 'hearth-faq')).to.equal(1);
    } finally {
      page.close();
    }
  });
});

describe('configuration from the script tag and window.Hearth (built dist/)', function () {
  this.timeout(60000);
  before(async function () {
    await needBuiltDist();
  });

  it('exposes exactly configure, registerInstrument, setLocale, version, define and ready, frozen', async () => {
    const page = await openPage({ scripts: [{ kind: 'loader' }], body: '' });
    try {
      const hearth = page.win.Hearth!;
      expect(Object.keys(hearth).sort()).to.deep.equal(['configure', 'define', 'ready', 'registerInstrument', 'setLocale', 'version']);
      expect(Object.isFrozen(hearth)).to.equal(true);
      expect(hearth.version).to.match(/^\d+\.\d+\.\d+/);
    } finally {
      page.close();
    }
  });

  it('reads data-config, data-endpoint and data-locale; the attributes win over the file', async () => {
    const sink = await LeadSink.start();
    const configUrl = await serveConfig({
      brand: { name: 'Config Clinic' },
      lead: { endpoint: 'https://wrong.example/leads' },
      copy: { es: { 'coverage:state.heading': '¿Dónde vive usted ahora?' } },
    });
    const page = await openPage({
      scripts: [{ kind: 'loader', attrs: { 'data-config': configUrl, 'data-endpoint': sink.endpoint, 'data-locale': 'es-MX' } }],
      body: '<hearth-coverage></hearth-coverage><hearth-assessment></hearth-assessment>',
    });
    try {
      await page.win.Hearth!.ready;
      const coverage = page.doc.querySelector('hearth-coverage')!;
      await waitFor(() => deepText(coverage).includes('¿Dónde vive usted ahora?'), 'the Spanish copy override from data-config');
      const assessment = page.doc.querySelector('hearth-assessment')!;
      await waitFor(() => deepText(assessment).includes('Config Clinic'), 'the brand name from data-config');
      const result = await page.win.Hearth!.configure({});
      expect(result.ok).to.equal(true);
      expect(result.ok && result.config.lead.endpoint).to.equal(sink.endpoint);
      expect(result.ok && result.config.locale).to.equal('es');
      expect(page.probe.errors).to.deep.equal([]);
    } finally {
      page.close();
      await sink.stop();
    }
  });

  it('a data-config that cannot load: one actionable console error, the widgets still work', async () => {
    const page = await openPage({
      scripts: [{ kind: 'loader', attrs: { 'data-config': '/hearth-host/config/missing' } }],
      body: '<hearth-faq></hearth-faq>',
    });
    try {
      await page.win.Hearth!.ready;
      await openFirstFaqAnswer(page.doc.querySelector('hearth-faq')!);
      expect(page.probe.errors).to.have.length(1);
      expect(page.probe.errors[0]).to.contain('data-config="/hearth-host/config/missing"').and.to.contain('404');
      expect(page.probe.uncaught).to.deep.equal([]);
    } finally {
      page.close();
    }
  });

  it('Hearth.configure() re-brands live, and an invalid config shows the error surface with the crisis line', async () => {
    const page = await openPage({ scripts: [{ kind: 'loader' }], body: '<hearth-assessment></hearth-assessment>' });
    try {
      const el = page.doc.querySelector('hearth-assessment')!;
      await rendered(el);
      const ok = await page.win.Hearth!.configure({ brand: { name: 'Live Rebrand Clinic' } });
      expect(ok.ok).to.equal(true);
      await waitFor(() => deepText(el).includes('Live Rebrand Clinic'), 'the new brand name');
      const bad = await page.win.Hearth!.configure({ lead: { endpoint: 'http://clinic.example/leads' } });
      expect(bad.ok).to.equal(false);
      const error = await waitFor(() => el.shadowRoot!.querySelector('[part="error"]'), 'the error surface');
      expect(deepText(error)).to.contain('988');
      expect(page.probe.errors.join('\n')).to.contain('lead.endpoint');
      expect(page.probe.uncaught).to.deep.equal([]);
    } finally {
      page.close();
    }
  });

  for (const kind of ['loader', 'all'] as const) {
    it(`Hearth.registerInstrument() (${kind === 'loader' ? 'hearth.js' : 'hearth.all.js'}) runs a partner's instrument from its JSON; a broken one is a readable error, fixed by registering that id again`, async () => {
      const page = await openPage({ scripts: [{ kind }], body: '<main></main>' });
      const definition = gad7 as unknown as Record<string, unknown> & { items: unknown[] };
      try {
        const hearth = page.win.Hearth!;
        expect((await hearth.registerInstrument(definition)).ok).to.equal(true);
        const el = page.doc.createElement('hearth-assessment');
        el.setAttribute('instrument', 'gad-7');
        page.doc.querySelector('main')!.append(el);
        await rendered(el);
        await waitFor(() => deepText(el).includes('Free anxiety self-check'), 'the GAD-7 intro');
        expect(page.probe.errors).to.deep.equal([]);

        // A draft with one item fewer than its wording: the widget says something is wrong (with
        // the crisis line) and the console names the instrument and what it needs.
        await hearth.registerInstrument({ ...definition, id: 'gad-7-draft', items: definition.items.slice(1) });
        const error = await waitFor(() => el.shadowRoot!.querySelector('[part="error"]'), 'the error surface');
        expect(deepText(error)).to.contain('988');
        await waitFor(() => page.probe.errors.length > 0, 'the console error');
        expect(page.probe.errors.join('\n')).to.contain('Cannot register instrument "gad-7-draft"');

        // The same id again, fixed: it replaces the draft and the assessment is back.
        expect((await hearth.registerInstrument({ ...definition, id: 'gad-7-draft' })).ok).to.equal(true);
        await waitFor(() => deepText(el).includes('Free anxiety self-check'), 'the GAD-7 intro again');
        expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);

        // An id that cannot be one: refused by the config check, which names the key.
        const bad = await hearth.registerInstrument({ id: 'Not an id!' });
        expect(bad.ok).to.equal(false);
        expect(page.probe.errors.join('\n')).to.contain('assessment.definitions');
        expect(page.probe.uncaught).to.deep.equal([]);
      } finally {
        page.close();
      }
    });
  }

  it('Hearth.define({ prefix }) registers the same widgets under a partner’s tags, provider included', async () => {
    const page = await openPage({
      scripts: [{ kind: 'loader' }],
      body: `<acme-provider><script type="application/json">{"brand":{"name":"Acme Care"}}</script>
        <acme-assessment></acme-assessment><acme-faq></acme-faq></acme-provider>`,
    });
    try {
      await page.win.Hearth!.ready;
      expect(page.win.customElements.get('acme-faq'), 'not before define()').to.equal(undefined);
      await page.win.Hearth!.define({ prefix: 'acme' });
      const assessment = page.doc.querySelector('acme-assessment')!;
      await waitFor(
        () => assessment.shadowRoot && deepText(assessment).includes('Acme Care'),
        'the partner-named assessment, branded by its provider',
      );
      await openFirstFaqAnswer(page.doc.querySelector('acme-faq')!);
      // Both names work side by side.
      const standard = page.doc.createElement('hearth-faq');
      page.doc.body.append(standard);
      await openFirstFaqAnswer(standard);
      await page.win.Hearth!.define({ prefix: 'Not Valid!' });
      expect(page.probe.errors).to.have.length(1);
      expect(page.probe.errors[0]).to.contain('prefix');
      expect(page.probe.uncaught).to.deep.equal([]);
    } finally {
      page.close();
    }
  });
});
