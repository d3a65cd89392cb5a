// Drives the real editor: `pnpm content:edit` on a temporary copy of the packs, in Debian's
// Chromium through puppeteer-core. Used by the browser test and by the docs' screenshots.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ElementHandle, Page } from 'puppeteer-core';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** A temporary folder with `packages/<pack>/{manifest.json,content/}` for every content pack of the repository. */
export function copyPacks(): string {
  const root = mkdtempSync(join(tmpdir(), 'hearth-editor-'));
  for (const name of readdirSync(join(REPO, 'packages'))) {
    const pack = join(REPO, 'packages', name);
    if (!existsSync(join(pack, 'manifest.json')) || !existsSync(join(pack, 'content'))) continue;
    cpSync(join(pack, 'manifest.json'), join(root, 'packages', name, 'manifest.json'));
    cpSync(join(pack, 'content'), join(root, 'packages', name, 'content'), { recursive: true });
  }
  return root;
}

export interface RunningEditor {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `pnpm content:edit --port 0 --root <root>` (building the editor first if its sources changed). */
export async function startEditor(root: string, timeoutMs = 240_000): Promise<RunningEditor> {
  // Its own process group, so that stopping it also stops the node process pnpm started.
  const child: ChildProcess = spawn('pnpm', ['--silent', 'content:edit', '--port', '0', '--root', root], {
    cwd: REPO,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, INIT_CWD: REPO },
  });
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`content:edit did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Content editor: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`content:edit exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    },
  };
}

/** Debian's Chromium, as the benchmarks and the packed-install test launch it (no DNS but 127.0.0.1). */
export { launchChromium } from '../../../bench/lib/browser.mjs';

/** Opens an entry of the editor, logged in to the local backend. */
export async function openEntry(page: Page, url: string, collection: string, entry: string): Promise<void> {
  await page.goto(`${url}#/collections/${collection}/entries/${entry}`);
  // The local backend asks for no password: "Login" once, then Decap remembers it in this browser.
  const login = (await page.waitForFunction(
    () =>
      document.querySelector('[data-field="body"] textarea') ??
      [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Login'),
  )) as ElementHandle<Element>;
  if (await login.evaluate((el: Element) => el.localName === 'button')) await login.click();
  await page.waitForSelector('[data-field="body"] textarea');
}

/** Puts the left pane in `locale`. */
export async function leftLocale(page: Page, locale: string): Promise<void> {
  // The left pane's language menu is the first one (the right pane has its own while it shows a language).
  const menu = (await page.waitForSelector('span ::-p-text(Writing in)'))!;
  if ((await menu.evaluate((el) => el.textContent?.trim())) !== `Writing in ${locale.toUpperCase()}`) {
    await menu.click();
    await page.waitForSelector('[role=menuitem]');
    await page.$$eval(
      '[role=menuitem]',
      (items, locale) => (items.find((i) => i.textContent?.trim() === locale) as HTMLElement).click(),
      locale,
    );
  }
}

/** Puts the left pane in `locale` and the preview on the right. */
export async function previewLocale(page: Page, locale: string): Promise<void> {
  await leftLocale(page, locale);
  await (await page.waitForSelector('button[title="Toggle preview"]'))!.click();
  await page.waitForFrame((frame) => frame.url().endsWith('/preview.html'));
}

export async function field(page: Page, name: string, locale: string): Promise<ElementHandle<HTMLTextAreaElement>> {
  return (await page.waitForSelector(`[data-field="${name}"][data-locale="${locale}"] textarea`)) as ElementHandle<HTMLTextAreaElement>;
}

/** Selects `text` in a text box and types `replacement` over it, as a person would. */
export async function replaceText(page: Page, box: ElementHandle<HTMLTextAreaElement>, text: string, replacement: string): Promise<void> {
  const found = await box.evaluate((el, text) => {
    const at = el.value.indexOf(text);
    if (at === -1) return false;
    el.focus();
    el.setSelectionRange(at, at + text.length);
    return true;
  }, text);
  if (!found) throw new Error(`the text box does not contain ${JSON.stringify(text)}`);
  if (replacement) await page.keyboard.type(replacement);
  else await page.keyboard.press('Backspace');
}

/** Publish → Publish now (the local backend writes the files). */
export async function publish(page: Page): Promise<void> {
  await (await page.waitForSelector('span ::-p-text(Publish)'))!.click();
  await (await page.waitForSelector('[role=menuitem] ::-p-text(Publish now)'))!.click();
}

/**
 * Closes Decap's notices ("Entry saved" and the like), as a person would before reaching for the
 * buttons beneath them: they sit over the editor's top-right controls for several seconds.
 */
export async function closeNotices(page: Page): Promise<void> {
  for (const close of await page.$$('.Toastify__toast .Toastify__close-button')) await close.click().catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector('.Toastify__toast'));
}

/** Waits until `check` is true, checking every 50 ms. */
export async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const removeRoot = (root: string) => rmSync(root, { recursive: true, force: true });
