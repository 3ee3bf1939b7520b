import { validationFailed } from '@pendamping/platform';
import type { WorkshopSession } from './entities/workshop-session.entity';
import type { TimeRange } from './recurrence';
import { sessionProblems } from './schedule';
import { WorkshopErrors } from './workshop.errors';

export interface SessionPlan {
  /** The full schedule after the change. */
  ranges: TimeRange[];
  update: { id: string; range: TimeRange }[];
  add: TimeRange[];
  remove: string[];
  timesChanged: boolean;
}

const same = (a: TimeRange, b: TimeRange) => a.start.getTime() === b.start.getTime() && a.end.getTime() === b.end.getTime();

/**
 * How an edit changes the sessions. Items with an id keep that session (moved if the times differ);
 * items without one are new; sessions left out are removed. A session that has started is history:
 * it may not be moved or removed (409 SESSION_STARTED). Replacing by a rule (`ids` null) removes all.
 */
export function planSessions(existing: WorkshopSession[], requested: TimeRange[], ids: (string | undefined)[] | null, now: Date): SessionPlan {
  const started = new Set(existing.filter((s) => s.startsAt <= now).map((s) => s.id));
  const byId = new Map(existing.map((s) => [s.id, s]));
  const plan: SessionPlan = { ranges: requested, update: [], add: [], remove: [], timesChanged: false };
  const fixed = new Set<number>();
  const kept = new Set<string>();
  requested.forEach((range, i) => {
    const id = ids?.[i];
    if (!id) return void plan.add.push(range);
    const current = byId.get(id);
    if (!current) throw validationFailed(`sessions[${i}].id is not a session of this workshop`);
    if (kept.has(id)) throw validationFailed(`sessions[${i}].id repeats a session`);
    kept.add(id);
    const unchanged = same(range, { start: current.startsAt, end: current.endsAt });
    if (started.has(id)) {
      if (!unchanged) throw WorkshopErrors.sessionStarted();
      fixed.add(i);
    } else if (!unchanged) plan.update.push({ id, range });
  });
  plan.remove = existing.filter((s) => !kept.has(s.id)).map((s) => s.id);
  if (plan.remove.some((id) => started.has(id))) throw WorkshopErrors.sessionStarted();
  const problems = sessionProblems(requested, now, 'sessions', fixed);
  if (problems.length) throw validationFailed(...problems);
  plan.timesChanged = plan.add.length + plan.update.length + plan.remove.length > 0;
  return plan;
}
