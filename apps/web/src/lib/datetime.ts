/**
 * Every date on screen goes through here, in the person's own zone and language:
 * "Senin, 7 Desember 2026 pukul 10.00 WIB" / "Monday, 7 December 2026 at 10:00 WIB".
 */
export type Lang = 'id' | 'en';

const INDONESIAN_ZONES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** WIB / WITA / WIT for Indonesia's zones, else the short name Intl knows (e.g. GMT+9). */
export function zoneLabel(zone: string, at: Date = new Date()): string {
  if (INDONESIAN_ZONES[zone]) return INDONESIAN_ZONES[zone];
  const part = new Intl.DateTimeFormat('en-GB', { timeZone: safeZone(zone), timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

export function safeZone(zone: string | undefined): string {
  if (!zone) return 'Asia/Jakarta';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'Asia/Jakarta';
  }
}

const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'id-ID');
const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(lang: Lang, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${zone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale(lang), { timeZone: safeZone(zone), ...options })));
  return f;
}

function parts(date: Date, lang: Lang, zone: string) {
  const p = Object.fromEntries(
    fmt(lang, zone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((x) => [x.type, x.value]),
  ) as Record<string, string>;
  return p;
}

const toDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value);

/** "10.00" in Indonesian, "10:00" in English. */
export function formatTime(value: string | Date, lang: Lang, zone: string): string {
  const p = parts(toDate(value), lang, zone);
  return `${p.hour}${lang === 'en' ? ':' : '.'}${p.minute}`;
}

/** "Senin, 7 Desember 2026" */
export function formatDate(value: string | Date, lang: Lang, zone: string): string {
  const p = parts(toDate(value), lang, zone);
  return `${p.weekday}, ${p.day} ${p.month} ${p.year}`;
}

/** "Senin, 7 Desember 2026 pukul 10.00 WIB" */
export function formatDateTime(value: string | Date, lang: Lang, zone: string): string {
  const d = toDate(value);
  return `${formatDate(d, lang, zone)} ${lang === 'en' ? 'at' : 'pukul'} ${formatTime(d, lang, zone)} ${zoneLabel(zone, d)}`;
}

/** "10.00–11.00 WIB" */
export function formatTimeRange(start: string | Date, end: string | Date, lang: Lang, zone: string): string {
  return `${formatTime(start, lang, zone)}–${formatTime(end, lang, zone)} ${zoneLabel(zone, toDate(start))}`;
}

/** "Sen 7" style day heading for week views. */
export function formatDayShort(value: string | Date, lang: Lang, zone: string): { weekday: string; day: string; month: string } {
  const d = toDate(value);
  const p = Object.fromEntries(fmt(lang, zone, { weekday: 'short', day: 'numeric', month: 'short' }).formatToParts(d).map((x) => [x.type, x.value]));
  return { weekday: p.weekday ?? '', day: p.day ?? '', month: p.month ?? '' };
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDateKey(value: string | Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: safeZone(zone), year: 'numeric', month: '2-digit', day: '2-digit' }).format(toDate(value));
}

/** Relative countdown parts until an instant. */
export function countdown(until: Date, now: Date): { days: number; hours: number; minutes: number; seconds: number; past: boolean } {
  const ms = until.getTime() - now.getTime();
  const s = Math.max(0, Math.floor(ms / 1000));
  return { days: Math.floor(s / 86400), hours: Math.floor((s % 86400) / 3600), minutes: Math.floor((s % 3600) / 60), seconds: s % 60, past: ms <= 0 };
}

/** The device's own zone, for people not logged in. */
export const deviceZone = (): string => safeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
