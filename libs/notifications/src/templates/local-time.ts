import { DateTime } from 'luxon';
import type { Locale } from '@pendamping/identity';

// Indonesia's three zones have everyday names; elsewhere the IANA name is clearer than an offset.
const ZONE_NAMES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export const zoneLabel = (zone: string) => ZONE_NAMES[zone] ?? zone;

/**
 * "Senin, 7 Desember 2026 pukul 10.00 WIB" (id) or "Monday, 7 December 2026 at 10:00 WIB" (en),
 * on the person's own wall clock.
 */
export function formatLocalTime(instant: Date | string, zone: string, locale: Locale): string {
  const local = toLocal(instant, zone, locale);
  if (locale === 'en') return `${local.toFormat('cccc, d LLLL yyyy')} at ${local.toFormat('HH:mm')} ${zoneLabel(local.zoneName ?? zone)}`;
  return `${local.toFormat('cccc, d LLLL yyyy')} pukul ${local.toFormat('HH.mm')} ${zoneLabel(local.zoneName ?? zone)}`;
}

/** "Senin, 7 Desember 2026": a date without a time (follow-ups). */
export function formatLocalDate(date: string, locale: Locale): string {
  return DateTime.fromISO(date, { locale }).toFormat('cccc, d LLLL yyyy');
}

/** "10.00" / "10:00": only the time, for short WhatsApp parameters. */
export function formatClock(instant: Date | string, zone: string, locale: Locale): string {
  const local = toLocal(instant, zone, locale);
  return `${local.toFormat(locale === 'en' ? 'HH:mm' : 'HH.mm')} ${zoneLabel(local.zoneName ?? zone)}`;
}

function toLocal(instant: Date | string, zone: string, locale: Locale): DateTime {
  const utc = typeof instant === 'string' ? DateTime.fromISO(instant, { zone: 'utc' }) : DateTime.fromJSDate(instant, { zone: 'utc' });
  const local = utc.setZone(zone).setLocale(locale);
  // An unknown zone in a profile must not break a message: fall back to Jakarta.
  return local.isValid ? local : utc.setZone('Asia/Jakarta').setLocale(locale);
}

/** "24 jam" / "10 menit" / "1 hour": how long before, for reminder titles (hours, not days: "24 jam" is how people say it). */
export function formatLead(ms: number, locale: Locale): string {
  const units: [number, string, string, string][] = [
    [3_600_000, 'jam', 'hour', 'hours'],
    [60_000, 'menit', 'minute', 'minutes'],
    [1_000, 'detik', 'second', 'seconds'],
  ];
  const [size, id, one, many] = units.find(([unit]) => ms >= unit && ms % unit === 0) ?? units[2];
  const n = Math.round(ms / size);
  return locale === 'en' ? `${n} ${n === 1 ? one : many}` : `${n} ${id}`;
}
