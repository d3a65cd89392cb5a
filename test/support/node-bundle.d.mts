/** Compiles `entry` (a path from the repository root) to one ES module for Node; resolves with its path. */
export function compiledForNode(entry: string, options?: { external?: 'npm' | 'none' }): Promise<string>;
/** The lead receiver's CLI (packages/lead-receiver/src/cli.ts), compiled. */
export function compiledReceiverCli(): Promise<string>;
