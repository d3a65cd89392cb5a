// The packages as npm delivers them. Packs every published package (scripts/pack.mjs, after
// `pnpm build`), checks each tarball, installs the tarballs into a blank Vite app and a copy of
// examples/vue-app in a temporary folder (the @hearth packages from the tarballs, everything
// else from the registry), imports every entry in plain Node (no DOM: server-side rendering must
// not throw), builds both apps and renders their widgets in Chromium.
//
// Runs in `pnpm test`'s build lane, after the build: pnpm test --only pack (or run this file with
// node --test once dist/ is built). Prints each tarball's size.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, posix } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchChromium } from '../../bench/lib/browser.mjs';
import { startServer } from '../../bench/lib/server.mjs';
import { packAll } from '../pack.mjs';
import { MAPPED_FILE, ROOT, mapReferences, publishedPackages } from '../publishing.mjs';

const TMP = mkdtempSync(join(tmpdir(), 'hearth-packed-'));
const VERSION = JSON.parse(readFileSync(join(ROOT, 'packages/core/package.json'), 'utf8')).version;
/** An example partner brand: the Vue app must hand it to the widgets as an object property. */
const VUE_BRAND = 'Clínica Serena (example)';
const rootDevDependencies = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).devDependencies;

/** @type {ReturnType<typeof packAll>} */
let packed = [];
/** @type {import('puppeteer-core').Browser | undefined} */
let browser;

function run(command, args, cwd, timeout = 300_000) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, FORCE_COLOR: '0', CI: 'true' } });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
  assert.equal(result.status, 0, `${command} ${args.join(' ')} (in ${cwd}) failed:\n${output}`);
  return output;
}

/** The package.json inside a tarball. */
const packedManifest = (tarball) => JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json'], TMP));

/** `{ "@hearth/x": "file:<tarball>" }` for every packed package. */
const tarballRanges = () => Object.fromEntries(packed.map((p) => [p.name, `file:${p.tarball}`]));

/** A blank Vite app: one page with bundled widgets, one with the script-tag build deployed as files. */
function writeBlankApp(dir) {
  mkdirSync(join(dir, 'public'), { recursive: true });
  const pkg = {
    name: 'blank-vite-app',
    private: true,
    type: 'module',
    dependencies: tarballRanges(),
    devDependencies: {
      vite: rootDevDependencies.vite,
      typescript: rootDevDependencies['@typescript/native'].replace(/^npm:typescript@/, ''),
      '@types/react': JSON.parse(readFileSync(join(ROOT, 'examples/react-app/package.json'), 'utf8')).devDependencies['@types/react'],
    },
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>blank</title></head><body>
<hearth-provider><hearth-faq></hearth-faq></hearth-provider>
<script type="module" src="/main.js"></script></body></html>`,
  );
  writeFileSync(join(dir, 'main.js'), `import '@hearth/core/hearth-provider.js';\nimport '@hearth/faq/hearth-faq.js';\n`);
  // "Deploy the whole dist/ folder" (packages/hearth/README.md): public/hearth/ is filled from the
  // installed @hearth/embed after the install.
  writeFileSync(
    join(dir, 'embed.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>embed</title></head><body>
<hearth-faq></hearth-faq>
<script type="module" src="/hearth/hearth.js"></script></body></html>`,
  );
  // A React 19 app's view of @hearth/embed/jsx: typed properties and events, and wrong ones refused.
  writeFileSync(
    join(dir, 'jsx-check.tsx'),
    `import type {} from '@hearth/embed/jsx';
export const ok = (
  <hearth-provider config={{ brand: { name: 'Example' } }} onhearth-lead-submitted={(e) => e.detail.idempotencyKey.length}>
    <hearth-faq searchable headingLevel={3} onhearth-faq-toggle={(e) => e.detail.slug} />
  </hearth-provider>
);
// @ts-expect-error headingLevel is a number
export const wrongType = <hearth-faq headingLevel="3" />;
// @ts-expect-error the detail of hearth-faq-toggle has no such field
export const wrongDetail = <hearth-faq onhearth-faq-toggle={(e) => e.detail.nope} />;
// @ts-expect-error not a Hearth tag
export const unknownTag = <hearth-nope />;
`,
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        jsx: 'react-jsx',
        strict: true,
        noEmit: true,
        target: 'es2022',
        module: 'esnext',
        moduleResolution: 'bundler',
        lib: ['es2023', 'dom', 'dom.iterable'],
        types: [],
        skipLibCheck: true,
      },
      files: ['jsx-check.tsx'],
    }),
  );
  writeFileSync(join(dir, 'vite.config.js'), `export default { build: { rollupOptions: { input: ['index.html', 'embed.html'] } } };\n`);
}

