// The `hearth-content` command (bin/hearth-content.mjs runs this file):
//   hearth-content check <pack-dir>...     validate packs; `file:line: problem` for every problem, exit 1 if any
//   hearth-content compile <pack-dir>...   check, then write <pack-dir>/src/generated/ (commit it)
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkPack, formatProblem } from './check.js';
import { compilePack, ContentError, GENERATED_FOLDER } from './compile.js';

const USAGE = 'usage: hearth-content check|compile <pack-dir>...';
const [command, ...dirs] = process.argv.slice(2);
// Paths relative to where the command was typed (pnpm runs scripts in the package: INIT_CWD is the caller's).
const base = process.env['INIT_CWD'] ?? process.cwd();
const display = (path: string) => relative(base, path) || path;

function check(dir: string): boolean {
  const { problems, docs } = checkPack(dir, display);
  for (const problem of problems) console.error(formatProblem(problem));
  if (problems.length) {
    console.error(`content:check: ${problems.length} problem(s) in ${new Set(problems.map((p) => p.file)).size} file(s).`);
    return false;
  }
  console.log(`content:check: ${docs.length} files OK (${docs.map((d) => `${d.lang}/${d.kind}`).join(', ')}).`);
  return true;
}

function compile(dir: string): boolean {
  let files: Map<string, string>;
  try {
    files = compilePack(dir, display);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    for (const line of error.message.split('\n').slice(1)) console.error(line);
    console.error(`content: build failed, ${error.problems.length} problem(s). Fix them in the Markdown and run again.`);
    return false;
  }
  const out = join(dir, GENERATED_FOLDER);
  mkdirSync(out, { recursive: true });
  let written = 0;
  for (const [name, contents] of files) {
    const path = join(out, name);
    if (existsSync(path) && readFileSync(path, 'utf8') === contents) continue;
    writeFileSync(path, contents);
    written++;
  }
  // A document or language the manifest no longer lists leaves no stale module behind.
  for (const name of readdirSync(out)) if (!files.has(name)) rmSync(join(out, name));
  console.log(`content: compiled ${files.size} files (${written} changed) into ${display(out)}/`);
  return true;
}

if ((command !== 'check' && command !== 'compile') || !dirs.length) {
  console.error(USAGE);
  process.exit(2);
}
let ok = true;
for (const dir of dirs) ok = (command === 'check' ? check(resolve(dir)) : compile(resolve(dir))) && ok;
if (!ok) process.exit(1);
