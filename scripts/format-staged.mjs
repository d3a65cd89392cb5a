#!/usr/bin/env node
// The pre-commit hook (installed by `pnpm install`, see scripts/install-hooks.mjs): runs Prettier
// on the staged files only, so no commit needs a "Prettier" follow-up.
//
// It formats what is staged, not what is in the working tree: the staged text of each file is
// formatted and written back to the index. A file with no unstaged changes is also rewritten on
// disk; one with unstaged changes keeps them (its staged part is formatted; the rest will be at
// its own commit). Files Prettier ignores (.prettierignore) or cannot parse are left alone.
// Skip it once with `git commit --no-verify`.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';

const git = (args, input) => execFileSync('git', args, { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
const root = git(['rev-parse', '--show-toplevel']).trim();
const ignorePath = join(root, '.prettierignore');

const staged = git(['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z']).split('\0').filter(Boolean);
let changed = 0;
for (const path of staged) {
  const file = join(root, path);
  const info = await prettier.getFileInfo(file, { ignorePath, resolveConfig: true });
  if (info.ignored || !info.inferredParser) continue;
  // `:path` is the staged blob; the mode keeps an executable bit.
  const [mode] = git(['ls-files', '--stage', '--', path]).split(' ');
  const text = git(['show', `:${path}`]);
  const options = (await prettier.resolveConfig(file)) ?? {};
  let formatted;
  try {
    formatted = await prettier.format(text, { ...options, filepath: file });
  } catch (error) {
    console.error(`[format-staged] ${path}: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
    process.exitCode = 1;
    continue;
  }
  if (formatted === text) continue;
  let onDisk;
  try {
    onDisk = readFileSync(file, 'utf8');
  } catch {
    onDisk = undefined;
  }
  const blob = git(['hash-object', '-w', '--stdin', `--path=${path}`], formatted).trim();
  git(['update-index', '--cacheinfo', `${mode},${blob},${path}`]);
  if (onDisk === text) writeFileSync(file, formatted);
  changed++;
  console.log(`[format-staged] formatted ${path}${onDisk === text ? '' : ' (staged part only; unstaged changes kept)'}`);
}
if (process.exitCode) console.error('[format-staged] Prettier could not parse the files above: fix them, or commit with --no-verify.');
else if (changed) console.log(`[format-staged] ${changed} file${changed > 1 ? 's' : ''} formatted by Prettier`);
