import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions, mergeConfig, type Plugin } from 'vite';
// The same discovery and analysis as the script-tag build: autodocs always match the code.
import { createManifest } from '../packages/hearth/scripts/manifest.mjs';

const MANIFEST_ID = 'virtual:hearth/custom-elements-manifest';

/** `import manifest from 'virtual:hearth/custom-elements-manifest'` (no .json: Vite would parse it as JSON), analysed from the widgets' JSDoc. */
function customElementsManifest(): Plugin {
  return {
    name: 'hearth:custom-elements-manifest',
    resolveId: (id) => (id === MANIFEST_ID ? `\0${MANIFEST_ID}` : null),
    async load(id) {
      if (id !== `\0${MANIFEST_ID}`) return null;
      return `export default ${JSON.stringify(await createManifest())};`;
    },
    handleHotUpdate({ file, server }) {
      // A JSDoc change in a widget updates the docs tables.
      if (/[\\/]packages[\\/][^\\/]+[\\/]src[\\/].+\.ts$/.test(file)) {
        const mod = server.moduleGraph.getModuleById(`\0${MANIFEST_ID}`);
        if (mod) server.moduleGraph.invalidateModule(mod);
      }
    },
  };
}

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    return mergeConfig(viteConfig, {
      // Stories import the widgets' TypeScript sources; their own @hearth/* imports follow the
      // "source" export condition too, so Storybook needs no package build first.
      resolve: { conditions: ['source', ...defaultClientConditions] },
      plugins: [customElementsManifest()],
    });
  },
};

export default config;
