// `pnpm publish` in a clean clone runs each package's prepack (scripts/prepack.mjs), which must
// build the package and the workspace packages it depends on before pnpm packs it. `pnpm release`
// and `pnpm pack:all` build everything first and skip that build (HEARTH_PACK_PREBUILT=1), so
// nothing else runs the building path: this test does, for the cheapest leaf package,
// @hearth/content-ptsd (it depends on @hearth/content only), in a copy of the workspace without
// any dist/, so the real one is left alone. About 8 s.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, mapReferences } from '../publishing.mjs';

const PACKAGES = ['content', 'content-ptsd'];

/**
 * A workspace in `tmp` with the root files prepack and the builds read, the two packages without
 * their dist/, and the installed dependencies linked from this workspace's node_modules (a real
 * folder: pnpm refuses a node_modules that is a link; the packages' own node_modules hold relative
 * links, which resolve through it).
 */
function copyWorkspace(tmp: string) {
  for (const file of ['package.json', 'pnpm-workspace.yaml', 'tsconfig.base.json', 'scripts/prepack.mjs', 'scripts/publishing.mjs'])
    cpSync(join(ROOT, file), join(tmp, file));
  mkdirSync(join(tmp, 'node_modules'));
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    // pnpm's own state files, and the links to the workspace packages (which would lead back here).
    if ((entry.startsWith('.') && entry !== '.bin' && entry !== '.pnpm') || entry === '@hearth') continue;
    symlinkSync(join(ROOT, 'node_modules', entry), join(tmp, 'node_modules', entry));
  }
  for (const dir of PACKAGES) {
    const from = join(ROOT, 'packages', dir);
    cpSync(from, join(tmp, 'packages', dir), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (src) => !/^(?:dist|test|node_modules\/\.tmp)(?:\/|$)/.test(relative(from, src)),
    });
  }
}

describe('prepack without HEARTH_PACK_PREBUILT', () => {
  it('builds @hearth/content-ptsd and what it depends on, so that pnpm pack packs a complete dist/', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'hearth-prepack-'));
    try {
      copyWorkspace(tmp);
      const pkgDir = join(tmp, 'packages/content-ptsd');
      for (const dir of PACKAGES) assert.ok(!existsSync(join(tmp, 'packages', dir, 'dist')), `${dir}/dist copied`);
      const env = { ...process.env };
      delete env.HEARTH_PACK_PREBUILT;
      const run = spawnSync('pnpm', ['pack', '--pack-destination', join(tmp, 'out'), '--json'], {
        cwd: pkgDir,
        env,
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      });
      assert.equal(run.status, 0, `pnpm pack:\n${run.stdout}${run.stderr}`);
      const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
      const files: string[] = report.files.map((f: { path: string }) => f.path);
      for (const file of ['dist/index.js', 'dist/index.d.ts', 'dist/generated/pack.js', 'dist/generated/en.js'])
        assert.ok(files.includes(file), `the tarball holds ${file}:\n${files.join('\n')}`);
      assert.ok(!files.some((f) => f.endsWith('.map')), 'no source maps in the tarball');
      // The dependency was built too (the package's types import it), and the packed files name no map.
      assert.ok(existsSync(join(tmp, 'packages/content/dist/index.d.ts')), '@hearth/content was built first');
      const index = spawnSync('tar', ['-xzOf', report.filename, 'package/dist/index.js'], { encoding: 'utf8' });
      assert.equal(index.status, 0, index.stderr);
      assert.ok(index.stdout.length > 0, 'dist/index.js is not empty');
      assert.deepEqual(mapReferences(index.stdout), [], 'prepack removed the sourceMappingURL comment');
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('pnpm release', () => {
  it('builds everything once, then publishes without a prepack build per package', () => {
    const script: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.release;
    assert.equal(script, 'pnpm build && HEARTH_PACK_PREBUILT=1 changeset publish');
  });
});
