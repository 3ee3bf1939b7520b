import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { Consultation } from '@pendamping/consultations';
import { newId } from '@pendamping/platform';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis';
import { connect, eventually, send } from '../support/realtime-client';
import { TestApp, type Session } from '../support/test-app';

// Fault: the Redis behind the socket.io adapter is killed (SIGKILL) mid-conversation and comes back empty.
// Two api nodes share a private redis-server; the entrepreneur talks through node A, the mentor through
// node B, so every message crosses Redis. Each side's client behaves as the web app's chat does: it sends
// one message at a time, resends with the same clientMessageId until acked, and after any disconnect
// reconnects and joins again with `since` (the newest message it has), merging what it missed by id.

interface Message {
  id: string;
  clientMessageId: string;
  senderId: string;
  body: string;
  createdAt: string;
}

const PER_SIDE = 40;

class ChatClient {
  /** Every message this person's screen shows, by id (live events and join catch-ups merged). */
  readonly log = new Map<string, Message>();
  /** The live `consultation:message` events as they came, duplicates included. */
  readonly live: Message[] = [];
  readonly errors: string[] = [];
  reconnects = 0;
  private socket: Socket | undefined;
  get connection(): Socket {
    return this.socket!;
  }
  private joined: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly node: TestApp,
    readonly who: Session,
    private readonly consultationId: string,
  ) {}

  start(): Promise<void> {
    return (this.joined = this.rejoin());
  }

  /** Sends `count` numbered messages in order, each retried with its own client id until acked. */
  async chat(count: number, sent: string[]): Promise<void> {
    for (let n = 1; n <= count; n++) {
      const message = { consultationId: this.consultationId, clientMessageId: randomUUID(), body: `${this.who.id} #${n}` };
      for (;;) {
        await this.joined;
        const ack = await send<Message>(this.socket!, 'consultation:message', message).catch((error: Error) => ({ ok: false as const, error: { code: error.message, message: '' } }));
        if (ack.ok) {
          this.add([ack.data]);
          break;
        }
        this.errors.push(ack.error.code);
        await sleep(100);
      }
      sent.push(message.clientMessageId);
      await sleep(30);
    }
  }

  close(): void {
    this.stopped = true;
    this.socket?.close();
  }

  private add(messages: Message[]): void {
    for (const m of messages) this.log.set(m.id, m);
  }

  private newest(): string | undefined {
    return [...this.log.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)).at(-1)?.id;
  }

  /** Connects (again, until the node lets it in) and joins the consultation with what it missed. */
  private async rejoin(): Promise<void> {
    for (;;) {
      const socket = await connect(this.node, this.who.token).catch(() => undefined);
      if (!socket) {
        await sleep(200);
        continue;
      }
      socket.on('consultation:message', (m: Message) => {
        this.live.push(m);
        this.add([m]);
      });
      const since = this.newest();
      const ack = await send<{ missed: Message[]; more: boolean }>(socket, 'consultation:join', { consultationId: this.consultationId, ...(since && { since }) }).catch(() => undefined);
      if (!ack?.ok || ack.data.more) {
        if (ack && !ack.ok) this.errors.push(ack.error.code);
        socket.close();
        await sleep(200);
        continue;
      }
      this.add(ack.data.missed);
      this.socket = socket;
      socket.once('disconnect', () => {
        if (this.stopped) return;
        this.reconnects++;
        this.joined = this.rejoin();
      });
      return;
    }
  }
}

describe('fault: Redis killed and restarted empty while two people chat across two api nodes', () => {
  let redis: PrivateRedis;
  let nodeA: TestApp;
  let nodeB: TestApp;
  const clients: ChatClient[] = [];

  beforeAll(async () => {
    redis = await startPrivateRedis();
    [nodeA, nodeB] = await Promise.all([TestApp.start({ REDIS_URL: redis.url }), TestApp.start({ REDIS_URL: redis.url })]);
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await Promise.all([nodeA?.close(), nodeB?.close()]);
    await redis?.stop();
  });

  it('every message is stored once and reaches the other side once, in order, and the adapter carries messages again afterwards', async () => {
    const mentor = await nodeA.newUser(['mentor']);
    const [entrepreneur] = await nodeA.newEntrepreneurs(1);
    const consultationId = newId();
    const start = new Date(Date.now() + 86_400_000);
    const db = nodeA.app.get(DataSource);
    await db.getRepository(Consultation).insert({ id: consultationId, mentorId: mentor.id, entrepreneurId: entrepreneur.id, start, end: new Date(start.getTime() + 1_800_000), topic: 'keuangan', status: 'booked' });
    const onA = new ChatClient(nodeA, entrepreneur, consultationId);
    const onB = new ChatClient(nodeB, mentor, consultationId);
    clients.push(onA, onB);
    await Promise.all([onA.start(), onB.start()]);

    // Both talk at once; Redis dies a third of the way in and is back, empty, two seconds later.
    const sent = { [entrepreneur.id]: [] as string[], [mentor.id]: [] as string[] };
    const talking = Promise.all([onA.chat(PER_SIDE, sent[entrepreneur.id]), onB.chat(PER_SIDE, sent[mentor.id])]);
    await eventually(() => sent[entrepreneur.id].length >= PER_SIDE / 3 && sent[mentor.id].length >= PER_SIDE / 3, 20_000);
    await redis.stop();
    await sleep(2_000);
    await redis.start();
    await talking;

    // MySQL: each message once, in the order its sender sent it.
    const rows: { clientMessageId: string; senderId: string }[] = await db.query('SELECT clientMessageId, senderId FROM consultation_messages WHERE consultationId = ? ORDER BY createdAt, id', [consultationId]);
    for (const who of [entrepreneur, mentor]) expect(rows.filter((r) => r.senderId === who.id).map((r) => r.clientMessageId)).toEqual(sent[who.id]);
    expect(rows).toHaveLength(2 * PER_SIDE);

    // Each side ends up showing every message of the other once, in the other's order; nothing came live twice.
    const fromOther = (client: ChatClient, other: Session) =>
      [...client.log.values()].filter((m) => m.senderId === other.id).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)).map((m) => m.clientMessageId);
    await eventually(() => fromOther(onA, mentor).length === PER_SIDE && fromOther(onB, entrepreneur).length === PER_SIDE, 10_000).catch(() => undefined);
    expect(fromOther(onA, mentor)).toEqual(sent[mentor.id]);
    expect(fromOther(onB, entrepreneur)).toEqual(sent[entrepreneur.id]);
    for (const client of [onA, onB]) expect(client.live.length).toBe(new Set(client.live.map((m) => m.id)).size);

    // Both nodes ended their sockets when their subscriber went; each client came back and joined again.
    expect([onA.reconnects, onB.reconnects].every((n) => n > 0)).toBe(true);

    // A refused send was a clean 503 or a lost ack (retried), never an internal error.
    for (const client of [onA, onB]) expect(client.errors.filter((code) => code !== 'SERVICE_UNAVAILABLE' && !/timed out|disconnected/i.test(code))).toEqual([]);

    // Afterwards a message goes live across the nodes again (the adapter listens on the new Redis).
    const before = onB.live.length;
    const body = { consultationId, clientMessageId: randomUUID(), body: 'Sudah tersambung lagi?' };
    expect(await send<Message>(onA.connection, 'consultation:message', body)).toMatchObject({ ok: true });
    await eventually(() => onB.live.length > before, 5_000);
    expect(onB.live.at(-1)).toMatchObject({ clientMessageId: body.clientMessageId });
    for (const node of [nodeA, nodeB]) expect((await node.get('/api/health')).status).toBe(200);
  }, 90_000);
});
