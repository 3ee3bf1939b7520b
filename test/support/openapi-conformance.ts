// Checks a JSON response against the OpenAPI document the api serves, so the document (and the web app's
// client generated from it) says exactly what the api answers: every declared field present unless
// optional, no undeclared field, the declared types, enums, nullability and date-times.

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  allOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function check(document: OpenApiDocument, schema: Schema, value: unknown, at: string, problems: string[]): void {
  if (schema.$ref) return check(document, document.components.schemas[schema.$ref.replace('#/components/schemas/', '')], value, at, problems);
  if (value === null) {
    if (!schema.nullable) problems.push(`${at} is null but not nullable`);
    return;
  }
  if (schema.allOf) for (const part of schema.allOf) check(document, part, value, at, problems);
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${at} is ${JSON.stringify(value)}, not one of ${JSON.stringify(schema.enum)}`);
  const actual = typeOf(value);
  switch (schema.type) {
    case 'string':
      if (actual !== 'string') problems.push(`${at} is ${actual}, declared string`);
      else if (schema.format === 'date-time' && !ISO_INSTANT.test(value as string)) problems.push(`${at} is ${JSON.stringify(value)}, declared a UTC date-time`);
      return;
    case 'number':
    case 'integer':
    case 'boolean':
      if (actual !== (schema.type === 'boolean' ? 'boolean' : 'number')) problems.push(`${at} is ${actual}, declared ${schema.type}`);
      return;
    case 'array':
      if (actual !== 'array') problems.push(`${at} is ${actual}, declared array`);
      else if (schema.items) (value as unknown[]).forEach((item, i) => check(document, schema.items!, item, `${at}[${i}]`, problems));
      return;
  }
  if (schema.type === 'object' || schema.properties) {
    if (actual !== 'object') return void problems.push(`${at} is ${actual}, declared object`);
    const record = value as Record<string, unknown>;
    const properties = schema.properties ?? {};
    for (const key of schema.required ?? []) if (!(key in record)) problems.push(`${at}.${key} is missing`);
    for (const [key, child] of Object.entries(record)) {
      if (properties[key]) check(document, properties[key], child, `${at}.${key}`, problems);
      else if (!schema.additionalProperties && !schema.allOf) problems.push(`${at}.${key} is not declared`);
    }
  }
}

/** The document's operation for a concrete path: literal segments win over parameters. */
function operationFor(document: OpenApiDocument, method: string, path: string) {
  const candidates = Object.entries(document.paths)
    .filter(([template, methods]) => methods[method] && new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`).test(path))
    .sort(([a], [b]) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
  return candidates[0] && { template: candidates[0][0], operation: candidates[0][1][method] };
}

/** What is wrong with a JSON 2xx response, by the document; empty when it conforms or is not JSON. */
export function responseProblems(document: OpenApiDocument, method: string, url: string, status: number, body: unknown, contentType: string | null): string[] {
  if (status < 200 || status >= 300 || !contentType?.includes('application/json')) return [];
  const path = url.split('?')[0];
  const found = operationFor(document, method.toLowerCase(), path);
  if (!found) return []; // not an api operation (the document itself, the queue dashboard)
  const schema = found.operation.responses[String(status)]?.content?.['application/json']?.schema;
  if (!schema) return [`${method} ${found.template} declares no JSON body for ${status}`];
  const problems: string[] = [];
  check(document, schema, body, 'body', problems);
  return problems.map((p) => `${method} ${found.template} ${status}: ${p}`);
}
