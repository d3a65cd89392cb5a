// The widget's own strings: English ships in two files (what the first screens need, and the
// steps after the questions, loaded once the person starts); Spanish is one file loaded on demand.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import en from '../src/translations/en.json' with { type: 'json' };
import steps from '../src/translations/steps.en.json' with { type: 'json' };
import es from '../src/translations/es.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };

function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [prefix + key] : leafKeys(value, `${prefix}${key}.`)));
}

describe('assessment translations', () => {
  it('Spanish has exactly the keys of both English files', () => {
    assert.deepEqual(leafKeys(es as Tree).sort(), [...leafKeys(en as Tree), ...leafKeys(steps as Tree)].sort());
  });

  it('the two English files share no key', () => {
    const first = new Set(leafKeys(en as Tree));
    assert.deepEqual(
      leafKeys(steps as Tree).filter((key) => first.has(key)),
      [],
    );
  });

  it('what must show without the second file is in the first: crisis help, the safety step, errors and the loading and failure messages', () => {
    for (const section of ['crisisBar', 'crisisPage', 'safety', 'errors', 'intro', 'pending']) assert.ok(section in en, section);
    assert.deepEqual(Object.keys(steps).sort(), ['age', 'history', 'lead', 'results', 'review', 'state']);
  });
});
