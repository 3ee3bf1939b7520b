import fc from 'fast-check';
import { getMetadataStorage } from 'class-validator';
import { SOCKET_MAX_PAYLOAD_BYTES } from '@pendamping/platform';
import type { Socket } from 'socket.io-client';
import { hostileValue, PROTOTYPE_KEYS, randomBody } from './support/fuzz-arbitraries';
import { changedTables, startFuzzWorld, type FuzzWorld } from './support/fuzz-world';
import { connect, ok, send, sendNoFault, type Ack } from './support/realtime-client';
import { socketEvents } from './support/route-table';
import { misEchoed, shapedPayload, socketDtos, validPayload, type IdSource } from './support/socket-payloads';
import type { Session } from './support/test-app';
import { clockOf, plusMinutes } from './support/video-fixtures';

// Property-based: every socket event the gateways subscribe to (read from Nest's metadata, so a new event is
// covered without a line here), sent by every kind of signed-in caller, gets payloads shaped by the DTO its
// handler validates (valid, then one field hostile, dropped, or a prototype key added) and fully random ones.
// Each must be answered with an ack: ok (about what was sent), or a catalogued error that is not the socket's
// 500 (INTERNAL_ERROR, SERVICE_UNAVAILABLE); the connection stays up; a refusal writes nothing;
// Object.prototype stays clean; and for every event some payload gets past validation to the handler.

/** Every field name any DTO validates (read once the app has loaded its DTOs): what random payload keys are drawn from, besides garbage and prototype keys. */
const fieldNames = () => {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, { propertyName: string }[]> };
  return [...new Set([...storage.validationMetadatas.values()].flat().map((m) => m.propertyName))];
};

/** Fully random payloads: keys from every DTO's fields, prototype keys and garbage; the world's ids, plain and hostile values. */
const randomPayload = (ids: string[]): fc.Arbitrary<unknown> => {
  const keys = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fieldNames()) }, { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });
  const value = fc.oneof({ weight: 3, arbitrary: fc.constantFrom<unknown>(...ids, 'Halo', 0, 1, true, ['Ya', 'Tidak']) }, { weight: 2, arbitrary: hostileValue });
  return fc.oneof({ weight: 2, arbitrary: fc.dictionary(keys, value, { maxKeys: 5 }) }, { weight: 1, arbitrary: randomBody });
};

/** Runs per event and caller: 12 events × 8 callers × 30 ≈ 3,000 events (FUZZ_RUNS for a longer hunt). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
/** The same corpus every run, so CI is repeatable; FUZZ_SEED draws another (a failure names its seed). */
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);

/** Events no payload can get to their handler in this world, and why (none today). */
const UNREACHABLE: Record<string, string> = {};

/** What a run's ack says about how far the payload got: past validation unless refused by it (or by the rate limit). */
const reachedHandler = (answer: string) => answer !== 'VALIDATION_FAILED' && answer !== 'RATE_LIMITED';

/** The events that make something, and the id field that names what they made (for the events after them). */
const MAKES: Record<string, string> = { 'consultation:message': 'messageId', 'workshop:question': 'questionId', 'workshop:poll:open': 'pollId' };

