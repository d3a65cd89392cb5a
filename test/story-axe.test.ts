/**
 * Every story in stories/ is an accessibility fixture: this suite imports each story module,
 * renders each story as Storybook does (args, decorators, loaders, render, then play), waits for
 * the widgets to settle, and runs axe with the WCAG 2.0/2.1/2.2 A and AA rules. A story that
 * turns a rule off must do so in `parameters.a11y.config.rules`, with a comment saying why.
 */
import { expect } from '@open-wc/testing';
import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';
import { configure, setLocale } from '../packages/core/src/index.js';

type Args = Record<string, unknown>;
interface StoryContext {
  args: Args;
  canvasElement: HTMLElement;
  loaded: Record<string, unknown>;
  parameters: Record<string, unknown>;
  id: string;
  name: string;
  title: string;
}
type Render = (args: Args, context: StoryContext) => unknown;
type Decorator = (story: () => unknown, context: StoryContext) => unknown;
interface Annotations {
  args?: Args;
  render?: Render;
  decorators?: Decorator[];
  loaders?: ((context: StoryContext) => Promise<Record<string, unknown> | void>)[];
  play?: (context: StoryContext) => Promise<void> | void;
  parameters?: { a11y?: { disable?: boolean; config?: { rules?: { id: string; enabled: boolean }[] } } } & Record<string, unknown>;
  name?: string;
  tags?: string[];
}
interface Meta extends Annotations {
  title: string;
  component?: string;
  includeStories?: string[] | RegExp;
  excludeStories?: string[] | RegExp;
}
type StoryModule = { default: Meta } & Record<string, unknown>;

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const axe = (window as unknown as { axe: { run(context: Element, options: RunOptions): Promise<AxeResults> } }).axe;

// Served by test/support/hearth-pages.mjs: the lit instance the widgets use, and the story list.
// Without them (another web-test-runner config, a broken index) the sweep fails: it never skips.
type LitRender = (value: unknown, container: HTMLElement) => unknown;
let litRender: LitRender = () => undefined;
let index: Record<string, () => Promise<StoryModule>> | undefined;
let indexError: string | undefined;
try {
  litRender = ((await import(/* @vite-ignore */ '/hearth-host/lit.js' as string)) as { render: LitRender }).render;
  index = (
    (await import(/* @vite-ignore */ '/hearth-host/stories-index.js' as string)) as { default: Record<string, () => Promise<StoryModule>> }
  ).default;
} catch (error) {
  indexError = error instanceof Error ? error.message : String(error);
}

function isStory(name: string, value: unknown, meta: Meta): boolean {
  if (name === 'default' || name === '__namedExportsOrder' || (typeof value !== 'object' && typeof value !== 'function')) return false;
  const matches = (rule: string[] | RegExp | undefined) =>
    Array.isArray(rule) ? rule.includes(name) : rule instanceof RegExp ? rule.test(name) : false;
  if (meta.includeStories && !matches(meta.includeStories)) return false;
  return !matches(meta.excludeStories);
}

/** Storybook's default for web components: the element, with the args as properties. */
function defaultRender(component: string | undefined): Render {
  return (args) => {
    if (!component) throw new Error('the story has no render function and its meta no component');
    const el = document.createElement(component) as HTMLElement & Record<string, unknown>;
    Object.assign(el, args);
    return el;
  };
}

/**
 * Waits for every Lit element under `root` (shadow roots included) and for the text to stop
 * changing; throws, naming `what`, when it is still changing after 5 s.
 */
