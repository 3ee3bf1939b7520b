import type { EntityManager } from 'typeorm';
import { validationFailed } from '@pendamping/platform';
import { Region } from '@pendamping/regions';
import { expandRecurrence, RecurrenceError, type TimeRange } from './recurrence';
import type { QuotaDto, RecurrenceDto, SessionDto } from './workshop.dto';

/** Sessions as given, or expanded from the rule; null when neither was given and none is required. */
export function requestedSessions(input: { sessions?: SessionDto[]; recurrence?: RecurrenceDto }, required: boolean): TimeRange[] | null {
  if (input.sessions && input.recurrence) throw validationFailed('give either sessions or recurrence, not both');
  if (input.recurrence) {
    try {
      return expandRecurrence(input.recurrence.rrule, input.recurrence.durationMinutes);
    } catch (error) {
      if (error instanceof RecurrenceError) throw validationFailed(`recurrence.rrule ${error.message}`);
      throw error;
    }
  }
  if (input.sessions) return input.sessions.map((s) => ({ start: new Date(s.start), end: new Date(s.end) }));
  if (required) throw validationFailed('sessions or recurrence is required');
  return null;
}

/** Quotas name known kecamatan once each and hold no more seats than the workshop has. */
export async function checkQuotas(manager: EntityManager, quotas: QuotaDto[], capacity: number): Promise<void> {
  const codes = quotas.map((q) => q.kecamatanCode);
  const problems: string[] = [];
  if (new Set(codes).size !== codes.length) problems.push('kecamatanQuotas must name each kecamatan once');
  if (quotas.reduce((sum, q) => sum + q.seats, 0) > capacity) problems.push('kecamatanQuotas must not hold more seats than capacity');
  if (codes.length) {
    const known = await manager.find(Region, { select: { code: true }, where: codes.map((code) => ({ code, level: 'kecamatan' as const })) });
    const found = new Set(known.map((r) => r.code));
    problems.push(...codes.filter((c) => !found.has(c)).map((c) => `kecamatanQuotas ${c} is not a known kecamatan`));
  }
  if (problems.length) throw validationFailed(...problems);
}
