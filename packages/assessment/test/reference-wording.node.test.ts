// The PHQ-9 (English and Pfizer's official US Spanish form) and the partner example's GAD-7 are
// shown verbatim from the clinical reference (shared/reference/instruments.md). The expected text
// is parsed from the reference itself, not copied here, so a change to either side fails.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { phq9Instrument } from '../src/instruments/phq-9.js';
import type { InstrumentDefinition } from '../src/instruments/index.js';

/**
 * The clinical reference, checked in beside this test (a verbatim copy of the project's
 * shared/reference/instruments.md): CI runs on a clean clone, where only the repository exists.
 */
const REFERENCE = resolve(import.meta.dirname, 'reference/instruments.md');

const reference = readFileSync(REFERENCE, 'utf8');

/** The body of the `## <title…>` section whose title starts with `title`. */
function section(title: string): string {
  const found = reference.split(/^## /m).find((part) => part.startsWith(title));
  assert.ok(found, `instruments.md has no "## ${title}" section`);
  return found;
}

/** The text of the first `label: "…"` in `text` (a stem, a question or a notice). */
function quoted(text: string, label: string): string {
  const match = new RegExp(`${label}\\s*"([^"]+)"`).exec(text);
  assert.ok(match, `instruments.md: no ${label} "…" found`);
  return match[1]!;
}

/** The first run of a numbered list (`1. …`, `2. …`) in `text`, in order. */
function numberedList(text: string): string[] {
  const items: string[] = [];
  for (const line of text.split('\n')) {
    const match = /^(\d+)\. (.+)$/.exec(line.trim());
    if (match && Number(match[1]) === items.length + 1) items.push(match[2]!.trim());
    else if (items.length) break;
  }
  return items;
}

/** `0 Not at all · 1 Several days …` or `Ningún día · Varios días …`: the labels, scores and final period dropped. */
function choices(text: string): string[] {
  return text
    .replace(/\.\s*$/, '')
    .split(' · ')
    .map((choice) => choice.replace(/^\d+ /, '').trim());
}

const phq9 = section('PHQ-9');
const [phq9English, phq9Spanish] = phq9.split('**Official US Spanish form');
assert.ok(phq9Spanish, 'instruments.md: the PHQ-9 section has no official US Spanish form');
const gad7 = section('GAD-7');

const expected = {
  phq9: {
    en: {
      stem: quoted(phq9English!, 'Stem:'),
      items: numberedList(phq9English!),
      options: choices(/^Answers: (.+)$/m.exec(phq9English!)![1]!),
      followUp: {
        text: quoted(phq9English!, 'is above 0:'),
        options: choices(/is above 0: "[^"]+" (.+)$/m.exec(phq9English!)![1]!),
      },
      notice: quoted(section('Safety question'), 'The PHQ-9 notice reads:'),
    },
    es: (() => {
      const answers = /^Answers: (.+?)\. Difficulty: "([^"]+)" (.+?)\. Notice: "([^"]+)"$/m.exec(phq9Spanish);
      assert.ok(answers, 'instruments.md: the Spanish PHQ-9 answers, difficulty and notice line is not as expected');
      return {
        stem: quoted(phq9Spanish, 'Stem:'),
        items: numberedList(phq9Spanish),
        options: choices(answers[1]!),
        followUp: { text: answers[2]!, options: choices(answers[3]!) },
        notice: answers[4]!,
      };
    })(),
  },
  gad7: {
    en: {
      stem: quoted(gad7, 'Stem:'),
      items: numberedList(gad7),
    },
  },
};

describe('the reference parses as expected (a parser that finds nothing would prove nothing)', () => {
  it('PHQ-9: 9 items, 4 answers and 4 difficulty answers, in English and in Spanish', () => {
    for (const lang of ['en', 'es'] as const) {
      const ref = expected.phq9[lang];
      assert.equal(ref.items.length, 9, lang);
      assert.equal(ref.options.length, 4, lang);
      assert.equal(ref.followUp.options.length, 4, lang);
      assert.ok(ref.stem.length > 40 && ref.followUp.text.length > 40 && ref.notice.length > 100, lang);
    }
    assert.equal(expected.phq9.en.options[0], 'Not at all');
    assert.equal(expected.phq9.es.options[0], 'Ningún día');
  });

  it('GAD-7: 7 items, answered "0–3 as the PHQ-9", with "the same notice as the PHQ-9"', () => {
    assert.equal(expected.gad7.en.items.length, 7);
    assert.match(gad7, /Answers 0–3 as the PHQ-9\./);
    assert.match(gad7, /same notice as the PHQ-9/);
  });
});

/** The wording of one language of a definition, as the widget shows it. */
function wording(definition: InstrumentDefinition, lang: string): Record<string, unknown> {
  const language = definition.languages?.[lang];
  assert.ok(language, `${definition.id} has no ${lang} wording`);
  return language as unknown as Record<string, unknown>;
}

describe('PHQ-9 (src/instruments/phq-9.ts) is verbatim instruments.md', () => {
  for (const lang of ['en', 'es'] as const) {
    const ref = expected.phq9[lang];
    const ours = (): Record<string, unknown> => wording(phq9Instrument, lang);

    it(`${lang}: stem`, () => assert.equal(ours().stem, ref.stem));
    for (let i = 0; i < 9; i++) {
      it(`${lang}: item ${i + 1}`, () => assert.equal((ours().items as string[])[i], ref.items[i]));
    }
    it(`${lang}: exactly 9 items and 9 item ids`, () => {
      assert.equal((ours().items as string[]).length, ref.items.length);
      assert.equal(phq9Instrument.items.length, ref.items.length);
    });
    it(`${lang}: the 4 answers, in order`, () => {
      assert.deepEqual(ours().options, ref.options);
      assert.equal(phq9Instrument.options.length, ref.options.length);
    });
    it(`${lang}: the difficulty question`, () => {
      assert.equal((ours().followUp as { text: string }).text, ref.followUp.text);
    });
    it(`${lang}: the difficulty answers, in order`, () => {
      assert.deepEqual((ours().followUp as { options: string[] }).options, ref.followUp.options);
      assert.equal(phq9Instrument.followUp?.options.length, ref.followUp.options.length);
    });
    it(`${lang}: the notice`, () => assert.equal(ours().notice, ref.notice));
  }

  it('the licence is the English notice', () => assert.equal(phq9Instrument.licence, expected.phq9.en.notice));
});

describe('GAD-7 (examples/partner-clinic/gad-7.json) is verbatim instruments.md', () => {
  const gad7Definition = JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../../examples/partner-clinic/gad-7.json'), 'utf8'),
  ) as InstrumentDefinition;
  const ref = expected.gad7.en;
  const ours = (): Record<string, unknown> => wording(gad7Definition, 'en');

  it('en: stem', () => assert.equal(ours().stem, ref.stem));
  for (let i = 0; i < 7; i++) {
    it(`en: item ${i + 1}`, () => assert.equal((ours().items as string[])[i], ref.items[i]));
  }
  it('en: exactly 7 items and 7 item ids', () => {
    assert.equal((ours().items as string[]).length, ref.items.length);
    assert.equal(gad7Definition.items.length, ref.items.length);
  });
  it('en: the 4 answers, in order (as the PHQ-9)', () => {
    assert.deepEqual(ours().options, expected.phq9.en.options);
    assert.equal(gad7Definition.options.length, expected.phq9.en.options.length);
  });
  it('en: the notice and the licence are the PHQ-9 notice', () => {
    assert.equal(ours().notice, expected.phq9.en.notice);
    assert.equal(gad7Definition.licence, expected.phq9.en.notice);
  });
  it('offers no Spanish of its own (instruments.md: only verbatim from a citable source)', () => {
    assert.equal(gad7Definition.languages?.es, undefined);
  });
});
