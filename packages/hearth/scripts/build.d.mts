/** One file of rolldown's output, as far as the build's callers and tests read it. */
export interface OutputFile {
  type: 'chunk' | 'asset';
  fileName: string;
  name?: string;
  code?: string;
  imports?: string[];
  dynamicImports?: string[];
  moduleIds?: string[];
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  facadeModuleId?: string | null;
}
export function buildModules(outDir?: string): Promise<OutputFile[]>;
export function buildLazyForAll(modules: readonly OutputFile[], outDir?: string): Promise<Map<string, string>>;
export function buildAllInOne(lazy?: Map<string, string>, outDir?: string): Promise<OutputFile[]>;
export function buildAll(options?: { quiet?: boolean }): Promise<unknown>;
