import type { DataSource, EntityManager } from 'typeorm';
import { DomainEvents } from './domain-events';

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
});
