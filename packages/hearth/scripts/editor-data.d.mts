import type { CustomElementsManifest } from './manifest.mjs';
interface Entry {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
}
export interface ManifestElement {
  tagName: string;
  module: string;
  summary?: string;
  description?: string;
  attributes?: Entry[];
  events?: Entry[];
  slots?: Entry[];
  cssParts?: Entry[];
  cssProperties?: Entry[];
}
export function elementsOf(manifest: CustomElementsManifest | { modules: unknown[] }): ManifestElement[];
export function undocumented(manifest: CustomElementsManifest | { modules: unknown[] }): string[];
export function vscodeCustomData(manifest: CustomElementsManifest): unknown;
export function webTypes(manifest: CustomElementsManifest, pkg: { name: string; version: string }): unknown;
export function writeEditorData(dist?: string): void;
