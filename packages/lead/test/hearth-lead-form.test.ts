import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { HearthLeadForm } from '../src/define.js';
import '@hearth/core/hearth-provider.js';
import { defaultConfig, configure, pageSession, setLocale, type HearthConfig } from '@hearth/core';
import { Outbox, type Lead } from '../src/index.js';
// The domains register their config sections and lead summaries when their /schema loads.
import '../../assessment/src/schema.js';
import type { AssessmentSummary } from '../../assessment/src/schema.js';
import { LeadSink, type ReceivedRequest } from '../../../test/support/sink.js';

const summary: AssessmentSummary = {
  type: 'assessment',
  instrument: 'pc-ptsd-5',
  score: 4,
  cutPoint: 3,
  positive: true,
  reviewItemCount: 0,
  candidacy: 'discuss',
  state: 'TX',
};

function root(el: HTMLElement): ShadowRoot {
  return el.shadowRoot!;
}
function $(el: HTMLElement, selector: string): HTMLElement | null {
  return root(el).querySelector<HTMLElement>(selector);
}
function active(el: HTMLElement): Element | null {
  return root(el).activeElement;
}

/** Fills the form the way a person does: Tab between fields, type, Space on choices. */
async function fillByKeyboard(
  el: HearthLeadForm,
  { name = 'Ana Patient', email = 'ana@example.org', phone = '(512) 555-0199', method = 'text' } = {},
) {
  $(el, '#name')!.focus();
  await sendKeys({ type: name });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ type: email });
  await sendKeys({ press: 'Tab' });
  if (phone) await sendKeys({ type: phone });
  await sendKeys({ press: 'Tab' });
  // Tab lands on the first radio of the group; arrows move the choice.
  expect(active(el)?.id).to.equal('contact-email');
  const presses = { email: 0, phone: 1, text: 2 }[method] ?? 0;
  if (presses === 0) await sendKeys({ press: 'Space' });
  for (let i = 0; i < presses; i++) await sendKeys({ press: 'ArrowDown' });
  await sendKeys({ press: 'Tab' });
  expect(active(el)?.id).to.equal('consent');
  await sendKeys({ press: 'Space' });
  await sendKeys({ press: 'Tab' });
  expect(active(el)?.getAttribute('part')).to.equal('submit');
}

async function pressSubmit(el: HearthLeadForm) {
  ($(el, '[part="submit"]') as HTMLButtonElement).focus();
  await sendKeys({ press: 'Enter' });
}

