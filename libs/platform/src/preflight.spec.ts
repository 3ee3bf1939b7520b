import { loadConfig } from './config/app-config';
import { preflight, PreflightError } from './preflight';

describe('preflight', () => {
  it('passes when MySQL and Redis answer on this machine', async () => {
    await expect(preflight(loadConfig({}))).resolves.toBeUndefined();
  });

  it('says which service is unreachable, where it looked and how to start it', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const config = loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:1/pendamping' });
    const error = await preflight(config).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreflightError);
    const message = (error as Error).message;
    expect(message).toContain('MySQL is not reachable at 127.0.0.1:1 (DATABASE_URL)');
    expect(message).toContain('docker compose -f docker/compose.yaml up -d mysql');
    expect(message).not.toContain('Redis is not reachable');
  });

  it('reports both when both are down', async () => {
    const config = loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:1/pendamping', REDIS_URL: 'redis://127.0.0.1:2' });
    const message = ((await preflight(config).catch((e: unknown) => e)) as Error).message;
    expect(message).toContain('MySQL is not reachable at 127.0.0.1:1');
    expect(message).toContain('Redis is not reachable at 127.0.0.1:2 (REDIS_URL)');
    expect(message).toContain('redis-server --daemonize yes');
  });
});
