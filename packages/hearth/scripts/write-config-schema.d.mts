export function configSchemaDocument(): { $id: string; title: string; [key: string]: unknown };
