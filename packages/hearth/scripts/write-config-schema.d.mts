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
export function documentedConfigSchema(): { schema: ConfigSchemaDocument; problems: string[] };
export function configSchemaDocument(): ConfigSchemaDocument;
export function configMarkdown(schema?: ConfigSchemaNode): string;
export function referenceFiles(): Promise<Record<string, string>>;
