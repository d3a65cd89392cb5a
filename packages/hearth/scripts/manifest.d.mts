import type { WidgetPackage } from './widgets.mjs';
export interface CustomElementsManifest {
  schemaVersion: string;
  modules: unknown[];
}
export function createManifest(widgets?: WidgetPackage[]): Promise<CustomElementsManifest>;
export function writeManifest(dist: string, widgets?: WidgetPackage[]): Promise<CustomElementsManifest>;
