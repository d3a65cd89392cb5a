import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, defaultClientConditions } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

// Two pages: the Decap app, and the preview page that loads the widgets from their sources
// (the "source" condition), so the preview is what the current code shows a patient.
export default defineConfig({
  root: here,
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
