import { setTimeout as sleep } from 'node:timers/promises';
import mysql from 'mysql2/promise';
import { testEnv } from './test-env';

/**
 * Makes a race real. HTTP requests fired "at once" reach the database a few milliseconds apart, so a
 * check-then-insert without locking could still pass by luck. This holds `table` write-locked while the
 * requests start (or several tables), waits until `waiters` of them are blocked in the database (on the table, or on a lock the
 * code under test takes first), then lets them all go together.
 */
export async function releaseTogether<T>(table: string | string[], waiters: number, fire: () => Promise<T>, databaseUrl = testEnv().DATABASE_URL): Promise<T> {
  const connection = await mysql.createConnection(databaseUrl);
  try {
    await connection.query(`LOCK TABLES ${[table].flat().map((t) => `\`${t}\` WRITE`).join(', ')}`);
    const outcome = fire();
    await untilBlocked(connection, waiters);
    await connection.query('UNLOCK TABLES');
    return await outcome;
  } finally {
    await connection.end();
  }
}

/** Waits (up to 10 s) until `waiters` statements of other connections are held up in this connection's database. */
export async function untilBlocked(connection: mysql.Connection, waiters: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && (await blocked(connection)) < waiters) await sleep(20);
}

/** Statements of other connections still running in this database: the requests held up behind the lock. */
async function blocked(connection: mysql.Connection): Promise<number> {
  const [rows] = await connection.query(
    "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND COMMAND = 'Query' AND ID <> CONNECTION_ID()",
  );
  return Number((rows as { n: number }[])[0].n);
}

/**
 * What a storm may answer: a 2xx, or a 4xx with a code (TestApp already checks the code against the
 * catalogue). Returns the other answers, so a failing test shows them.
 */
export function unclean(responses: { status: number; body: unknown }[]): { status: number; body: unknown }[] {
  return responses.filter((r) => !(r.status < 300 || (r.status < 500 && typeof (r.body as { code?: unknown })?.code === 'string'))).map(({ status, body }) => ({ status, body }));
}

/** A small seeded generator: a storm's random choices are the same on every run. */
export function seeded(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}
