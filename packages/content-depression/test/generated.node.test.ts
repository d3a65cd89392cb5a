import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentPack } from '@hearth/content';
import { parseManifest } from '@hearth/content/manifest';
import { compilePack, GENERATED_FOLDER } from '../../content/scripts/compile.js';
import { depressionPack, loadFaq, loadGuide } from '../src/index.js';

const PACK = join(dirname(fileURLToPath(import.meta.url)), '..');
const GENERATED_DIR = join(PACK, GENERATED_FOLDER);
const manifest = parseManifest(JSON.parse(readFileSync(join(PACK, 'manifest.json'), 'utf8')));
const text = (html: string) => html.replace(/<[^>]+>/g, ' ');

describe('the depression content pack (issue 14)', () => {
  test('importing the pack registers it as "depression", with the PHQ-9 as its default instrument', () => {
    assert.equal(contentPack('depression'), depressionPack);
    assert.equal(depressionPack.manifest.defaultInstrument, 'phq-9');
  });

  test('src/generated is fresh: it is exactly what the Markdown compiles to', () => {
    const files = compilePack(PACK);
    assert.deepEqual(readdirSync(GENERATED_DIR).sort(), [...files.keys()].sort());
    for (const [name, contents] of files) {
      assert.equal(
        readFileSync(join(GENERATED_DIR, name), 'utf8'),
        contents,
        `src/generated/${name} is stale: run \`pnpm --filter @hearth/content-depression compile\``,
      );
    }
  });

  test('the guide has every required topic, in both languages, with the same ids and the assessment link', async () => {
    for (const lang of ['en', 'es']) {
      const guide = await loadGuide(lang);
      assert.deepEqual(
        guide.toc.filter((e) => e.depth === 2).map((e) => e.id),
        [...manifest.guide!.requiredSections],
        lang,
      );
      assert.match(guide.html, /<a href="#hearth-assessment" class="cta" data-hearth-cta="assessment">/);
    }
  });

  test('every figure the issue lists is there, with its source linked (fact-check 2026-12)', async () => {
    const guide = await loadGuide('en');
    const cases: [string, RegExp, string][] = [
      ['Spravato approvals 2019, 2020, 2025', /March 2019[\s\S]*August 2020[\s\S]*January 2025/, 'fda.gov'],
      ['REMS certified setting, at least two hours', /at least two hours/, 'REMS=386'],
      ['ELEKT-D 55.4% vs 41.2%, noninferior', /55\.4%[\s\S]*41\.2%[\s\S]*noninferior/, '10.1056/NEJMoa2302399'],
      ['SUSTAIN-1 26.7% vs 45.3%', /26\.7%[\s\S]*45\.3%/, '10.1001/jamapsychiatry.2019.1189'],
      ['FDA 2023 compounded ketamine', /October 2023[\s\S]*not FDA-approved|not FDA-approved[\s\S]*October 2023/, 'compounded-ketamine'],
    ];
    for (const [rule, pattern, source] of cases) {
      assert.match(text(guide.html), pattern, rule);
      assert.ok(guide.html.includes(source), `${rule}: cites ${source}`);
    }
    // ELEKT-D is "noninferior", never "better"; IV ketamine is called off-label.
    assert.match(text(guide.html), /not proven better/);
    assert.match(text(guide.html), /off-label/);
  });

  test('the suicide-prevention limitation cites the Spravato label, and the 2025 approval J&J, in both languages (fact-check 2026-12)', async () => {
    // The FDA-hosted prescribing information (Limitations of Use), and J&J's release of January 21, 2025.
    const label = 'nctr-crs.fda.gov/fdalabel/services/spl/set-ids/d81a6a79-a74a-44b7-822c-0dfa3036eaed';
    const jnj = 'jnj.com/media-center/press-releases/spravato-esketamine-approved-in-the-u-s-as-the-first-and-only-monotherapy';
    for (const lang of ['en', 'es']) {
      const guide = await loadGuide(lang);
      const faq = await loadFaq(lang);
      const blocks = [guide.html, ...faq.items.map((i) => i.answerHtml)].join('').split(/<\/(?:p|li)>/);
      const limitation = blocks.filter((b) => /prevents? suicide|prevenga el suicidio/.test(text(b)));
      assert.equal(limitation.length, 3, `${lang}: the guide's approvals and misconceptions, and the FAQ's crisis answer`);
      for (const block of limitation) assert.ok(block.includes(label), `${lang}: ${text(block).trim()}`);
      const approval2025 = blocks.filter((b) => /January 2025|Enero de 2025/.test(text(b)));
      assert.equal(approval2025.length, 1, lang);
      assert.ok(approval2025[0]!.includes(jnj), lang);
      for (const html of [guide.html, ...faq.items.map((i) => i.answerHtml)]) assert.doesNotMatch(html, /beckershospitalreview/, lang);
    }
  });

  test('the FAQ has the required questions in both languages, in the same order', async () => {
    const en = await loadFaq('en');
    const es = await loadFaq('es');
    for (const slug of manifest.faq!.requiredSections)
      assert.ok(
        en.items.some((i) => i.slug === slug),
        slug,
      );
    assert.deepEqual(
      es.items.map((i) => i.slug),
      en.items.map((i) => i.slug),
    );
  });

  test('never claims clinic operations for the brand (no {{brand.name}} offering a treatment)', () => {
    for (const lang of ['en', 'es']) {
      for (const file of ['guide.md', 'faq.md']) {
        assert.doesNotMatch(readFileSync(join(PACK, 'content', lang, file), 'utf8'), /\{\{brand\.name\}\}/, `${lang}/${file}`);
      }
    }
  });
});
