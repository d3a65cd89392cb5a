// Instruments as data: JSON-serializable definitions whose wording lives in translation files.
// The expected English below is copied from the clinical reference (instruments.md), which
// requires the published PC-PTSD-5, PCL-5 and PHQ-9 wording verbatim.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import baseEn from '../src/instruments/translations/en.json' with { type: 'json' };
// The PCL-5's English wording is a file of its own, loaded only by pages that use the PCL-5.
import pcl5En from '../src/instruments/translations/pcl5.en.json' with { type: 'json' };
import es from '../src/instruments/translations/es.json' with { type: 'json' };
import { builtInInstruments, pcl5Instrument, pcPtsd5Instrument, phq9Item9Instrument } from '../src/instruments/index.js';
import type { InstrumentDefinition } from '../src/instruments/index.js';

const definitions: readonly InstrumentDefinition[] = [pcPtsd5Instrument, pcl5Instrument, phq9Item9Instrument];
const en = { ...baseEn, ...pcl5En };
const translations = { en, es } as const;

/** Resolves a dotted i18n key (i18next's default key separator) to its value. */
function lookup(tree: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null && Object.hasOwn(node, part) ? (node as Record<string, unknown>)[part] : undefined,
      tree,
    );
}

/** Every dotted key of a string leaf. */
function leafKeys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([key, value]) => leafKeys(value, prefix ? `${prefix}.${key}` : key));
}

/** Every translation key a definition refers to. */
function keysOf(definition: InstrumentDefinition): string[] {
  const { attributionKey, noticeKey, instructionsKey, stemKey, gate, items, options } = definition;
  return [
    attributionKey,
    ...(noticeKey ? [noticeKey] : []),
    ...(instructionsKey ? [instructionsKey] : []),
    ...(stemKey ? [stemKey] : []),
    ...(gate ? [...(gate.introKey ? [gate.introKey] : []), ...(gate.exampleKeys ?? []), gate.textKey] : []),
    // The built-ins keep their wording in the translation files: every item and option has a key.
    ...items.map((item) => item.textKey ?? `(no textKey: ${item.id})`),
    ...options.map((option) => option.labelKey ?? `(no labelKey: ${String(option.value)})`),
  ];
}

// Verbatim from instruments.md. Straight quotes and "..." are as published there.
const VERBATIM_EN: Readonly<Record<string, string>> = {
  'pcPtsd5.intro': 'Sometimes things happen to people that are unusually or especially frightening, horrible, or traumatic. For example:',
  'pcPtsd5.examples.1': 'a serious accident or fire',
  'pcPtsd5.examples.2': 'a physical or sexual assault or abuse',
  'pcPtsd5.examples.3': 'an earthquake or flood',
  'pcPtsd5.examples.4': 'a war',
  'pcPtsd5.examples.5': 'seeing someone be killed or seriously injured',
  'pcPtsd5.examples.6': 'having a loved one die through homicide or suicide.',
  'pcPtsd5.exposure': 'Have you ever experienced this kind of event?',
  'pcPtsd5.options.yes': 'Yes',
  'pcPtsd5.options.no': 'No',
  'pcPtsd5.stem': 'In the past month, have you...',
  'pcPtsd5.items.1': 'Had nightmares about the event(s) or thought about the event(s) when you did not want to?',
  'pcPtsd5.items.2':
    'Tried hard not to think about the event(s) or went out of your way to avoid situations that reminded you of the event(s)?',
  'pcPtsd5.items.3': 'Been constantly on guard, watchful, or easily startled?',
  'pcPtsd5.items.4': 'Felt numb or detached from people, activities, or your surroundings?',
  'pcPtsd5.items.5':
    'Felt guilty or unable to stop blaming yourself or others for the event(s) or any problems the event(s) may have caused?',
  'pcl5.instructions':
    // The published paper form says "circle one of the numbers to the right"; instruments.md marks the
    // web adaptation with square brackets, which are an editor's mark and are not shown to patients.
    'Below is a list of problems that people sometimes have in response to a very stressful experience. Please read each problem carefully and then choose one of the answers to indicate how much you have been bothered by that problem in the past month.',
  'pcl5.stem': 'In the past month, how much were you bothered by:',
  'pcl5.options.0': 'Not at all',
  'pcl5.options.1': 'A little bit',
  'pcl5.options.2': 'Moderately',
  'pcl5.options.3': 'Quite a bit',
  'pcl5.options.4': 'Extremely',
  'pcl5.items.1': 'Repeated, disturbing, and unwanted memories of the stressful experience?',
  'pcl5.items.2': 'Repeated, disturbing dreams of the stressful experience?',
  'pcl5.items.3':
    'Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)?',
  'pcl5.items.4': 'Feeling very upset when something reminded you of the stressful experience?',
  'pcl5.items.5':
    'Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)?',
  'pcl5.items.6': 'Avoiding memories, thoughts, or feelings related to the stressful experience?',
  'pcl5.items.7':
    'Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)?',
  'pcl5.items.8': 'Trouble remembering important parts of the stressful experience?',
  'pcl5.items.9':
    'Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)?',
  'pcl5.items.10': 'Blaming yourself or someone else for the stressful experience or what happened after it?',
  'pcl5.items.11': 'Having strong negative feelings such as fear, horror, anger, guilt, or shame?',
  'pcl5.items.12': 'Loss of interest in activities that you used to enjoy?',
  'pcl5.items.13': 'Feeling distant or cut off from other people?',
  'pcl5.items.14':
    'Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)?',
  'pcl5.items.15': 'Irritable behavior, angry outbursts, or acting aggressively?',
  'pcl5.items.16': 'Taking too many risks or doing things that could cause you harm?',
  'pcl5.items.17': 'Being "superalert" or watchful or on guard?',
  'pcl5.items.18': 'Feeling jumpy or easily startled?',
  'pcl5.items.19': 'Having difficulty concentrating?',
  'pcl5.items.20': 'Trouble falling or staying asleep?',
  'phq9.item9':
    'Over the last 2 weeks, how often have you been bothered by thoughts that you would be better off dead or of hurting yourself in some way?',
  'phq9.options.0': 'Not at all',
  'phq9.options.1': 'Several days',
  'phq9.options.2': 'More than half the days',
  'phq9.options.3': 'Nearly every day',
  'phq9.notice':
    'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
};

