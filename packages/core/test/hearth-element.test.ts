import { expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import { HearthTestWidget } from './fixtures/test-widget.js';
import '../src/define-provider.js';
import { configure, setLocale, type HearthProvider } from '../src/index.js';
import { validateLead } from '../../lead/src/schema.js';
// Test-only: the config sections of the domains, registered when their /schema loads.
import '../../assessment/src/schema.js';
import { LeadSink } from '../../../test/support/sink.js';
import { captureConsole } from '../../../test/support/console.js';

function text(el: HTMLElement, selector: string): string {
  return el.shadowRoot?.querySelector(selector)?.textContent?.trim() ?? '';
}

function goodLead(overrides: Record<string, unknown> = {}) {
  return {
    schemaVersion: 1,
    idempotencyKey: crypto.randomUUID(),
    createdAt: new Date().toISOString(),
    widget: 'hearth-test-widget',
    kind: 'assessment',
    urgent: false,
    contact: { name: 'Ana Patient', email: 'ana@example.org', phone: '+15555550123', state: 'TX' },
    consent: { given: true, text: 'I agree to be contacted.', version: '2026-11-01', timestamp: new Date().toISOString() },
    source: { url: 'https://clinic.example/ptsd', utm: { source: 'newsletter' } },
    ...overrides,
  };
}

describe('HearthElement', () => {
  afterEach(() => {
    configure({}, { replace: true });
    setLocale(undefined);
  });

  it('is accessible', async () => {
    const el = await fixture<HearthTestWidget>(html`<hearth-test-widget></hearth-test-widget>`);
    await expect(el).to.be.accessible();
  });

  it('renders default brand text from the defaults', async () => {
    const el = await fixture<HearthTestWidget>(html`<hearth-test-widget></hearth-test-widget>`);
    expect(text(el, '.greeting')).to.equal('Hello from Hearth Health');
  });

  it('can be defined twice under the same tag without throwing, and warns once for a different class', async () => {
    const { warnings } = await captureConsole(async () => {
      HearthTestWidget.define('hearth-test-widget');
      HearthTestWidget.define('hearth-test-widget');
      class Impostor extends HearthTestWidget {}
      Impostor.define('hearth-test-widget');
      class Impostor2 extends HearthTestWidget {}
      Impostor2.define('hearth-test-widget');
    });
    expect(customElements.get('hearth-test-widget')).to.equal(HearthTestWidget);
    expect(warnings.length).to.equal(1);
    expect(String(warnings[0]?.[0])).to.contain('already defined by another copy of Hearth');
  });

  it('can be registered again under a partner tag', async () => {
    HearthTestWidget.define('acme-test-widget');
    const el = await fixture<HearthTestWidget>(html`<acme-test-widget></acme-test-widget>`);
    expect(text(el, '.greeting')).to.equal('Hello from Hearth Health');
  });

  it('emits events that bubble and are composed', async () => {
    const el = await fixture<HearthTestWidget>(html`<div><hearth-test-widget></hearth-test-widget></div>`);
    const widget = el.querySelector('hearth-test-widget')!;
    setTimeout(() => widget.fire());
    const event = await oneEvent(el, 'hearth-lead-submitted');
    expect(event.bubbles).to.be.true;
    expect(event.composed).to.be.true;
    expect(event.detail.idempotencyKey).to.equal('k');
  });

  describe('config sources', () => {
    it('reads Hearth.configure()', async () => {
      configure({ brand: { name: 'Global Clinic' } });
      const el = await fixture<HearthTestWidget>(html`<hearth-test-widget></hearth-test-widget>`);
      expect(text(el, '.greeting')).to.equal('Hello from Global Clinic');
    });

    it('reacts when Hearth.configure() changes later', async () => {
      const el = await fixture<HearthTestWidget>(html`<hearth-test-widget></hearth-test-widget>`);
      configure({ brand: { name: 'Later Clinic' } });
      await el.updateComplete;
      expect(text(el, '.greeting')).to.equal('Hello from Later Clinic');
    });

    it('prefers the provider config property over Hearth.configure()', async () => {
      configure({ brand: { name: 'Global Clinic' } });
      const el = await fixture<HearthProvider>(
        html`<hearth-provider .config=${{ brand: { name: 'Provider Clinic' } }}
          ><hearth-test-widget></hearth-test-widget
        ></hearth-provider>`,
      );
      const widget = el.querySelector('hearth-test-widget')!;
      await widget.updateComplete;
      expect(text(widget, '.greeting')).to.equal('Hello from Provider Clinic');
    });

    it('reads a child <script type="application/json">', async () => {
      const el = await fixture<HearthProvider>(
        html`<hearth-provider>
          <script type="application/json">
            { "brand": { "name": "Inline Clinic" } }
          </script>
          <hearth-test-widget></hearth-test-widget>
        </hearth-provider>`,
      );
      const widget = el.querySelector('hearth-test-widget')!;
      await widget.updateComplete;
      expect(text(widget, '.greeting')).to.equal('Hello from Inline Clinic');
    });

    it('reads inline config that the parser adds after the provider was defined', async () => {
      const el = await fixture<HearthProvider>(html`<hearth-provider><hearth-test-widget></hearth-test-widget></hearth-provider>`);
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = '{ "brand": { "name": "Late Clinic" } }';
      el.prepend(script);
      const widget = el.querySelector('hearth-test-widget')!;
      await waitUntil(() => text(widget, '.greeting') === 'Hello from Late Clinic', 'late inline config applied');
    });

    it('accepts config objects created in another frame', async () => {
      const frame = document.createElement('iframe');
      document.body.append(frame);
      const foreign = (frame.contentWindow as unknown as { JSON: JSON }).JSON.parse('{ "brand": { "name": "Framed Clinic" } }');
      frame.remove();
      configure(foreign);
      const el = await fixture<HearthTestWidget>(html`<hearth-test-widget></hearth-test-widget>`);
      expect(text(el, '.greeting')).to.equal('Hello from Framed Clinic');
    });

    it('fetches config-src', async () => {
      const url = URL.createObjectURL(new Blob([JSON.stringify({ brand: { name: 'Remote Clinic' } })], { type: 'application/json' }));
      const el = await fixture<HearthProvider>(
        html`<hearth-provider config-src=${url}><hearth-test-widget></hearth-test-widget></hearth-provider>`,
      );
      const widget = el.querySelector('hearth-test-widget')!;
      await waitUntil(() => text(widget, '.greeting') === 'Hello from Remote Clinic', 'config-src applied');
    });

    it('lets widget attributes win over the provider', async () => {
      const el = await fixture<HearthProvider>(
        html`<hearth-provider .config=${{ brand: { name: 'Provider Clinic' } }}>
          <hearth-test-widget config='{"brand":{"name":"Attribute Clinic"}}'></hearth-test-widget>
        </hearth-provider>`,
      );
      const widget = el.querySelector('hearth-test-widget')!;
      await widget.updateComplete;
      expect(text(widget, '.greeting')).to.equal('Hello from Attribute Clinic');
    });

    it('maps brand colours to tokens on the provider host only', async () => {
      const el = await fixture<HearthProvider>(
        html`<hearth-provider .config=${{ brand: { colors: { primary: '#5b2a86' } } }}
          ><hearth-test-widget></hearth-test-widget
        ></hearth-provider>`,
      );
      expect(el.style.getPropertyValue('--hearth-color-primary')).to.equal('#5b2a86');
      expect(getComputedStyle(document.documentElement).getPropertyValue('--hearth-color-primary')).to.equal('');
      const button = el.querySelector('hearth-test-widget')!.shadowRoot!.querySelector('button')!;
      expect(getComputedStyle(button).backgroundColor).to.equal('rgb(91, 42, 134)');
    });

    it('warns once, with the ratio, when the primary colour fails AA contrast', async () => {
      const { warnings } = await captureConsole(async () => {
        await fixture(html`<hearth-provider .config=${{ brand: { colors: { primary: '#7fd3ff' } } }}></hearth-provider>`);
        await fixture(html`<hearth-provider .config=${{ brand: { colors: { primary: '#7fd3ff' } } }}></hearth-provider>`);
      });
      expect(warnings.length).to.equal(1);
      expect(String(warnings[0]?.[0])).to.match(/contrast ratio of 1\.\d\d:1/);
    });
  });

  describe('error surface', () => {
    it('shows a readable message for an invalid config, logs one error, and leaves a sibling working', async () => {
      const { result: el, errors } = await captureConsole(async () => {
        const wrapper = await fixture(
          html`<div>
            <hearth-test-widget id="bad" config='{"brand":{"colors":{"primary":"red"}}}'></hearth-test-widget>
            <hearth-test-widget id="good"></hearth-test-widget>
          </div>`,
        );
        await nextFrame();
        return wrapper;
      });
      const bad = el.querySelector<HearthTestWidget>('#bad')!;
      const good = el.querySelector<HearthTestWidget>('#good')!;
      const alert = bad.shadowRoot!.querySelector('[role="alert"]');
      expect(alert).to.exist;
      expect(alert!.textContent).to.contain('This section could not be shown.');
      expect(alert!.textContent).to.contain('brand.colors.primary is "red"');
      expect(alert!.querySelector('a[href="tel:988"]')).to.exist;
      expect(alert!.querySelector('a[href="sms:988"]')).to.exist;
      expect(errors.length).to.equal(1);
      expect(String(errors[0]?.[0])).to.contain('expected a hex colour');
      expect(text(good, '.greeting')).to.equal('Hello from Hearth Health');
      await expect(bad).to.be.accessible();
    });

    it('recovers when the config is fixed', async () => {
      const { result: el } = await captureConsole(() =>
        fixture<HearthTestWidget>(
          html`<hearth-test-widget config='{"lead":{"endpoint":"http://example.com/leads"}}'></hearth-test-widget>`,
        ),
      );
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('lead.endpoint');
      el.setAttribute('config', '{"lead":{"endpoint":"https://example.com/leads"}}');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.not.exist;
      expect(el.hearthConfig?.lead.endpoint).to.equal('https://example.com/leads');
    });

    it('recovers when a config the widget could not run (configChanged threw) is replaced by one it can', async () => {
      const { result: el, errors } = await captureConsole(() =>
        fixture<HearthTestWidget>(html`<hearth-test-widget config='{"brand":{"name":"Refused Clinic"}}'></hearth-test-widget>`),
      );
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('cannot run for Refused Clinic');
      expect(errors.join(' ')).to.contain('cannot run for Refused Clinic');
      el.setAttribute('config', '{"brand":{"name":"Accepted Clinic"}}');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.not.exist;
      expect(text(el, '.greeting')).to.equal('Hello from Accepted Clinic');
    });

    it('a failure of its own, after a config it could not run, stays when the next config arrives', async () => {
      const { result: el } = await captureConsole(async () => {
        const widget = await fixture<HearthTestWidget>(
          html`<hearth-test-widget config='{"brand":{"name":"Refused Clinic"}}'></hearth-test-widget>`,
        );
        widget.failNow('the FAQ file did not load');
        widget.setAttribute('config', '{"brand":{"name":"Accepted Clinic"}}');
        await widget.updateComplete;
        return widget;
      });
      expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.contain('the FAQ file did not load');
    });

    it('shows the error in every widget under an invalid provider and logs once', async () => {
      const { result: el, errors } = await captureConsole(() =>
        fixture(
          html`<hearth-provider .config=${{ assessment: { instrument: 'phq-2' } }}>
            <hearth-test-widget></hearth-test-widget><hearth-test-widget></hearth-test-widget>
          </hearth-provider>`,
        ),
      );
      const widgets = [...el.querySelectorAll('hearth-test-widget')];
      await Promise.all(widgets.map((w) => w.updateComplete));
      for (const w of widgets) expect(w.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('assessment.instrument');
      expect(errors.length).to.equal(1);
    });

    it('catches a render exception instead of throwing out of the lifecycle', async () => {
      const { result: el, errors } = await captureConsole(async () => {
        const w = await fixture<HearthTestWidget>(html`<hearth-test-widget></hearth-test-widget>`);
        w.explode = true;
        await w.updateComplete;
        return w;
      });
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('boom while rendering');
      expect(errors.length).to.equal(1);
    });

    it('reports malformed JSON in the config attribute', async () => {
      const { result: el } = await captureConsole(() =>
        fixture<HearthTestWidget>(html`<hearth-test-widget config="{nope"></hearth-test-widget>`),
      );
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('valid JSON');
    });
  });

  describe('localization', () => {
    it('follows the lang attribute of an ancestor and re-renders when it changes', async () => {
      const el = await fixture(html`<section lang="en"><hearth-test-widget></hearth-test-widget></section>`);
      const widget = el.querySelector<HearthTestWidget>('hearth-test-widget')!;
      expect(text(widget, '.greeting')).to.equal('Hello from Hearth Health');
      el.setAttribute('lang', 'es-MX');
      await waitUntil(() => text(widget, '.greeting') === 'Hola desde Hearth Health', 'switched to Spanish');
      expect(widget.shadowRoot!.querySelector('.count')!.textContent).to.equal('1 elemento');
      // Screen readers switch voice: the rendered root says which language it is in.
      expect(widget.shadowRoot!.querySelector('.hearth-root')!.getAttribute('lang')).to.equal('es');
      // A key missing in Spanish falls back to English, never to the raw key.
      expect(text(widget, '.english')).to.equal('Only in English');
    });

    it('switches every widget with Hearth.setLocale()', async () => {
      const widget = await fixture<HearthTestWidget>(html`<hearth-test-widget .count=${3}></hearth-test-widget>`);
      expect(text(widget, '.count')).to.equal('3 items');
      setLocale('es');
      await waitUntil(() => text(widget, '.count') === '3 elementos', 'plural in Spanish');
      setLocale(undefined);
      await waitUntil(() => text(widget, '.count') === '3 items', 'back to English');
    });

    it("applies a partner's copy override for one key", async () => {
      const widget = await fixture<HearthTestWidget>(
        html`<hearth-test-widget config='{"copy":{"en":{"core:lead.retry":"Send it again"}}}'></hearth-test-widget>`,
      );
      expect(text(widget, 'button')).to.equal('Send it again');
    });
  });

  describe('lead pipeline', () => {
    let sink: LeadSink;
    before(async () => {
      sink = await LeadSink.start();
    });
    after(() => sink.stop());

    it('POSTs a valid lead to a real server on loopback with its Idempotency-Key', async () => {
      const widget = await fixture<HearthTestWidget>(html`<hearth-test-widget endpoint=${sink.endpoint}></hearth-test-widget>`);
      const lead = goodLead();
      const result = await widget.send(lead);
      expect(result.ok).to.be.true;
      const [received] = await sink.waitForRequests(1);
      expect(received!.method).to.equal('POST');
      expect(received!.path).to.equal('/leads');
      expect(received!.headers['idempotency-key']).to.equal(lead.idempotencyKey);
      expect(received!.headers['content-type']).to.equal('application/json');
      expect(received!.cookie).to.equal(null);
      expect(received!.body).to.deep.equal(validateLead(lead).ok ? lead : undefined);
    });

    it('reports a typed error when the endpoint answers 500, and sends nothing invalid', async () => {
      const widget = await fixture<HearthTestWidget>(html`<hearth-test-widget endpoint=${sink.endpoint}></hearth-test-widget>`);
      await sink.script({ status: 500 });
      const before = (await sink.requests()).length;
      const failed = await widget.send(goodLead());
      expect(failed).to.include({ ok: false, code: 'server', retryable: true, status: 500 });
      const invalid = await widget.send(goodLead({ contact: { name: 'A', email: 'not-an-email' } }));
      expect(invalid.ok).to.be.false;
      expect(!invalid.ok && invalid.fieldErrors?.map((e) => e.path)).to.deep.equal(['contact.email']);
      expect((await sink.requests()).length).to.equal(before + 1);
    });

    it('refuses to send without an allowed endpoint', async () => {
      const widget = await fixture<HearthTestWidget>(html`<hearth-test-widget></hearth-test-widget>`);
      const result = await widget.send(goodLead());
      expect(result).to.include({ ok: false, code: 'config' });
    });
  });
});
