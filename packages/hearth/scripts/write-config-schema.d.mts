/** A JSON Schema node of the config, as the reference reads it. */
export interface ConfigSchemaNode {
  description?: string;
  examples?: unknown[];
  properties?: Record<string, ConfigSchemaNode>;
  [key: string]: unknown;
}
type ConfigSchemaDocument = ConfigSchemaNode & { $id: string; title: string; properties: Record<string, ConfigSchemaNode> };
export const SCHEMA_FILE: string;
export const DOC_FILE: string;
export function schemaId(version?: string): string;
export function documentedConfigSchema(options?: { version?: string }): { schema: ConfigSchemaDocument; problems: string[] };
export function configSchemaDocument(options?: { version?: string }): ConfigSchemaDocument;
export function configMarkdown(schema?: ConfigSchemaDocument): string;
export function referenceFiles(options?: { root?: string }): Promise<Record<string, string>>;
