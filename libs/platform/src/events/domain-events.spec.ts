import type { DataSource, EntityManager } from 'typeorm';
import { DomainEvents, TRANSACTION_ATTEMPTS } from './domain-events';

/** A stand-in for DataSource.transaction: commits when the work resolves, rolls back when it throws. */
function fakeDataSource(log: string[]): DataSource {
  return {
    transaction: async (work: (manager: EntityManager) => Promise<unknown>) => {
      try {
        const result = await work({} as EntityManager);
        log.push('commit');
        return result;
      } catch (error) {
        log.push('rollback');
        throw error;
      }
    },
  } as unknown as DataSource;
}

describe('DomainEvents', () => {
  it('runs transactional subscribers before the commit and committed ones after it', async () => {
    const log: string[] = [];
    const events = new DomainEvents();
    events.withinTransaction('consultation.*', (e) => void log.push(`tx ${e.type}`));
    events.afterCommit('consultation.booked', (e) => void log.push(`after ${e.type}`));
    events.afterCommit('workshop.*', (e) => void log.push(`wrong ${e.type}`));

    await events.transaction(fakeDataSource(log), async (_m, emit) => emit({ type: 'consultation.booked' }));

    expect(log).toEqual(['tx consultation.booked', 'commit', 'after consultation.booked']);
  });

  it('rolls the change back when a transactional subscriber throws, and tells nobody after', async () => {
    const log: string[] = [];
    const events = new DomainEvents();
    events.withinTransaction('*', () => {
      throw new Error('outbox full');
    });
    events.afterCommit('*', (e) => void log.push(`after ${e.type}`));

    await expect(events.transaction(fakeDataSource(log), async (_m, emit) => emit({ type: 'x.y' }))).rejects.toThrow('outbox full');
    expect(log).toEqual(['rollback']);
  });

  it('keeps delivering to other subscribers when an after-commit one fails', async () => {
    const log: string[] = [];
    const events = new DomainEvents();
    events.afterCommit('*', () => {
      throw new Error('socket down');
    });
    events.afterCommit('*', (e) => void log.push(e.type));
    await events.publishCommitted([{ type: 'a.b' }, { type: 'c.d' }]);
    expect(log).toEqual(['a.b', 'c.d']);
  });

  describe('when the database reports a lock conflict', () => {
    // What TypeORM throws: a QueryFailedError carrying the driver's code.
    const lockError = (code: string) => Object.assign(new Error(code), { driverError: { code } });

    it('runs a deadlock victim again from the start, and only the attempt that commits reaches after-commit subscribers', async () => {
      const log: string[] = [];
      const events = new DomainEvents();
      events.afterCommit('*', (e) => void log.push(`after ${e.type}`));
      let attempts = 0;
      const result = await events.transaction(fakeDataSource(log), async (_m, emit) => {
        await emit({ type: `try.${++attempts}` });
        if (attempts < TRANSACTION_ATTEMPTS) throw lockError('ER_LOCK_DEADLOCK');
        return 'saved';
      });
      expect(result).toBe('saved');
      expect(log).toEqual(['rollback', 'rollback', 'commit', 'after try.3']);
    });

    it('answers 409 TRY_AGAIN with Retry-After once every attempt deadlocked', async () => {
      let attempts = 0;
      const work = async () => {
        attempts++;
        throw lockError('ER_LOCK_DEADLOCK');
      };
      await expect(new DomainEvents().transaction(fakeDataSource([]), work)).rejects.toMatchObject({ code: 'TRY_AGAIN', status: 409, details: { retryAfterSeconds: 1 } });
      expect(attempts).toBe(TRANSACTION_ATTEMPTS);
    });

    it('answers a lock wait that ran out with TRY_AGAIN at once (it has waited long enough), and rethrows anything else', async () => {
      let attempts = 0;
      const timedOut = async () => {
        attempts++;
        throw lockError('ER_LOCK_WAIT_TIMEOUT');
      };
      await expect(new DomainEvents().transaction(fakeDataSource([]), timedOut)).rejects.toMatchObject({ code: 'TRY_AGAIN' });
      expect(attempts).toBe(1);
      await expect(new DomainEvents().transaction(fakeDataSource([]), () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    });
  });
});
