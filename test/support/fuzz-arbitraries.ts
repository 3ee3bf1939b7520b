import fc from 'fast-check';

// Hostile values for property-based tests of the api's edges (test/fuzz-*.e2e-spec.ts): what a buggy
// client, a curious person or an attacker sends, alongside values that look right.

/** Strings that break naive code: huge, emoji and RTL, combining marks, lone surrogates, NUL, control characters. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constant('x'.repeat(100_000)),
  fc.constantFrom('😀👩🏽‍💻🇮🇩', 'مرحبا بالعالم', '\u202Egnp.exe', 'e\u0301\u0301\u0301\u0301', 'Z̸̡̛͓̈́a̵͍͆l̶̰̇g̵̱̈o̶', '\uD800', 'ok\uDFFF', '\uDC00\uD800', 'nul\u0000byte', '\u0000', 'a\rb', '\u0007', '', ' ', '\uFEFF', '%00', '../../etc/passwd', "' OR 1=1 --", '${jndi:x}', '{{7*7}}'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

/** Dates and times a calendar does not have, or that only a lenient parser reads. */
export const hostileDate: fc.Arbitrary<string> = fc.constantFrom(
  '2026-02-30',
  '2026-02-30T09:00:00+07:00',
  '2026-13-01T09:00:00Z',
  '9999-12-31T23:59:59-14:00',
  '9999-12-31T23:59:59Z',
  '0000-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '1970-01-01',
  '2026-W10-1',
  '2026-W10-1T09:00:00Z',
  '2026-060',
  '2026-060T09:00:00+07:00',
  '2026-12-07T24:00:00Z',
  '2026-12-07T24:00',
  '24:00',
  '25:61',
  '2026-12-07T09:00:00+99:99',
  '2026-12-07T09:00:00+23:59',
  '2026-12-07T09:00:00-1400',
  '+275760-09-13T00:00:00Z',
  '2026-12-07T09:00:00.123456789Z',
  '2026-12-07 09:00:00',
  '20261207T090000Z',
  'yesterday',
  '1e12',
);

/** Time zones the zone database does not have, or spells differently. */
export const hostileZone: fc.Arbitrary<string> = fc.constantFrom('Mars/Olympus', 'UTC+7', 'Asia/Jakarta ', 'asia/jakarta', '../../zoneinfo', 'Etc/GMT+99', '', 'Asia/Jakarta\u0000', 'Z', 'Local');

/** Recurrence rules RFC 5545 does not allow, or that would make a workshop without end. */
export const hostileRrule: fc.Arbitrary<string> = fc.constantFrom(
  'RRULE:FREQ=SECONDLY;COUNT=100000',
  'RRULE:FREQ=DAILY',
  'RRULE:FREQ=WEEKLY;COUNT=-1',
  'RRULE:FREQ=WEEKLY;COUNT=99999999999999999999',
  'RRULE:FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2;COUNT=3',
  'DTSTART;TZID=Mars/Olympus:20261207T090000\nRRULE:FREQ=WEEKLY;COUNT=4',
  'DTSTART:20260230T090000Z\nRRULE:FREQ=WEEKLY;COUNT=4',
  'DTSTART:99991231T235959Z\nRRULE:FREQ=YEARLY;COUNT=5',
  'DTSTART:20261207T090000Z\nRRULE:FREQ=WEEKLY;UNTIL=20200101T000000Z',
  'DTSTART:20261207T090000Z\nRRULE:FREQ=WEEKLY;INTERVAL=0;COUNT=3',
  'DTSTART:20261207T090000Z\nRRULE:FREQ=HOURLY;INTERVAL=1;COUNT=500',
  'DTSTART:20261207T090000Z\r\nRRULE:FREQ=WEEKLY;COUNT=2\r\nEXDATE:garbage',
  'BEGIN:VEVENT\nEND:VEVENT',
  'RRULE:',
  'x'.repeat(500),
);

/** Cursors a list never wrote: garbage, tampered base64url JSON, other arities and types. */
export const forgedCursor: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '=', 'null', 'eyJ', '%%%', 'x'.repeat(500), '\uD800'),
  fc.jsonValue({ maxDepth: 2 }).map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
  fc.tuple(fc.oneof(hostileDate, fc.integer(), fc.constant(null)), fc.oneof(fc.string(), fc.integer(), fc.constant(null))).map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
  fc.string({ unit: 'binary', maxLength: 60 }).map((s) => Buffer.from(s).toString('base64')),
);

