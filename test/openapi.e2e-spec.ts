import { readFileSync } from 'node:fs';
import { serializeOpenApi } from '@pendamping/platform';
import { TestApp } from './support/test-app';

const FILE = 'apps/api/openapi.json';

/** The first line where two texts part, with a little context, so a failure says what changed. */
function firstDifference(committed: string, produced: string): string {
  const [a, b] = [committed.split('\n'), produced.split('\n')];
  const at = a.findIndex((line, i) => line !== b[i]);
  const line = at === -1 ? a.length : at;
  const context = (lines: string[]) => lines.slice(Math.max(0, line - 3), line + 3).join('\n');
  return `first difference at line ${line + 1}\n--- committed\n${context(a)}\n--- produced by the code\n${context(b)}`;
}

type Schema = { $ref?: string; type?: string; items?: Schema; allOf?: Schema[]; properties?: Record<string, Schema>; additionalProperties?: unknown; enum?: unknown[] };
type Operation = { operationId?: string; responses: Record<string, { content?: Record<string, { schema?: Schema }> }> };

const JSON_TYPE = 'application/json';

/** A schema a client generator can type: a named model, a list of them, or (for files) a string. */
function typed(schema: Schema | undefined, mediaType: string): boolean {
  if (!schema) return false;
  if (schema.$ref) return true;
  if (schema.allOf) return schema.allOf.length > 0 && schema.allOf.every((s) => typed(s, mediaType));
  if (schema.type === 'array') return typed(schema.items, mediaType);
  return mediaType !== JSON_TYPE && schema.type === 'string';
}

function operations(document: { paths: Record<string, Record<string, Operation>> }): [string, Operation][] {
  return Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]): [string, Operation] => [`${method.toUpperCase()} ${path}`, op]));
}

/** 204, or a 2xx whose every content type has a typed schema. */
function hasTypedSuccess(op: Operation): boolean {
  return Object.entries(op.responses).some(([status, response]) => {
    if (!/^2\d\d$/.test(status)) return false;
    if (status === '204') return !response.content;
    const content = Object.entries(response.content ?? {});
    return content.length > 0 && content.every(([mediaType, { schema }]) => typed(schema, mediaType));
  });
}

describe('OpenAPI document', () => {
  let api: TestApp;
  let document: any;

  beforeAll(async () => {
    api = await TestApp.start();
    // This suite is over in milliseconds: wait until the app's Redis and queue connections are up (health
    // touches both), or closing it while they still connect rejects their pending commands.
    await api.get('/api/health');
    document = (await api.get('/api/docs/openapi.json')).body;
  });
  afterAll(() => api.close());

  it('is committed as apps/api/openapi.json exactly as the code produces it', () => {
    const produced = serializeOpenApi(document);
    const committed = readFileSync(FILE, 'utf8');
    if (committed !== produced) {
      throw new Error(`${FILE} is out of date: run \`npm run openapi\` and commit the file.\n${firstDifference(committed, produced)}`);
    }
  });

  it('declares a typed 2xx (or a 204) for every operation', () => {
    const untyped = operations(document).filter(([, op]) => !hasTypedSuccess(op)).map(([name]) => name);
    expect(untyped).toEqual([]);
  });

  it('names every operation once, in camelCase, for the generated client', () => {
    const ids = operations(document).map(([name, op]) => [name, op.operationId ?? ''] as const);
    expect(ids.filter(([, id]) => !/^[a-z][A-Za-z0-9]+$/.test(id))).toEqual([]);
    expect(new Set(ids.map(([, id]) => id)).size).toBe(ids.length);
  });

  it('gives every property of every model a type (no bare objects)', () => {
    const bare = Object.entries(document.components.schemas as Record<string, Schema>).flatMap(([model, schema]) =>
      Object.entries(schema.properties ?? {})
        .filter(([, p]) => !p.$ref && !p.allOf && !p.enum && (!p.type || (p.type === 'object' && !p.properties && p.additionalProperties === undefined) || (p.type === 'array' && !p.items)))
        .map(([property]) => `${model}.${property}`),
    );
    expect(bare).toEqual([]);
  });
});
