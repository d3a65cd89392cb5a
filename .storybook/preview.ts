import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from 'virtual:hearth/custom-elements-manifest';

setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: {
    controls: { expanded: true, matchers: { color: /(background|color)$/i } },
    // Every story is also an accessibility fixture (see test/story-axe.test.ts, which runs the
    // same rule tags outside Storybook). Turn a rule off only in a story, with a comment why.
    a11y: {
      test: 'error',
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
    },
    layout: 'padded',
  },
  tags: ['autodocs'],
};

export default preview;
