// Test programs for Node, compiled once per test process with esbuild instead of run through tsx:
// the lead receiver's CLI (the browser suites and the receiver's own tests spawn it many times)
// and small scripts the tests run as processes of their own. Sources are compiled as they are
// (the `source` export condition, so no `pnpm build` is needed first); the Hearth packages are
// bundled in, npm packages stay imports (better-sqlite3 is a native addon).
import { build } from 'esbuild';
import { mkdirSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Inside the receiver package's node_modules, so that the npm packages left as imports resolve from there. */
const OUT = join(ROOT, 'packages/lead-receiver/node_modules/.cache/hearth-test');

/** @type {Map<string, Promise<string>>} */
const built = new Map();

/**
 * Compiles `entry` (a path from the repository root) to one ES module for Node; resolves with its
 * path. `external: 'npm'` leaves npm packages as imports, `'none'` bundles them too.
 * @param {string} entry
 * @param {{ external?: 'npm' | 'none' }} [options]
 * @returns {Promise<string>}
 */
export function compiledForNode(entry, { external = 'npm' } = {}) {
  const key = `${entry}:${external}`;
  let promise = built.get(key);
  if (!promise) {
    promise = compile(entry, external);
    built.set(key, promise);
  }
  return promise;
}

/** The lead receiver's CLI (packages/lead-receiver/src/cli.ts), compiled. */
export function compiledReceiverCli() {
  return compiledForNode('packages/lead-receiver/src/cli.ts');
}

async function compile(entry, external) {
  const name = entry
    .replace(/^packages\//, '')
    .replace(/\.[cm]?[jt]s$/, '')
    .replace(/[^a-z0-9]+/gi, '-');
  const outfile = join(OUT, `${name}.${external}.mjs`);
  // Written under a name of its own, then renamed: two test processes may compile at once.
  const partial = `${outfile}.${process.pid}.partial`;
  mkdirSync(OUT, { recursive: true });
  await build({
    entryPoints: [join(ROOT, entry)],
    outfile: partial,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    sourcemap: 'inline',
    logLevel: 'error',
    // CommonJS packages bundled into an ES module still call require().
    banner: { js: "import { createRequire as __hearthRequire } from 'node:module'; const require = __hearthRequire(import.meta.url);" },
    plugins: external === 'npm' ? [npmExternal] : [],
  });
  renameSync(partial, outfile);
  return outfile;
}

/** Bare imports stay imports, except the workspace's own @hearth/* packages, which are compiled in. */
const npmExternal = {
  name: 'npm-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@hearth/') || args.kind === 'entry-point') return undefined;
      return { path: args.path, external: true };
    });
  },
};