async function settle(root: HTMLElement, what: string): Promise<void> {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
  const snapshot = () => {
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      const el = node as Element;
      if (el.shadowRoot) walk(el.shadowRoot);
      node.childNodes.forEach(walk);
    };
    walk(root);
    return parts.join('');
  };
  let last = '';
  let stable = 0;
  const deadline = performance.now() + 5000;
  while (stable < 3 && performance.now() < deadline) {
    const pending: Promise<unknown>[] = [];
    const collect = (node: ParentNode) => {
      for (const el of node.querySelectorAll('*')) {
        const update = (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
        if (update) pending.push(update);
        if (el.shadowRoot) collect(el.shadowRoot);
      }
    };
    collect(root);
    await Promise.all(pending);
    await frame();
    await new Promise((r) => setTimeout(r, 30));
    const now = snapshot();
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
  if (stable < 3) throw new Error(`${what} did not settle: its text was still changing after 5 s`);
}

/** The text under `root` (shadow roots included) that is rendered and visible. */
function visibleText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      let parent = node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host;
      // A slot's fallback text (`<slot name="question">text</slot>`): the slot itself has no box
      // (display: contents), so checkVisibility() is false for it; ask the element around it. A
      // slot with assigned nodes does not render its fallback: that text is not on screen.
      while (parent?.localName === 'slot') {
        if ((parent as HTMLSlotElement).assignedNodes().length) return;
        parent = parent.parentElement ?? (parent.parentNode as ShadowRoot | null)?.host;
      }
      if (parent?.checkVisibility({ opacityProperty: true, visibilityProperty: true })) parts.push(node.textContent ?? '');
      return;
    }
    const el = node as Element;
    if (['style', 'script', 'template'].includes(el.localName)) return;
    if (el.shadowRoot) walk(el.shadowRoot);
    node.childNodes.forEach(walk);
  };
  walk(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function formatViolations(results: AxeResults): string {
  return results.violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`,
    )
    .join('\n');
}

const files = Object.keys(index ?? {});

describe('every story passes axe (WCAG 2.2 A/AA)', () => {
  before(() => {
    if (!index)
      throw new Error(
        `could not load the story index (${indexError ?? 'no index'}): ` +
          'the story sweep runs with test/web-test-runner.dist.config.mjs, whose plugin serves /hearth-host/stories-index.js',
      );
  });

  it('finds the story files', () => {
    expect(files.length, 'stories/*.stories.ts').to.be.greaterThan(0);
    expect(files).to.include('hearth-provider.stories.ts');
  });

  for (const file of files) {
    describe(file, () => {
      let mod: StoryModule;
      before(async () => {
        mod = await index![file]!();
      });

      it('exports a meta with a title and at least one story', () => {
        expect(mod.default?.title, 'default export title').to.be.a('string');
        expect(Object.entries(mod).filter(([name, value]) => isStory(name, value, mod.default))).to.not.be.empty;
      });

      // Story names are known only once the module is loaded: one test walks them all and
      // reports every failing story, not only the first.
      it('renders each story and finds no violation', async function () {
        this.timeout(120000);
        const meta = mod.default;
        const failures: string[] = [];
        let count = 0;
        for (const [name, value] of Object.entries(mod)) {
          if (!isStory(name, value, meta)) continue;
          const story = (typeof value === 'function' ? { render: value as Render } : value) as Annotations;
          const parameters = { ...meta.parameters, ...story.parameters };
          if (parameters.a11y?.disable) {
            failures.push(`${name}: a11y disabled (not allowed: fix the story instead)`);
            continue;
          }
          count++;
          const canvasElement = document.createElement('div');
          canvasElement.id = 'storybook-root';
          document.body.append(canvasElement);
          const context: StoryContext = {
            args: { ...meta.args, ...story.args },
            canvasElement,
            loaded: {},
            parameters,
            id: `${meta.title}--${name}`,
            name: story.name ?? name,
            title: meta.title,
          };
          try {
            for (const loader of [...(meta.loaders ?? []), ...(story.loaders ?? [])])
              Object.assign(context.loaded, (await loader(context)) ?? {});
            const renderFn = story.render ?? meta.render ?? defaultRender(meta.component);
            let storyFn = () => renderFn(context.args, context);
            for (const decorator of [...(story.decorators ?? []), ...(meta.decorators ?? [])]) {
              const inner = storyFn;
              storyFn = () => decorator(inner, context);
            }
            const output = storyFn();
            if (output instanceof Node) canvasElement.append(output);
            else if (typeof output === 'string') canvasElement.innerHTML = output;
            else litRender(output, canvasElement);
            await settle(canvasElement, `${name} (before play)`);
            await story.play?.(context);
            await settle(canvasElement, name);
            const text = visibleText(canvasElement);
            const box = canvasElement.getBoundingClientRect();
            if (!text || box.width === 0 || box.height === 0)
              throw new Error(`${name} rendered nothing visible (text "${text.slice(0, 80)}", ${box.width}×${box.height} px)`);
            const rules = Object.fromEntries(
              [...(meta.parameters?.a11y?.config?.rules ?? []), ...(story.parameters?.a11y?.config?.rules ?? [])].map((r) => [
                r.id,
                { enabled: r.enabled },
              ]),
            );
            const results = await axe.run(canvasElement, {
              runOnly: { type: 'tag', values: WCAG_TAGS },
              rules,
              resultTypes: ['violations'],
            });
            if (results.violations.length) failures.push(`${name}:\n  ${formatViolations(results)}`);
          } catch (error) {
            failures.push(`${name}: ${error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error)}`);
          } finally {
            canvasElement.remove();
            configure({}, { replace: true });
            setLocale(undefined);
          }
        }
        expect(count, 'stories rendered').to.be.greaterThan(0);
        expect(failures, failures.join('\n\n')).to.deep.equal([]);
      });
    });
  }
});
