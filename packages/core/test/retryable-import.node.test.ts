// retryableImport: a failed on-demand import can be tried again. The re-import of the URL the
// browser's error names is exercised in Chromium by test/hostile-network.test.ts (built dist/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { failedModuleUrl, retryableImport } from '../src/retryable-import.js';

test('reads the module URL from Chromium’s and Firefox’s errors, and none from Safari’s', () => {
  const url = 'https://clinic.example/hearth/chunks/steps-BP9nN-I2.js';
  assert.equal(failedModuleUrl(new TypeError(`Failed to fetch dynamically imported module: ${url}`)), url);
  assert.equal(failedModuleUrl(new TypeError(`error loading dynamically imported module: ${url}?retry=2`)), url);
  assert.equal(failedModuleUrl(new TypeError('Importing a module script failed.')), undefined);
});

test('loads once, shares the pending load, and remembers a success', async () => {
  let calls = 0;
  const load = retryableImport(async () => ({ n: ++calls }));
  const [a, b] = await Promise.all([load(), load()]);
  assert.equal(a, b);
  assert.deepEqual(await load(), { n: 1 });
  assert.equal(calls, 1);
});

test('does not remember a failure: the next call tries again', async () => {
  let calls = 0;
  const load = retryableImport(async () => {
    calls++;
    if (calls === 1) throw new TypeError('Importing a module script failed.');
    return 'loaded';
  });
  await assert.rejects(load(), /Importing a module script failed/);
  assert.equal(await load(), 'loaded');
  assert.equal(calls, 2);
});

test('without a URL to fetch anew, a failure that persists is reported again', async () => {
  const failure = new TypeError('Importing a module script failed.');
  const load = retryableImport(async () => {
    throw failure;
  });
  await assert.rejects(load(), (error) => error === failure);
  await assert.rejects(load(), (error) => error === failure);
});
