// The editor's server without a browser: which packs it offers, the file format's round trip, and
// the save check that stands in front of decap-server (the same rules as `hearth-content check`).
import assert from 'node:assert/strict';
import { cpSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Server } from 'node:http';
import { discoverPacks } from '../scripts/packs.js';
import { refuseSave, startEditorServer } from '../scripts/server.js';
import { parseContentFile, serializeContentFile } from '../src/format.js';
import { REPO, copyPacks, removeRoot } from './driver.js';

const ES_FAQ = 'packages/content-ptsd/content/es/faq.md';
const EN_GUIDE = 'packages/content-ptsd/content/en/guide.md';

let root: string;
before(() => {
  root = copyPacks();
  // A second pack, to show the editor finds packs rather than knowing "ptsd".
  cpSync(join(root, 'packages/content-ptsd'), join(root, 'packages/content-zz-demo'), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(root, 'packages/content-zz-demo/manifest.json'), 'utf8'));
  writeFileSync(join(root, 'packages/content-zz-demo/manifest.json'), JSON.stringify({ ...manifest, id: 'zz-demo', title: 'Demo pack' }));
});
after(() => removeRoot(root));

const read = (path: string) => readFileSync(join(root, path), 'utf8');
const problemsOf = (files: Record<string, string>) =>
  refuseSave(
    root,
    discoverPacks(root),
    Object.entries(files).map(([path, raw]) => ({ path, raw })),
  )?.problems ?? [];

test('every pack of the repository is offered, with its guide and FAQ in each of its languages', () => {
  const inRepo = readdirSync(join(REPO, 'packages')).filter((name) => existsSync(join(REPO, 'packages', name, 'manifest.json')));
  const packs = discoverPacks(REPO);
  assert.deepEqual(packs.map((p) => p.dir).sort(), inRepo.map((name) => `packages/${name}`).sort());
  for (const pack of packs) {
    assert.deepEqual(pack.files.map((f) => f.kind).sort(), ['faq', 'guide']);
    assert.ok(pack.languages.includes('en') && pack.languages.includes('es'), `${pack.id} has en and es`);
  }
  assert.deepEqual(
    discoverPacks(root).map((p) => p.id),
    [...packs.map((p) => p.id), 'zz-demo'],
  );
});

test('every content file of every pack reads and writes back byte for byte', () => {
  let files = 0;
  for (const pack of discoverPacks(REPO)) {
    for (const lang of pack.languages) {
      for (const file of pack.files) {
        const path = join(REPO, pack.dir, 'content', lang, file.file);
        const raw = readFileSync(path, 'utf8');
        assert.equal(serializeContentFile(parseContentFile(raw)), raw, path);
        files++;
      }
    }
  }
  assert.ok(files >= 4);
});

test('the format writes what the checker reads: quotes, apostrophes, line breaks, empty fields', () => {
  const raw = serializeContentFile({
    title: "It's a title: with a colon",
    description: 'Two lines\nof "description" text that is long enough',
    lang: 'en',
    lastReviewed: '2026-11-20',
    reviewer: { name: 'Dr. Ana Ruiz', credentials: '' },
    sources: [{ id: 'a-1', title: 'Title', url: 'https://example.org/a' }],
    body: '\n\n## Section {#s}\n\nText.\n',
  });
  assert.equal(raw.split('\n---\n')[1], '\n## Section {#s}\n\nText.\n');
  const back = parseContentFile(raw);
  assert.equal(back['title'], "It's a title: with a colon");
  assert.equal(back['description'], 'Two lines\nof "description" text that is long enough');
  assert.deepEqual(back['reviewer'], { name: 'Dr. Ana Ruiz' }, 'an empty credential is left out, not written as ""');
});