describe('<hearth-lead-form>', () => {
  let sink: LeadSink;
  const originalUrl = location.href;

  before(async () => {
    sink = await LeadSink.start();
  });
  after(() => sink.stop());
  afterEach(async () => {
    // Nothing a test left queued may reach the sink during the next one.
    await Outbox.shared().clear();
    Outbox.resetShared();
    history.replaceState(null, '', originalUrl);
    configure({}, { replace: true });
    setLocale(undefined);
    pageSession.set('state', undefined);
  });

  async function newForm(endpoint: string | null = sink.endpoint, extra = '') {
    const el = await fixture<HearthLeadForm>(html`<hearth-lead-form></hearth-lead-form>`);
    if (endpoint) el.endpoint = endpoint;
    el.minFillTime = 0;
    if (extra) el.setAttribute('config', extra);
    await el.updateComplete;
    return el;
  }

  it('is accessible', async () => {
    const el = await fixture<HearthLeadForm>(html`<hearth-lead-form heading="Get in touch"></hearth-lead-form>`);
    await expect(el).to.be.accessible();
    expect(customElements.get('hearth-lead-form')).to.equal(HearthLeadForm);
  });

  it('labels every field and keeps the honeypot away from people and assistive tech', async () => {
    const el = await newForm();
    for (const id of ['name', 'email', 'phone', 'consent']) {
      expect($(el, `label[for="${id}"], label:has(#${id})`), id).to.exist;
    }
    expect($(el, 'fieldset legend')!.textContent).to.contain('How would you like us to contact you?');
    const trap = $(el, '#website') as HTMLInputElement;
    expect(trap.tabIndex).to.equal(-1);
    expect(trap.autocomplete).to.equal('off');
    expect(trap.closest('[aria-hidden="true"]')).to.exist;
    expect(trap.getBoundingClientRect().right).to.be.below(0);
    expect($(el, '.consent-text')!.textContent).to.contain('Hearth Health is not an emergency service');
  });

  it('shows a linked error summary, inline messages and aria-invalid, and moves focus to the summary', async () => {
    const el = await newForm();
    await pressSubmit(el);
    await el.updateComplete;
    const summaryEl = $(el, '.error-summary')!;
    expect(summaryEl.getAttribute('role')).to.equal('alert');
    expect(active(el)).to.equal(summaryEl);
    const links = [...summaryEl.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent?.trim()]);
    expect(links).to.deep.equal([
      ['#name', 'Enter your full name'],
      ['#email', 'Enter your email address'],
      ['#contact-email', 'Select how you would like us to contact you'],
      ['#consent', 'Check the box to agree that we may contact you'],
    ]);
    const email = $(el, '#email')!;
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-describedby')).to.equal('email-hint email-error');
    expect($(el, '#email-error')!.textContent).to.contain('Enter your email address');
    await expect(el).to.be.accessible();

    // Following a link (Enter) puts the cursor in the field.
    (summaryEl.querySelectorAll('a')[1] as HTMLElement).focus();
    await sendKeys({ press: 'Enter' });
    expect(active(el)).to.equal(email);
    expect((await sink.requests()).length).to.equal(0);
  });

  it('checks the email format and the phone, and requires a phone for calls and texts', async () => {
    const el = await newForm();
    await fillByKeyboard(el, { email: 'ana@', phone: '123', method: 'phone' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const messages = [...$(el, '.error-summary')!.querySelectorAll('a')].map((a) => a.textContent?.trim());
    expect(messages).to.deep.equal([
      'Enter an email address in the correct format, like name@example.com',
      'Enter a US phone number, like 555 555 0123',
    ]);
    ($(el, '#phone') as HTMLInputElement).value = '';
    $(el, '#phone')!.dispatchEvent(new Event('input'));
    await pressSubmit(el);
    await el.updateComplete;
    expect($(el, '#phone-error')!.textContent).to.contain('Enter a phone number so that we can call or text you');
    expect($(el, 'label[for="phone"]')!.textContent).to.equal('Phone number');
  });

  it('sends the lead by keyboard to a real server: contact in E.164, exact consent, UTM, summary, no answers', async () => {
    history.replaceState(null, '', `${location.pathname}?utm_source=newsletter&utm_campaign=spring&email=leak@example.org#frag`);
    pageSession.set('state', 'TX');
    const el = await newForm(
      sink.endpoint,
      JSON.stringify({ lead: { consentVersion: 'v7', consentText: { en: 'Yes, {{not interpolated}} contact me.' } } }),
    );
    el.summary = summary;
    el.answers = { phq9Item9: 0 };
    el.urgent = true;
    const before = (await sink.requests()).length;
    await fillByKeyboard(el);
    const result = oneEvent(el, 'hearth-lead-form-result');
    await sendKeys({ press: 'Enter' });
    const event = await result;
    expect(event.detail.status).to.equal('sent');
    const received = await sink.waitForRequests(before + 1);
    const body = received.at(-1)!.body as Lead;
    expect(body.kind).to.equal('assessment');
    expect(body.widget).to.equal('hearth-lead-form');
    expect(body.urgent).to.equal(true);
    expect(body.contact).to.deep.equal({
      name: 'Ana Patient',
      email: 'ana@example.org',
      phone: '+15125550199',
      state: 'TX',
      preferredContact: 'text',
    });
    expect(body.consent).to.include({ given: true, text: 'Yes, {{not interpolated}} contact me.', version: 'v7' });
    expect(body.source.utm).to.deep.equal({ source: 'newsletter', campaign: 'spring' });
    expect(body.source.url).to.not.contain('leak');
    expect(body.source.url).to.not.contain('#frag');
    expect(body.summary).to.deep.equal(summary);
    expect(body).to.not.have.property('answers');
    expect(body.locale).to.equal('en');
    expect(received.at(-1)!.headers['idempotency-key']).to.equal(body.idempotencyKey);

    await el.updateComplete;
    const panel = $(el, '[part="result"]')!;
    expect(panel.textContent).to.contain('Sent. Thank you.');
    expect(active(el)).to.equal(panel);
    expect($(el, 'form')).to.not.exist;
    await expect(el).to.be.accessible();
  });

  it('sends the answers only when privacy.includeAnswers is on, and says so', async () => {
    const el = await newForm(sink.endpoint, JSON.stringify({ privacy: { includeAnswers: true } }));
    el.summary = summary;
    el.answers = { phq9Item9: 2 };
    await el.updateComplete;
    expect($(el, '.privacy')!.textContent).to.contain('your answers');
    const before = (await sink.requests()).length;
    await fillByKeyboard(el, { method: 'email', phone: '' });
    await sendKeys({ press: 'Enter' });
    const received = await sink.waitForRequests(before + 1);
    const body = received.at(-1)!.body as Lead;
    expect(body.answers).to.deep.equal({ phq9Item9: 2 });
    expect(body.contact).to.not.have.property('phone');
  });

  it('tells the truth when the endpoint answers 500: not sent yet, saved on this device, and "Try again now" sends the same lead', async () => {
    // A slow background retry, so that the person's "Try again now" is what sends it.
    Outbox.resetShared();
    Outbox.shared({ baseDelayMs: 60_000 });
    const el = await newForm();
    await sink.script({ status: 500 });
    const before = (await sink.requests()).length;
    await fillByKeyboard(el);
    const queued = oneEvent(el, 'hearth-lead-form-result');
    await sendKeys({ press: 'Enter' });
    expect((await queued).detail.status).to.equal('queued');
    await el.updateComplete;
    const panel = $(el, '[part="result"]')!;
    expect(panel.textContent).to.contain('Not sent yet: saved on this device');
    expect(panel.textContent).to.contain('Hearth Health could not receive your request just now');
    expect(active(el)).to.equal(panel);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Tab' });
    expect(active(el)?.textContent?.trim()).to.equal('Try again now');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part="result"]')?.textContent?.includes('Sent. Thank you.'), 'sent after retry', { timeout: 5000 });
    const received = (await sink.waitForRequests(before + 2)).slice(before);
    expect(new Set(received.map((r) => r.headers['idempotency-key'])).size).to.equal(1);
  });

  it('turns "saved on this device" into "sent" when the outbox delivers it later, and announces it', async () => {
    const el = await newForm();
    await sink.script({ status: 503 });
    await fillByKeyboard(el);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part="result"]')?.textContent?.includes('Not sent yet'), 'queued');
    const results: string[] = [];
    el.addEventListener('hearth-lead-form-result', (e) => results.push(e.detail.status));
    // The outbox retries on its own (backoff of up to 2 s for the first retry).
    await waitUntil(() => $(el, '[part="result"]')?.textContent?.includes('Sent. Thank you.'), 'delivered later', { timeout: 8000 });
    expect($(el, '[role="status"]')!.textContent).to.equal('Sent. Thank you.');
    expect(results).to.deep.equal(['sent']);
  });

  it('says plainly when the endpoint refuses the lead, keeps every field, and Retry sends it', async () => {
    const el = await newForm();
    await sink.script({ status: 403 });
    const before = (await sink.requests()).length;
    await fillByKeyboard(el);
    const failed = oneEvent(el, 'hearth-lead-form-result');
    await sendKeys({ press: 'Enter' });
    expect((await failed).detail.status).to.equal('failed');
    await el.updateComplete;
    const panel = $(el, '.panel--danger')!;
    expect(panel.getAttribute('role')).to.equal('alert');
    expect(panel.textContent).to.contain('We could not send this');
    expect(active(el)).to.equal(panel);
    expect(($(el, '#name') as HTMLInputElement).value).to.equal('Ana Patient');
    expect(($(el, '#email') as HTMLInputElement).value).to.equal('ana@example.org');
    expect(($(el, '#phone') as HTMLInputElement).value).to.equal('(512) 555-0199');
    expect(($(el, '#contact-text') as HTMLInputElement).checked).to.be.true;
    expect(($(el, '#consent') as HTMLInputElement).checked).to.be.true;
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Tab' });
    expect(active(el)?.textContent?.trim()).to.equal('Try again');
    const sent = oneEvent(el, 'hearth-lead-form-result');
    await sendKeys({ press: 'Enter' });
    expect((await sent).detail.status).to.equal('sent');
    const received = await sink.waitForRequests(before + 2);
    const [first, second] = received.slice(-2) as [ReceivedRequest, ReceivedRequest];
    expect(second.headers['idempotency-key']).to.equal(first.headers['idempotency-key']);
    await el.updateComplete;
    expect($(el, '[part="result"]')!.textContent).to.contain('Sent. Thank you.');
  });

  it('maps field errors returned by the endpoint onto the fields', async () => {
    const el = await newForm();
    await sink.script({
      status: 422,
      body: {
        errors: [
          { path: 'contact.email', message: 'domain does not accept mail' },
          { path: 'source.url', message: 'bad' },
        ],
      },
    });
    await fillByKeyboard(el);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '.error-summary'), 'error summary shown');
    const summaryEl = $(el, '.error-summary')!;
    expect(active(el)).to.equal(summaryEl);
    expect(summaryEl.textContent).to.contain('Some details need a change');
    expect($(el, '#email-error')!.textContent).to.contain('Check your email address: it was not accepted');
    expect($(el, '#email')!.getAttribute('aria-invalid')).to.equal('true');
    expect(($(el, '#email') as HTMLInputElement).value).to.equal('ana@example.org');
  });

  it('blocks a bot that fills the honeypot: nothing reaches the server', async () => {
    const el = await newForm();
    const before = (await sink.requests()).length;
    await fillByKeyboard(el);
    ($(el, '#website') as HTMLInputElement).value = 'https://spam.example';
    const result = oneEvent(el, 'hearth-lead-form-result');
    await sendKeys({ press: 'Enter' });
    expect((await result).detail.status).to.equal('blocked');
    await el.updateComplete;
    expect($(el, '.panel--danger')!.textContent).to.contain('could not be sent');
    await new Promise((r) => setTimeout(r, 200));
    expect((await sink.requests()).length).to.equal(before);
  });

  it('refuses a submit faster than the minimum time, then lets a person send', async () => {
    const el = await newForm();
    el.minFillTime = 60_000;
    const before = (await sink.requests()).length;
    await fillByKeyboard(el);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '.panel--danger')!.textContent).to.contain('That was quick');
    await new Promise((r) => setTimeout(r, 200));
    expect((await sink.requests()).length).to.equal(before);
    el.minFillTime = 0;
    await pressSubmit(el);
    await sink.waitForRequests(before + 1);
  });

  it('says plainly that nothing was sent when no endpoint is configured, and logs one error', async () => {
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const el = await newForm(null, JSON.stringify({ brand: { phone: '(800) 555-0100' } }));
      await fillByKeyboard(el);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '.panel--danger'), 'problem shown');
      expect($(el, '.panel--danger')!.textContent).to.contain('not connected yet, so nothing was sent');
      expect($(el, '.panel--danger')!.textContent).to.contain('(800) 555-0100');
      expect(errors.length).to.equal(1);
      expect(String(errors[0]?.[0])).to.contain('No lead endpoint is configured');
    } finally {
      console.error = original;
    }
  });

  it('lets the page veto the submission through hearth-lead-submit', async () => {
    const el = await newForm();
    const before = (await sink.requests()).length;
    el.addEventListener('hearth-lead-submit', (e) => e.preventDefault(), { once: true });
    await fillByKeyboard(el);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '.panel--danger'), 'failure shown');
    expect((await sink.requests()).length).to.equal(before);
  });

  it('offers the booking link after success, and follows lead.redirectUrl unless the host cancels', async () => {
    const el = await newForm(sink.endpoint, JSON.stringify({ brand: { bookingUrl: 'https://clinic.example/book' } }));
    await fillByKeyboard(el);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part="result"]'), 'result shown');
    const book = $(el, '[part="result"] a')!;
    expect(book.textContent).to.equal('Book your evaluation');
    expect(book.getAttribute('href')).to.equal('https://clinic.example/book');

    const redirecting = await newForm(sink.endpoint, JSON.stringify({ lead: { redirectUrl: '#thank-you' } }));
    await fillByKeyboard(redirecting);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => location.hash === '#thank-you', 'redirected');

    history.replaceState(null, '', location.pathname);
    const vetoed = await newForm(sink.endpoint, JSON.stringify({ lead: { redirectUrl: '#elsewhere' } }));
    vetoed.addEventListener('hearth-lead-form-result', (e) => e.preventDefault());
    await fillByKeyboard(vetoed);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(vetoed, '[part="result"]'), 'result shown');
    expect(location.hash).to.equal('');
    expect($(vetoed, '[part="result"] a')!.textContent).to.equal('Continue');
  });

  it('uses the host config, the kind label and hidden optional fields', async () => {
    const hostConfig: HearthConfig = {
      ...defaultConfig(),
      brand: { ...defaultConfig().brand, name: 'Acme Clinic' },
      lead: { ...defaultConfig().lead, endpoint: sink.endpoint },
    };
    const el = await fixture<HearthLeadForm>(
      html`<hearth-lead-form kind="waitlist" fields="" .hostConfig=${hostConfig} .minFillTime=${0}></hearth-lead-form>`,
    );
    expect($(el, '#phone')).to.not.exist;
    expect($(el, '#contact-email')).to.not.exist;
    expect($(el, '[part="submit"]')!.textContent?.trim()).to.equal('Join the waitlist');
    expect($(el, '.consent-text')!.textContent).to.contain('Acme Clinic may contact me');
    const before = (await sink.requests()).length;
    $(el, '#name')!.focus();
    await sendKeys({ type: 'Bo' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'bo@example.org' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Enter' });
    const received = await sink.waitForRequests(before + 1);
    const body = received.at(-1)!.body as Lead;
    expect(body.kind).to.equal('waitlist');
    expect(body.contact).to.deep.equal({ name: 'Bo', email: 'bo@example.org' });
    expect(body).to.not.have.property('summary');
  });

  it('speaks Spanish and sends the Spanish consent text', async () => {
    const el = await fixture<HearthLeadForm>(html`<div lang="es"><hearth-lead-form .minFillTime=${0}></hearth-lead-form></div>`);
    const form = el.querySelector('hearth-lead-form')!;
    form.endpoint = sink.endpoint;
    await waitUntil(() => $(form, 'label[for="name"]')?.textContent === 'Nombre completo', 'Spanish labels');
    await expect(form).to.be.accessible();
    await pressSubmit(form);
    await form.updateComplete;
    expect($(form, '.error-summary__title')!.textContent).to.equal('Hay un problema');
    const before = (await sink.requests()).length;
    await fillByKeyboard(form);
    const shown = $(form, '.consent-text')!.textContent;
    await sendKeys({ press: 'Enter' });
    const received = await sink.waitForRequests(before + 1);
    const body = received.at(-1)!.body as Lead;
    expect(body.locale).to.equal('es');
    expect(body.consent.text).to.equal(shown);
    expect(body.consent.text).to.contain('no es un servicio de emergencias');
    await waitUntil(() => $(form, '[part="result"]'), 'result shown');
    expect($(form, '[part="result"]')!.textContent).to.contain('Enviado. Gracias.');
  });

  it('reset() clears every field and starts a new lead (a new idempotency key)', async () => {
    const el = await newForm();
    const before = (await sink.requests()).length;
    await fillByKeyboard(el);
    await sendKeys({ press: 'Enter' });
    const first = (await sink.waitForRequests(before + 1)).at(-1)!;
    await waitUntil(() => $(el, '[part="result"]'), 'first result shown');
    el.reset();
    await el.updateComplete;
    expect(($(el, '#name') as HTMLInputElement).value).to.equal('');
    expect(($(el, '#consent') as HTMLInputElement).checked).to.be.false;
    expect($(el, '[part="result"]')).to.equal(null);
    await fillByKeyboard(el);
    await sendKeys({ press: 'Enter' });
    const second = (await sink.waitForRequests(before + 2)).at(-1)!;
    // The same key would make the receiver answer with the first lead and store nothing new.
    expect(second.headers['idempotency-key']).to.be.a('string').and.not.equal(first.headers['idempotency-key']);
    expect((second.body as Lead).idempotencyKey).to.equal(second.headers['idempotency-key']);
  });
});
