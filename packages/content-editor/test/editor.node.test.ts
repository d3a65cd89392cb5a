// The content editor in real Chromium: `pnpm content:edit` on a temporary copy of the packs (the
// repository's files are never touched). A Spanish FAQ answer changed and saved lands on disk,
// passes `hearth-content check` and shows in <hearth-faq lang="es">; an edit that removes a
// required question is refused with a readable message; nothing is requested from elsewhere.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, ElementHandle, Frame, Page } from 'puppeteer-core';
import {
  REPO,
  closeNotices,
  copyPacks,
  field,
  launchChromium,
  openEntry,
  previewLocale,
  publish,
  removeRoot,
  replaceText,
  startEditor,
  until,
  type RunningEditor,
} from './driver.js';

const ES_FAQ = 'packages/content-ptsd/content/es/faq.md';
const OLD_ANSWER = 'Depende de cada persona.';
const NEW_ANSWER = 'Cada persona responde a su propio ritmo.';
const QUESTION = 'how-fast-does-it-work';

let root: string;
let editor: RunningEditor;
let browser: Browser;
let page: Page;
const requests: string[] = [];
const started = Date.now();

before(async () => {
  root = copyPacks();
  [editor, browser] = await Promise.all([startEditor(root), launchChromium()]);
  page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  page.on('request', (request) => void requests.push(request.url()));
  page.setDefaultTimeout(30_000);
});

