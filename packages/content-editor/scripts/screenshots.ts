// Takes the screenshots of docs/editing-content.md from the real editor, on a temporary copy of
// the packs: node --import tsx --conditions=source packages/content-editor/scripts/screenshots.ts
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import {
  REPO,
  copyPacks,
  field,
  launchChromium,
  openEntry,
  previewLocale,
  publish,
  removeRoot,
  replaceText,
  startEditor,
} from '../test/driver.js';

const OUT = join(REPO, 'docs/images');
const root = copyPacks();
const [editor, browser] = await Promise.all([startEditor(root), launchChromium()]);
try {
  const page: Page = await browser.newPage();
  await page.setViewport({ width: 1024, height: 640 });
  const shot = async (name: string) => {
    await page.screenshot({ path: join(OUT, name) });
    console.log(`docs/images/${name}`);
  };

  await page.goto(editor.url);
  await (await page.waitForSelector('button ::-p-text(Login)'))!.click();
  await page.waitForSelector('a ::-p-text(Frequently asked questions)');
  await shot('content-editor-list.png');

  await openEntry(page, editor.url, 'ptsd', 'faq');
  await shot('content-editor-side-by-side.png');

  await previewLocale(page, 'es');
  const preview = await page.waitForFrame((frame) => frame.url().endsWith('/preview.html'));
  await preview.waitForSelector('hearth-faq');
  const body = await field(page, 'body', 'es');
  await body.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await replaceText(page, body, 'Depende de cada persona.', 'Cada persona responde a su propio ritmo.');
  await preview.waitForFunction(() =>
    [...(document.querySelector('hearth-faq')?.shadowRoot?.querySelectorAll('hearth-faq-item') ?? [])].some((item) =>
      item.textContent?.includes('su propio ritmo'),
    ),
  );
  await preview.evaluate(async () => {
    const item = [...document.querySelector('hearth-faq')!.shadowRoot!.querySelectorAll('hearth-faq-item')][1] as HTMLElement & {
      open: boolean;
      updateComplete: Promise<unknown>;
    };
    item.open = true;
    await item.updateComplete;
  });
  await shot('content-editor-preview.png');

  // A refused save: the question heading deleted.
  await (await page.waitForSelector('button[title="Toggle i18n"]'))!.click();
  const spanish = await field(page, 'body', 'es');
  await replaceText(page, spanish, '## ¿Qué tan pronto podría notar una diferencia? {#how-fast-does-it-work}\n\n', '');
  await publish(page);
  const message = await page.waitForSelector('[data-field="body"][data-locale="es"] .hearth-check-messages');
  await page.waitForSelector('::-p-text(Not saved: the content check found)');
  await message!.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await shot('content-editor-check.png');
} finally {
  await browser.close();
  await editor.stop();
  removeRoot(root);
}
