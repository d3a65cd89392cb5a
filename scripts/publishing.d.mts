export const ROOT: string;
export const REPOSITORY: string;
export const PREPACK: string;
export const NO_MAPS: string;
export const MAPPED_FILE: RegExp;
export function mapReferences(text: string): string[];
export function withoutMapComments(text: string): string;
export function nodeRange(root?: string): string;
export interface PublishingFields {
  repository: { type: 'git'; url: string; directory: string };
  homepage: string;
  bugs: { url: string };
  engines: { node: string };
  publishConfig: { access: 'public' };
}
export function publishingFields(dir: string, root?: string): PublishingFields;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- package.json as read
export type PackageJson = Record<string, any>;
export function publishedPackages(root?: string): { dir: string; path: string; pkg: PackageJson }[];
