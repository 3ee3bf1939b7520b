import fc from 'fast-check';
import { getMetadataStorage } from 'class-validator';
import type { Socket } from 'socket.io-client';
import { SocketHandler } from '@pendamping/realtime';
import { hostileValue, PROTOTYPE_KEYS } from './fuzz-arbitraries';
import { send } from './realtime-client';
import type { TestApp } from './test-app';

// Payloads for a socket event shaped by the DTO its handler validates (as fuzz-http shapes a body by its
// OpenAPI schema): valid in every field, then one field hostile, dropped, or a prototype key added. One bad
// field at a time reaches each validator, and a payload that passes reaches the handler.

export type Dto = new () => object;

interface Handler {
  run: (...args: unknown[]) => Promise<unknown>;
}

/** The app's SocketHandler: every gateway method hands it the payload and the DTO class to validate it with. */
const socketHandler = (app: TestApp): Handler => app.app.get(SocketHandler, { strict: false }) as unknown as Handler;

/**
 * The DTO class each event's handler validates with: read off SocketHandler.run while each event is sent once
 * (the gateways take `payload: unknown`, so the parameter types do not say). An event that does not go
 * through run fails here, as it would have no validation.
 */
export async function socketDtos(app: TestApp, socket: Socket, events: string[]): Promise<Map<string, Dto>> {
  const handler = socketHandler(app);
  const run = handler.run;
  let seen: Dto | undefined;
  handler.run = function (this: unknown, ...args: unknown[]) {
    seen = args[2] as Dto;
    return run.apply(this, args);
  };
  try {
    const dtos = new Map<string, Dto>();
    for (const event of events) {
      seen = undefined;
      await send(socket, event, null);
      if (!seen) throw new Error(`${event} does not validate through SocketHandler.run`);
      dtos.set(event, seen);
    }
    return dtos;
  } finally {
    delete (handler as Partial<Handler>).run;
  }
}

interface Constraint {
  propertyName: string;
  type: string;
  name?: string;
  each?: boolean;
  constraints?: unknown[];
}

/** The fields a DTO validates (its parents' too), each with its constraints. */
export function dtoFields(dto: Dto): Map<string, Constraint[]> {
  const metas = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false) as unknown as Constraint[];
  const fields = new Map<string, Constraint[]>();
  for (const meta of metas) fields.set(meta.propertyName, [...(fields.get(meta.propertyName) ?? []), meta]);
  return fields;
}

/** The world's real ids per id field, oldest first (the newest is what a caller would usually send). */
export type IdSource = (field: string) => string[] | undefined;

const kind = (c: Constraint) => c.name ?? c.type;
const argOf = (cs: Constraint[], name: string, each = false) => cs.find((c) => kind(c) === name && Boolean(c.each) === each)?.constraints?.[0];
const TEXTS = ['Halo', 'Selamat pagi', 'Bagaimana cara mengajukan KUR?', 'Sudah punya NIB?', 'Ya', 'Belum', 'Terima kasih 🙏'];

/** A real id of the field's kind (newest mostly, in capitals now and then), sometimes one of another kind or of nothing. */
function idFor(field: string, ids: IdSource, others: string[]): fc.Arbitrary<string> {
  if (!ids(field)?.length) throw new Error(`no id in the world for ${field}: add it to the fuzz's id sources`);
  const real = fc.nat({ max: 999 }).map((i) => {
    const pool = ids(field)!;
    return i % 4 === 0 ? pool[i % pool.length] : pool[pool.length - 1];
  });
  return fc.oneof({ weight: 8, arbitrary: real }, { weight: 1, arbitrary: real.map((id) => id.toUpperCase()) }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...others), fc.uuid()) });
}

