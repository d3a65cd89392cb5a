import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import en from '../src/translations/en.json' with { type: 'json' };
import es from '../src/translations/es.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };

/** Every leaf as a dotted key → its text. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

describe('__name__ translations', () => {
  it('has the same keys in English and Spanish, none empty', () => {
    const english = leaves(en as Tree);
    const spanish = leaves(es as Tree);
    assert.deepEqual([...spanish.keys()].sort(), [...english.keys()].sort());
    for (const [key, value] of [...english, ...spanish]) assert.ok(value.trim(), `${key} is empty`);
  });
});