after(async () => {
  await browser?.close();
  await editor?.stop();
  if (root) removeRoot(root);
  console.log(`content-editor browser test: ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
});

/** Waits for `slug`'s answer in the FAQ of `frame` to contain `text`, opens it, and says whether the text is on screen. */
async function faqShows(frame: Frame, lang: string, slug: string, text: string): Promise<boolean> {
  const item = (await frame.waitForFunction(
    (lang, slug, text) => {
      const faq = document.querySelector(`hearth-faq[lang="${lang}"]`);
      const items = [...(faq?.shadowRoot?.querySelectorAll('hearth-faq-item') ?? [])] as (HTMLElement & { resolvedSlug: string })[];
      return items.find(
        (item) => item.resolvedSlug === slug && item.textContent?.includes(text) && item.shadowRoot?.querySelector('[part~="question"]'),
      );
    },
    {},
    lang,
    slug,
    text,
  )) as ElementHandle<HTMLElement>;
  return item.evaluate(async (node: HTMLElement, text: string) => {
    const el = node as HTMLElement & { open: boolean; updateComplete: Promise<unknown> };
    if (!el.open) (el.shadowRoot!.querySelector('[part~="question"]') as HTMLElement).click();
    await el.updateComplete;
    const answer = [...el.children].filter((child) => child.getAttribute('slot') !== 'question');
    return el.open && answer.some((child) => child.checkVisibility() && (child as HTMLElement).innerText.includes(text));
  }, text);
}

test('a Spanish FAQ answer changed in the editor is saved, passes the check and shows in <hearth-faq lang="es">', async () => {
  const before = readFileSync(join(root, ES_FAQ), 'utf8');
  assert.ok(before.includes(OLD_ANSWER), 'the fixture answer is in the copy');

  const mark = (what: string) => console.log(`  ${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  mark('editor up');
  // One entry per document, each language folded into it (Decap paired "es/" wrongly before the fix in vite.config.ts).
  await page.goto(`${editor.url}#/collections/ptsd`);
  await (await page.waitForSelector('button ::-p-text(Login)'))!.click();
  await page.waitForSelector('a[href*="/collections/ptsd/entries/"]');
  const entries = await page.$$eval('a[href*="/collections/ptsd/entries/"]', (links) => links.map((a) => a.textContent?.trim()).sort());
  assert.deepEqual(entries, [
    'Frequently asked questions (faq.md)',
    'Ketamine-assisted therapy for PTSD: a plain-language guide (guide.md)',
  ]);
  await openEntry(page, editor.url, 'ptsd', 'faq');
  mark('entry open');
  // English and Spanish side by side: both bodies are on screen.
  assert.match(await (await field(page, 'body', 'en')).evaluate((el) => el.value), /\{#is-it-legal\}/);
  await previewLocale(page, 'es');
  const body = await field(page, 'body', 'es');
  await replaceText(page, body, OLD_ANSWER, NEW_ANSWER);

  // The live preview is the real widget, rendering the text as it stands in the form.
  const preview = await page.waitForFrame((frame) => frame.url().endsWith('/preview.html'));
  assert.ok(await faqShows(preview, 'es', QUESTION, NEW_ANSWER), 'the preview shows the new answer');

  mark('preview shows the edit');
  await publish(page);
  // Only the answer changes: the front matter and every other line are written back as they were.
  const expected = before.replace(OLD_ANSWER, NEW_ANSWER);
  await until(
    () => readFileSync(join(root, ES_FAQ), 'utf8') === expected,
    'the Spanish FAQ on disk to hold the new answer and nothing else',
  );
  const enFaq = 'packages/content-ptsd/content/en/faq.md';
  assert.ok(
    readFileSync(join(root, enFaq), 'utf8') === readFileSync(join(REPO, enFaq), 'utf8'),
    'the English FAQ is written back unchanged',
  );
  await page.waitForSelector('::-p-text(Entry saved)');

  mark('saved');
  const check = spawnSync(
    process.execPath,
    [join(REPO, 'packages/content/bin/hearth-content.mjs'), 'check', join(root, 'packages/content-ptsd')],
    {
      encoding: 'utf8',
    },
  );
  assert.equal(check.status, 0, `hearth-content check fails on the saved pack:\n${check.stderr}`);

  // The saved file, read back from disk by the server, in <hearth-faq lang="es">.
  const reader = await browser.newPage();
  reader.on('request', (request) => void requests.push(request.url()));
  await reader.goto(`${editor.url}preview.html?kind=faq&lang=es&src=/hearth/content/${ES_FAQ}`);
  assert.ok(await faqShows(reader.mainFrame(), 'es', QUESTION, NEW_ANSWER), '<hearth-faq lang="es"> shows the saved answer');
  await reader.close();
  mark('saved file shown');
});

test('an edit that removes a required question is refused with a readable message, and nothing is written', async () => {
  const before = readFileSync(join(root, ES_FAQ), 'utf8');
  const heading = /^## .*\{#how-fast-does-it-work\}\n\n/m.exec(before)![0];
  // Spanish in the right-hand pane, beside English (Decap puts the left pane back in English on save).
  // "Entry saved" from the first test may still cover the toggle: close it first.
  await closeNotices(page);
  await (await page.waitForSelector('button[title="Toggle i18n"]'))!.click();
  const body = await field(page, 'body', 'es');
  await replaceText(page, body, heading, '');
  await publish(page);

  // Next to the field: the checker's own words, with the line in the text box.
  const message = await page.waitForSelector('[data-field="body"][data-locale="es"] .hearth-check-messages');
  const text = await message!.evaluate((el) => (el as HTMLElement).innerText);
  assert.match(text, /required question "how-fast-does-it-work" is missing/);
  assert.match(text, /\{#how-fast-does-it-work\} is in the English FAQ \(line \d+\) but missing here/);
  assert.doesNotMatch(text, /packages\/|Line 1:/, 'no repository path, and no line for something missing');
  assert.equal(await message!.evaluate((el) => el.getAttribute('role')), 'alert');
  const input = await field(page, 'body', 'es');
  assert.equal(await input.evaluate((el) => el.getAttribute('aria-describedby')), await message!.evaluate((el) => el.id));
  assert.equal(await input.evaluate((el) => el.getAttribute('aria-invalid')), 'true');
  // And in Decap's own notice.
  await page.waitForSelector('::-p-text(Not saved: the content check found)');
  assert.equal(readFileSync(join(root, ES_FAQ), 'utf8'), before, 'the refused edit is not on disk');

  // Typing in the field clears its messages (they describe the last check, not the new text).
  await replaceText(page, await field(page, 'body', 'es'), 'Usted se reúne', 'Usted se reúne');
  await page.waitForSelector('[data-field="body"][data-locale="es"] .hearth-check-messages', { hidden: true });
});

test('the guide: its preview is the real <hearth-guide lang="es">, showing an edit of the Spanish text as it is typed', async () => {
  // A fresh browser context: Decap keeps its pane toggles, and the earlier tests changed them.
  const context = await browser.createBrowserContext();
  const guidePage = await context.newPage();
  await guidePage.setViewport({ width: 1400, height: 900 });
  guidePage.setDefaultTimeout(30_000);
  guidePage.on('request', (request) => void requests.push(request.url()));
  try {
    await openEntry(guidePage, editor.url, 'ptsd', 'guide');
    await previewLocale(guidePage, 'es');
    const body = await field(guidePage, 'body', 'es');
    await replaceText(
      guidePage,
      body,
      'No es una señal de debilidad, y tiene tratamiento.',
      'No es una señal de debilidad: se puede tratar.',
    );
    const preview = await guidePage.waitForFrame((frame) => frame.url().endsWith('/preview.html'));
    const shown = await preview.waitForFunction(
      (text) => {
        const guide = document.querySelector('hearth-guide[lang="es"]');
        const rendered = `${guide?.shadowRoot?.textContent ?? ''} ${guide?.textContent ?? ''}`;
        return rendered.includes(text) && !rendered.includes('y tiene tratamiento.');
      },
      {},
      'No es una señal de debilidad: se puede tratar.',
    );
    assert.ok(await shown.jsonValue(), 'the guide preview shows the edit');
  } finally {
    await context.close();
  }
});

test('no request leaves the machine', () => {
  const origin = new URL(editor.url).origin;
  const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
  assert.deepEqual(elsewhere, []);
  assert.ok(requests.length > 10, `requests were recorded (${requests.length})`);
});
