import { existsSync } from 'node:fs';
import vue from '@vitejs/plugin-vue';
import { defaultClientConditions, defineConfig } from 'vite';

// Inside this repository the widget packages build from their TypeScript sources (the "source"
// export condition), so the app runs from a fresh clone. Copied elsewhere and installed from the
// packed tarballs, as scripts/test/packed-install.test.ts does, it uses their dist/ like any app.
const inWorkspace = existsSync(new URL('../../pnpm-workspace.yaml', import.meta.url));

export default defineConfig({
  plugins: [
    vue({
      // Every <hearth-*> tag is a custom element: Vue leaves it to the browser.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('hearth-') } },
    }),
  ],
  resolve: inWorkspace ? { conditions: ['source', ...defaultClientConditions] } : {},
  server: { port: 5175, host: '127.0.0.1' },
  preview: { port: 5175, host: '127.0.0.1' },
});
