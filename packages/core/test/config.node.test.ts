import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolveConfig, defaultConfig, hearthConfigSchema, configJsonSchema, isAllowedEndpoint, mergeConfig } from '../src/schemas.js';
import { configJsonSchema as jsonSchemaFromSchemaModule } from '../src/config/schema.js';
// The whole config: the envelope and the sections the domains register when their /schema loads.
import '../../assessment/src/schema.js';
import '../../coverage/src/schema.js';

const layer = (source: string, input: unknown) => ({ source, input });

describe('config precedence', () => {
  const global = layer('Hearth.configure()', {
    brand: { name: 'Global', phone: '555-0100' },
    lead: { endpoint: 'https://global.example/leads' },
  });
  const provider = layer('the nearest <hearth-provider>', { brand: { name: 'Provider' }, assessment: { instrument: 'pcl-5' } });
  const attrs = layer('the attributes of <hearth-assessment>', { brand: { name: 'Attribute' } });

  it('defaults apply when nothing is set', () => {
    const r = resolveConfig([]);
    assert.ok(r.ok);
    assert.equal(r.config.brand.name, 'Hearth Health');
    assert.equal(r.config.assessment.instrument, 'pc-ptsd-5');
    assert.deepEqual(r.config.assessment.cutPoints, { pcPtsd5: 3, pcl5: 33, phq9: 10, gad7: 10 });
    assert.equal(r.config.privacy.includeAnswers, false, 'answers stay on the page by default');
    assert.equal(r.config.analytics.dataLayer, false, 'analytics off by default');
    assert.deepEqual(r.config, defaultConfig());
  });

  const cases: { rule: string; layers: ReturnType<typeof layer>[]; name: string; instrument: string; endpoint?: string }[] = [
    { rule: 'global beats defaults', layers: [global], name: 'Global', instrument: 'pc-ptsd-5', endpoint: 'https://global.example/leads' },
    {
      rule: 'provider beats global, field by field',
      layers: [global, provider],
      name: 'Provider',
      instrument: 'pcl-5',
      endpoint: 'https://global.example/leads',
    },
    {
      rule: 'attributes beat everything',
      layers: [global, provider, attrs],
      name: 'Attribute',
      instrument: 'pcl-5',
      endpoint: 'https://global.example/leads',
    },
    {
      rule: 'undefined never erases a lower layer',
      layers: [global, layer('attrs', { brand: { name: undefined } })],
      name: 'Global',
      instrument: 'pc-ptsd-5',
    },
  ];
  for (const c of cases) {
    it(c.rule, () => {
      const r = resolveConfig(c.layers);
      assert.ok(r.ok, !r.ok ? r.error.message : '');
      assert.equal(r.config.brand.name, c.name);
      assert.equal(r.config.assessment.instrument, c.instrument);
      if (c.endpoint) assert.equal(r.config.lead.endpoint, c.endpoint);
      assert.equal(r.config.brand.phone, '555-0100', 'untouched fields survive the merge');
    });
  }

  it('arrays replace rather than extend', () => {
    const merged = mergeConfig<{ a: number[] }>({ a: [1, 2, 3] }, { a: [9] });
    assert.deepEqual(merged.a, [9]);
  });

  it('ignores prototype-polluting keys', () => {
    const merged = mergeConfig<Record<string, unknown>>({}, JSON.parse('{"__proto__": {"polluted": true}, "brand": {"name": "X"}}'));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(merged, { brand: { name: 'X' } });
  });
});

