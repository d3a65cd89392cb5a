// Every published package carries what npm and its users need (docs/semver-policy.md), and the
// version strings in the sources are the ones in package.json. The packed tarballs themselves are
// checked by scripts/test/packed-install.test.mjs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { NO_MAPS, PREPACK, ROOT, publishedPackages, publishingFields } from '../publishing.mjs';
import { VERSIONED_DOCS, VERSION_MODULES, versionModule, versionedDoc } from '../write-versions.mjs';
import { schemaId } from '../../packages/hearth/scripts/write-config-schema.mjs';
import { VERSION } from '../../packages/core/src/version.js';
import { RECEIVER_VERSION } from '../../packages/lead-receiver/src/version.js';

const packages = publishedPackages();

/**
 * The bare `lit` / `lit/…` specifiers the .ts files under the package's src/ import or re-export,
 * type-only ones too: those end up in dist/*.d.ts, which a user's compiler must resolve.
 */
function litImports(path: string): string[] {
  const src = join(path, 'src');
  if (!existsSync(src)) return [];
  const found: string[] = [];
  for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
    if (!/\.tsx?$/.test(file)) continue;
    const text = readFileSync(join(src, file), 'utf8');
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])(lit(?:\/[^'"]*)?)\1/g)) found.push(`${file}: ${m[2]}`);
  }
  return found;
}

const version = (dir: string) => JSON.parse(readFileSync(join(ROOT, 'packages', dir, 'package.json'), 'utf8')).version as string;

describe('published packages', () => {
  it('are the ten @hearth packages, the script-tag build as @hearth/embed', () => {
    const names = packages.map((p) => p.pkg.name);
    assert.ok(names.length >= 10, names.join(', '));
    for (const name of names) assert.match(name, /^@hearth\/[a-z][a-z0-9-]*$/);
    assert.equal(packages.find((p) => p.dir === 'hearth')?.pkg.name, '@hearth/embed');
    assert.ok(!names.includes('hearth'), 'the unscoped name "hearth" is taken on npm');
  });

  for (const { dir, path, pkg } of packages) {
    it(`${pkg.name}: public, with repository, homepage, bugs, engines, LICENSE and CHANGELOG.md`, () => {
      const fields = publishingFields(dir);
      for (const key of Object.keys(fields) as (keyof typeof fields)[]) assert.deepEqual(pkg[key], fields[key], `${dir}: ${String(key)}`);
      assert.equal(pkg.license, 'MIT');
      assert.match(readFileSync(join(path, 'LICENSE'), 'utf8'), /^MIT License\n/);
      assert.match(readFileSync(join(path, 'CHANGELOG.md'), 'utf8'), new RegExp(`^# ${pkg.name}\\n`));
    });

    it(`${pkg.name}: prepack builds it, and no source map goes into the tarball`, () => {
      assert.equal(pkg.scripts?.prepack, PREPACK);
      assert.ok(pkg.scripts?.build, `${dir} has no build script`);
      assert.equal(pkg.files?.at(-1), NO_MAPS, `${dir}: "files" must end with "${NO_MAPS}"`);
      assert.ok(pkg.files.includes('CHANGELOG.md'), `${dir}: "files" must list CHANGELOG.md (pnpm packs it only when listed)`);
    });

    it(`${pkg.name}: lit is a caret range, in dependencies and peerDependencies alike`, () => {
      const uses = pkg.dependencies?.lit ?? pkg.peerDependencies?.lit;
      if (!uses) return assert.ok(!pkg.peerDependencies?.lit);
      assert.match(pkg.dependencies.lit, /^\^3\.\d+\.\d+$/, `${dir}: dependencies.lit`);
      assert.equal(pkg.peerDependencies?.lit, pkg.dependencies.lit, `${dir}: peerDependencies.lit`);
    });
  }

  it('the lit import scan finds the imports it is meant to find', () => {
    assert.ok(litImports(join(ROOT, 'packages/core')).some((i) => i.endsWith(': lit')));
    assert.ok(litImports(join(ROOT, 'packages/assessment')).some((i) => i.includes(': lit/')));
  });

  for (const { dir, path, pkg } of packages) {
    it(`${pkg.name}: declares lit if its sources import it`, () => {
      const imports = litImports(path);
      if (imports.length === 0) return;
      assert.ok(pkg.dependencies?.lit && pkg.peerDependencies?.lit, `${dir} imports lit but does not declare it:\n${imports.join('\n')}`);
    });

    it(`${pkg.name}: shares the SDK's one version`, () => assert.equal(pkg.version, version('core')));
  }

  it('the script-tag build names its manifest where the build writes it', () => {
    const embed = packages.find((p) => p.dir === 'hearth')!.pkg;
    assert.equal(embed.customElements, 'dist/custom-elements.json');
    assert.equal(embed.exports['./custom-elements.json'], `./${embed.customElements}`);
    assert.match(readFileSync(join(ROOT, 'packages/hearth/scripts/manifest.mjs'), 'utf8'), /custom-elements\.json/);
  });

  it('changesets releases them together, as public packages', () => {
    const config = JSON.parse(readFileSync(join(ROOT, '.changeset/config.json'), 'utf8'));
    assert.equal(config.access, 'public');
    assert.deepEqual(config.fixed, [['@hearth/*']]);
    assert.deepEqual(config.privatePackages, { version: false, tag: false });
  });

  it('examples and tools stay private', () => {
    for (const dir of ['examples/react-app', 'examples/vue-app', 'examples/webhook-consumer', 'bench']) {
      const file = join(ROOT, dir, 'package.json');
      if (existsSync(file)) assert.equal(JSON.parse(readFileSync(file, 'utf8')).private, true, dir);
    }
  });
});

describe('version strings', () => {
  it('@hearth/core VERSION is core’s package.json version', () => assert.equal(VERSION, version('core')));
  it('@hearth/lead-receiver RECEIVER_VERSION is its package.json version', () => assert.equal(RECEIVER_VERSION, version('lead-receiver')));
  it('the version modules are exactly what scripts/write-versions.mjs writes (nobody edited them)', () => {
    for (const mod of VERSION_MODULES)
      assert.equal(readFileSync(join(ROOT, 'packages', mod.dir, 'src/version.ts'), 'utf8'), versionModule(mod), mod.dir);
  });
  it('the docs that show the versioned CDN URL name this release (scripts/write-versions.mjs keeps them so)', () => {
    for (const doc of VERSIONED_DOCS) {
      const text = readFileSync(join(ROOT, doc.file), 'utf8');
      assert.ok(text.includes(`hearth@${version(doc.dir)}/`), `${doc.file} names hearth@${version(doc.dir)}/`);
      assert.equal(text, versionedDoc(doc), `${doc.file}: run node scripts/write-versions.mjs`);
    }
  });
});

describe('pnpm version-packages', () => {
  // What changesets leaves behind is a package.json with a new version; everything derived from
  // it must follow in the same command, or the release commit ships stale files and red tests.
  // Simulated in a copy of the files concerned (no changesets, no network), with what runs after
  // `changeset version` in the root package.json's script, each step pointed at the copy.
  const DERIVED = [
    ...VERSION_MODULES.map((mod) => `packages/${mod.dir}/src/version.ts`),
    'packages/core/config.schema.json',
    'docs/config.md',
    ...VERSIONED_DOCS.map((doc) => doc.file),
  ];
  const BUMPED = [...new Set([...VERSION_MODULES, ...VERSIONED_DOCS].map((entry) => `packages/${entry.dir}/package.json`))];

  it('regenerates the version modules, the config schema ($id), docs/config.md and the CDN URL in the docs after the bump', () => {
    const script: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts['version-packages'];
    const [bump, ...steps] = script.split(' && ');
    assert.equal(bump, 'changeset version');
    const old = version('core');
    const next = old.replace(/^(\d+)\.(\d+)\..*$/, (_, major: string, minor: string) => `${major}.${Number(minor) + 1}.0`);
    const before = DERIVED.map((file) => readFileSync(join(ROOT, file), 'utf8'));
    const tmp = mkdtempSync(join(tmpdir(), 'hearth-bump-'));
    try {
      for (const file of [...DERIVED, ...BUMPED]) cpSync(join(ROOT, file), join(tmp, file));
      for (const bumped of BUMPED) {
        const file = join(tmp, bumped);
        writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), version: next }, null, 2) + '\n');
      }
      for (const step of steps) {
        const run = spawnSync(`${step} --root ${JSON.stringify(tmp)}`, { cwd: ROOT, shell: true, encoding: 'utf8' });
        assert.equal(run.status, 0, `${step}:\n${run.stdout}${run.stderr}`);
      }
      for (const mod of VERSION_MODULES) {
        const text = readFileSync(join(tmp, 'packages', mod.dir, 'src/version.ts'), 'utf8');
        assert.equal(text, versionModule(mod, tmp), mod.dir);
        assert.ok(text.includes(`'${next}'`), `${mod.dir}/src/version.ts follows the bump to ${next}:\n${text}`);
      }
      const schema = JSON.parse(readFileSync(join(tmp, 'packages/core/config.schema.json'), 'utf8'));
      assert.equal(schema.$id, schemaId(next));
      const doc = readFileSync(join(tmp, 'docs/config.md'), 'utf8');
      assert.ok(doc.includes(schemaId(next)), 'docs/config.md names the new schema address');
      assert.ok(!doc.includes(schemaId(old)), 'docs/config.md no longer names the old one');
      for (const { file } of VERSIONED_DOCS) {
        const text = readFileSync(join(tmp, file), 'utf8');
        assert.ok(text.includes(`hearth@${next}/hearth.all.js`), `${file} names the new CDN folder`);
        assert.ok(!text.includes(`hearth@${old}`), `${file} no longer names hearth@${old}`);
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    // The workspace itself is left alone.
    assert.deepEqual(
      DERIVED.map((file) => readFileSync(join(ROOT, file), 'utf8')),
      before,
    );
  });
});
