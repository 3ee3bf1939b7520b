import { once } from 'node:events';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { publishReachingNobodyOnFailure } from './redis-io.adapter';

describe('publishReachingNobodyOnFailure', () => {
  it('answers 0 subscribers for a PUBLISH that Redis never got, instead of a rejection nobody handles', async () => {
    // A port nobody listens on any more; one try per command, so the queued PUBLISH fails at once.
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    server.close();
    const redis = new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 0, retryStrategy: () => 50 });
    redis.on('error', () => undefined);
    try {
      await expect(publishReachingNobodyOnFailure(redis).publish('socket.io#/realtime#', 'x')).resolves.toBe(0);
    } finally {
      redis.disconnect();
    }
  });
});
