import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, defaultClientConditions, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Decap's multiple_folders i18n finds the locale folder with a plain string replace: the first
 * "es/" in "packages/content-ptsd/content/es/faq.md" is the one in "packages/", so Spanish files
 * were never paired with their English entry (and a pack folder named like "/faq-…" would break
 * the other direction). Both now act on the folder just before the file name. The build fails if
 * a Decap upgrade changes these lines, rather than shipping the bug back silently.
 */
function decapI18nPaths(): Plugin {
  const fixes: [string, string][] = [
    [
      'return path.replace(`/${slug}`, `/${locale}/${slug}`);',
      'return path.replace(new RegExp(`/${escapeRegExp(slug)}(?=[^/]*$)`), `/${locale}/${slug}`);',
    ],
    ["return path.replace(`${locale}/`, '');", "return path.replace(new RegExp(`(^|/)${escapeRegExp(locale)}/(?=[^/]*$)`), '$1');"],
  ];
  return {
    name: 'hearth-decap-i18n-paths',
    transform(code, id) {
      if (!/decap-cms-core[\\/]dist[\\/]esm[\\/]lib[\\/]i18n\.js$/.test(id)) return undefined;
      let patched = code;
      for (const [from, to] of fixes) {
        if (!patched.includes(from)) throw new Error(`decap-cms-core's lib/i18n.js changed: "${from}" is gone; check the i18n path fix`);
        patched = patched.replace(from, to);
      }
      return patched;
    },
  };
}

// Two pages: the Decap app, and the preview page that loads the widgets from their sources
// (the "source" condition), so the preview is what the current code shows a patient.
export default defineConfig({
  root: here,
  plugins: [decapI18nPaths()],
  base: '/',
  logLevel: 'warn',
  resolve: { conditions: ['source', ...defaultClientConditions] },
  define: {
    'process.env.NODE_ENV': JSON.stringify('production'),
    global: 'globalThis',
  },
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 10_000,
    reportCompressedSize: false,
    rollupOptions: {
      input: { index: resolve(here, 'index.html'), preview: resolve(here, 'preview.html') },
    },
  },
});
