import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { DependencyOutages } from './dependency-outages';

function outagesWith(mysqlUp: () => boolean) {
  const lines: string[] = [];
  const dataSource = { query: async () => (mysqlUp() ? [{ 1: 1 }] : Promise.reject(new Error('connect ECONNREFUSED'))) } as unknown as DataSource;
  const outages = new DependencyOutages(dataSource, {} as Redis);
  const record = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  Object.assign(outages, { logger: { warn: record('warn'), log: record('log'), error: record('error') } });
  return { outages, lines };
}

describe('DependencyOutages', () => {
  it('logs one line when MySQL goes away and one when a probe finds it back, however many requests failed', async () => {
    let up = false;
    const { outages, lines } = outagesWith(() => up);
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' });
    for (let i = 0; i < 50; i++) outages.report('mysql', refused);
    expect(outages.isDown('mysql')).toBe(true);
    await sleep(700); // probes still fail
    expect(lines).toEqual(['warn MySQL is unavailable (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:3306); answering 503 SERVICE_UNAVAILABLE until it is back']);

    up = true;
    await sleep(700);
    expect(outages.isDown('mysql')).toBe(false);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^log MySQL is back after \d+\.\d s; 50 requests were answered 503 meanwhile$/);
    outages.onApplicationShutdown();
  });

  it('does not count a failed health probe as a refused request, and says nothing when nothing was down', () => {
    const { outages, lines } = outagesWith(() => true);
    outages.recovered('redis');
    outages.report('redis', new Error('Connection is closed.'), { refused: false });
    outages.recovered('redis');
    expect(lines).toEqual([
      'warn Redis is unavailable (Connection is closed.); answering 503 SERVICE_UNAVAILABLE until it is back',
      expect.stringMatching(/^log Redis is back after 0\.0 s; 0 requests were answered 503 meanwhile$/),
    ]);
  });
});