/** A value that passes the field's constraints, from what the DTO declares; a constraint not known here fails loudly. */
function validValue(dto: Dto, field: string, cs: Constraint[], ids: IdSource, others: string[]): fc.Arbitrary<unknown> {
  const has = (name: string, each = false) => cs.some((c) => kind(c) === name && Boolean(c.each) === each);
  const known = new Set(['isUuid', 'isString', 'matches', 'maxLength', 'isBoolean', 'isInt', 'min', 'max', 'arrayMinSize', 'arrayMaxSize', 'isHumanText', 'isMultilineText', 'conditionalValidation', 'isOptional']);
  const unknown = cs.filter((c) => !known.has(kind(c)));
  if (unknown.length) throw new Error(`${dto.name}.${field}: no valid value known for ${unknown.map(kind).join(', ')}: teach test/support/socket-payloads.ts`);
  const text = (each: boolean) => {
    const max = Number(argOf(cs, 'maxLength', each) ?? 200);
    const lines = has('isMultilineText', each) ? ['Baris satu\nbaris dua', 'Tab\tdi sini', 'Windows\r\nbaris'] : [];
    // At the length limit too, in 1-, 2- and 4-byte characters: what a column's size has to hold.
    const longest = fc.constantFrom('a'.repeat(max), 'é'.repeat(max), '😀'.repeat(Math.floor(max / 2)), `${'😀'.repeat(Math.floor((max - 1) / 2))}!`);
    return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TEXTS, ...lines).map((s) => s.slice(0, max)) }, { weight: 1, arbitrary: longest });
  };
  if (has('isUuid')) return idFor(field, ids, others);
  if (has('isBoolean')) return fc.boolean();
  if (has('isInt')) {
    const min = Number(argOf(cs, 'min') ?? 0);
    return fc.integer({ min, max: Number(argOf(cs, 'max') ?? min + 3) });
  }
  if (has('isString', true)) {
    const minLength = Number(argOf(cs, 'arrayMinSize') ?? 0);
    // Different from each other (a poll's options must be), as many as allowed now and then.
    return fc.uniqueArray(text(true), { minLength, maxLength: Number(argOf(cs, 'arrayMaxSize') ?? minLength + 3), selector: (s) => s.trim() });
  }
  const pattern = argOf(cs, 'matches');
  if (has('isString') && pattern instanceof RegExp && pattern.source.startsWith('^')) {
    // A few that differ only in case, sent again and again: a key that ignores case shows.
    const alike = ['fuzz-a1', 'FUZZ-A1', 'Fuzz-a1'].filter((s) => pattern.test(s));
    return alike.length ? fc.oneof({ weight: 3, arbitrary: fc.stringMatching(pattern) }, { weight: 1, arbitrary: fc.constantFrom(...alike) }) : fc.stringMatching(pattern);
  }
  if (has('isString')) return text(false);
  throw new Error(`${dto.name}.${field}: no valid value known for ${cs.map(kind).join(', ')}`);
}

/** Every field valid (an optional one sometimes left out). */
export function validPayload(dto: Dto, ids: IdSource, others: string[]): fc.Arbitrary<Record<string, unknown>> {
  const fields = [...dtoFields(dto)];
  const model = Object.fromEntries(fields.map(([field, cs]) => [field, validValue(dto, field, cs, ids, others)]));
  const required = fields.filter(([, cs]) => !cs.some((c) => c.type === 'conditionalValidation')).map(([field]) => field);
  return fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What is wrong with an ok ack's data: a field named back otherwise than it was sent (ids compare in any
 * case; a chat resend is answered with the stored body), or an id not as stored (lower case), which the
 * others in the room, told the same, could not match. Empty when it all holds.
 */
export function misEchoed(payload: unknown, data: unknown): string[] {
  if (!isRecord(data)) return [];
  const notAsStored = Object.entries(data).filter(([, v]) => typeof v === 'string' && UUID.test(v) && v !== v.toLowerCase()).map(([key]) => `${key} not as stored (lower case)`);
  if (!isRecord(payload)) return notAsStored;
  const differs = (key: string) => {
    const [sent, got] = [payload[key], data[key]];
    return typeof sent === 'string' && UUID.test(sent) ? sent.toLowerCase() !== String(got).toLowerCase() : sent !== got;
  };
  // An undefined field is not sent at all (JSON has no undefined); objects and arrays are not named back.
  const named = Object.keys(payload).filter((key) => key !== 'body' && key in data && payload[key] !== undefined && typeof payload[key] !== 'object');
  return [...notAsStored, ...named.filter(differs).map((key) => `${key} not the one sent`)];
}

/** What the pollution check looks for after a prototype key went by. */
export const POLLUTION = { isAdmin: true, roles: ['admin'] };

/** Sets a key as an own property, `__proto__` included (plain assignment would set the object's prototype instead). */
const own = (body: Record<string, unknown>, key: string, value: unknown) => Object.defineProperty(body, key, { value, enumerable: true, writable: true, configurable: true });

type Mutation = { replace: [string, unknown] } | { drop: string } | { add: [string, unknown] };

/** A valid payload with one thing wrong: a field hostile or gone, a prototype key, or a key no DTO has. */
export function shapedPayload(dto: Dto, ids: IdSource, others: string[]): fc.Arbitrary<Record<string, unknown>> {
  const fields = [...dtoFields(dto).keys()];
  const field = fc.constantFrom(...fields);
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 5, arbitrary: fc.tuple(field, hostileValue).map(([f, v]) => ({ replace: [f, v] as [string, unknown] })) },
    { weight: 1, arbitrary: fc.tuple(field, fc.constantFrom(...PROTOTYPE_KEYS)).map(([f, k]) => ({ replace: [f, own({}, k, POLLUTION)] as [string, unknown] })) },
    { weight: 1, arbitrary: field.map((f) => ({ drop: f })) },
    { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS).map((k) => ({ add: [k, POLLUTION] as [string, unknown] })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('isAdmin', 'roles', 'userId', 'id', 'status'), hostileValue).map(([k, v]) => ({ add: [k, v] as [string, unknown] })) },
  );
  return fc.tuple(validPayload(dto, ids, others), mutation).map(([valid, m]) => {
    const body = { ...valid };
    if ('drop' in m || ('replace' in m && m.replace[1] === undefined)) delete body['drop' in m ? m.drop : m.replace[0]];
    else if ('replace' in m) body[m.replace[0]] = m.replace[1];
    else own(body, m.add[0], m.add[1]);
    return body;
  });
}
