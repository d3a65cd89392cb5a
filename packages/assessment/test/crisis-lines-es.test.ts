// The clinic compliance review (issue 12), point 8: in Spanish, every crisis surface a person can
// meet (the crisis bar, its panel and the error surface) comes from core's one crisis-lines
// template: call 988 then press 2, text AYUDA to 988, and the Veterans Crisis Line chat.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { HearthAssessment } from '../src/index.js';
import { configure, setLocale } from '@hearth/core';
import { captureConsole } from '../../../test/support/console.js';

const $ = (el: HTMLElement, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const hrefs = (root: HTMLElement) => [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
const spoken = (root: HTMLElement) => root.textContent!.replace(/\s+/g, ' ').trim();

describe('<hearth-assessment> crisis lines in Spanish', () => {
  afterEach(() => {
    configure({}, { replace: true });
    setLocale(undefined);
  });

  it('the crisis bar and its panel: 988 then 2, AYUDA, and the Veterans Crisis Line chat', async () => {
    const el = await fixture<HearthAssessment>(html`<hearth-assessment lang="es"></hearth-assessment>`);
    await waitUntil(() => $(el, '[part="crisis-bar"]')?.textContent?.includes('Envíe AYUDA'), 'Spanish crisis bar', { timeout: 5000 });
    const bar = $(el, '[part="crisis-bar"]')!;
    expect(spoken(bar)).to.contain('Llame al 988 y luego marque 2 Envíe AYUDA al 988');
    expect(hrefs(bar)).to.deep.equal(['tel:988', 'sms:988?&body=AYUDA']);
    bar.querySelector<HTMLButtonElement>('button')!.click();
    await el.updateComplete;
    const panel = $(el, '#crisis-more [part="crisis"]')!;
    expect(hrefs(panel)).to.include.members(['sms:988?&body=AYUDA', 'https://www.veteranscrisisline.net/Chat']);
    expect(spoken(panel)).to.contain('llame al 988 y luego marque 2 para hablar en español');
    expect(spoken(panel)).to.contain('Chat con la Línea de Crisis para Veteranos');
    await expect(el).to.be.accessible();
  });

  it('the error surface of a widget whose config is wrong', async () => {
    const { result: el } = await captureConsole(async () => {
      const widget = await fixture<HearthAssessment>(
        html`<hearth-assessment lang="es" config=${JSON.stringify({ assessment: { instrument: 'nope' } })}></hearth-assessment>`,
      );
      await waitUntil(() => $(widget, '[part="error"]')?.textContent?.includes('AYUDA'), 'Spanish error surface', { timeout: 5000 });
      return widget;
    });
    const alert = $(el, '[part="error"]')!;
    expect(spoken(alert)).to.contain(
      'llame al 988 y luego marque 2, o envíe AYUDA por mensaje de texto al 988 ahora. Llame al 988 y luego marque 2 · Envíe AYUDA al 988',
    );
    expect(hrefs(alert)).to.deep.equal(['tel:988', 'sms:988?&body=AYUDA']);
  });
});
