import type { AttendanceView } from './workshop.views';

/**
 * RFC 4180 quoting; a cell that a spreadsheet would run as a formula (= + - @ at the start) is prefixed
 * with an apostrophe, since names are typed by users (CSV injection).
 */
export function csvCell(value: string | number | boolean): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per registrant: totals, then seconds and attended for each session in order. */
export function attendanceCsv(rows: AttendanceView[], sessionIds: string[]): string {
  const header = ['userId', 'name', 'seconds', 'attended', ...sessionIds.flatMap((_id, i) => [`session${i + 1}Seconds`, `session${i + 1}Attended`])];
  const lines = rows.map((r) => {
    const bySession = new Map(r.sessions.map((s) => [s.sessionId, s]));
    const cells = sessionIds.flatMap((id) => [bySession.get(id)?.seconds ?? 0, bySession.get(id)?.attended ?? false]);
    return [r.userId, r.name, r.seconds, r.attended, ...cells].map(csvCell).join(',');
  });
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