/** examples/vue-app, with its @hearth dependencies taken from the tarballs. */
function copyVueApp(dir) {
  const source = join(ROOT, 'examples/vue-app');
  for (const entry of ['index.html', 'vite.config.js', 'app']) cpSync(join(source, entry), join(dir, entry), { recursive: true });
  const pkg = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
  for (const name of Object.keys(pkg.dependencies)) if (name.startsWith('@hearth/')) pkg.dependencies[name] = tarballRanges()[name];
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
}

/**
 * Waits until the text a person sees in `host` (its shadow tree, nested shadow trees and slotted
 * children included) matches `pattern`; returns that text.
 */
async function waitForText(page, host, pattern) {
  const handle = await page.waitForFunction(
    (selector, source) => {
      const text = (node) => {
        if (node.nodeType === Node.TEXT_NODE) return node.textContent;
        if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return '';
        if (node.localName === 'style' || node.localName === 'script') return '';
        const children = [...(node.shadowRoot?.childNodes ?? []), ...node.childNodes];
        return children.map(text).join(' ');
      };
      const el = document.querySelector(selector);
      const seen = el ? text(el).replace(/\s+/g, ' ').trim() : '';
      return new RegExp(source, 'i').test(seen) ? seen : false;
    },
    { timeout: 20_000 },
    host,
    pattern.source,
  );
  return String(await handle.jsonValue());
}

async function openPage(url) {
  assert.ok(browser);
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors };
}

