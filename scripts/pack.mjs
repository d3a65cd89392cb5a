#!/usr/bin/env node
// `pnpm pack:all`: packs every published package as npm would receive it, into .packs/ (or the
// folder given), with pnpm, which rewrites each `workspace:*` range to the real version. The
// tarballs leave source maps out (their `files` field, and prepack removes the comments that name
// them); beside each tarball, a
// `<name>-<version>.sourcemaps.tgz` holds the package's maps, to attach to the release.
//
// Usage: node scripts/pack.mjs [--dest <dir>] [--no-build] [--no-maps]
//   --no-build  the packages are built already (`pnpm build`): skips the build and every prepack
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ROOT, publishedPackages } from './publishing.mjs';

/** The `.map` files a package's build wrote (dist/ only), relative to the package. */
function sourceMaps(dir, sub = 'dist') {
  if (!existsSync(join(dir, sub))) return [];
  let found = [];
  const entries = readdirSync(join(dir, sub), { withFileTypes: true });
  for (const entry of entries) {
    const path = join(sub, entry.name);
    if (entry.isDirectory()) found = found.concat(sourceMaps(dir, path));
    else if (entry.name.endsWith('.map')) found.push(path);
  }
  return found;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  return result.stdout;
}

/**
 * Packs every published package into `dest`, the packages being built already. Returns, per
 * package: name, version, folder, tarball path, its size in bytes and the files it holds.
 */
export function packAll(dest, { maps = true } = {}) {
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  const packages = publishedPackages();
  // One pnpm run for all of them (about 5 s, against 10 s one by one). Only the published ones:
  // pnpm would pack a private package too (@hearth/content-editor), and .packs/ is what we release.
  const filters = packages.flatMap(({ pkg }) => ['--filter', pkg.name]);
  const out = run('pnpm', ['-r', ...filters, 'pack', '--pack-destination', dest, '--json'], {
    env: { ...process.env, HEARTH_PACK_PREBUILT: '1' },
  });
  const reports = JSON.parse(out.slice(out.indexOf('[')));
  return packages.map(({ dir, path, pkg }) => {
    const report = reports.find((r) => r.name === pkg.name);
    if (!report) throw new Error(`pnpm pack wrote no tarball for ${pkg.name}`);
    const tarball = resolve(dest, report.filename);
    let mapsFile;
    const mapFiles = maps ? sourceMaps(path) : [];
    if (mapFiles.length) {
      mapsFile = tarball.replace(/\.tgz$/, '.sourcemaps.tgz');
      run('tar', ['-czf', mapsFile, '-C', path, ...mapFiles]);
    }
    return {
      name: pkg.name,
      version: pkg.version,
      dir,
      tarball,
      bytes: statSync(tarball).size,
      files: report.files.map((f) => f.path),
      maps: mapsFile,
    };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const destArg = args.includes('--dest') ? args[args.indexOf('--dest') + 1] : undefined;
  const dest = resolve(destArg ?? join(ROOT, '.packs'));
  if (!args.includes('--no-build')) run('pnpm', ['build'], { stdio: 'inherit' });
  const packed = packAll(dest, { maps: !args.includes('--no-maps') });
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  for (const p of packed) {
    const maps = p.maps ? `, source maps beside it: ${kb(statSync(p.maps).size)}` : '';
    console.log(`${p.name.padEnd(24)} ${kb(p.bytes).padStart(9)}  ${p.files.length} files  ${relative(ROOT, p.tarball)}${maps}`);
  }
  const version = JSON.parse(readFileSync(join(ROOT, 'packages/core/package.json'), 'utf8')).version;
  console.log(`packed ${packed.length} packages at ${version} into ${relative(ROOT, dest) || '.'}`);
}
