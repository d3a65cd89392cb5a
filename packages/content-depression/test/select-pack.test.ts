// content="depression" selects this pack on the guide, the FAQ and the assessment (issue 14), in
// real Chromium: the person sees the depression guide and FAQ, and the assessment starts with the
// PHQ-9 (the pack's default instrument), never the PTSD screen.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../guide/src/define.js';
import '../../faq/src/define.js';
import '../../assessment/src/define.js';

const deep = (el: Element | null | undefined): string => {
  if (!el) return '';
  const root = el.shadowRoot ?? el;
  let text = '';
  for (const node of root.querySelectorAll('*')) if (node.shadowRoot) text += ` ${deep(node)}`;
  return `${root.textContent ?? ''} ${text}`.replace(/\s+/g, ' ');
};

describe('content="depression"', () => {
  for (const [lang, guideHeading, faqQuestion, assessmentTitle] of [
    ['en', 'What treatment-resistant depression is', 'What does "treatment-resistant depression" mean?', 'Free depression self-assessment'],
    [
      'es',
      'Qué es la depresión resistente al tratamiento',
      '¿Qué significa "depresión resistente al tratamiento"?',
      'Autoevaluación gratuita de la depresión',
    ],
  ] as const) {
    it(`shows the depression guide, FAQ and PHQ-9 assessment (${lang})`, async () => {
      const wrap = await fixture<HTMLElement>(
        html`<div lang=${lang}>
          <hearth-guide content="depression"></hearth-guide>
          <hearth-faq content="depression"></hearth-faq>
          <hearth-assessment content="depression"></hearth-assessment>
        </div>`,
      );
      const guide = wrap.querySelector('hearth-guide')!;
      const faq = wrap.querySelector('hearth-faq')!;
      const assessment = wrap.querySelector('hearth-assessment')!;
      await waitUntil(() => guide.shadowRoot?.querySelector('.content h2'), 'the guide', { timeout: 10_000 });
      await waitUntil(() => deep(faq).includes(faqQuestion), 'the FAQ', { timeout: 10_000 });
      await waitUntil(() => deep(assessment).includes(assessmentTitle), 'the assessment', { timeout: 10_000 });
      const headings = [...guide.shadowRoot!.querySelectorAll('.content h2')].map((h) => h.textContent!.trim());
      expect(headings).to.include(guideHeading);
      expect(headings.join(' ')).to.match(lang === 'en' ? /depression/i : /depresión/i);
      expect(deep(assessment)).to.contain('PHQ-9').and.not.contain('PC-PTSD-5');
      expect(deep(guide) + deep(faq)).to.not.contain('PC-PTSD-5');
    });
  }
});
