// The versioned CDN folder (scripts/cdn.mjs) from a small stand-in for dist/: every file hashed,
// snippets with integrity and crossorigin, a chunk import that is not shipped refused, and a new
// release written beside the old one (a cached old loader keeps its chunks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { relativeImports, sriHash, writeCdn } from '../scripts/cdn.mjs';
import { mapReferences } from '../../../scripts/publishing.mjs';

function fakeDist(chunk = 'export const a = 1;'): string {
  const dist = mkdtempSync(join(tmpdir(), 'hearth-cdn-dist-'));
  mkdirSync(join(dist, 'chunks'));
  writeFileSync(join(dist, 'hearth.js'), 'import("./chunks/a-AbCdEf12.js");\n');
  writeFileSync(join(dist, 'hearth.all.js'), '(function(){import("./chunks/a-AbCdEf12.js")})();\n');
  writeFileSync(join(dist, 'chunks/a-AbCdEf12.js'), chunk);
  writeFileSync(join(dist, 'chunks/a-AbCdEf12.js.map'), '{}');
  writeFileSync(join(dist, 'custom-elements.json'), '{}');
  writeFileSync(join(dist, 'THIRD-PARTY-LICENSES.txt'), 'MIT');
  return dist;
}

test('writes hearth@<version>/ with a sha384 of every file and snippets that carry integrity and crossorigin', () => {
  const out = mkdtempSync(join(tmpdir(), 'hearth-cdn-'));
  const { folder, sri } = writeCdn({ dist: fakeDist(), out, version: '1.2.3', base: 'https://cdn.clinic.example/' });
  assert.equal(folder, join(out, 'hearth@1.2.3'));
  assert.deepEqual(Object.keys(sri.files).sort(), [
    'THIRD-PARTY-LICENSES.txt',
    'chunks/a-AbCdEf12.js',
    'config.schema.json',
    'custom-elements.json',
    'hearth.all.js',
    'hearth.js',
    'snippet.all.html',
    'snippet.html',
  ]);
  for (const [name, hash] of Object.entries(sri.files)) assert.equal(hash, sriHash(readFileSync(join(folder, name))), name);
  assert.ok(!existsSync(join(folder, 'chunks/a-AbCdEf12.js.map')), 'no source maps on the CDN');
  const snippet = readFileSync(join(folder, 'snippet.html'), 'utf8');
  assert.ok(
    snippet.includes(
      `<script type="module" src="https://cdn.clinic.example/hearth@1.2.3/hearth.js" integrity="${sri.files['hearth.js']}" crossorigin="anonymous"`,
    ),
  );
  assert.ok(snippet.includes(`"https://cdn.clinic.example/hearth@1.2.3/chunks/a-AbCdEf12.js": "${sri.files['chunks/a-AbCdEf12.js']}"`));
  assert.match(
    sri.csp['snippet.html'] ?? '',
    new RegExp(`^script-src 'sha256-[^']+' '${sri.files['hearth.js']!.replace(/[+/]/g, '\\$&')}' '`),
  );
});

test('a new release goes beside the old one, which keeps its files and hashes', () => {
  const out = mkdtempSync(join(tmpdir(), 'hearth-cdn-'));
  const old = writeCdn({ dist: fakeDist('export const a = 1;'), out, version: '1.0.0' });
  writeCdn({ dist: fakeDist('export const a = 2;'), out, version: '1.1.0' });
  for (const [name, hash] of Object.entries(old.sri.files))
    assert.equal(sriHash(readFileSync(join(old.folder, name))), hash, `1.0.0/${name}`);
  assert.notEqual(
    JSON.parse(readFileSync(join(out, 'hearth@1.1.0/sri.json'), 'utf8')).files['chunks/a-AbCdEf12.js'],
    old.sri.files['chunks/a-AbCdEf12.js'],
  );
});

test('refuses a build whose loader imports a chunk that is not in the folder', () => {
  const dist = fakeDist();
  writeFileSync(join(dist, 'hearth.js'), 'import("./chunks/gone-XyZ12345.js");\n');
  assert.throws(
    () => writeCdn({ dist, out: mkdtempSync(join(tmpdir(), 'hearth-cdn-')), version: '1.0.0' }),
    /imports \.\/chunks\/gone-XyZ12345\.js/,
  );
  assert.deepEqual(relativeImports('import{a}from"./x-1.js";import("../y.js");import "./z.js"'), ['./x-1.js', '../y.js', './z.js']);
});

test('names no source map: the built files lose their map comments, and the hashes are of what is served', () => {
  const dist = fakeDist();
  writeFileSync(join(dist, 'hearth.js'), 'import("./chunks/a-AbCdEf12.js");\n//# sourceMappingURL=hearth.js.map\n');
  writeFileSync(join(dist, 'hearth.js.map'), '{}');
  writeFileSync(join(dist, 'chunks/a-AbCdEf12.js'), 'export const a = 1;\n//# sourceMappingURL=a-AbCdEf12.js.map');
  const { folder, sri } = writeCdn({ dist, out: mkdtempSync(join(tmpdir(), 'hearth-cdn-')), version: '1.0.0' });
  for (const name of Object.keys(sri.files)) {
    const text = readFileSync(join(folder, name), 'utf8');
    for (const map of mapReferences(text))
      assert.ok(existsSync(join(folder, name, '..', map)), `${name} names ${map}, which the folder does not hold`);
    assert.equal(sri.files[name], sriHash(readFileSync(join(folder, name))), name);
  }
  assert.equal(readFileSync(join(folder, 'hearth.js'), 'utf8'), 'import("./chunks/a-AbCdEf12.js");\n');
  assert.equal(readFileSync(join(folder, 'chunks/a-AbCdEf12.js'), 'utf8'), 'export const a = 1;\n');
});
