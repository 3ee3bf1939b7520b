import { once } from 'node:events';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { publishReachingNobodyOnFailure, subscriptionFailuresHandled } from './redis-io.adapter';

/** A port nobody listens on any more. */
async function deadPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

describe('subscriptionFailuresHandled', () => {
  it('lets a SUBSCRIBE nobody awaits fail as its node closes, without an unhandled rejection (which ends the process)', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const redis = subscriptionFailuresHandled(new Redis({ host: '127.0.0.1', port: await deadPort(), retryStrategy: () => 50 }));
    redis.on('error', () => undefined);
    try {
      // As the adapter does: issued, and the promise dropped. Closing rejects what is still queued.
      const awaited = redis.psubscribe('socket.io#*');
      void redis.subscribe('socket.io-request#', 'socket.io-response#');
      void redis.unsubscribe('socket.io-request#');
      void redis.punsubscribe('socket.io#*');
      redis.disconnect();
      // Whoever awaits one still hears that it failed.
      await expect(awaited).rejects.toThrow('Connection is closed');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('publishReachingNobodyOnFailure', () => {
  it('answers 0 subscribers for a PUBLISH that Redis never got, instead of a rejection nobody handles', async () => {
    // One try per command, so the queued PUBLISH fails at once.
    const redis = new Redis({ host: '127.0.0.1', port: await deadPort(), maxRetriesPerRequest: 0, retryStrategy: () => 50 });
    redis.on('error', () => undefined);
    try {
      await expect(publishReachingNobodyOnFailure(redis).publish('socket.io#/realtime#', 'x')).resolves.toBe(0);
    } finally {
      redis.disconnect();
    }
  });
});
