import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { bodyFromSchema, forgedCursor, hostileDate, hostileString, PROTOTYPE_KEYS, randomBody, withPrototypeKey, type JsonSchema } from './fuzz-arbitraries';
import { answerProblem, changedTables, rawRequest, type FuzzWorld } from './fuzz-world';
import type { Route } from './route-table';

// Requests for any route of the route table, built from the route's path and its OpenAPI operation (when it
// has one): a new route is fuzzed without a line here.

interface Operation {
  parameters?: { name: string; in: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

const document = JSON.parse(readFileSync('apps/api/openapi.json', 'utf8')) as Document;
export const COMPONENTS = document.components.schemas;

/** The route's OpenAPI operation (`/api/users/:id` is `/api/users/{id}` there). */
export function operationOf(route: Route): Operation | undefined {
  return document.paths[route.url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[route.method.toLowerCase()];
}

/** Percent-encodes as a browser does: a lone surrogate (no UTF-8 for it) becomes U+FFFD first. */
const encode = (s: string) => encodeURIComponent(Buffer.from(s).toString());

/** A path segment that is no id: garbage, encoded or not well encoded at all. */
const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  hostileString.map((s) => encode(s.slice(0, 200))).filter((s) => s.length > 0),
  fc.constantFrom('%E0%A4%A', '%', '%zz', '%00', '%C0%AF', '..%2F..%2Fetc', '%uD800', 'x'.repeat(2_000), '0', '-1', 'null', 'undefined', '1e308'),
  hostileDate.map(encode),
);

/** The world's ids of the kind a path names (`/consultations/:id` takes a consultation's), else any of them. */
function idsAfter(segment: string, w: Pick<FuzzWorld, 'ids' | 'consultation' | 'held' | 'workshop' | 'notificationId' | 'attendee' | 'as'>): string[] {
  const kinds: Record<string, string[]> = {
    consultations: [w.consultation, w.held],
    workshops: [w.workshop.workshopId],
    sessions: [w.workshop.sessionId],
    participants: [w.attendee.id],
    // Never the callers' own accounts: a fuzzed role change or disabling would end their tokens for the rest.
    users: [w.attendee.id],
    entrepreneurs: [w.as.owner.id, w.attendee.id],
    mentors: [w.as.mentor.id],
    notifications: [w.notificationId],
  };
  return kinds[segment] ?? w.ids;
}

export function pathFor(route: Route, w: Parameters<typeof idsAfter>[1]): fc.Arbitrary<string> {
  const segments = route.url.split('/');
  const parts = segments.map((part, i): fc.Arbitrary<string> => {
    if (!part.startsWith(':')) return fc.constant(part);
    // Mostly an id of the kind the path names (so the input reaches the route's code), sometimes any id.
    const real = part === ':date' ? fc.constantFrom('2030-01-07', '2030-02-28') : fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...idsAfter(segments[i - 1], w)) }, { weight: 1, arbitrary: fc.constantFrom(...w.ids) });
    return fc.oneof({ weight: 3, arbitrary: real }, { weight: 1, arbitrary: hostileSegment });
  });
  return fc.tuple(...parts).map((segments) => segments.join('/'));
}