describe('instrument definitions are data', () => {
  for (const definition of definitions) {
    it(`${definition.id}: JSON round-trips unchanged (no functions, undefined or class instances)`, () => {
      assert.deepEqual(JSON.parse(JSON.stringify(definition)), definition);
    });

    it(`${definition.id}: item ids are unique and distinct from the gate id`, () => {
      const ids = [...definition.items.map((item) => item.id), ...(definition.gate ? [definition.gate.id] : [])];
      assert.equal(new Set(ids).size, ids.length);
    });

    it(`${definition.id}: has a name, version and citation to show under a result`, () => {
      assert.notEqual(definition.name.trim(), '');
      assert.notEqual(definition.abbreviation.trim(), '');
      assert.match(definition.version, /^\d{4}$/);
      assert.ok(definition.citation.length > 20);
    });
  }

  it('builtInInstruments is keyed by each definition id and JSON round-trips', () => {
    assert.deepEqual(Object.keys(builtInInstruments).sort(), definitions.map((d) => d.id).sort());
    for (const [id, definition] of Object.entries(builtInInstruments)) assert.equal(definition.id, id);
    assert.deepEqual(JSON.parse(JSON.stringify(builtInInstruments)), builtInInstruments);
  });

  it('PC-PTSD-5 (Prins et al. 2016): exposure gate, 5 yes/no items, default cut point 3, published range 3-4', () => {
    assert.equal(pcPtsd5Instrument.gate?.id, 'exposure');
    assert.equal(pcPtsd5Instrument.gate?.exampleKeys?.length, 6);
    assert.equal(pcPtsd5Instrument.items.length, 5);
    assert.deepEqual(
      pcPtsd5Instrument.options.map((option) => option.value),
      [true, false],
    );
    assert.deepEqual(pcPtsd5Instrument.scoring, {
      kind: 'count-yes',
      cutPoint: 3,
      cutPointRange: [3, 4],
    });
    assert.match(pcPtsd5Instrument.citation, /doi:10\.1007\/s11606-016-3703-5/);
  });

  it('PCL-5 (VA scoring): 20 items in DSM-5 clusters B 1-5, C 6-7, D 8-14, E 15-20', () => {
    const byCluster = (cluster: string): number[] =>
      pcl5Instrument.items.flatMap((item, index) => (item.cluster === cluster ? [index + 1] : []));
    assert.equal(pcl5Instrument.items.length, 20);
    assert.deepEqual(byCluster('B'), [1, 2, 3, 4, 5]);
    assert.deepEqual(byCluster('C'), [6, 7]);
    assert.deepEqual(byCluster('D'), [8, 9, 10, 11, 12, 13, 14]);
    assert.deepEqual(byCluster('E'), [15, 16, 17, 18, 19, 20]);
    pcl5Instrument.items.forEach((item, index) => assert.equal(item.id, `pcl5-${index + 1}`));
  });

  it('PCL-5 (VA scoring): 0-4 scale, cut point 33 (range 31-33), rule 1 B / 1 C / 2 D / 2 E at 2+, change 5 and 10', () => {
    assert.deepEqual(
      pcl5Instrument.options.map((option) => option.value),
      [0, 1, 2, 3, 4],
    );
    assert.deepEqual(pcl5Instrument.scoring, {
      kind: 'sum',
      itemMin: 0,
      itemMax: 4,
      cutPoint: 33,
      cutPointRange: [31, 33],
      clusterRule: { endorsedAt: 2, minEndorsed: { B: 1, C: 1, D: 2, E: 2 } },
      change: { response: 5, meaningful: 10 },
    });
  });

  it('PHQ-9 item 9: answers 0-3, any answer above 0 triggers, notice attached', () => {
    assert.deepEqual(
      phq9Item9Instrument.options.map((option) => option.value),
      [0, 1, 2, 3],
    );
    assert.deepEqual(phq9Item9Instrument.scoring, {
      kind: 'safety-trigger',
      threshold: 1,
    });
    assert.equal(phq9Item9Instrument.noticeKey, 'phq9.notice');
  });
});

