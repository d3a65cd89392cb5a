#!/usr/bin/env node
// `pnpm loc`: each package's src line count, generated files left out (anything under a
// `generated/` folder, or a file whose first lines say it is generated).
//
// Usage: pnpm loc [--markdown]
//   code:    TypeScript/JavaScript/CSS lines that are neither blank nor only a comment
//   lines:   every line of those files
//   strings: lines of JSON under src (translations, data)
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CODE = /\.(?:[cm]?[jt]sx?|css)$/;
const GENERATED_MARK = /^\s*(?:\/\/|\/\*+|\*)\s*(?:@generated\b|generated\b|do not edit\b)/im;

export function isGenerated(file, text) {
  return file.split(sep).includes('generated') || GENERATED_MARK.test(text.split('\n', 5).join('\n'));
}

/** Lines that are not blank and not only a comment (block comments followed across lines). */
export function codeLines(text) {
  let count = 0;
  let inBlock = false;
  for (const raw of text.split('\n')) {
    let line = raw.trim();
    if (inBlock) {
      const end = line.indexOf('*/');
      if (end === -1) continue;
      inBlock = false;
      line = line.slice(end + 2).trim();
    }
    while (line.startsWith('/*')) {
      const end = line.indexOf('*/', 2);
      if (end === -1) {
        inBlock = true;
        line = '';
        break;
      }
      line = line.slice(end + 2).trim();
    }
    if (line && !line.startsWith('//')) count++;
  }
  return count;
}

/** One row per package under packages/ that has a src folder. */
export function countLines(packagesDir = join(ROOT, 'packages')) {
  const rows = [];
  for (const key of readdirSync(packagesDir).sort()) {
    const src = join(packagesDir, key, 'src');
    if (!existsSync(src)) continue;
    const row = { package: key, files: 0, code: 0, lines: 0, strings: 0, generated: 0 };
    for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = join(entry.parentPath, entry.name);
      const text = readFileSync(file, 'utf8');
      const lines = text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
      if (isGenerated(file, text)) row.generated += lines;
      else if (CODE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        row.files++;
        row.lines += lines;
        row.code += codeLines(text);
      } else if (entry.name.endsWith('.json')) row.strings += lines;
    }
    rows.push(row);
  }
  return rows;
}

function main(args) {
  const rows = countLines();
  const total = rows.reduce(
    (sum, r) => ({
      package: 'total',
      files: sum.files + r.files,
      code: sum.code + r.code,
      lines: sum.lines + r.lines,
      strings: sum.strings + r.strings,
      generated: sum.generated + r.generated,
    }),
    { package: 'total', files: 0, code: 0, lines: 0, strings: 0, generated: 0 },
  );
  const columns = ['package', 'files', 'code', 'lines', 'strings', 'generated'];
  const table = [...rows, total].map((r) => columns.map((c) => String(r[c])));
  if (args.includes('--markdown')) {
    console.log(`| ${columns.join(' | ')} |\n|${columns.map((c, i) => (i ? ' ---: ' : ' --- ')).join('|')}|`);
    for (const cells of table) console.log(`| ${cells.join(' | ')} |`);
  } else {
    const widths = columns.map((c, i) => Math.max(c.length, ...table.map((cells) => cells[i].length)));
    const line = (cells) => cells.map((cell, i) => (i ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
    console.log(line(columns));
    for (const cells of table) console.log(line(cells));
  }
  console.log(
    '\ncode: TS/JS/CSS lines neither blank nor comment-only · lines: all lines of those files · strings: JSON lines · generated: left out of the rest',
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
