// The verdict of one size budget (bench/lib/sizes.mjs, run by `pnpm size` in the test command).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeBudget } from '../../bench/lib/sizes.mjs';
import { editorLibrariesIn, librariesIn } from '../../bench/lib/graph.mjs';

const KB = 1024;

test('a budget holds, is over within its recorded ceiling, or fails', () => {
  assert.equal(judgeBudget(45 * KB, 45), 'ok');
  assert.equal(judgeBudget(45 * KB + 1, 45), 'fail', 'no ceiling: one byte over fails');
  assert.equal(judgeBudget(57 * KB, 45, 57), 'over', 'over the target, within the ceiling');
  assert.equal(judgeBudget(57 * KB + 1, 45, 57), 'fail', 'past the ceiling fails');
});

test('once a budget is met, a ceiling still recorded for it fails the check (issue 15)', () => {
  assert.equal(judgeBudget(44 * KB, 45, 57), 'ceiling-left');
  assert.equal(judgeBudget(44 * KB, 45), 'ok');
});

test('the size check finds the content editor (Decap CMS, React) in any shipped file (issue 18)', () => {
  // Markers as they survive minification in the editor's own bundle (packages/content-editor/dist).
  assert.deepEqual(librariesIn('var v="3.16.3";window.DECAP_CMS_VERSION=v;'), ['decap-cms']);
  assert.deepEqual(librariesIn('const e=Symbol.for("react.transitional.element");'), ['react']);
  const files = new Map([
    ['hearth.js', { libraries: [] }],
    ['chunks/runtime.js', { libraries: ['lit-html', 'i18next'] }],
    ['chunks/editor.js', { libraries: ['decap-cms', 'react'] }],
  ]);
  assert.deepEqual(editorLibrariesIn(files), ['decap-cms in chunks/editor.js', 'react in chunks/editor.js']);
  assert.deepEqual(editorLibrariesIn(new Map([['hearth.js', { libraries: ['lit-html'] }]])), []);
});
