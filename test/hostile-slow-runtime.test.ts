/**
 * The BUILT loader on a slow network: it asks for every chunk a page needs at once, as soon as it
 * runs (issue 15). Were a widget's chunk requested only once the shared runtime chunk had arrived,
 * each hop would cost the patient a round trip before the first question: HTML → hearth.js →
 * runtime → widget. Here the runtime chunk is held back by the server; every other file the page
 * needs must still arrive meanwhile, and the widget must render once the runtime is let through.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { distInfo, needBuiltDist, openPage, waitFor, type HostPage } from './support/host-page.js';

const RUNTIME = 'chunks/runtime-';

function hold(mode: 'hold' | 'off'): Promise<unknown> {
  return executeServerCommand('hearth-hold', { match: RUNTIME, mode });
}

/** The files the built assessment page needs up front (stats.json, written by the build). */
async function assessmentFiles(): Promise<string[]> {
  const stats = (await distInfo()).stats as unknown as { pages?: Record<string, { files: string[] }> };
  const files = stats?.pages?.assessment?.files;
  if (!files?.length) throw new Error('dist/stats.json lists no files for the assessment page: rebuild dist/');
  return files;
}

/** The chunk files whose download has finished in `page`, by their path under dist/. */
function arrived(page: HostPage): string[] {
  return page.win.performance
    .getEntriesByType('resource')
    .map((e) => /\/(chunks\/[^/?#]+\.js)$/.exec(new URL(e.name).pathname)?.[1])
    .filter((f): f is string => Boolean(f));
}

describe('the loader starts every chunk of the page at once (built dist/)', function () {
  this.timeout(60000);
  before(() => needBuiltDist());

  it('downloads the assessment chunk and its other imports while the runtime chunk is still on its way', async () => {
    const needed = (await assessmentFiles()).filter((f) => f.startsWith('chunks/'));
    const others = needed.filter((f) => !f.startsWith(RUNTIME));
    expect(
      others.some((f) => f.startsWith('chunks/assessment-')),
      `the page's chunks: ${needed.join(', ')}`,
    ).to.equal(true);
    await hold('hold');
    const p = await openPage({
      scripts: [{ kind: 'loader-fresh' }],
      body: '<main><hearth-assessment></hearth-assessment></main>',
      title: 'held runtime',
    });
    try {
      await heldThenReleased(p, needed, others);
    } finally {
      await hold('off');
      p.close();
      sessionStorage.clear();
    }
  });
});

/** With the runtime chunk held: the other chunks arrive and nothing is defined; once it is released, the widget renders. */
async function heldThenReleased(p: HostPage, needed: string[], others: string[]): Promise<void> {
  // Every other chunk arrives although the runtime is held: nobody waited for it to ask.
  await waitFor(() => others.every((f) => arrived(p).includes(f)), `${others.join(', ')} while ${RUNTIME}… is held`, 8000).catch(() => {
    throw new Error(`only [${arrived(p).join(', ')}] arrived while the runtime was held; the page needs ${needed.join(', ')}`);
  });
  expect(arrived(p).some((f) => f.startsWith(RUNTIME))).to.equal(false);
  const el = p.doc.querySelector('hearth-assessment')!;
  expect(p.win.customElements.get('hearth-assessment'), 'nothing is defined before the runtime').to.equal(undefined);

  await hold('off');
  const start = await waitFor(
    () => el.shadowRoot?.querySelector<HTMLButtonElement>('[data-page="intro"] button[type="submit"]'),
    'the Start button',
  );
  expect(start.textContent?.trim()).to.not.equal('');
  // Nothing else was needed up front: the files fetched are the ones the build lists.
  expect([...new Set(arrived(p))].filter((f) => !f.startsWith('chunks/steps')).sort()).to.deep.equal([...needed].sort());
}
