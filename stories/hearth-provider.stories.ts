import type { Meta, StoryObj } from '@storybook/web-components-vite';
// Relative paths: the workspace root does not depend on the packages (see hearth-coverage.stories.ts).
import '../packages/core/src/define-provider.js';
import type { HearthConfigInput, HearthProvider } from '../packages/core/src/index.js';
import '../packages/assessment/src/define.js';
import '../packages/coverage/src/define.js';

interface Args {
  brandName: string;
  primary: string;
  onPrimary: string;
  surface: string;
  font: string;
  radius: string;
  locale: 'en' | 'es';
  /** Which widget the provider wraps in this story. */
  widget: 'hearth-assessment' | 'hearth-coverage';
  /** Extra config merged over the fields above (JSON), e.g. copy overrides or served states. */
  extraConfig: string;
}

function config(args: Args): HearthConfigInput {
  const base: HearthConfigInput = {
    brand: {
      name: args.brandName,
      colors: { primary: args.primary, onPrimary: args.onPrimary, surface: args.surface },
      font: args.font,
      radius: args.radius,
    },
    locale: args.locale,
  };
  if (!args.extraConfig.trim()) return base;
  try {
    const extra = JSON.parse(args.extraConfig) as HearthConfigInput;
    return { ...base, ...extra, brand: { ...base.brand, ...extra.brand } };
  } catch {
    // Shown by the provider as a config error: pass the raw text through as an invalid value.
    return { ...base, brand: { ...base.brand, name: '' } };
  }
}

/** A provider around one widget, configured from the controls through its `config` property. */
function render(args: Args): HTMLElement {
  const provider = document.createElement('hearth-provider') as HearthProvider;
  provider.config = config(args);
  provider.append(document.createElement(args.widget));
  return provider;
}

const meta: Meta<Args> = {
  title: 'Config/hearth-provider',
  component: 'hearth-provider',
  tags: ['autodocs'],
  render,
  args: {
    brandName: 'Hearth Health',
    primary: '#0b5c78',
    onPrimary: '#ffffff',
    surface: '#f3f6f8',
    font: 'system-ui, sans-serif',
    radius: '8px',
    locale: 'en',
    widget: 'hearth-assessment',
    extraConfig: '',
  },
  argTypes: {
    brandName: { control: 'text', description: 'config.brand.name: shown in the widgets’ copy.' },
    primary: { control: 'color', description: 'config.brand.colors.primary (buttons, links). Warned about below WCAG AA with onPrimary.' },
    onPrimary: { control: 'color', description: 'config.brand.colors.onPrimary: text on primary.' },
    surface: { control: 'color', description: 'config.brand.colors.surface: panels and cards.' },
    font: { control: 'text', description: 'config.brand.font: a CSS font-family list (no web font is downloaded).' },
    radius: { control: 'text', description: 'config.brand.radius: a CSS length such as 2px or 1rem.' },
    locale: { control: 'inline-radio', options: ['en', 'es'], description: 'config.locale' },
    widget: { control: 'inline-radio', options: ['hearth-assessment', 'hearth-coverage'] },
    extraConfig: { control: 'text', description: 'More config as JSON, merged over the fields above.' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Supplies white-label config to every Hearth widget inside it: brand, colours, font, radius, copy, ' +
          'served states and payers, instrument and cut points, consent text and lead endpoint. Sources, ' +
          'highest first: the `config` property, a child `<script type="application/json">`, the JSON at ' +
          '`config-src`, then `Hearth.configure()`. Brand colours become `--hearth-color-*` custom properties ' +
          'on the provider itself; nothing is set on the page.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** The default brand, as the marketing site uses it. */
export const DefaultBrand: Story = {};

/** A partner's brand from config alone: name, colours, serif font, square corners, copy override. */
export const PartnerBrand: Story = {
  args: {
    brandName: 'Clínica Serena',
    primary: '#7a2e0e',
    surface: '#f6ebe1',
    font: "Georgia, 'Times New Roman', serif",
    radius: '2px',
    extraConfig: JSON.stringify({ copy: { en: { 'assessment:intro.start': 'Begin the confidential check' } } }),
  },
};

/** The same partner in Spanish (`config.locale`). */
export const PartnerInSpanish: Story = {
  args: { ...PartnerBrand.args, locale: 'es', extraConfig: '' },
};

/** A partner that serves three states: the coverage checker lists only those. */
export const PartnerCoverage: Story = {
  args: {
    ...PartnerBrand.args,
    widget: 'hearth-coverage',
    extraConfig: JSON.stringify({
      coverage: {
        superbill: true,
        selfPay: { price: 3200, unit: 'program', includes: ['Evaluation', '6 ketamine sessions', '4 integration sessions'] },
        states: {
          NM: { served: true, payers: [{ id: 'presbyterian', name: 'Presbyterian Health Plan', network: 'in' }] },
          AZ: { served: true },
          TX: { served: true, payers: [{ id: 'bcbs-texas', name: 'Blue Cross and Blue Shield of Texas', network: 'varies' }] },
        },
      },
    }),
  },
};

/**
 * An invalid config (an `http:` endpoint on a public host): the widget shows its error surface,
 * with the crisis line, and the console says which field to fix.
 */
export const InvalidConfig: Story = {
  args: { extraConfig: JSON.stringify({ lead: { endpoint: 'http://clinic.example/leads' } }) },
};