describe('translations', () => {
  it('the PCL-5 file holds the PCL-5 wording and nothing else, and the main file none of it', () => {
    assert.deepEqual(Object.keys(pcl5En), ['pcl5']);
    assert.ok(!('pcl5' in baseEn));
  });

  for (const [lang, tree] of Object.entries(translations)) {
    for (const definition of definitions) {
      it(`${lang}: every translation key of ${definition.id} resolves to a non-empty string`, () => {
        for (const key of keysOf(definition)) {
          const value = lookup(tree, key);
          assert.equal(typeof value, 'string', `${lang} is missing ${key}`);
          assert.notEqual(String(value).trim(), '', `${lang} has an empty ${key}`);
        }
      });
    }
  }

  it('en and es have exactly the same keys', () => {
    assert.deepEqual(leafKeys(es).sort(), leafKeys(en).sort());
  });

  it('every translation string is used by a definition (no orphans)', () => {
    const used = new Set(definitions.flatMap(keysOf));
    assert.deepEqual(
      leafKeys(en).filter((key) => !used.has(key)),
      [],
    );
  });

  it('every en string of the PC-PTSD-5, PCL-5 and PHQ-9 item 9 is covered by the verbatim table', () => {
    const instrumentKeys = leafKeys(en).filter((key) => !key.startsWith('attribution.'));
    assert.deepEqual(
      instrumentKeys.filter((key) => !(key in VERBATIM_EN)),
      [],
    );
  });

  for (const [key, expected] of Object.entries(VERBATIM_EN)) {
    it(`en ${key} is verbatim from the published instrument`, () => {
      assert.equal(lookup(en, key), expected);
    });
  }

  it('es is a translation, not a copy: no item text equals the English', () => {
    for (const definition of definitions) {
      for (const item of definition.items) {
        const key = item.textKey ?? '';
        assert.notEqual(lookup(es, key), lookup(en, key), key);
      }
    }
  });

  describe('attribution (instruments.md: translations are our own, and each must say so)', () => {
    for (const definition of definitions) {
      it(`${definition.id}: es says whether its wording is our own translation or the official one`, () => {
        const text = String(lookup(es, definition.attributionKey));
        // The PHQ-9 has an official US Spanish form (Pfizer), used verbatim; the VA publishes no Spanish PC-PTSD-5 or PCL-5.
        if (definition.id === 'phq9-item9') assert.match(text, /versión oficial en español para EE\. UU\. \(Pfizer\)/);
        else {
          assert.match(text, /Traducción al español de Hearth/);
          assert.match(text, /no validada oficialmente/);
        }
      });

      it(`${definition.id}: en names the publisher and does not claim to be a translation`, () => {
        const text = String(lookup(en, definition.attributionKey));
        assert.doesNotMatch(text, /translat/i);
        assert.ok(text.length > 20);
      });
    }

    it('VA instruments: en credits the VA National Center for PTSD', () => {
      for (const key of [pcPtsd5Instrument.attributionKey, pcl5Instrument.attributionKey]) {
        assert.equal(lookup(en, key), 'Published by the U.S. Department of Veterans Affairs National Center for PTSD. Public domain.');
        assert.match(String(lookup(es, key)), /Centro Nacional de TEPT del VA/);
      }
    });

    it('PHQ-9: es uses the official US Spanish form verbatim: item 9 and the notice (instruments.md)', () => {
      assert.equal(
        lookup(es, 'phq9.notice'),
        'Elaborado por los doctores Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke y colegas, mediante una subvención educativa otorgada por Pfizer Inc. No se requiere permiso para reproducir, traducir, presentar o distribuir.',
      );
      assert.ok(String(lookup(es, 'phq9.item9')).endsWith('Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera'));
      assert.ok(
        String(lookup(es, 'phq9.item9')).startsWith(
          'Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los siguientes problemas?',
        ),
      );
    });
  });
});
