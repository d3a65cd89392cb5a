// Compiles content/{en,es}/{guide,faq}.md into src/generated/*.ts (run by `build`; also `tsx scripts/compile-content.ts`).
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { compileContent, ContentError, GENERATED_DIR } from './lib/compile.js';

try {
  const files = compileContent();
  mkdirSync(GENERATED_DIR, { recursive: true });
  let written = 0;
  for (const [name, contents] of files) {
    const path = join(GENERATED_DIR, name);
    if (existsSync(path) && readFileSync(path, 'utf8') === contents) continue;
    writeFileSync(path, contents);
    written++;
  }
  console.log(`content: compiled ${files.size} files (${written} changed) into src/generated/`);
} catch (error) {
  if (error instanceof ContentError) {
    for (const line of error.message.split('\n').slice(1)) console.error(line);
    console.error(`content: build failed, ${error.problems.length} problem(s). Fix them in the Markdown and run again.`);
    process.exit(1);
  }
  throw error;
}
