export interface ElementInfo {
  tag: string;
  suffix: string;
  className: string;
  file: string;
}
export interface WidgetPackage {
  key: string;
  packageName: string;
  dir: string;
  registration: string[];
  elements: ElementInfo[];
}
export const ROOT: string;
export const PACKAGES: string;
export const RUNTIME_PACKAGE: string;
export function discoverWidgets(root?: string): WidgetPackage[];
export function findDefinitions(file: string): ElementInfo[];
export function tagTable(widgets: WidgetPackage[]): Record<string, string>;
