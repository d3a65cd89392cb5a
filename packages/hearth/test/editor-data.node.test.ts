// The component reference: every attribute, event, slot, CSS part and custom property in
// custom-elements.json has a description, and the editor data generated from it (VS Code custom
// data, JetBrains web-types) lists every one of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createManifest } from '../scripts/manifest.mjs';
import { elementsOf, undocumented, vscodeCustomData, webTypes } from '../scripts/editor-data.mjs';

const manifest = await createManifest();

test('every manifest entry a partner relies on has a description (write it in the widget’s JSDoc)', () => {
  assert.deepEqual(undocumented(manifest), []);
  assert.ok(elementsOf(manifest).length >= 7, 'every element is in the manifest');
});

test('an entry without a description is reported', () => {
  const bare = {
    modules: [
      {
        path: 'packages/x/src/hearth-x.ts',
        declarations: [
          {
            customElement: true,
            tagName: 'hearth-x',
            summary: 'X.',
            attributes: [{ name: 'a' }],
            cssParts: [{ name: 'p', description: 'P.' }],
          },
        ],
      },
    ],
  };
  assert.deepEqual(undocumented(bare), ['<hearth-x> attributes a']);
});

test('VS Code custom data and web-types list every tag, attribute, event, CSS part and custom property', () => {
  const vscode = vscodeCustomData(manifest) as {
    tags: { name: string; description: string; attributes: { name: string; description: string }[] }[];
  };
  const jetbrains = webTypes(manifest, { name: '@hearth/embed', version: '0.0.0' }) as {
    contributions: {
      html: {
        elements: {
          name: string;
          attributes: { name: string }[];
          events: { name: string }[];
          css: { parts: { name: string }[]; properties: { name: string }[] };
        }[];
      };
    };
  };
  for (const el of elementsOf(manifest)) {
    const tag = vscode.tags.find((t) => t.name === el.tagName);
    const element = jetbrains.contributions.html.elements.find((e) => e.name === el.tagName);
    assert.ok(tag && element, `${el.tagName} in both`);
    assert.ok(tag.description.length > 20, `${el.tagName} described`);
    for (const a of el.attributes ?? []) {
      assert.ok(
        tag.attributes.some((x) => x.name === a.name && x.description),
        `${el.tagName}[${a.name}] in VS Code data`,
      );
      assert.ok(
        element.attributes.some((x) => x.name === a.name),
        `${el.tagName}[${a.name}] in web-types`,
      );
    }
    for (const e of el.events ?? [])
      assert.ok(
        element.events.some((x) => x.name === e.name),
        `${el.tagName} ${e.name}`,
      );
    for (const p of el.cssParts ?? [])
      assert.ok(
        element.css.parts.some((x) => x.name === p.name),
        `${el.tagName}::part(${p.name})`,
      );
    for (const p of el.cssProperties ?? [])
      assert.ok(
        element.css.properties.some((x) => x.name === p.name),
        `${el.tagName} ${p.name}`,
      );
  }
});
