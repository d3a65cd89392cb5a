export interface VersionModule {
  dir: string;
  constant: string;
  doc: string;
}
export const VERSION_MODULES: VersionModule[];
export function versionModule(mod: VersionModule, root?: string): string;
export function writeVersions(root?: string, options?: { check?: boolean }): string[];
export interface VersionedDoc {
  file: string;
  dir: string;
}
export const VERSIONED_DOCS: VersionedDoc[];
export function versionedDoc(doc: VersionedDoc, root?: string): string;