describe('fuzz over the socket: hostile payloads for every socket event (real MySQL and Redis; LiveKit is a local stand-in)', () => {
  let w: FuzzWorld;
  let callers: Record<string, Session>;
  const sockets: Socket[] = [];
  /** Per event, how often each answer (ok or an error code) came back. */
  const answers = new Map<string, Map<string, number>>();
  const prototypeNames = Object.getOwnPropertyNames(Object.prototype);

  beforeAll(async () => {
    w = await startFuzzWorld('fuzz_socket');
    // Besides the world's owner, mentor, speaker, admin and the attendee (another registrant): people the resources are not theirs.
    const [otherEntrepreneur, otherMentor, otherSpeaker] = [await w.app.newEntrepreneur({ name: 'Lain Fuzz' }), await w.app.newUser(['mentor']), await w.app.newUser(['speaker'])];
    callers = { ...w.as, attendee: w.attendee, otherEntrepreneur, otherMentor, otherSpeaker };
  }, 120_000);
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await w?.close();
  });

  /** A socket for the caller that has tried to join the live room and the consultation, as the app does. */
  const open = async (who: string) => {
    const socket = await connect(w.app, callers[who].token);
    sockets.push(socket);
    await sendNoFault(socket, 'workshop:join', { sessionId: w.workshop.sessionId });
    await sendNoFault(socket, 'consultation:join', { consultationId: w.consultation });
    return socket;
  };

  /** The real ids a payload's id fields name: a message, a question and a poll made now; what the fuzz makes joins them. */
  const idPools = async (byOwner: Socket, bySpeaker: Socket): Promise<Record<string, string[]>> => {
    const pools: Record<string, string[]> = {
      consultationId: [w.held, w.consultation],
      sessionId: [w.workshop.sessionId],
      messageId: [(await ok(byOwner, 'consultation:message', { consultationId: w.consultation, clientMessageId: 'fuzz-0', body: 'Halo' })).id],
      questionId: [(await ok(bySpeaker, 'workshop:question', { sessionId: w.workshop.sessionId, body: 'Pertanyaan?' })).id],
      pollId: [(await ok(bySpeaker, 'workshop:poll:open', { sessionId: w.workshop.sessionId, question: 'Siap?', options: ['Ya', 'Tidak'] })).id],
    };
    return { ...pools, since: pools.messageId };
  };

  /** Sends one payload and checks its ack: no 500, the connection kept, an ok about what was sent, a refusal that wrote nothing. */
  const check = async (socket: Socket, event: string, body: unknown): Promise<Ack> => {
    const shown = () => String(JSON.stringify(body)?.slice(0, 300));
    const before = await w.checksum();
    const ack = await sendNoFault(socket, event, body).catch((error: Error) => {
      throw new Error(`${error.message} for ${shown()}`);
    });
    if (!socket.connected) throw new Error(`${event} cost the connection: ${shown()}`);
    const wrong = ack.ok ? misEchoed(body, ack.data) : [];
    if (ack.ok && wrong.length) throw new Error(`${event} answered ok with ${wrong.join(', ')}: ${JSON.stringify(ack.data).slice(0, 300)} for ${shown()}`);
    if (!ack.ok) {
      const changed = changedTables(before, await w.checksum());
      if (changed.length) throw new Error(`${event} answered ${ack.error.code} but wrote to ${changed.join(', ')}: ${shown()}`);
    }
    return ack;
  };

  it('acks every event from every caller, ok or a catalogued 4xx-class error (never INTERNAL_ERROR), keeps the connection, and a refusal writes nothing', async () => {
    const events = socketEvents(w.app);
    expect(events.length).toBeGreaterThan(10);
    const clock = clockOf(w.app);
    clock.at(plusMinutes(w.workshop.start, 5));
    try {
      const socketOf = new Map<string, Socket>();
      for (const who of Object.keys(callers)) socketOf.set(who, await open(who));
      const dtos = await socketDtos(w.app, socketOf.get('admin')!, events);
      const pools = await idPools(socketOf.get('owner')!, socketOf.get('speaker')!);
      const ids: IdSource = (field) => pools[field];
      const random = randomPayload(w.ids);
      const failures: string[] = [];
      let seed = SEED;
      for (const [index, event] of events.entries()) {
        // Four minutes on per event, still within the hour's session: each socket's admission is past its
        // recheck, so the first events of each caller go through the re-admission path too.
        clock.at(plusMinutes(w.workshop.start, 5 + 4 * index));
        const dto = dtos.get(event)!;
        const tally = answers.set(event, answers.get(event) ?? new Map()).get(event)!;
        // A frame over the socket cap closes the connection by design (the last test): payloads here stay under it.
        const payload = fc
          .oneof({ weight: 6, arbitrary: shapedPayload(dto, ids, w.ids) as fc.Arbitrary<unknown> }, { weight: 2, arbitrary: validPayload(dto, ids, w.ids) }, { weight: 2, arbitrary: random })
          .filter((body) => Buffer.byteLength(JSON.stringify(body) ?? '') < SOCKET_MAX_PAYLOAD_BYTES - 512);
        for (const who of Object.keys(callers)) {
          const socket = socketOf.get(who)!.connected ? socketOf.get(who)! : socketOf.set(who, await open(who)).get(who)!;
          try {
            await fc.assert(
              fc.asyncProperty(payload, async (body) => {
                const ack = await check(socket, event, body);
                const answer = ack.ok ? 'ok' : ack.error.code;
                tally.set(answer, (tally.get(answer) ?? 0) + 1);
                if (ack.ok && MAKES[event] && typeof ack.data?.id === 'string') pools[MAKES[event]].push(ack.data.id);
              }),
              { seed: seed++, numRuns: RUNS, endOnFailure: true },
            );
          } catch (error) {
            failures.push(`${event} as ${who} (seed ${seed - 1}): ${String(((error as Error).cause as Error | undefined)?.message ?? (error as Error).message)}`.slice(0, 900));
          }
        }
      }
      if (process.env.FUZZ_STATS) console.log([...answers].map(([event, counts]) => `${event}: ${[...counts].map(([a, n]) => `${a} ${n}`).join(', ')}`).join('\n'));
      expect(failures).toEqual([]);
    } finally {
      clock.restore();
    }
  }, 180_000);

  it('leaves Object.prototype as it was after every prototype key the fuzz sent', () => {
    expect(answers.size).toBeGreaterThan(10);
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeNames);
    const blank = {} as Record<string, unknown>;
    expect([blank.isAdmin, blank.roles]).toEqual([undefined, undefined]);
  });

  it("gets past validation to every event's handler: each has a run answered ok or with a domain code", () => {
    expect(answers.size).toBeGreaterThan(10);
    const unreached = [...answers].filter(([event, counts]) => !UNREACHABLE[event] && ![...counts.keys()].some(reachedHandler)).map(([event, counts]) => `${event}: ${JSON.stringify([...counts])}`);
    expect(unreached).toEqual([]);
    // And an event listed as unreachable that is reached after all should leave the list.
    expect(Object.keys(UNREACHABLE).filter((event) => [...(answers.get(event)?.keys() ?? [])].some(reachedHandler))).toEqual([]);
  });

  it('closes only the connection that sends a frame over the cap; the server and other connections carry on', async () => {
    const [greedy, other] = [await connect(w.app, w.as.owner.token), await connect(w.app, w.as.mentor.token)];
    sockets.push(greedy, other);
    const closed = new Promise<string>((resolve) => greedy.once('disconnect', resolve));
    greedy.emit('consultation:message', { consultationId: w.consultation, clientMessageId: 'big', body: 'x'.repeat(SOCKET_MAX_PAYLOAD_BYTES) });
    expect(await closed).toBe('transport close');
    expect(await send(other, 'consultation:join', { consultationId: w.consultation })).toMatchObject({ ok: true });
  });
});
