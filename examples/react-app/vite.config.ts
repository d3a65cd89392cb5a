import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // The widget packages' "source" export condition: their TypeScript builds with the app, so the
  // example runs from a fresh clone without building the packages first.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  server: { port: 5174, host: '127.0.0.1' },
  preview: { port: 5174, host: '127.0.0.1' },
});