describe('config error messages name the field, the value, what was expected and where it came from', () => {
  const table: { rule: string; input: unknown; path: string; contains: string[] }[] = [
    {
      rule: 'colour must be hex',
      input: { brand: { colors: { primary: 'red' } } },
      path: 'brand.colors.primary',
      contains: ['"red"', 'hex colour'],
    },
    {
      rule: 'endpoint must be https',
      input: { lead: { endpoint: 'http://clinic.example/leads' } },
      path: 'lead.endpoint',
      contains: ['"http://clinic.example/leads"', 'https:'],
    },
    { rule: 'endpoint must be a URL', input: { lead: { endpoint: 'leads' } }, path: 'lead.endpoint', contains: ['"leads"'] },
    {
      rule: 'unknown instrument',
      input: { assessment: { instrument: 'phq-2' } },
      path: 'assessment.instrument',
      contains: ['"phq-2"', '"pc-ptsd-5", "pcl-5", "phq-9"', 'registerInstrument()'],
    },
    {
      rule: 'cut point out of range',
      input: { assessment: { cutPoints: { pcPtsd5: 9 } } },
      path: 'assessment.cutPoints.pcPtsd5',
      contains: ['9'],
    },
    {
      rule: 'PC-PTSD-5 cut point outside its published range 3–4',
      input: { assessment: { cutPoints: { pcPtsd5: 2 } } },
      path: 'assessment.cutPoints.pcPtsd5',
      contains: ['2', 'from 3 to 4', 'published range for the PC-PTSD-5'],
    },
    {
      rule: 'PCL-5 cut point outside its published range 31–33',
      input: { assessment: { cutPoints: { pcl5: 34 } } },
      path: 'assessment.cutPoints.pcl5',
      contains: ['34', 'from 31 to 33', 'PCL-5'],
    },
    {
      rule: 'PHQ-9 cut point below its published range 8–12',
      input: { assessment: { cutPoints: { phq9: 7 } } },
      path: 'assessment.cutPoints.phq9',
      contains: ['7', 'from 8 to 12', 'PHQ-9'],
    },
    {
      rule: 'GAD-7 cut point above its published range 8–12',
      input: { assessment: { cutPoints: { gad7: 13 } } },
      path: 'assessment.cutPoints.gad7',
      contains: ['13', 'from 8 to 12', 'GAD-7'],
    },
    {
      rule: 'cut point must be whole',
      input: { assessment: { cutPoints: { pcl5: 32.5 } } },
      path: 'assessment.cutPoints.pcl5',
      contains: ['32.5', 'whole number'],
    },
    {
      rule: 'safety step cannot be removed',
      input: { assessment: { steps: ['intro', 'screen', 'results'] } },
      path: 'assessment.steps',
      contains: ['keeps "safety" and "results"'],
    },
    {
      rule: 'the lead form cannot come before the safety question',
      input: { assessment: { steps: ['intro', 'lead', 'results', 'screen', 'safety'] } },
      path: 'assessment.steps',
      contains: ['"safety" before "results" and "lead"'],
    },
    {
      rule: 'instrument wording cannot be overridden',
      input: { copy: { en: { 'assessment-instruments:pcPtsd5.items.1': 'Bad dreams?' } } },
      path: 'copy.en.assessment-instruments:pcPtsd5.items.1',
      contains: ['validated instruments'],
    },
    {
      rule: 'crisis lines cannot be overridden',
      input: { copy: { es: { 'core:crisis.short': 'Llame a su médico' } } },
      path: 'copy.es.core:crisis.short',
      contains: ['crisis lines'],
    },
    {
      rule: "a partner reviewer's date must be a date",
      input: { brand: { reviewer: { name: 'Dr X', reviewedOn: 'last week' } } },
      path: 'brand.reviewer.reviewedOn',
      contains: ['"last week"'],
    },
    { rule: 'unknown locale', input: { locale: 'fr' }, path: 'locale', contains: ['"fr"', '"en" or "es"'] },
    { rule: 'typo in a key is reported, not dropped', input: { brnad: { name: 'X' } }, path: '(root)', contains: ['brnad'] },
    {
      rule: 'font cannot break out of its declaration',
      input: { brand: { font: 'Inter; background: red' } },
      path: 'brand.font',
      contains: ['without ;'],
    },
    {
      rule: 'includeAnswers must be boolean',
      input: { privacy: { includeAnswers: 'yes' } },
      path: 'privacy.includeAnswers',
      contains: ['"yes"', 'true or false'],
    },
    {
      rule: 'unknown state in coverage names the entry',
      input: { coverage: { selfPay: { price: 100, includes: [] }, superbill: false, states: { XX: { served: true } } } },
      path: 'coverage.states.XX',
      contains: ['XX'],
    },
  ];
  for (const c of table) {
    it(c.rule, () => {
      const r = resolveConfig([layer('<hearth-provider config-src="/clinic.json">', c.input)]);
      assert.equal(r.ok, false);
      if (r.ok) return;
      const issue = r.error.issues.find((i) => i.path === c.path);
      assert.ok(issue, `expected an issue at ${c.path}, got ${r.error.issues.map((i) => i.path).join(', ')}`);
      for (const text of c.contains) assert.ok(r.error.message.includes(text), `"${r.error.message}" should contain ${text}`);
      assert.ok(r.error.message.includes('<hearth-provider config-src="/clinic.json">'), 'names the source');
      assert.equal(issue.source, '<hearth-provider config-src="/clinic.json">');
    });
  }

  it('blames the layer that set the bad value, not the last layer', () => {
    const r = resolveConfig([
      layer('Hearth.configure()', { brand: { colors: { primary: 'nope' } } }),
      layer('the attributes of <hearth-faq>', { brand: { name: 'Fine' } }),
    ]);
    assert.ok(!r.ok);
    if (!r.ok) assert.equal(r.error.issues[0]?.source, 'Hearth.configure()');
  });

  it('reports every invalid field at once', () => {
    const r = resolveConfig([layer('test', { brand: { colors: { primary: 'red' } }, locale: 'de' })]);
    assert.ok(!r.ok);
    if (!r.ok) assert.deepEqual(r.error.issues.map((i) => i.path).sort(), ['brand.colors.primary', 'locale']);
  });
});

describe('endpoint rule', () => {
  const table: [string, boolean][] = [
    ['https://clinic.example/leads', true],
    ['http://localhost:8787/leads', true],
    ['http://127.0.0.1:8787/leads', true],
    ['http://[::1]:8787/leads', true],
    ['http://clinic.example/leads', false],
    ['http://localhost.evil.example/leads', false],
    ['ftp://clinic.example/leads', false],
    ['javascript:alert(1)', false],
    ['https://user:pass@clinic.example/leads', false],
    ['/leads', false],
  ];
  for (const [url, allowed] of table)
    it(`${url} → ${allowed ? 'allowed' : 'refused'}`, () => assert.equal(isAllowedEndpoint(url), allowed));
});

describe('JSON Schema export', () => {
  it('describes the config for partner tooling', () => {
    const schema = configJsonSchema() as { properties: Record<string, unknown> };
    assert.ok(schema.properties.brand && schema.properties.lead && schema.properties.coverage);
    assert.equal(jsonSchemaFromSchemaModule, configJsonSchema);
    assert.ok(hearthConfigSchema());
  });
});
