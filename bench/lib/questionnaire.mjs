// The PC-PTSD-5 as a SurveyJS JSON model, built from Hearth's own instrument definition and
// English strings, so both products render the same words: the exposure lead-in, its six
// examples and the gate question on the first page, then the five items (shown only after
// "Yes"), one question per page as Hearth does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { ROOT } from './graph.mjs';

const INSTRUMENTS = join(ROOT, 'packages/assessment/src/instruments');

const lookup = (strings, key) => {
  const value = key.split('.').reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), strings);
  if (typeof value !== 'string') throw new Error(`bench: no English string for "${key}" in ${INSTRUMENTS}/translations/en.json`);
  return value;
};
const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

export async function pcPtsd5SurveyJson() {
  const { pcPtsd5Instrument: instrument } = await tsImport(join(INSTRUMENTS, 'pc-ptsd-5.ts'), import.meta.url);
  const strings = JSON.parse(readFileSync(join(INSTRUMENTS, 'translations/en.json'), 'utf8'));
  const t = (key) => lookup(strings, key);
  const choices = instrument.options.map((o) => ({ value: o.value ? 'yes' : 'no', text: t(o.labelKey) }));
  const gate = instrument.gate;
  const stem = instrument.stemKey ? t(instrument.stemKey) : '';
  return {
    title: instrument.name,
    showQuestionNumbers: 'off',
    showProgressBar: 'top',
    pages: [
      {
        name: gate.id,
        elements: [
          {
            type: 'html',
            name: `${gate.id}-context`,
            html: `<p>${escapeHtml(t(gate.introKey))}</p><ul>${gate.exampleKeys.map((k) => `<li>${escapeHtml(t(k))}</li>`).join('')}</ul>`,
          },
          { type: 'radiogroup', name: gate.id, title: t(gate.textKey), isRequired: true, choices },
        ],
      },
      ...instrument.items.map((item) => ({
        name: item.id,
        visibleIf: `{${gate.id}} = 'yes'`,
        elements: [{ type: 'radiogroup', name: item.id, title: `${stem} ${t(item.textKey)}`, isRequired: true, choices }],
      })),
    ],
  };
}
