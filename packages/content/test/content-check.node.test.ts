import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { checkPack, formatProblem } from '../scripts/check.js';
import { compilePack, ContentError } from '../scripts/compile.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The default pack (@hearth/content-ptsd): real content and a real manifest to edit copies of. */
const PACK = join(here, '..', '..', 'content-ptsd');
const CONTENT = join(PACK, 'content');
const BIN = join(here, '..', 'bin', 'hearth-content.mjs');

/** A copy of the pack (manifest + content/) in a temporary folder; its content folder is `content`. */
function copyPack(): { dir: string; content: string; display: (p: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-content-'));
  const content = join(dir, 'content');
  cpSync(CONTENT, content, { recursive: true });
  cpSync(join(PACK, 'manifest.json'), join(dir, 'manifest.json'));
  // Paths as editors see them from the content folder: `en/guide.md`.
  return { dir, content, display: (p) => relative(content, p) };
}

/** A copy of the real content with one file edited; returns the problems as `file:line: message`. */
function check(edits: Record<string, (source: string) => string>): string[] {
  const { dir, content, display } = copyPack();
  try {
    for (const [file, edit] of Object.entries(edits)) {
      const path = join(content, file);
      const before = readFileSync(path, 'utf8');
      const after = edit(before);
      assert.notEqual(after, before, `the edit of ${file} changed nothing`);
      writeFileSync(path, after);
    }
    return checkPack(dir, display).problems.map(formatProblem);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const lineOf = (file: string, text: string) =>
  readFileSync(join(CONTENT, file), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text)) + 1;

describe('content:check', () => {
  test('the real content has no problems', () => {
    assert.deepEqual(checkPack(PACK).problems, []);
  });

  test('a missing front matter field is named, on the front matter line of its parent', () => {
    const problems = check({ 'en/guide.md': (s) => s.replace(/^lastReviewed: .*\n/m, '') });
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^en\/guide\.md:\d+: front matter field "lastReviewed": expected a date like 2026-11-20 \(it is missing\)$/);
  });

  test('an invalid front matter value is reported on its own line', () => {
    const line = lineOf('es/faq.md', 'lastReviewed:');
    const problems = check({ 'es/faq.md': (s) => s.replace(/^lastReviewed: .*$/m, 'lastReviewed: 2026-13-45') });
    assert.deepEqual(problems, [`es/faq.md:${line}: front matter field "lastReviewed": expected a real calendar date like 2026-11-20`]);
  });

  test('a future review date, an http source and an unknown field', () => {
    const problems = check({
      'en/faq.md': (s) =>
        s
          .replace(/^lastReviewed: .*$/m, 'lastReviewed: 2999-01-01')
          .replace("url: 'https://www.ptsd.va.gov/'", "url: 'http://www.ptsd.va.gov/'")
          .replace(/^lang: en$/m, 'lang: en\nauthor: someone'),
    });
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.ok(
      problems.some((p) => /en\/faq\.md:\d+: front matter field "lastReviewed": expected a date that is not in the future/.test(p)),
    );
    assert.ok(problems.some((p) => /en\/faq\.md:\d+: front matter field "sources\.\d+\.url": expected an https:\/\/ URL/.test(p)));
    assert.ok(problems.some((p) => /front matter field "\(front matter\)": expected .*unknown field\(s\) author/.test(p)));
  });

  test('front matter that is not valid in the subset reports its line', () => {
    const line = lineOf('en/guide.md', 'reviewer:') + 1;
    const problems = check({ 'en/guide.md': (s) => s.replace("  name: 'Hearth editorial team'", '  name: >\n    folded text') });
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.equal(
      problems[0],
      `en/guide.md:${line}: front matter: ">" starts YAML syntax that content files do not support: put the value in "double quotes"`,
    );
  });

  test('a file without front matter', () => {
    const problems = check({ 'es/guide.md': (s) => s.replace(/^---\n[\s\S]*?\n---\n/, '') });
    assert.ok(problems[0]!.startsWith('es/guide.md:1: front matter is missing'), problems.join('\n'));
  });

  test('the lang field must match the folder', () => {
    const problems = check({ 'es/guide.md': (s) => s.replace(/^lang: es$/m, 'lang: en') });
    assert.deepEqual(problems, [
      `es/guide.md:${lineOf('es/guide.md', 'lang: es')}: front matter field "lang" is "en" but the file is in the es/ folder`,
    ]);
  });

  test('en and es must have the same sections, in the same order', () => {
    const missing = check({ 'es/guide.md': (s) => s.replace('{#how-ketamine-works}', '{#como-funciona}') });
    const line = lineOf('es/guide.md', '{#how-ketamine-works}');
    assert.ok(
      missing.some((p) => /^es\/guide\.md:\d+: section \{#how-ketamine-works\} is in en\/guide\.md:\d+ but missing here$/.test(p)),
      missing.join('\n'),
    );
    assert.ok(
      missing.includes(`es/guide.md:${line}: section {#como-funciona} is not in en/guide.md: every language has the same ids`),
      missing.join('\n'),
    );

    const swapped = check({
      'es/faq.md': (s) => s.replace('{#cost}', '{#TMP}').replace('{#insurance}', '{#cost}').replace('{#TMP}', '{#insurance}'),
    });
    assert.ok(
      swapped.some((p) => /^es\/faq\.md:\d+: \{#cost\} is out of order/.test(p)),
      swapped.join('\n'),
    );
  });

  test('a section without an explicit id, a duplicate id, and a # title', () => {
    const problems = check({
      'en/faq.md': (s) => s.replace(' {#privacy}', '').replace('{#veterans}', '{#cost}'),
      'en/guide.md': (s) => s.replace('## What PTSD is {#what-is-ptsd}', '# Title\n\n## What PTSD is {#what-is-ptsd}'),
    });
    assert.ok(
      problems.some((p) => /^en\/faq\.md:\d+: section "Is my information private\?" needs an id/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /^en\/faq\.md:\d+: heading id "cost" is already used on line \d+/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /^en\/guide\.md:\d+: use ## for sections/.test(p)),
      problems.join('\n'),
    );
  });

  test('a broken internal anchor is reported on its line', () => {
    const line = lineOf('en/guide.md', '[Side effects and safety](#side-effects-and-safety)');
    const problems = check({
      'en/guide.md': (s) => s.replace('[Side effects and safety](#side-effects-and-safety)', '[Side effects and safety](#side-effect)'),
    });
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0]!, new RegExp(`^en/guide\\.md:${line}: link "#side-effect" points to no heading in this file`));
  });

  test('links to the FAQ in the same language resolve', () => {
    const problems = check({
      'en/guide.md': (s) => s.replace('[Side effects and safety](#side-effects-and-safety)', '[the cost question](#faq-cost)'),
    });
    assert.deepEqual(problems, []);
  });

  test('an image without alt text, and one with a file name as alt text', () => {
    const problems = check({
      'en/guide.md': (s) =>
        s.replace(
          'Clinicians group PTSD symptoms',
          '![](https://example.org/a.png)\n\n![photo.jpg](https://example.org/b.jpg)\n\nClinicians group PTSD symptoms',
        ),
    });
    const line = lineOf('en/guide.md', 'Clinicians group PTSD symptoms');
    assert.ok(
      problems.includes(
        `en/guide.md:${line}: image "https://example.org/a.png" has no alt text: describe it in the brackets, ![like this](https://example.org/a.png)`,
      ),
      problems.join('\n'),
    );
    assert.ok(problems.includes(`en/guide.md:${line + 2}: image alt text "photo.jpg" does not describe the image`), problems.join('\n'));
  });

  test('links must be https (or an anchor, the booking placeholder, tel: or sms:)', () => {
    const line = lineOf('es/faq.md', '(https://www.ptsd.va.gov/)');
    const problems = check({
      'es/faq.md': (s) =>
        s.replace('(https://www.ptsd.va.gov/)', '(http://www.ptsd.va.gov/)').replace('(tel:911)', '(javascript:alert(1))'),
    });
    assert.ok(
      problems.includes(
        `es/faq.md:${line}: link "http://www.ptsd.va.gov/" must be an https:// URL, a #section-id, {{brand.bookingUrl}}, or tel:/sms: for a phone number`,
      ),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /^es\/faq\.md:\d+: link "javascript:alert\(1\)" must be an https:\/\/ URL/.test(p)),
      problems.join('\n'),
    );
  });

  test('raw HTML, unknown placeholders, and the booking link outside a link', () => {
    const problems = check({
      'en/faq.md': (s) =>
        s
          .replace('Often, yes:', 'Often, yes: <span style="color:red">Careful</span> {{brand.email}} {{brand.bookingUrl}}')
          .replace('{{/brand.phone}}', ''),
    });
    assert.ok(
      problems.some((p) => /^en\/faq\.md:\d+: raw HTML "<span style="color:red">" is not allowed/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /unknown placeholder \{\{brand\.email\}\}/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /\{\{brand\.bookingUrl\}\} can only be a link target/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /\{\{#brand\.phone\}\} is not closed by \{\{\/brand\.phone\}\} in the same paragraph/.test(p)),
      problems.join('\n'),
    );
  });

  test('a question without an answer, a required question removed, and no call to action', () => {
    const problems = check({
      'en/faq.md': (s) => s.replace(/(## Do I need a therapist too\? \{#need-a-therapist\}\n)[\s\S]*?(\n## )/, '$1$2'),
      'es/faq.md': (s) => s.replace(/## ¿Lo cubre el seguro médico\? \{#insurance\}\n[\s\S]*?(\n## )/, '$1'),
      'en/guide.md': (s) => s.replace('(#hearth-assessment)', '(#is-it-right-for-me)'),
    });
    assert.ok(
      problems.some((p) => /^en\/faq\.md:\d+: question "need-a-therapist" has no answer$/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /^es\/faq\.md:\d+: required question "insurance" is missing/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /^en\/guide\.md:\d+: the guide has no call to action/.test(p)),
      problems.join('\n'),
    );
  });

  test('a missing file and an unknown language folder', () => {
    const { dir, content, display } = copyPack();
    try {
      rmSync(join(content, 'es', 'faq.md'));
      mkdirSync(join(content, 'fr'));
      const problems = checkPack(dir, display).problems.map(formatProblem);
      assert.ok(problems.includes('es/faq.md:1: file is missing: every language needs guide.md and faq.md'), problems.join('\n'));
      assert.ok(problems.includes('fr:1: unknown language folder "fr": the pack has en, es'), problems.join('\n'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the build refuses content with problems, naming file and field', () => {
    const { dir, content, display } = copyPack();
    try {
      const path = join(content, 'en', 'guide.md');
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^title: .*$/m, 'title: ""'));
      assert.throws(
        () => compilePack(dir, display),
        (error: unknown) =>
          error instanceof ContentError && /en\/guide\.md:2: front matter field "title": expected a title, not empty/.test(error.message),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the CLI prints file:line: problem and exits 1', () => {
    const { dir, content } = copyPack();
    try {
      const path = join(content, 'es', 'guide.md');
      writeFileSync(path, readFileSync(path, 'utf8').replace('(#side-effects-and-safety)', '(#nowhere)'));
      let output = '';
      let status = 0;
      try {
        execFileSync(process.execPath, [BIN, 'check', dir], {
          cwd: join(here, '..'),
          env: { ...process.env, INIT_CWD: content },
          stdio: 'pipe',
        });
      } catch (error) {
        const failure = error as { status: number; stderr: Buffer };
        status = failure.status;
        output = failure.stderr.toString();
      }
      assert.equal(status, 1);
      assert.match(output, /^es\/guide\.md:\d+: link "#nowhere" points to no heading in this file/m);
      assert.match(output, /content:check: 1 problem\(s\) in 1 file\(s\)\./);
      const ok = execFileSync(process.execPath, [BIN, 'check', PACK], { cwd: join(here, '..'), stdio: 'pipe' }).toString();
      assert.match(ok, /content:check: 4 files OK/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('hearth-content on any pack', () => {
  const GUIDE = [
    '---',
    "title: 'A small guide'",
    "description: 'A guide of another pack, with its own required sections.'",
    'lang: en',
    'lastReviewed: 2025-01-15',
    'reviewer:',
    "  name: 'Clinic editors'",
    'sources:',
    "  - id: 'who'",
    "    title: 'WHO'",
    "    url: 'https://www.who.int/'",
    '---',
    '',
    '## Welcome {#welcome}',
    '',
    'Text of the first section.',
    '',
  ].join('\n');

  /** A one-language, guide-only pack; `manifest` overrides fields of its manifest. */
  function smallPack(manifest: Record<string, unknown> = {}, guide = GUIDE): string {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-pack-'));
    mkdirSync(join(dir, 'content', 'en'), { recursive: true });
    writeFileSync(join(dir, 'content', 'en', 'guide.md'), guide);
    const base = {
      id: 'small',
      title: 'A small pack',
      languages: ['en'],
      guide: { file: 'guide.md', requiredSections: ['welcome'] },
      reviewer: { name: 'Clinic editors' },
    };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...base, ...manifest }, null, 2));
    return dir;
  }

  test('required sections come from the manifest, not from code', () => {
    const dir = smallPack();
    try {
      assert.deepEqual(checkPack(dir).problems, [], 'no PTSD section is required of another pack');
      writeFileSync(
        join(dir, 'manifest.json'),
        JSON.stringify({
          ...JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')),
          guide: { file: 'guide.md', requiredSections: ['welcome', 'costs'] },
        }),
      );
      const problems = checkPack(dir, (p) => relative(dir, p)).problems.map(formatProblem);
      assert.deepEqual(problems, ['content/en/guide.md:13: required section "costs" is missing (add a ## heading ending with {#costs})']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a required link is named by the manifest', () => {
    const dir = smallPack({ guide: { file: 'guide.md', requiredSections: [], requiredLink: '#book' } });
    try {
      const problems = checkPack(dir, (p) => relative(dir, p)).problems.map(formatProblem);
      assert.deepEqual(problems, [`content/en/guide.md:13: the guide has no link to #book, which the pack's manifest requires`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an invalid or missing manifest is reported with its field and line', () => {
    const dir = smallPack({ languages: ['en', 'fr'], faq: { file: 'faq.txt', requiredSections: [] } });
    try {
      const problems = checkPack(dir, (p) => relative(dir, p)).problems.map(formatProblem);
      assert.equal(problems.length, 2, problems.join('\n'));
      assert.match(problems[0]!, /^manifest\.json:\d+: manifest field "languages\.1": expected "en" or "es"/);
      assert.match(problems[1]!, /^manifest\.json:\d+: manifest field "faq\.file": expected a file name such as "guide\.md"/);
      rmSync(join(dir, 'manifest.json'));
      assert.deepEqual(checkPack(dir, (p) => relative(dir, p)).problems.map(formatProblem), [
        'manifest.json:1: the pack has no manifest.json (id, title, languages, guide/faq, reviewer)',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('compile writes one module per language, the manifest and the pack', () => {
    const dir = smallPack();
    try {
      const files = compilePack(dir);
      assert.deepEqual([...files.keys()].sort(), ['en.ts', 'manifest.ts', 'pack.ts']);
      assert.match(files.get('en.ts')!, /export const guide: CompiledGuide = /);
      assert.match(files.get('pack.ts')!, /guide: \(lang\) => \(languages\[lang\] \?\? languages\['en'\]!\)\(\)/);
      assert.doesNotMatch(files.get('pack.ts')!, /faq/);
      assert.match(files.get('manifest.ts')!, /"id": "small"/);
      execFileSync(process.execPath, [BIN, 'compile', dir], { stdio: 'pipe' });
      assert.equal(readFileSync(join(dir, 'src', 'generated', 'pack.ts'), 'utf8'), files.get('pack.ts'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
