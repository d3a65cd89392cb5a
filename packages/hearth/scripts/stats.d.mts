import type { ElementInfo } from './widgets.mjs';
export interface FileStats {
  file: string;
  role: string;
  bytes: number;
  gzip: number;
  imports: string[];
  dynamicImports: string[];
  packages: string[];
}
export interface BuildStats {
  generated: string;
  files: FileStats[];
  pages: Record<string, { widgets: string[]; files: string[]; gzip: number; onDemand: { file: string; role?: string; gzip?: number }[] }>;
}
export function shortId(id: string): string;
export function analyse(input: { modules: readonly unknown[]; all: readonly unknown[]; groups: Map<string, ElementInfo[]> }): BuildStats;
export function printReport(stats: BuildStats): void;
