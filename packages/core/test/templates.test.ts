import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, type TemplateResult } from 'lit';
import {
  baseStyles,
  buttonStyles,
  choiceFieldset,
  choiceFieldsetStyles,
  crisisLines,
  crisisStyles,
  errorSummary,
  errorSummaryStyles,
  focusField,
  inlineError,
  loadTranslations,
  translate,
  type CrisisTranslate,
} from '../src/index.js';
import { registerCoreStrings } from '../src/i18n/core-strings.js';

registerCoreStrings();

/** Renders one template in a shadow root, with the styles that travel with the templates. */
class TemplateHost extends LitElement {
  static override styles = [baseStyles, buttonStyles, crisisStyles, errorSummaryStyles, choiceFieldsetStyles];
  static override properties = { content: { attribute: false } };
  declare content: TemplateResult | unknown;
  protected override render(): unknown {
    return html`<div class="hearth-root">${this.content}</div>`;
  }
}
customElements.define('hearth-template-host', TemplateHost);

async function host(content: unknown): Promise<TemplateHost> {
  const el = await fixture<TemplateHost>(html`<hearth-template-host .content=${content}></hearth-template-host>`);
  await el.updateComplete;
  return el;
}
const $ = (el: TemplateHost, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: TemplateHost, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const t: CrisisTranslate = (key) => translate('en', 'core', key.replace(/^core:/, ''));
const links = (el: TemplateHost) => $$(el, 'a').map((a) => [a.getAttribute('href'), a.textContent?.trim()]);

describe('crisisLines', () => {
  it('the short line: the sentence, then call and text 988', async () => {
    const el = await host(crisisLines(t, { part: 'crisis' }));
    await expect(el).to.be.accessible();
    const line = $(el, 'p.crisis')!;
    expect(line.getAttribute('part')).to.equal('crisis');
    expect(line.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
      'If you are in crisis or thinking about hurting yourself, call or text 988 now. Call 988 · Text 988',
    );
    expect(links(el)).to.deep.equal([
      ['tel:988', 'Call 988'],
      ['sms:988', 'Text 988'],
    ]);
  });

  it('the panel: 988 call and text, the Veterans Crisis Line, 911 and the chat, named by its heading', async () => {
    const el = await host(crisisLines(t, { variant: 'panel', id: 'test' }));
    await expect(el).to.be.accessible();
    const section = $(el, 'section.crisis')!;
    expect(section.getAttribute('aria-labelledby')).to.equal('crisis-test-title');
    expect($(el, '#crisis-test-title')!.tagName).to.equal('H3');
    expect($(el, '#crisis-test-title')!.textContent).to.equal('Help is available right now');
    expect(links(el)).to.deep.equal([
      ['tel:988', 'Call 988'],
      ['sms:988', 'Text 988'],
      ['tel:988', 'Call 988, then press 1'],
      ['sms:838255', 'Text 838255'],
      ['https://www.veteranscrisisline.net/Chat', 'Chat with the Veterans Crisis Line'],
      ['tel:911', 'Call 911'],
      ['https://988lifeline.org/chat/', 'Chat online at 988lifeline.org'],
    ]);
    expect(section.textContent).to.contain('Veterans Crisis Line: dial 988 then press 1, or text 838255.');
  });

  it('as a page, the panel heading is an h2 that takes focus', async () => {
    const el = await host(crisisLines(t, { variant: 'panel', asPageHeading: true }));
    const heading = $(el, 'h2.crisis__title')!;
    expect(heading.getAttribute('tabindex')).to.equal('-1');
    heading.focus();
    expect(el.shadowRoot!.activeElement).to.equal(heading);
  });

  it('the links alone and the call alone', async () => {
    const el = await host(
      html`<p>${crisisLines(t, { variant: 'links', separator: ', ' })}</p>
        <p>${crisisLines(t, { variant: 'call' })}</p>`,
    );
    expect(links(el)).to.deep.equal([
      ['tel:988', 'Call 988'],
      ['sms:988', 'Text 988'],
      ['tel:988', 'Call 988'],
    ]);
    expect($(el, 'p')!.textContent).to.equal('Call 988, Text 988');
  });

  it('in Spanish: call 988 then press 2, text AYUDA to 988, and the Veterans Crisis Line chat', async () => {
    await loadTranslations('core', 'es');
    const es: CrisisTranslate = (key) => translate('es', 'core', key.replace(/^core:/, ''));
    const el = await host(crisisLines(es, { variant: 'panel' }));
    await expect(el).to.be.accessible();
    expect($(el, '.crisis__title')!.textContent).to.equal('Hay ayuda disponible ahora mismo');
    expect(links(el)).to.deep.equal([
      ['tel:988', 'Llame al 988 y luego marque 2'],
      ['sms:988?&body=AYUDA', 'Envíe AYUDA al 988'],
      ['tel:988', 'Llame al 988 y luego marque 1'],
      ['sms:838255', 'Texto al 838255'],
      ['https://www.veteranscrisisline.net/Chat', 'Chat con la Línea de Crisis para Veteranos'],
      ['tel:911', 'Llamar al 911'],
      ['https://988lifeline.org/chat/', 'Chat en línea, también en español, en 988lifeline.org'],
    ]);
    expect($(el, 'section')!.textContent).to.contain(
      'llame al 988 y luego marque 2 para hablar en español, o envíe la palabra AYUDA por mensaje de texto al 988.',
    );
    const line = await host(crisisLines(es));
    expect(line.shadowRoot!.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
      'Si está en crisis o piensa en hacerse daño, llame al 988 y luego marque 2, o envíe AYUDA por mensaje de texto al 988 ahora. Llame al 988 y luego marque 2 · Envíe AYUDA al 988',
    );
  });
});

describe('errorSummary and inlineError', () => {
  it('renders nothing without errors', async () => {
    const el = await host(errorSummary({ title: 'There is a problem', items: [], onSelect: () => {} }));
    expect($(el, '.error-summary')).to.equal(null);
  });

  it('a role=alert summary named by its title, whose links focus their field with its label in view', async () => {
    let selected = '';
    const field = (id: string, label: string, error?: string) =>
      html`<div class="field ${error ? 'field--error' : ''}">
        <label for=${id}>${label}</label>
        ${error ? inlineError({ id: `${id}-error`, prefix: 'Error:', message: error }) : ''}
        <input id=${id} aria-describedby=${error ? `${id}-error` : ''} aria-invalid=${error ? 'true' : 'false'} />
      </div>`;
    const el: TemplateHost = await host(
      html`${errorSummary({
        title: 'There is a problem',
        headingLevel: 2,
        items: [{ message: 'Check the form' }, { message: 'Enter your email', target: 'email' }],
        onSelect: (id) => {
          selected = id;
          focusField(el.shadowRoot!, id);
        },
      })}
      ${field('name', 'Name')} ${field('email', 'Email', 'Enter your email')}`,
    );
    await expect(el).to.be.accessible();
    const summary = $(el, '.error-summary')!;
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(summary.getAttribute('tabindex')).to.equal('-1');
    expect(summary.getAttribute('aria-labelledby')).to.equal('error-summary-title');
    expect($(el, 'h2#error-summary-title')!.textContent).to.equal('There is a problem');
    expect($$(el, '.error-summary__list li').map((li) => li.textContent?.trim())).to.deep.equal(['Check the form', 'Enter your email']);
    expect($(el, '.error-summary a')!.getAttribute('href')).to.equal('#email');
    $(el, '.error-summary a')!.click();
    expect(selected).to.equal('email');
    expect(el.shadowRoot!.activeElement?.id).to.equal('email');
    // The message is read with the field, after a prefix only screen readers hear.
    const message = $(el, '#email-error')!;
    expect(message.tagName).to.equal('P');
    expect(message.querySelector('.visually-hidden')!.textContent).to.equal('Error:');
    expect(message.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Error: Enter your email');
  });

  it('an h3 title inside a form with its own heading, and an inline message as a span', async () => {
    const el = await host(
      html`${errorSummary({ title: 'Check these', headingLevel: 3, items: [{ message: 'x', target: 'a' }], onSelect: () => {} })}
      ${inlineError({ id: 'a-error', prefix: 'Error:', message: 'x', inline: true, part: 'error-message' })}`,
    );
    expect($(el, 'h3#error-summary-title')).to.exist;
    expect($(el, 'span#a-error')!.getAttribute('part')).to.equal('error-message');
  });
});

describe('choiceFieldset', () => {
  it('a radio group named by its legend, described by its hint and error, that reports changes', async () => {
    const changes: [string, boolean][] = [];
    const choice = (value: string, label: string, extra: Record<string, string> = {}) => ({
      value,
      label,
      checked: value === 'b',
      onChange: (checked: boolean) => changes.push([value, checked]),
      ...extra,
    });
    const el = await host(
      choiceFieldset({
        type: 'radio',
        name: 'pick',
        idPrefix: 'pick',
        legend: html`<h2>Which one?</h2>`,
        hint: 'Choose one',
        error: { message: 'Select one', prefix: 'Error:' },
        parts: { list: 'list', choice: 'option' },
        dividersDecorative: true,
        choices: [choice('a', 'Apple', { hint: 'Red' }), choice('b', 'Banana'), choice('c', 'Other', { divider: 'Or' })],
      }),
    );
    await expect(el).to.be.accessible();
    const fieldset = $(el, 'fieldset')!;
    expect(fieldset.getAttribute('aria-describedby')).to.equal('pick-hint pick-error');
    expect($(el, 'legend')!.textContent?.trim()).to.equal('Which one?');
    expect($(el, '.field')!.classList.contains('field--error')).to.equal(true);
    expect($(el, '#pick-error')!.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Error: Select one');
    const inputs = $$(el, 'input') as HTMLInputElement[];
    expect(inputs.map((i) => [i.type, i.name, i.id, i.value, i.checked])).to.deep.equal([
      ['radio', 'pick', 'pick-0', 'a', false],
      ['radio', 'pick', 'pick-1', 'b', true],
      ['radio', 'pick', 'pick-2', 'c', false],
    ]);
    // The whole card is the label: its hint is part of the choice's name.
    expect(inputs[0]!.labels?.[0]?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Apple Red');
    expect($(el, '.choices')!.getAttribute('part')).to.equal('list');
    expect($(el, '.choice')!.getAttribute('part')).to.equal('option');
    expect($(el, '.choices__divider')!.getAttribute('aria-hidden')).to.equal('true');
    inputs[0]!.click();
    expect(changes).to.deep.equal([['a', true]]);
    expect(focusField(el.shadowRoot!, 'pick-2')).to.equal(inputs[2]);
    expect(el.shadowRoot!.activeElement).to.equal(inputs[2]);
  });

  it('a checkbox group without hint or error', async () => {
    const el = await host(
      choiceFieldset({
        type: 'checkbox',
        name: 'many',
        idPrefix: 'many',
        legend: 'Which apply?',
        choices: [
          { value: 'x', label: 'X', checked: true, onChange: () => {} },
          { value: 'y', label: 'Y', checked: false, onChange: () => {}, id: 'custom-y' },
        ],
      }),
    );
    await expect(el).to.be.accessible();
    expect($(el, 'fieldset')!.hasAttribute('aria-describedby')).to.equal(false);
    expect($(el, '.field--error')).to.equal(null);
    expect(($$(el, 'input') as HTMLInputElement[]).map((i) => [i.type, i.id, i.checked])).to.deep.equal([
      ['checkbox', 'many-0', true],
      ['checkbox', 'custom-y', false],
    ]);
  });
});

describe('focusField', () => {
  it('returns undefined when there is no such field', async () => {
    const el = await host(html`<p>nothing</p>`);
    expect(focusField(el.shadowRoot!, 'missing')).to.equal(undefined);
  });
});
