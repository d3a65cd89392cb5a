import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { COVERAGE_MESSAGE_KEYS } from '@hearth/coverage/rules';
import type { SelfPayUnit } from '../src/schema.js';
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

/** `{{name}}` placeholders, sorted. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();
}

const english = leaves(en as Tree);
const spanish = leaves(es as Tree);

describe('coverage translations', () => {
  it('has the same keys in English and Spanish', () => {
    assert.deepEqual([...spanish.keys()].sort(), [...english.keys()].sort());
  });

  it('has every message key the rules can return, in both languages', () => {
    for (const key of COVERAGE_MESSAGE_KEYS) {
      assert.ok(english.get(key), `en is missing ${key}`);
      assert.ok(spanish.get(key), `es is missing ${key}`);
    }
  });

  it('uses the same placeholders in both languages, and no empty text', () => {
    for (const [key, text] of english) {
      assert.ok(text.trim(), `en ${key} is empty`);
      const other = spanish.get(key) ?? '';
      assert.ok(other.trim(), `es ${key} is empty`);
      assert.deepEqual(placeholders(other), placeholders(text), `placeholders differ for ${key}`);
    }
  });

  it('has a price phrase for every self-pay unit the schema allows', () => {
    // Type-checked against the schema: a new unit fails to compile until it is listed here.
    const units = { program: true, session: true, month: true } satisfies Record<SelfPayUnit, true>;
    for (const unit of Object.keys(units)) {
      assert.match(english.get(`money.price_${unit}`) ?? '', /\{\{price\}\}/);
      assert.match(spanish.get(`money.price_${unit}`) ?? '', /\{\{price\}\}/);
    }
  });
});