/** The keys that reach Object.prototype when an object is merged or assigned naively. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Values of the wrong type for any field: numbers for strings, arrays for objects, null, nested arrays. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, -0, 2 ** 53 + 1, 0.5, [], {}, [[]], [[[1]]], [null], [{}], [[{}]], { length: 1 }, '1', 'true'),
  fc.array(fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }), { minLength: 1, maxLength: 2 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Any hostile value for a field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(wrongType, hostileString, hostileDate, hostileZone, hostileRrule, fc.constant(undefined));

/** A value that looks like a date, half of them impossible. */
const dateLike: fc.Arbitrary<string> = fc.oneof({ weight: 1, arbitrary: hostileDate }, { weight: 2, arbitrary: fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString()) });

export interface JsonSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
}

type Components = Record<string, JsonSchema>;

/** A field's plausible value from its OpenAPI schema (an example, an enum member, a number in range), to get past validation to deeper code. */
function plausible(schema: JsonSchema, components: Components, ids: fc.Arbitrary<string>, depth: number): fc.Arbitrary<unknown> {
  if (schema.$ref) return plausible(components[schema.$ref.split('/').pop()!] ?? {}, components, ids, depth);
  if (schema.allOf?.[0]) return plausible(schema.allOf[0], components, ids, depth);
  if (schema.oneOf?.[0]) return plausible(schema.oneOf[0], components, ids, depth);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'object':
      return bodyFromSchema(schema, components, ids, depth + 1);
    case 'array':
      return fc.array(schema.items ? field(schema.items, components, ids, depth + 1) : wrongType, { maxLength: 3 });
    case 'integer':
    case 'number':
      return fc.oneof(fc.integer({ min: schema.minimum ?? -10, max: schema.maximum ?? 10_000 }), fc.constantFrom(schema.minimum ?? 0, schema.maximum ?? 1e9));
    case 'boolean':
      return fc.boolean();
    default: {
      const looksLikeTime = schema.format === 'date-time' || /^\d{4}-\d{2}-\d{2}T/.test(String(schema.example ?? ''));
      if (looksLikeTime) return dateLike;
      if (schema.format === 'email' || /@/.test(String(schema.example ?? ''))) return fc.uuid().map((id) => `fuzz.${id.slice(0, 12)}@uji.pendamping.id`);
      const others = fc.oneof(ids, fc.string({ maxLength: 20 }));
      // The document's example passes validation more often than not: it gets the input to the service.
      return typeof schema.example === 'string' ? fc.oneof({ weight: 4, arbitrary: fc.constant(schema.example) }, { weight: 1, arbitrary: others }) : others;
    }
  }
}

/** Plausible, except deep down where a hostile value is as good as any. */
function field(schema: JsonSchema, components: Components, ids: fc.Arbitrary<string>, depth: number): fc.Arbitrary<unknown> {
  if (depth > 3) return hostileValue;
  return plausible(schema, components, ids, depth);
}

/**
 * A body shaped by a request schema: every field plausible, then (half the time) one of them hostile or dropped, and
 * sometimes an unknown key: one bad field at a time reaches each validator, and a body that passes reaches the service.
 */
export function bodyFromSchema(schema: JsonSchema, components: Components, ids: fc.Arbitrary<string>, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const resolved = schema.$ref ? (components[schema.$ref.split('/').pop()!] ?? {}) : schema;
  const props = Object.entries(resolved.properties ?? {});
  const model = Object.fromEntries(props.map(([key, s]) => [key, field(s, components, ids, depth)]));
  const required = (resolved.required ?? []).filter((k) => k in model);
  const keys = Object.keys(model);
  const mutation = fc.tuple(keys.length ? fc.constantFrom(...keys) : fc.constant('x'), hostileValue);
  const extra = fc.tuple(fc.oneof(fc.constantFrom('isAdmin', 'roles', 'id', 'userId', 'status'), fc.string({ maxLength: 8 })), hostileValue);
  return fc.tuple(fc.record(model, { requiredKeys: required }), fc.array(mutation, { maxLength: 1 }), depth === 0 ? fc.option(extra, { freq: 6 }) : fc.constant(null)).map(([body, mutations, added]) => {
    const out: Record<string, unknown> = { ...body };
    for (const [key, value] of mutations) {
      if (value === undefined) delete out[key];
      else out[key] = value;
    }
    if (added) out[added[0]] = added[1];
    return out;
  });
}

/** JSON text for a body, sometimes with a prototype key written into it (JSON.stringify would drop or rename it). */
export const withPrototypeKey = (json: string, key: string | null): string => {
  if (!key || !json.startsWith('{')) return json;
  const injected = `"${key}":{"isAdmin":true,"roles":["admin"]}`;
  return json === '{}' ? `{${injected}}` : `{${injected},${json.slice(1)}`;
};

/** Any JSON-ish body at all: the wrong shape for every route. */
export const randomBody: fc.Arbitrary<unknown> = fc.oneof(wrongType, hostileString, fc.dictionary(fc.string({ maxLength: 10 }), hostileValue, { maxKeys: 5 }));
