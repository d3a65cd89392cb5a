import type { ElementInfo, WidgetPackage } from './widgets.mjs';
export function chunkGroups(widgets?: WidgetPackage[]): Map<string, ElementInfo[]>;
export function widgetModules(): unknown;
export function keepRegistrations(): unknown;
export function isRuntimeModule(id: string): boolean;
export function runtimeChunk(runtimeEntry: string): { plugin: unknown; test(id: string): boolean };
export function noHostGlobals(): unknown;
export function coreVersion(): string;
export const isOptionalLitModule: (id: string) => boolean;
export function tokenDefaults(): Map<string, string>;
export function minifyCssText(text: string): string;
export function minifyHtmlText(text: string): string;
export function minifyTemplates(defaults?: Map<string, string>): unknown;
export function minifyTemplatesIn(
  code: string,
  tag: string,
  minifyText: (text: string) => string,
  defaults: Map<string, string>,
  id?: string,
): string;
