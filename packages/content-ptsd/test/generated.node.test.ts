import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentPack } from '@hearth/content';
import { parseManifest } from '@hearth/content/manifest';
import { compilePack, GENERATED_FOLDER } from '../../content/scripts/compile.js';
import { loadFaq, loadGuide, ptsdPack } from '../src/index.js';

const PACK = join(dirname(fileURLToPath(import.meta.url)), '..');
const GENERATED_DIR = join(PACK, GENERATED_FOLDER);
const manifest = parseManifest(JSON.parse(readFileSync(join(PACK, 'manifest.json'), 'utf8')));
const REQUIRED_GUIDE_SECTIONS = manifest.guide!.requiredSections;
const REQUIRED_FAQ_QUESTIONS = manifest.faq!.requiredSections;
const enGuide = await loadGuide('en');
const enFaq = await loadFaq('en');

describe('compiled default content', () => {
  test('importing the pack registers it as "ptsd", with its manifest', () => {
    assert.equal(contentPack('ptsd'), ptsdPack);
    const { guide: _guide, faq: _faq, ...info } = manifest;
    assert.deepEqual(ptsdPack.manifest, info, 'the run-time part of manifest.json');
    assert.equal(manifest.defaultInstrument, 'pc-ptsd-5');
    assert.equal(manifest.reviewItems?.length, 8);
  });

  test('src/generated is fresh: it is exactly what the Markdown compiles to', () => {
    const files = compilePack(PACK);
    assert.deepEqual(readdirSync(GENERATED_DIR).sort(), [...files.keys()].sort());
    for (const [name, contents] of files) {
      assert.equal(
        readFileSync(join(GENERATED_DIR, name), 'utf8'),
        contents,
        `src/generated/${name} is stale: run \`pnpm --filter @hearth/content-ptsd compile\` and commit the result`,
      );
    }
  });

  test('the guide has every required section, in both languages, with the same ids', async () => {
    const es = await loadGuide('es');
    for (const guide of [enGuide, es]) {
      const top = guide.toc.filter((e) => e.depth === 2).map((e) => e.id);
      assert.deepEqual(top, [...REQUIRED_GUIDE_SECTIONS], guide.lang);
      assert.match(guide.html, /<a href="#hearth-assessment" class="cta" data-hearth-cta="assessment">/);
      assert.ok(guide.frontMatter.sources.length >= 5);
    }
    assert.equal(es.lang, 'es');
    assert.equal(es.frontMatter.lang, 'es');
    assert.equal(await loadGuide('fr'), enGuide);
  });

  test('the FAQ has the required questions, in both languages, with answers shipped once (HTML only)', async () => {
    const es = await loadFaq('es');
    for (const faq of [enFaq, es]) {
      const slugs = faq.items.map((i) => i.slug);
      for (const slug of REQUIRED_FAQ_QUESTIONS) assert.ok(slugs.includes(slug), `${faq.lang}: ${slug}`);
      assert.ok(faq.items.length >= 10);
      for (const item of faq.items) {
        assert.ok(item.question.endsWith('?'), item.question);
        assert.ok(item.answerHtml.replace(/<[^>]+>/g, '').length > 80, item.slug);
        // The plain text (search, JSON-LD) is read from these nodes at runtime, not shipped twice.
        assert.deepEqual(Object.keys(item).sort(), ['answerHtml', 'question', 'slug']);
      }
    }
    assert.deepEqual(
      es.items.map((i) => i.slug),
      enFaq.items.map((i) => i.slug),
    );
  });

  test('nothing unsafe is in the compiled HTML', () => {
    for (const html of [enGuide.html, ...enFaq.items.map((i) => i.answerHtml)]) {
      assert.doesNotMatch(html, /<(script|style|iframe|form|input|svg|math)\b|\son\w+=|style=|javascript:|data:/i);
    }
  });

  test('word counts (reported in the issue note)', async () => {
    const words = (html: string) =>
      html
        .replace(/<span class="visually-hidden"[^>]*>[^<]*<\/span>/g, ' ')
        .replace(/<[^>]+>/g, ' ')
        .split(/\s+/)
        .filter((w) => /\p{L}|\d/u.test(w)).length;
    const es = await loadGuide('es');
    const counts = { en: words(enGuide.html), es: words(es.html) };
    console.log(`guide words: en ${counts.en}, es ${counts.es}`);
    assert.ok(counts.en > 1500 && counts.es > 1500);
  });
});
