import type { TFunction } from 'i18next';
import type { WorkshopSession } from '@/api/types';
import { countdown } from '@/lib/datetime';
import { opensAt } from '../sessions';

export const stagePath = (workshopId: string, sessionId: string) => `/speaker/workshops/${workshopId}/sessions/${sessionId}`;
export const reportPath = (workshopId: string) => `/speaker/workshops/${workshopId}/report`;

/** "2 hari 3 jam", "3 jam 10 menit" or "4 menit 30 detik" until the session's room opens. */
export function leftUntil(session: WorkshopSession, now: Date, t: TFunction): string {
  const c = countdown(opensAt(session), now);
  if (c.days > 0) return `${t('home.countdown.days', { count: c.days })} ${t('home.countdown.hours', { count: c.hours })}`;
  if (c.hours > 0) return `${t('home.countdown.hours', { count: c.hours })} ${t('home.countdown.minutes', { count: c.minutes })}`;
  return `${t('home.countdown.minutes', { count: c.minutes })} ${t('home.countdown.seconds', { count: c.seconds })}`;
}
