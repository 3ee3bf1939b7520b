// What class-validator does not see: it skips null under @IsOptional (a PATCH with `"name": null` then
// reached the database as NULL, or a service's `.trim()`), validates an array element that is itself an
// array as if it were the nested DTO, and has no rule against lone surrogates (MySQL and LiveKit refuse those
// with a 500). The OpenAPI metadata on each DTO says which fields may be null and which hold nested DTOs.

const PROPERTY_NAMES = 'swagger/apiModelPropertiesArray';
const PROPERTY = 'swagger/apiModelProperties';

interface FieldMeta {
  type?: unknown;
  isArray?: boolean;
  nullable?: boolean;
}

type Dto = abstract new (...args: never[]) => unknown;

/** The DTO's fields as its @ApiProperty decorators describe them (inherited ones included); null if it has none. */
function fieldsOf(type: unknown): Map<string, FieldMeta> | null {
  if (typeof type !== 'function' || !type.prototype) return null;
  const names = Reflect.getMetadata(PROPERTY_NAMES, type.prototype) as string[] | undefined;
  if (!names?.length) return null;
  return new Map(names.map((entry) => entry.replace(/^:/, '')).map((name) => [name, (Reflect.getMetadata(PROPERTY, type.prototype, name) ?? {}) as FieldMeta]));
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string with a UTF-16 surrogate half that has no partner: no UTF-8 (or utf8mb4 column) can hold it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Lone surrogates anywhere in a payload, keys included; walks without recursion. */
export function loneSurrogatePaths(value: unknown, root: string): string[] {
  const found: string[] = [];
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'string') {
      if (LONE_SURROGATE.test(node)) found.push(path);
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) {
        if (LONE_SURROGATE.test(key)) found.push(`${path} (a key)`);
        stack.push([child, Array.isArray(node) ? `${path}[${key}]` : `${path}.${key}`]);
      }
    }
  }
  return found;
}

/** Nulls where the DTO does not document `nullable`, and nested-DTO fields given something other than an object. */
export function shapeProblems(value: unknown, type: Dto | unknown, path = ''): string[] {
  const fields = fieldsOf(type);
  if (!fields || !isPlainObject(value)) return [];
  const problems: string[] = [];
  for (const [key, meta] of fields) {
    if (!(key in value)) continue;
    const child = value[key];
    const name = path ? `${path}.${key}` : key;
    if (child === null) {
      if (!meta.nullable) problems.push(`${name} must not be null (leave it out to keep it as it is)`);
      continue;
    }
    if (!fieldsOf(meta.type)) continue;
    if (meta.isArray && Array.isArray(child)) {
      child.forEach((element, i) => {
        if (isPlainObject(element)) problems.push(...shapeProblems(element, meta.type, `${name}[${i}]`));
        else problems.push(`each of ${name} must be an object`);
      });
    } else if (!meta.isArray) {
      problems.push(...shapeProblems(child, meta.type, name));
    }
  }
  return problems;
}
