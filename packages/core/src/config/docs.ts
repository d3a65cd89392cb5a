/**
 * The partner-facing descriptions and examples of the config keys, merged into the JSON Schema
 * at build time (`configSchemaDocument()`), from which `config.schema.json` and docs/config.md
 * are written. Kept out of the zod schemas on purpose: nothing here is downloaded by a patient's
 * phone. A domain package documents its own section the same way (its `/schema` entry exports
 * the docs), and the build fails on a key without a description.
 *
 * @module
 */

/** What a partner reads about one key: a description, examples, and the keys below it. */
export interface ConfigDoc {
  description: string;
  examples?: readonly unknown[];
  /** The keys of an object. */
  properties?: Readonly<Record<string, ConfigDoc>>;
  /** The entries of an array. */
  items?: ConfigDoc;
  /** The values of a record (`{ [key]: value }`), e.g. the states of `coverage.states`. */
  values?: ConfigDoc;
}

const COLOR = (what: string, token: string, example: string): ConfigDoc => ({
  description: `${what}, as a hex colour. Sets \`${token}\` on the widgets (never on your page).`,
  examples: [example],
});

/** The envelope: the keys every page has, whatever widgets it loads. */
export const ENVELOPE_CONFIG_DOCS: Readonly<Record<string, ConfigDoc>> = {
  $schema: {
    description:
      'The URL (or relative path) of this JSON Schema, so that your editor completes and checks the file. Ignored by the widgets.',
    examples: ['https://unpkg.com/@hearth/core/config.schema.json'],
  },
  brand: {
    description: 'Who the patient is dealing with: your name, contact details, colours, font and the clinician who reviewed the content.',
    properties: {
      name: {
        description: 'Your practice name as patients know it. Shown in the copy ("Book a consultation with …") and in the consent text.',
        examples: ['Northside Clinic'],
      },
      logoUrl: {
        description:
          'Your logo, as an https: URL. Accepted and validated for widgets that show a logo; none of the current widgets displays it.',
        examples: ['https://www.clinic.example/logo.svg'],
      },
      phone: {
        description: 'The phone number patients may call, written as patients should read it. Shown next to next steps and in the guide.',
        examples: ['(505) 555-0142'],
      },
      bookingUrl: {
        description:
          'Where "Book a consultation" links to: an https: URL or a #anchor on the page. Without it, the text is shown without a link.',
        examples: ['https://www.clinic.example/book', '#contact'],
      },
      colors: {
        description:
          'Your colours. Each one sets a design token on the widgets only. A primary colour whose contrast with `onPrimary` is below WCAG AA is reported in the console.',
        properties: {
          primary: COLOR('Buttons, links and focus rings', '--hearth-color-primary', '#1f6feb'),
          onPrimary: COLOR('Text on the primary colour', '--hearth-color-on-primary', '#ffffff'),
          text: COLOR('Body text', '--hearth-color-text', '#1b1f24'),
          background: COLOR('The widget background', '--hearth-color-background', '#ffffff'),
          surface: COLOR('Cards and panels inside a widget', '--hearth-color-surface', '#f6f8fa'),
          border: COLOR('Borders of fields, cards and choices', '--hearth-color-border', '#8c959f'),
          danger: COLOR('Errors and the crisis panel', '--hearth-color-danger', '#b42318'),
          success: COLOR('Confirmations and positive results', '--hearth-color-success', '#1a7f37'),
        },
      },
      font: {
        description:
          'A CSS font-family list for the widgets (`--hearth-font-family`). Load the font on your page yourself: Hearth fetches no font.',
        examples: ["Georgia, 'Times New Roman', serif"],
      },
      radius: {
        description: 'The corner radius of buttons, fields and cards (`--hearth-radius`): a CSS length in px, rem, em or %.',
        examples: ['8px', '0.25rem'],
      },
      reviewer: {
        description:
          'The clinician who reviewed the clinical content for your practice. "Medically reviewed by" is shown only when `credentials` is set; without a reviewer, the content pack’s own reviewer is shown.',
        properties: {
          name: { description: 'The reviewer’s name as it should appear.', examples: ['Dr. Ana Ruiz'] },
          credentials: { description: 'Their credentials, e.g. degree and specialty.', examples: ['MD, psychiatrist'] },
          reviewedOn: {
            description: 'The date of the review, YYYY-MM-DD. Without it, the content pack’s own reviewer and date are shown.',
            examples: ['2026-11-24'],
          },
        },
      },
    },
  },
  locale: {
    description:
      'The widgets’ language, whatever the page says. Without it, each widget follows its `lang` attribute, then the closest `[lang]`, then `<html lang>`, then English.',
    examples: ['es'],
  },
  lead: {
    description: 'Where a patient’s request goes, and the consent they give with it.',
    properties: {
      endpoint: {
        description:
          'The URL leads are posted to: https:, or http: on localhost and 127.0.0.1 only. Without it, the forms say that they are not connected and send nothing. The script tag’s `data-endpoint` sets the same key.',
        examples: ['https://leads.clinic.example/leads'],
      },
      consentText: {
        description:
          'Your own consent wording, per language. It is shown above the consent box and sent with the lead as what the patient agreed to. Without it, the translated default is used.',
        examples: [{ en: 'I agree that Northside Clinic may contact me about my request.' }],
        values: { description: 'The consent text in this language (at most 2000 characters).' },
      },
      consentVersion: {
        description: 'An identifier of the consent wording, sent with every lead; change it whenever `consentText` changes.',
        examples: ['northside-2026-10'],
      },
      redirectUrl: {
        description:
          'Where to send the patient after their request was accepted (an https: URL or a #anchor). Without it, the form thanks them and offers the booking link.',
        examples: ['https://www.clinic.example/thank-you'],
      },
    },
  },
  copy: {
    description:
      'Your own wording for any string the widgets show, per language, keyed `namespace:key` as in the widgets’ translation files. The validated instruments’ wording and the crisis lines cannot be overridden.',
    examples: [{ en: { 'assessment:lead.submit': 'Request a call' }, es: { 'assessment:lead.submit': 'Pedir una llamada' } }],
    values: { description: 'The overrides for one language: `namespace:key` → text (at most 4000 characters).' },
  },
  privacy: {
    description: 'What health data leaves the patient’s device.',
    properties: {
      includeAnswers: {
        description:
          'Send the patient’s individual answers with the lead, not only the summary. Off by default: the answers are health data, so turn it on only if your endpoint and agreements are ready for them.',
        examples: [false],
      },
    },
  },
  analytics: {
    description:
      'The opt-in bridge to Google Tag Manager: anonymous `hearth_<widget>_<action>` events, never an answer, score or contact detail. See docs/google-tag-manager.md.',
    properties: {
      dataLayer: {
        description:
          'Push the widgets’ events (steps, results, lead conversions) to `window[dataLayerName]`. Off by default. Hearth pushes only into an array your page (the GTM snippet) created.',
        examples: [true],
      },
      dataLayerName: {
        description: 'The name of the data layer global, when your GTM snippet renames it (its `l` parameter). A JavaScript identifier.',
        examples: ['dataLayer', 'clinicLayer'],
      },
    },
  },
};

