import fc from 'fast-check';
import { getMetadataStorage } from 'class-validator';
import { SOCKET_MAX_PAYLOAD_BYTES } from '@pendamping/platform';
import type { Socket } from 'socket.io-client';
import { hostileValue, PROTOTYPE_KEYS, randomBody } from './support/fuzz-arbitraries';
import { changedTables, startFuzzWorld, type FuzzWorld } from './support/fuzz-world';
import { connect, ok, send, sendNoFault } from './support/realtime-client';
import { socketEvents } from './support/route-table';
import { clockOf, plusMinutes } from './support/video-fixtures';

// Property-based: every socket event the gateways subscribe to (read from Nest's metadata, so a new event is
// covered without a line here) gets random and hostile payloads. Each must be answered with an ack, ok or
// an error with a catalogue code; the connection stays up; and a refused event writes nothing.

/** Every field name any DTO validates (read once the app has loaded its DTOs): what payload keys are drawn from, besides garbage and prototype keys. */
const fieldNames = () => {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, { propertyName: string }[]> };
  return [...new Set([...storage.validationMetadatas.values()].flat().map((m) => m.propertyName))];
};

describe('fuzz over the socket: hostile payloads for every socket event (real MySQL and Redis; LiveKit is a local stand-in)', () => {
  let w: FuzzWorld;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    w = await startFuzzWorld('fuzz_socket');
  }, 120_000);
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await w?.close();
  });

  it('acks every event, ok or a catalogued error, keeps the connection, and a refusal writes nothing', async () => {
    const events = socketEvents(w.app);
    expect(events.length).toBeGreaterThan(10);
    const clock = clockOf(w.app);
    clock.at(plusMinutes(w.workshop.start, 5));
    try {
      // Callers in the live room and the consultation, so payloads with the right ids reach the handlers.
      const bySpeaker = await connect(w.app, w.as.speaker.token);
      const byOwner = await connect(w.app, w.as.owner.token);
      sockets.push(bySpeaker, byOwner);
      await ok(bySpeaker, 'workshop:join', { sessionId: w.workshop.sessionId });
      await ok(byOwner, 'workshop:join', { sessionId: w.workshop.sessionId });
      await ok(byOwner, 'consultation:join', { consultationId: w.consultation });
      const ids = [...w.ids, (await ok(byOwner, 'consultation:message', { consultationId: w.consultation, clientMessageId: 'fuzz-0', body: 'Halo' })).id, (await ok(bySpeaker, 'workshop:question', { sessionId: w.workshop.sessionId, body: 'Pertanyaan?' })).id, (await ok(bySpeaker, 'workshop:poll:open', { sessionId: w.workshop.sessionId, question: 'Siap?', options: ['Ya', 'Tidak'] })).id];
      const keys = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fieldNames()) }, { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });
      const value = fc.oneof({ weight: 3, arbitrary: fc.constantFrom<unknown>(...ids, 'Halo', 0, 1, true, ['Ya', 'Tidak']) }, { weight: 2, arbitrary: hostileValue });
      // A frame over the socket cap closes the connection by design (the last test): payloads here stay under it.
      const payload = fc.oneof({ weight: 5, arbitrary: fc.dictionary(keys, value, { maxKeys: 5 }) }, { weight: 1, arbitrary: randomBody }).filter((body) => Buffer.byteLength(JSON.stringify(body) ?? '') < SOCKET_MAX_PAYLOAD_BYTES - 512);
      const failures: string[] = [];
      for (const event of events) {
        try {
          await fc.assert(
            fc.asyncProperty(fc.constantFrom(byOwner, bySpeaker), payload, async (socket, body) => {
              const before = await w.checksum();
              const ack = await sendNoFault(socket, event, body).catch((error: Error) => {
                throw new Error(`${event}: ${error.message} for ${JSON.stringify(body)?.slice(0, 300)}`);
              });
              if (!socket.connected) throw new Error(`${event} cost the connection: ${JSON.stringify(body)?.slice(0, 300)}`);
              if (!ack.ok) {
                const changed = changedTables(before, await w.checksum());
                if (changed.length) throw new Error(`${event} answered ${ack.error.code} but wrote to ${changed.join(', ')}`);
              }
            }),
            { seed: 20261204, numRuns: 40, endOnFailure: true },
          );
        } catch (error) {
          failures.push(`${event}: ${String(((error as Error).cause as Error | undefined)?.message ?? (error as Error).message)}`.slice(0, 900));
        }
      }
      expect(failures).toEqual([]);
    } finally {
      clock.restore();
    }
  }, 180_000);

  it('closes only the connection that sends a frame over the cap; the server and other connections carry on', async () => {
    const [greedy, other] = [await connect(w.app, w.as.owner.token), await connect(w.app, w.as.mentor.token)];
    sockets.push(greedy, other);
    const closed = new Promise<string>((resolve) => greedy.once('disconnect', resolve));
    greedy.emit('consultation:message', { consultationId: w.consultation, clientMessageId: 'big', body: 'x'.repeat(SOCKET_MAX_PAYLOAD_BYTES) });
    expect(await closed).toBe('transport close');
    expect(await send(other, 'consultation:join', { consultationId: w.consultation })).toMatchObject({ ok: true });
  });
});