/** A query string of hostile values: prototype keys, forged cursors, wrong types for the operation's own parameters. */
export function queryFor(operation: Operation | undefined): fc.Arbitrary<string> {
  const names = (operation?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const value = fc.oneof(hostileString.map((s) => s.slice(0, 300)), hostileDate, forgedCursor, fc.constantFrom('-1', '0', '1e9', 'NaN', '[]', 'true', '1.5'));
  const key = fc.oneof(...(names.length ? [fc.constantFrom(...names)] : []), fc.constantFrom(...PROTOTYPE_KEYS, '__proto__[isAdmin]', 'constructor[prototype][isAdmin]', 'cursor', 'limit'));
  return fc.array(fc.tuple(key, value), { maxLength: 4 }).map((pairs) => {
    return pairs.length ? `?${pairs.map(([k, v]) => `${encode(k).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encode(v)}`).join('&')}` : '';
  });
}

/** A body as bytes, and the content type it is sent with. */
interface Payload {
  text?: string;
  contentType?: string;
}

const serialize = (body: unknown): string => JSON.stringify(body) ?? 'null';

export function payloadFor(operation: Operation | undefined, ids: string[]): fc.Arbitrary<Payload> {
  const schema = operation?.requestBody?.content?.['application/json']?.schema;
  const shaped = schema ? [{ weight: 5, arbitrary: bodyFromSchema(schema, COMPONENTS, fc.constantFrom(...ids)) as fc.Arbitrary<unknown> }] : [];
  const json = fc
    .tuple(fc.oneof(...shaped, { weight: 2, arbitrary: randomBody }), fc.option(fc.constantFrom(...PROTOTYPE_KEYS), { freq: 4 }))
    .map(([body, protoKey]): Payload => ({ text: withPrototypeKey(serialize(body), protoKey) }));
  const broken = fc.constantFrom<Payload>(
    { text: '{"email":' },
    { text: 'not json' },
    { text: '' },
    { text: '\u0000' },
    { text: '{"a":1}', contentType: 'text/plain' },
    { text: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
    { text: '{"a":1}', contentType: 'application/json; charset=utf-16' },
    { text: '--x\r\n\r\n--x--', contentType: 'multipart/form-data; boundary=x' },
    { text: '{}', contentType: 'application/jsonx' },
    { text: '{"a":"\\ud800"}' },
    { text: `{"a":"${'x'.repeat(1_100_000)}"}` },
  );
  return fc.oneof({ weight: 6, arbitrary: json }, { weight: 1, arbitrary: broken }, { weight: 1, arbitrary: fc.constant<Payload>({}) });
}

export const CALLERS = ['admin', 'owner', 'mentor', 'speaker'] as const;

/**
 * One request and what must hold of it: never a 5xx, refusals in the catalogue's shape, a refusal writes
 * nothing. Sent as each caller in turn until one is let past the guards, so the input reaches the route's code.
 */
export async function checkRequest(w: FuzzWorld, method: string, path: string, callers: readonly (typeof CALLERS)[number][], payload: Payload, route?: string): Promise<void> {
  for (const caller of callers) {
    const before = await w.checksum();
    const res = await rawRequest(w.app, method, path, { token: w.as[caller].token, ...payload });
    const problem = answerProblem(res);
    if (process.env.FUZZ_STATS) tally(`${method} ${path.split('?')[0].replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id').slice(0, 60)}`, `${res.status} ${(res.body as { code?: string })?.code ?? ''}${process.env.FUZZ_STATS === "why" ? ` ${JSON.stringify((res.body as { message?: unknown })?.message).slice(0, 80)}` : ''}`);
    if (problem) throw new Error(`${method} ${path.slice(0, 200)} as ${caller} with ${String(payload.text).slice(0, 300)}: ${problem}`);
    if (route && pastTheDoor(res)) reached.add(route);
    if (res.status >= 400) {
      const changed = changedTables(before, await w.checksum());
      if (changed.length) throw new Error(`${method} ${path.slice(0, 200)} as ${caller} answered ${res.status} but wrote to ${changed.join(', ')}: ${String(payload.text).slice(0, 300)}`);
    }
    if (res.status !== 403) return;
  }
}

/** Codes that say an input never got past parsing, validation or the guards to the route's own code. */
const REFUSED_AT_THE_DOOR = new Set(['BAD_REQUEST', 'VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'NOT_ACCEPTABLE', 'UNAUTHORIZED', 'FORBIDDEN']);

/** Answered by the route's own code: a 2xx or a domain refusal (a 404 for what it looked up counts; the id pipe's or the router's does not). */
function pastTheDoor(res: { status: number; body: unknown }): boolean {
  if (res.status < 400) return true;
  const { code, message } = (res.body ?? {}) as { code?: string; message?: unknown };
  if (code === 'NOT_FOUND') return typeof message === 'string' && message !== 'Record not found' && !message.startsWith('Cannot ');
  return !REFUSED_AT_THE_DOOR.has(code ?? '');
}

/** The routes (`METHOD /url/:param`) at least one fuzzed input got through to: answered 2xx or with a domain code. */
export const reached = new Set<string>();

/** With FUZZ_STATS set: how each route answered, to see whether the fuzzer gets past validation. */
export const stats = new Map<string, Map<string, number>>();
function tally(route: string, answer: string) {
  const counts = stats.get(route) ?? new Map<string, number>();
  counts.set(answer, (counts.get(answer) ?? 0) + 1);
  stats.set(route, counts);
}
