// `pnpm content:check`: validates the content pack and prints `file:line: problem` for editors.
// Usage: tsx scripts/content-check.ts [content-dir]
import { relative, resolve } from 'node:path';
import { checkContentDir, formatProblem } from './lib/check.js';
import { CONTENT_DIR } from './lib/compile.js';

const dir = process.argv[2] ? resolve(process.argv[2]) : CONTENT_DIR;
// Paths relative to where the command was typed (pnpm --filter runs in the package: INIT_CWD is the caller's).
const base = process.env['INIT_CWD'] ?? process.cwd();
const { problems, docs } = checkContentDir(dir, (path) => relative(base, path) || path);
for (const problem of problems) console.error(formatProblem(problem));
if (problems.length) {
  console.error(`content:check: ${problems.length} problem(s) in ${new Set(problems.map((p) => p.file)).size} file(s).`);
  process.exit(1);
}
console.log(`content:check: ${docs.length} files OK (${docs.map((d) => `${d.lang}/${d.kind}`).join(', ')}).`);