describe('the save check', () => {
  test('an untouched entry passes', () => {
    assert.deepEqual(problemsOf({ [ES_FAQ]: read(ES_FAQ) }), []);
  });

  test('a section missing in Spanish', () => {
    const raw = read(ES_FAQ).replace(/^## .*\{#insurance\}\n\n/m, '');
    const problems = problemsOf({ [ES_FAQ]: raw });
    const messages = problems.map((p) => `${p.field}: ${p.message}`);
    // In an editor's words: the English FAQ and its line, not a path in the repository.
    assert.ok(
      messages.some((m) => /^body: question \{#insurance\} is in the English FAQ \(line \d+\) but missing here$/.test(m)),
      messages.join('\n'),
    );
    // Something missing has no line of its own in the text box.
    assert.ok(problems.filter((p) => /missing/.test(p.message)).every((p) => p.fieldLine === undefined));
  });

  test('a broken anchor, with the line of the text box', () => {
    const raw = read(EN_GUIDE).replace(/\n\n## /, '\n\nSee [the costs](#no-such-section).\n\n## ');
    const [problem, ...rest] = problemsOf({ [EN_GUIDE]: raw });
    assert.equal(rest.length, 0);
    assert.equal(problem!.field, 'body');
    assert.match(problem!.message, /link "#no-such-section" points to no heading/);
    const body = parseContentFile(raw).body!;
    assert.match(body.split('\n')[problem!.fieldLine! - 1]!, /no-such-section/);
  });

  test('an image without alt text', () => {
    const raw = read(EN_GUIDE).replace(/\n\n## /, '\n\n![](https://example.org/chart.png)\n\n## ');
    assert.match(problemsOf({ [EN_GUIDE]: raw })[0]!.message, /has no alt text/);
  });

  test('a link that is not https, and a source that is not https (shown at the sources field)', () => {
    const raw = read(EN_GUIDE)
      .replace(/\n\n## /, '\n\nRead [this](http://example.org/page).\n\n## ')
      .replace("url: 'https://doi.org/10.1176/appi.ajp.2020.20050596'", "url: 'http://doi.org/10.1176/appi.ajp.2020.20050596'");
    const problems = problemsOf({ [EN_GUIDE]: raw });
    assert.ok(problems.some((p) => p.field === 'body' && /link "http:\/\/example\.org\/page" must be an https:\/\/ URL/.test(p.message)));
    assert.ok(problems.some((p) => p.field === 'sources' && /https:\/\/ URL/.test(p.message)));
  });

  test('a file that is not a guide or FAQ of a pack is never written', () => {
    const refusal = refuseSave(root, discoverPacks(root), [{ path: 'package.json', raw: '{}' }]);
    assert.match(refusal!.error, /package\.json is not a guide or FAQ of a content pack/);
  });
});

describe('the server in front of decap-server', () => {
  let server: Server;
  let url: string;
  before(async () => {
    ({ server, url } = await startEditorServer({ root, dist: join(root, 'no-dist'), port: 0 }));
  });
  after(() => new Promise<void>((done) => server.close(() => done())));

  const api = (action: string, params: unknown) =>
    fetch(`${url}api/v1`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action, params }) });
  const persist = (path: string, raw: string) =>
    api('persistEntry', {
      branch: 'main',
      dataFiles: [{ slug: 'faq', path, raw }],
      assets: [],
      options: { commitMessage: 'edit', useWorkflow: false, status: 'draft', collectionName: 'ptsd' },
    });

  test('the configuration has one collection per pack, English and Spanish side by side', async () => {
    const { decap, kinds } = await (await fetch(`${url}hearth/config.json`)).json();
    assert.deepEqual(
      decap.collections.map((c: { name: string; folder: string }) => [c.name, c.folder]),
      discoverPacks(root).map((p) => [p.id, `${p.dir}/content`]),
    );
    assert.deepEqual(decap.collections[0].i18n, { structure: 'multiple_folders', locales: ['en', 'es'], default_locale: 'en' });
    assert.equal(decap.backend.proxy_url, `${url}api/v1`);
    assert.equal(kinds['ptsd/faq'], 'faq');
    assert.deepEqual(
      decap.collections[0].fields.map((f: { name: string }) => f.name),
      ['title', 'description', 'lang', 'lastReviewed', 'reviewer', 'sources', 'body'],
    );
  });

  test('an invalid save is refused with the checker’s words, and the file stays as it was', async () => {
    const before = read(ES_FAQ);
    const response = await persist(ES_FAQ, before.replace('{#veterans}', '{#veteranos}'));
    assert.equal(response.status, 422);
    const { error } = await response.json();
    assert.match(error, /^Not saved: the content check found 3 problems\.\nSpanish FAQ, text: required question "veterans" is missing/);
    assert.equal(read(ES_FAQ), before);
  });

  test('a valid save reaches decap-server and the disk', async () => {
    const changed = read(ES_FAQ).replace('Depende de cada persona.', 'Depende de la persona.');
    const response = await persist(ES_FAQ, changed);
    assert.equal(response.status, 200, await response.clone().text());
    assert.equal(read(ES_FAQ), changed);
  });

  test('uploads and deletions are refused', async () => {
    const response = await api('deleteFile', { branch: 'main', path: ES_FAQ, options: { commitMessage: 'x' } });
    assert.equal(response.status, 403);
    assert.ok(existsSync(join(root, ES_FAQ)));
  });

  test('a save that carries files (assets) is refused, and nothing is written', async () => {
    const response = await api('persistEntry', {
      branch: 'main',
      dataFiles: [{ slug: 'faq', path: ES_FAQ, raw: read(ES_FAQ) }],
      assets: [{ path: 'evil.txt', content: Buffer.from('x').toString('base64'), encoding: 'base64' }],
      options: { commitMessage: 'edit', useWorkflow: false, status: 'draft', collectionName: 'ptsd' },
    });
    assert.equal(response.status, 422);
    assert.equal(existsSync(join(root, 'evil.txt')), false);
  });

  test('a save that would move a pack file (newPath) is refused, and the file stays where it is', async () => {
    const response = await api('persistEntry', {
      branch: 'main',
      dataFiles: [{ slug: 'faq', path: ES_FAQ, newPath: 'moved/faq.md', raw: read(ES_FAQ) }],
      assets: [],
      options: { commitMessage: 'edit', useWorkflow: false, status: 'draft', collectionName: 'ptsd' },
    });
    assert.equal(response.status, 422);
    assert.ok(existsSync(join(root, ES_FAQ)));
    assert.equal(existsSync(join(root, 'moved/faq.md')), false);
  });

  test('only pack files are served back, read-only', async () => {
    assert.equal((await fetch(`${url}hearth/content/${ES_FAQ}`)).status, 200);
    assert.equal((await fetch(`${url}hearth/content/package.json`)).status, 404);
    assert.equal((await fetch(`${url}hearth/content/packages/content-ptsd/manifest.json`)).status, 404);
  });
});
