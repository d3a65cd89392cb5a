import type { ElementInfo, WidgetPackage } from './widgets.mjs';
export function chunkGroups(widgets?: WidgetPackage[]): Map<string, ElementInfo[]>;
export function widgetModules(): unknown;
export function keepRegistrations(): unknown;
export function isRuntimeModule(id: string): boolean;
export function runtimeChunk(runtimeEntry: string): { plugin: unknown; test(id: string): boolean };
export function noHostGlobals(): unknown;
export function coreVersion(): string;
