export interface Sri {
  version: string;
  algorithm: 'sha384';
  base: string;
  files: Record<string, string>;
  csp: Record<string, string>;
}
export const DIST: string;
export const CDN_ROOT: string;
export function packageVersion(): string;
export function sriHash(bytes: string | Uint8Array, algorithm?: string): string;
export function relativeImports(code: string): string[];
export function writeCdn(options?: { dist?: string; out?: string; version?: string; base?: string }): { folder: string; sri: Sri };
