import { DomainError } from '@pendamping/platform';
import type { WorkshopSession } from './entities/workshop-session.entity';
import { planSessions } from './session-plan';

const now = new Date('2026-12-10T00:00:00Z');
const at = (day: number, hour: number) => new Date(Date.UTC(2026, 11, day, hour));
const session = (id: string, day: number) => ({ id, workshopId: 'w', startsAt: at(day, 2), endsAt: at(day, 4) }) as WorkshopSession;
const range = (day: number, hour = 2) => ({ start: at(day, hour), end: at(day, hour + 2) });
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as DomainError).code;
  }
  return 'none';
};

describe('planSessions', () => {
  const past = session('past', 7);
  const future = session('future', 14);

  it('keeps a started session unchanged, moves a future one and adds a new one', () => {
    const plan = planSessions([past, future], [range(7), range(15), range(21)], ['past', 'future', undefined], now);
    expect(plan.update).toEqual([{ id: 'future', range: range(15) }]);
    expect(plan.add).toEqual([range(21)]);
    expect(plan.remove).toEqual([]);
    expect(plan.timesChanged).toBe(true);
  });

  it('reports no time change when every session is given back as it was', () => {
    expect(planSessions([past, future], [range(7), range(14)], ['past', 'future'], now).timesChanged).toBe(false);
  });

  it('refuses to move or remove a session that has started', () => {
    expect(code(() => planSessions([past, future], [range(8), range(14)], ['past', 'future'], now))).toBe('SESSION_STARTED');
    expect(code(() => planSessions([past, future], [range(14)], ['future'], now))).toBe('SESSION_STARTED');
    expect(code(() => planSessions([past], [range(20)], null, now))).toBe('SESSION_STARTED');
  });

  it('refuses an unknown session id and a new session in the past', () => {
    expect(code(() => planSessions([future], [range(14)], ['other'], now))).toBe('VALIDATION_FAILED');
    expect(code(() => planSessions([future], [range(14), range(9)], ['future', undefined], now))).toBe('VALIDATION_FAILED');
  });
});
