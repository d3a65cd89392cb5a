/**
 * The versioned CDN folder (dist/cdn/hearth@<version>/, written by packages/hearth/scripts/cdn.mjs
 * after the build), served as a CDN serves it (/hearth-cdn/, byte for byte):
 * - every hash in sri.json matches the bytes the server sends;
 * - a page that pastes snippet.html (import map with integrity + script with integrity and
 *   crossorigin) renders the widgets under a CSP that admits scripts only by hash
 *   (`'sha256-…'` of the import map, `'sha384-…'` of the loader and of every chunk; no origin,
 *   no `'self'`, no nonce), so nothing runs unless SRI vouches for it;
 * - a loader or a chunk changed after publication is refused, and the page stays usable.
 * Build first: `pnpm --filter @hearth/embed build`.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand, readFile } from '@web/test-runner-commands';
import { rendered } from './support/drive.js';
import { needBuiltDist, openPage, waitFor, type HostPage } from './support/host-page.js';

interface Sri {
  version: string;
  algorithm: string;
  base: string;
  files: Record<string, string>;
  csp: Record<string, string>;
}

const SERVED = '/hearth-cdn/';
let version = '';
let sri: Sri;

async function digest(algorithm: 'SHA-256' | 'SHA-384', data: BufferSource): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest(algorithm, data));
  return `${algorithm.replace('SHA-', 'sha')}-${btoa(String.fromCharCode(...bytes))}`;
}

let pageCount = 0;

/**
 * The published snippet, its URLs moved from the default base ("/") to where the test serves
 * dist/cdn, under a URL of its own per page: the server says `immutable`, and a tampered file
 * must not come from the browser's cache.
 */
async function snippet(name: 'snippet.html' | 'snippet.all.html'): Promise<string> {
  const text = await readFile({ path: `../dist/cdn/hearth@${version}/${name}` });
  if (!text) throw new Error(`dist/cdn/hearth@${version}/${name} is missing: run pnpm --filter @hearth/embed build`);
  return text.replaceAll(`"/hearth@${version}/`, `"${SERVED}fresh-${++pageCount}/hearth@${version}/`);
}

/**
 * A policy that admits a script only by hash (no origin, no 'self', no nonce): the import map's,
 * the file the page loads, and each chunk, which the browser matches against the import map's
 * integrity for that chunk. The policy sri.json publishes, for the test's base URL.
 */
async function sriOnlyPolicy(html: string, file: string): Promise<string> {
  const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)![1]!;
  const mapHash = await digest('SHA-256', new TextEncoder().encode(importMap));
  const chunks = Object.entries(sri.files)
    .filter(([name]) => name.startsWith('chunks/'))
    .map(([, hash]) => `'${hash}'`);
  return `script-src '${mapHash}' '${sri.files[file]}' ${chunks.join(' ')}; object-src 'none'; base-uri 'none'`;
}

async function openSnippetPage(name: 'snippet.html' | 'snippet.all.html', file: string): Promise<HostPage> {
  const html = await snippet(name);
  const policy = await sriOnlyPolicy(html, file);
  return openPage({
    scripts: [],
    hostileCss: false,
    title: `CDN ${name}`,
    // The policy as a meta element, after the test's own probe script (which carries no hash).
    head: `<meta http-equiv="Content-Security-Policy" content="${policy}">\n${html}`,
    body: '<main><hearth-assessment><p id="fallback">Call us on (505) 555-0142.</p></hearth-assessment><hearth-faq></hearth-faq></main>',
  });
}

/** From now on the server sends `file` of this version's folder with a few bytes added (undefined: none). */
const tamper = (file?: string) => executeServerCommand('hearth-cdn-tamper', { file: file && `hearth@${version}/${file}` });

