/**
 * The BUILT bundle included more than once, as happens when a CMS template and a tag manager
 * both add it, or two teams ship two versions: no exception, exactly one warning, and the
 * widgets work. The copy that got there first owns `window.Hearth`; any other stands down
 * before defining anything.
 */
import { expect } from '@open-wc/testing';
import { coverageResult, openFirstFaqAnswer, rendered } from './support/drive.js';
import { needBuiltDist, openPage, settle, waitFor, type HostPage, type ScriptSpec } from './support/host-page.js';

// Coverage comes from config here, so the only warning on the page is the one under test.
const CONFIG = {
  brand: { name: 'Twice Clinic' },
  coverage: {
    superbill: false,
    selfPay: { price: 900, unit: 'program', includes: ['Evaluation'] },
    states: { TX: { served: true, payers: [{ id: 'bcbs-texas', name: 'Blue Cross and Blue Shield of Texas', network: 'in' }] } },
  },
};
const BODY = `<hearth-provider><script type="application/json">${JSON.stringify(CONFIG)}</script>
  <hearth-coverage></hearth-coverage><hearth-faq></hearth-faq></hearth-provider>`;

async function works(page: HostPage): Promise<void> {
  await page.win.Hearth!.ready;
  const coverage = page.doc.querySelector('hearth-coverage')!;
  // The provider's inline config reached the widget: one served state, not the demo's twelve.
  expect(await rendered(coverage)).to.contain('1 state: Texas');
  expect(await coverageResult(coverage)).to.contain('Blue Cross');
  await openFirstFaqAnswer(page.doc.querySelector('hearth-faq')!);
}

function hearthWarnings(page: HostPage): string[] {
  return page.probe.warnings.filter((w) => w.includes('[hearth]'));
}

/** Where each kind of script tag loads Hearth from (test/support/hearth-pages.mjs). */
const SCRIPT_PATH: Record<ScriptSpec['kind'], string> = {
  loader: '/packages/hearth/dist/hearth.js',
  all: '/packages/hearth/dist/hearth.all.js',
  'loader-copy': '/hearth-host/copy/hearth.js',
  'all-copy': '/hearth-host/copy/hearth.all.js',
  // A path of its own per page (`/hearth-host/fresh/<n>/hearth.js`); no case here uses it.
  'loader-fresh': '/hearth-host/fresh/',
};

/**
 * The script whose code answers `window.Hearth`: `Hearth.define()` reads `options.prefix` at once,
 * so a getter there sees the owning copy's file on the call stack (and throws, so nothing is defined).
 */
function owningScript(page: HostPage): string {
  let stack = '';
  const options = {
    get prefix(): string {
      stack = new Error('owner probe').stack ?? '';
      throw new Error('owner probe');
    },
  };
  try {
    void page.win.Hearth!.define(options);
  } catch {
    // thrown by the getter above
  }
  const files = [...stack.matchAll(/(https?:\/\/[^\s()]+?):\d+:\d+/g)]
    .map((m) => new URL(m[1]!).pathname)
    .filter((path) => Object.values(SCRIPT_PATH).includes(path));
  if (!files.length) throw new Error(`no Hearth script on the stack of Hearth.define():\n${stack}`);
  return files[0]!;
}

// `owner`: the script that owns `window.Hearth` (the first to run: module scripts run after the
// parser, in order; a classic script at once). The warning names the copy that stood down.
const CASES: { name: string; scripts: ScriptSpec[]; warning: RegExp; owner: ScriptSpec['kind'] }[] = [
  {
    name: 'hearth.js twice from the same URL',
    scripts: [{ kind: 'loader' }, { kind: 'loader' }],
    warning: /included 2 times/,
    owner: 'loader',
  },
  {
    name: 'hearth.js from two URLs (two independent copies)',
    scripts: [{ kind: 'loader' }, { kind: 'loader-copy' }],
    warning: /already running on this page, so this copy \(hearth\.js /,
    owner: 'loader',
  },
  {
    name: 'hearth.all.js twice (two classic copies)',
    scripts: [{ kind: 'all' }, { kind: 'all-copy' }],
    warning: /already running on this page, so this copy \(hearth\.all\.js /,
    owner: 'all',
  },
  {
    name: 'hearth.js and hearth.all.js together',
    scripts: [{ kind: 'loader' }, { kind: 'all' }],
    warning: /already running on this page, so this copy \(hearth\.js /,
    owner: 'all',
  },
];

describe('the script included twice (built dist/)', function () {
  this.timeout(60000);
  before(async function () {
    await needBuiltDist();
  });

  for (const c of CASES) {
    it(`${c.name}: no error, one warning, widgets work`, async () => {
      const page = await openPage({ scripts: c.scripts, body: BODY });
      try {
        await works(page);
        await settle(page.win);
        expect(page.probe.uncaught, 'uncaught errors').to.deep.equal([]);
        expect(page.probe.errors, 'console errors').to.deep.equal([]);
        const warnings = hearthWarnings(page);
        expect(warnings, warnings.join(' // ')).to.have.length(1);
        expect(warnings[0]).to.match(c.warning);
        expect(page.probe.newGlobals()).to.deep.equal(['Hearth']);
        // The copy that stood down downloaded nothing beyond its own entry file.
        const copied = page.win.performance.getEntriesByType('resource').filter((e) => e.name.includes('/hearth-host/copy/chunks/'));
        expect(copied.map((e) => e.name)).to.deep.equal([]);
        expect(page.win.Hearth!.version).to.be.a('string');
        expect(owningScript(page), 'the script that owns window.Hearth').to.equal(SCRIPT_PATH[c.owner]);
      } finally {
        page.close();
      }
    });
  }

  it('hearth.all.js added later by a tag manager, next to the loader: it stands down, one warning', async () => {
    const page = await openPage({ scripts: [{ kind: 'loader' }], body: BODY });
    try {
      await works(page);
      const hearth = page.win.Hearth;
      const script = page.doc.createElement('script');
      script.src = '/hearth-host/copy/hearth.all.js';
      const loaded = new Promise((resolve) => script.addEventListener('load', resolve, { once: true }));
      page.doc.head.append(script);
      await loaded;
      await settle(page.win);
      expect(page.win.Hearth, 'window.Hearth kept').to.equal(hearth);
      expect(owningScript(page), 'the script that owns window.Hearth').to.equal(SCRIPT_PATH.loader);
      expect(hearthWarnings(page), hearthWarnings(page).join(' // ')).to.have.length(1);
      expect(page.probe.errors).to.deep.equal([]);
      // The widgets already on the page keep working, and new ones still upgrade.
      const late = page.doc.createElement('hearth-faq');
      page.doc.body.append(late);
      await waitFor(() => late.shadowRoot, 'a late <hearth-faq> to upgrade');
      await openFirstFaqAnswer(late);
    } finally {
      page.close();
    }
  });
});
