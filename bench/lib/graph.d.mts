// Types of what the tests import from graph.mjs.
export const MARKERS: Record<string, RegExp[]>;
export const MARKDOWN_LIBS: string[];
export const EDITOR_LIBS: string[];
export function librariesIn(code: string): string[];
export function editorLibrariesIn(files: ReadonlyMap<string, { libraries: readonly string[] }>): string[];