describe('versioned CDN folder with SRI (built dist/cdn)', function () {
  this.timeout(60000);
  const pages: HostPage[] = [];

  before(async () => {
    await needBuiltDist();
    const pkg = JSON.parse((await readFile({ path: '../packages/hearth/package.json' }))!) as { version: string };
    version = pkg.version;
    const text = await readFile({ path: `../dist/cdn/hearth@${version}/sri.json` });
    if (!text) throw new Error(`dist/cdn/hearth@${version}/sri.json is missing: run pnpm --filter @hearth/embed build`);
    sri = JSON.parse(text) as Sri;
  });

  afterEach(async () => {
    await tamper(undefined);
    while (pages.length) pages.pop()!.close();
  });

  it('publishes the hash-only CSP of each snippet: every script of the folder by its hash', () => {
    const snippets: [string, string][] = [
      ['snippet.html', 'hearth.js'],
      ['snippet.all.html', 'hearth.all.js'],
    ];
    for (const [name, entry] of snippets) {
      const policy = sri.csp[name]!;
      expect(policy, name).to.match(/^script-src 'sha256-[^']+' /);
      for (const [file, hash] of Object.entries(sri.files))
        if (file.startsWith('chunks/') || file === entry) expect(policy, `${name}: ${file}`).to.contain(`'${hash}'`);
      expect(policy).not.to.match(/'self'|https?:|'unsafe|'nonce-/);
    }
  });

  it('lists a sha384 for the loader, the all-in-one file, every chunk and the config schema', () => {
    expect(sri.version).to.equal(version);
    expect(sri.algorithm).to.equal('sha384');
    const names = Object.keys(sri.files);
    for (const name of ['hearth.js', 'hearth.all.js', 'config.schema.json', 'snippet.html', 'snippet.all.html'])
      expect(names).to.include(name);
    const chunks = names.filter((n) => n.startsWith('chunks/'));
    expect(chunks.length).to.be.greaterThan(10);
    // Content-hashed chunk names: a new release never overwrites a chunk an old loader asks for.
    for (const chunk of chunks) expect(chunk).to.match(/^chunks\/[\w.-]+-[\w-]{8}\.js$/);
    for (const hash of Object.values(sri.files)) expect(hash).to.match(/^sha384-[A-Za-z0-9+/]{64}$/);
  });

  it('publishes hashes that match the files as served', async () => {
    for (const [name, hash] of Object.entries(sri.files)) {
      const response = await fetch(`${SERVED}hearth@${version}/${name}`);
      expect(response.status, name).to.equal(200);
      expect(await digest('SHA-384', await response.arrayBuffer()), name).to.equal(hash);
    }
  });

  it('names no source map the folder does not serve (maps are not published)', async () => {
    const missing: string[] = [];
    for (const name of Object.keys(sri.files)) {
      const url = new URL(`${SERVED}hearth@${version}/${name}`, location.href);
      const text = await (await fetch(url)).text();
      for (const [, map] of text.matchAll(/^[ \t]*\/[/*][#@] sourceMappingURL=(?!data:)(\S+)/gm)) {
        const status = (await fetch(new URL(map!, url))).status;
        if (status !== 200) missing.push(`${name} → ${map} (${status})`);
      }
    }
    expect(missing).to.deep.equal([]);
  });

  it('renders the widgets from snippet.html under a CSP that admits scripts only by hash', async () => {
    const page = await openSnippetPage('snippet.html', 'hearth.js');
    pages.push(page);
    const script = page.doc.querySelector<HTMLScriptElement>('script[type="module"][integrity]')!;
    expect(script.crossOrigin).to.equal('anonymous');
    expect(script.integrity).to.equal(sri.files['hearth.js']);
    const text = await rendered(page.doc.querySelector('hearth-assessment')!);
    expect(text).to.contain('PC-PTSD-5');
    await rendered(page.doc.querySelector('hearth-faq')!);
    expect(page.probe.violations, 'no CSP violation').to.deep.equal([]);
    expect(page.probe.errors).to.deep.equal([]);
  });

  it('renders the widgets from snippet.all.html (the all-in-one file) under the same kind of policy', async () => {
    const page = await openSnippetPage('snippet.all.html', 'hearth.all.js');
    pages.push(page);
    const text = await rendered(page.doc.querySelector('hearth-assessment')!);
    expect(text).to.contain('PC-PTSD-5');
    expect(page.probe.violations).to.deep.equal([]);
  });

  it('refuses a loader changed after publication: nothing runs, the fallback stays', async () => {
    await tamper('hearth.js');
    const page = await openSnippetPage('snippet.html', 'hearth.js');
    pages.push(page);
    await new Promise((r) => setTimeout(r, 1500));
    // Booleans only: chai would walk the other window's objects to print them.
    expect(page.win.Hearth === undefined, 'window.Hearth is not defined').to.equal(true);
    expect(page.win.customElements.get('hearth-assessment') === undefined, 'the tag is not defined').to.equal(true);
    expect(page.doc.getElementById('fallback')!.textContent).to.contain('555-0142');
  });

  it('refuses a chunk changed after publication (pinned by the import map) and says so in the console', async () => {
    const runtime = Object.keys(sri.files).find((n) => /^chunks\/runtime-/.test(n))!;
    await tamper(runtime);
    const page = await openSnippetPage('snippet.html', 'hearth.js');
    pages.push(page);
    // The loader itself is intact and runs; the runtime chunk it imports fails its integrity check.
    await waitFor(() => page.win.Hearth, 'the loader');
    await waitFor(() => page.probe.errors.some((e) => e.includes('Could not load')), 'the loader’s console error');
    expect(page.win.customElements.get('hearth-assessment') === undefined, 'the tag is not defined').to.equal(true);
    expect(page.doc.getElementById('fallback')!.textContent).to.contain('555-0142');
  });
});