/** A JSON Schema node, as far as the docs need it. */
interface JsonSchemaNode {
  description?: string;
  examples?: unknown[];
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode | JsonSchemaNode[];
  additionalProperties?: JsonSchemaNode | boolean;
  propertyNames?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  oneOf?: JsonSchemaNode[];
  [key: string]: unknown;
}

/** The object-ish branches of a node: itself, or the members of its anyOf/oneOf. */
function branches(node: JsonSchemaNode): JsonSchemaNode[] {
  const alternatives = [...(node.anyOf ?? []), ...(node.oneOf ?? [])];
  return alternatives.length ? [node, ...alternatives] : [node];
}

/**
 * Writes `docs` into `schema` (descriptions and examples; a description already in the schema,
 * from zod's `z.describe()`, is kept) and returns the problems: each key the schema has without a
 * description, and each documented key the schema does not have (a renamed or removed key).
 */
export function applyConfigDocs(schema: JsonSchemaNode, docs: Readonly<Record<string, ConfigDoc>>, path = ''): string[] {
  const problems: string[] = [];
  const properties = Object.assign({}, ...branches(schema).map((b) => b.properties ?? {})) as Record<string, JsonSchemaNode>;
  for (const key of Object.keys(docs)) if (!(key in properties)) problems.push(`${path}${key}: documented, but not in the schema`);
  for (const [key, node] of Object.entries(properties)) {
    const here = `${path}${key}`;
    problems.push(...applyDoc(node, docs[key], here));
  }
  return problems;
}

function applyDoc(node: JsonSchemaNode, doc: ConfigDoc | undefined, path: string): string[] {
  const problems: string[] = [];
  if (doc) {
    node.description ??= doc.description;
    if (doc.examples && !node.examples) node.examples = [...doc.examples];
  }
  if (!node.description?.trim()) problems.push(`${path}: no description`);
  for (const branch of branches(node)) {
    if (branch.properties) problems.push(...applyConfigDocs(branch, doc?.properties ?? {}, `${path}.`));
    const items = branch.items;
    if (items && !Array.isArray(items)) {
      if (doc?.items) items.description ??= doc.items.description;
      if (items.properties) problems.push(...applyConfigDocs(items, doc?.items?.properties ?? {}, `${path}[].`));
    }
    const values = branch.additionalProperties;
    if (values && typeof values === 'object') {
      if (doc?.values) values.description ??= doc.values.description;
      if (values.properties) problems.push(...applyConfigDocs(values, doc?.values?.properties ?? {}, `${path}.*.`));
    }
  }
  return problems;
}
