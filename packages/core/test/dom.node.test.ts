import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { afterDocumentParsed } from '../src/dom.js';

/** A document stand-in: what afterDocumentParsed reads of a real one. */
function fakeDocument(readyState: DocumentReadyState) {
  const target = new EventTarget();
  return Object.assign(target, { readyState }) as unknown as Document & EventTarget;
}

describe('afterDocumentParsed', () => {
  it('waits for DOMContentLoaded while the parser is still running, and runs once', () => {
    const doc = fakeDocument('loading');
    let runs = 0;
    assert.equal(
      afterDocumentParsed(doc, () => runs++),
      true,
    );
    assert.equal(runs, 0, 'nothing runs before the document is parsed');
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    assert.equal(runs, 1);
  });

  for (const state of ['interactive', 'complete'] as const) {
    it(`does not wait when the document is ${state}`, () => {
      let runs = 0;
      assert.equal(
        afterDocumentParsed(fakeDocument(state), () => runs++),
        false,
      );
      assert.equal(runs, 0, 'the caller proceeds itself');
    });
  }
});