describe('the packed packages', () => {
  before(() => {
    const missing = publishedPackages().filter(({ path }) => !existsSync(join(path, 'dist')));
    assert.deepEqual(
      missing.map((p) => p.pkg.name),
      [],
      'not built: run `pnpm build` first',
    );
    packed = packAll(join(TMP, 'packs'), { maps: false });
    for (const p of packed) console.log(`# packed ${p.name}: ${(p.bytes / 1024).toFixed(1)} KB, ${p.files.length} files`);
  });

  after(async () => {
    await browser?.close();
    rmSync(TMP, { recursive: true, force: true });
  });

  it('ship dist/, LICENSE, README.md and CHANGELOG.md, and no source map', () => {
    assert.equal(packed.length, publishedPackages().length);
    // Nothing else in the folder: a private package (@hearth/content-editor) is never packed.
    assert.deepEqual(readdirSync(join(TMP, 'packs')).sort(), packed.map((p) => basename(p.tarball)).sort());
    for (const p of packed) {
      for (const file of ['package.json', 'LICENSE', 'README.md', 'CHANGELOG.md'])
        assert.ok(p.files.includes(file), `${p.name}: ${file} is missing`);
      assert.ok(
        p.files.some((f) => f.startsWith('dist/') && f.endsWith('.js')),
        `${p.name}: no dist/*.js`,
      );
      assert.deepEqual(
        p.files.filter((f) => f.endsWith('.map')),
        [],
        `${p.name} ships source maps`,
      );
    }
  });

  it('name no source map that is not in the tarball (no 404 for bundlers and devtools)', () => {
    for (const p of packed) {
      const dir = join(TMP, 'unpacked', p.dir);
      mkdirSync(dir, { recursive: true });
      run('tar', ['-xzf', p.tarball, '-C', dir], TMP);
      const dangling = p.files
        .filter((file) => MAPPED_FILE.test(file))
        .flatMap((file) =>
          mapReferences(readFileSync(join(dir, 'package', file), 'utf8'))
            .map((map) => posix.join(posix.dirname(file), map))
            .filter((map) => !p.files.includes(map))
            .map((map) => `${file} → ${map}`),
        );
      assert.deepEqual(dangling, [], `${p.name}: files name source maps the tarball does not hold`);
    }
  });

  it('have no workspace: range left, and depend on each other at the released version', () => {
    for (const p of packed) {
      const manifest = packedManifest(p.tarball);
      assert.doesNotMatch(JSON.stringify(manifest), /workspace:/, `${p.name}: a workspace: range was packed`);
      for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'])
        for (const [name, range] of Object.entries(manifest[field] ?? {}))
          if (name.startsWith('@hearth/')) assert.equal(range, VERSION, `${p.name} ${field}.${name}`);
    }
  });

  it('@hearth/embed: its customElements field and every export point at files in the tarball', () => {
    const embed = packed.find((p) => p.name === '@hearth/embed');
    assert.ok(embed);
    const manifest = packedManifest(embed.tarball);
    assert.ok(embed.files.includes(manifest.customElements), `customElements: ${manifest.customElements} is not in the tarball`);
    const elements = JSON.parse(run('tar', ['-xzOf', embed.tarball, `package/${manifest.customElements}`], TMP));
    assert.ok(elements.modules.some((m) => m.declarations?.some((d) => d.tagName === 'hearth-faq')));
    for (const target of Object.values(manifest.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e))))
      assert.ok(embed.files.includes(target.replace(/^\.\//, '')), `export ${target} is not in the tarball`);
  });

  describe('installed in a blank Vite app and the Vue example', () => {
    const app = join(TMP, 'blank');
    const vue = join(TMP, 'vue-app');

    before(() => {
      writeBlankApp(app);
      copyVueApp(vue);
      // One install for both apps. The overrides make the packages' own @hearth dependencies come
      // from the tarballs too (npm has no @hearth/core at this version); the rest comes from the
      // registry. No package's install script is needed to build and render the widgets.
      const overrides = Object.entries(tarballRanges())
        .map(([name, range]) => `  '${name}': '${range}'`)
        .join('\n');
      writeFileSync(
        join(TMP, 'pnpm-workspace.yaml'),
        `packages:\n  - blank\n  - vue-app\noverrides:\n${overrides}\nallowBuilds:\n  esbuild: true\n  better-sqlite3: false\n`,
      );
      writeFileSync(join(TMP, 'package.json'), JSON.stringify({ name: 'hearth-packed-test', private: true }));
      run('pnpm', ['install', '--prefer-offline', '--no-frozen-lockfile', '--config.confirmModulesPurge=false'], TMP);
      cpSync(join(app, 'node_modules/@hearth/embed/dist'), join(app, 'public/hearth'), { recursive: true });
    });

    it('every entry of every package imports in plain Node, without a DOM (server-side rendering)', () => {
      const entries = [];
      for (const p of packed) {
        const manifest = packedManifest(p.tarball);
        for (const [key, value] of Object.entries(manifest.exports ?? { '.': manifest.main }))
          if (String(typeof value === 'string' ? value : value.default).endsWith('.js'))
            entries.push(key === '.' ? p.name : `${p.name}/${key.slice(2)}`);
      }
      assert.ok(entries.includes('@hearth/embed') && entries.includes('@hearth/embed/all'));
      const probe = `
        const failed = [];
        for (const entry of ${JSON.stringify(entries)}) {
          try { await import(entry); } catch (error) { failed.push(entry + ': ' + String(error).split('\\n')[0]); }
        }
        if (typeof window !== 'undefined' || typeof document !== 'undefined') failed.push('a DOM appeared');
        console.log(JSON.stringify(failed));`;
      const out = run(process.execPath, ['--input-type=module', '-e', probe], app);
      assert.deepEqual(JSON.parse(out.trim().split('\n').at(-1) ?? '[]'), [], `imported ${entries.length} entries`);
    });

    it('@hearth/embed/jsx types the tags for React 19 (tsc on a TSX file)', () => {
      run(join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], app);
    });

    it('builds with Vite and renders: bundled widgets, and the script-tag build served as files', async () => {
      run(join(app, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], app);
      const server = await startServer({ mounts: { '/': join(app, 'dist') } });
      try {
        browser = await launchChromium();
        const bundled = await openPage(`${server.url}/`);
        await waitForText(bundled.page, 'hearth-faq', /ketamine/);
        assert.deepEqual(bundled.errors, []);

        const embed = await openPage(`${server.url}/embed.html`);
        await waitForText(embed.page, 'hearth-faq', /ketamine/);
        assert.equal(await embed.page.evaluate(() => window.Hearth?.version), VERSION);
        assert.deepEqual(embed.errors, []);
      } finally {
        await server.close();
      }
    });

    it('examples/vue-app builds against them, and its config object reaches the widgets (.prop)', async () => {
      run(join(vue, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], vue);
      const server = await startServer({ mounts: { '/': join(vue, 'dist') } });
      try {
        browser ??= await launchChromium();
        const { page, errors } = await openPage(`${server.url}/`);
        await waitForText(page, 'hearth-assessment', new RegExp(VUE_BRAND.replace(/[()]/g, '\\$&')));
        await waitForText(page, 'hearth-faq', /ketamine/);
        assert.deepEqual(errors, []);
      } finally {
        await server.close();
      }
    });
  });
});
