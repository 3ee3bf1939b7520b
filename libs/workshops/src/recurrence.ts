import { DateTime } from 'luxon';
import { RRule } from 'rrule';
import { isStorableTime } from '@pendamping/platform';

export const WORKSHOP_ZONE = 'Asia/Jakarta';
export const MAX_SESSIONS = 60;

export interface TimeRange {
  start: Date;
  end: Date;
}

/** A rule that cannot be expanded; the message names the problem for the caller. */
export class RecurrenceError extends Error {}

const UTC_DTSTART = /DTSTART(;[^:\n]*)?:\d{8}T\d{6}Z/i;
const UTC_UNTIL = /UNTIL=\d{8}T\d{6}Z/i;
const DATE_UNTIL = /UNTIL=\d{8}(;|\s|$)/i;

/**
 * Expands an RFC 5545 rule into sessions. The rule runs on the wall clock of its TZID (default
 * Asia/Jakarta): a weekly rule at 09:00 stays at 09:00 local. rrule's own TZID handling returns shifted
 * instants, so we expand on "wall clock as UTC" dates and convert each one to a real instant with luxon.
 */
export function expandRecurrence(text: string, durationMinutes: number, zone = WORKSHOP_ZONE): TimeRange[] {
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(text.trim());
  } catch (error) {
    throw new RecurrenceError(`is not a valid RFC 5545 rule (${(error as Error).message})`);
  }
  const ruleZone = options.tzid ?? zone;
  if (!DateTime.local().setZone(ruleZone).isValid) throw new RecurrenceError(`has an unknown TZID ${ruleZone}`);
  if (!options.dtstart) throw new RecurrenceError('needs a DTSTART, e.g. DTSTART;TZID=Asia/Jakarta:20261207T090000');
  if (options.freq === undefined || options.freq > RRule.DAILY) throw new RecurrenceError('FREQ must be YEARLY, MONTHLY, WEEKLY or DAILY');
  if (options.count != null && !(Number.isInteger(options.count) && options.count > 0)) throw new RecurrenceError('COUNT must be a positive number');
  if (!options.count && !options.until) throw new RecurrenceError('must end: add COUNT or UNTIL');

  const dtstart = UTC_DTSTART.test(text) ? wallAsUtc(options.dtstart, ruleZone) : options.dtstart;
  let until = options.until ?? null;
  if (until && UTC_UNTIL.test(text)) until = wallAsUtc(until, ruleZone);
  // A date-only UNTIL includes that whole day.
  else if (until && DATE_UNTIL.test(text)) until = new Date(until.getTime() + 86_399_999);

  const rule = new RRule({ ...options, dtstart, until, tzid: null });
  const starts = rule.all((_date, i) => i <= MAX_SESSIONS);
  if (starts.length === 0) throw new RecurrenceError('produces no sessions');
  if (starts.length > MAX_SESSIONS) throw new RecurrenceError(`produces more than ${MAX_SESSIONS} sessions`);
  const sessions = starts.map((wall) => {
    const start = fromWall(wall, ruleZone);
    return { start, end: new Date(start.getTime() + durationMinutes * 60_000) };
  });
  // DTSTART:99991231T… expands past what a DATETIME column holds (a 500 from MySQL otherwise).
  if (sessions.some((s) => !isStorableTime(s.start) || !isStorableTime(s.end))) throw new RecurrenceError('produces sessions outside 1970 to 9998');
  return sessions;
}

/** The instant's wall-clock time in `zone`, written into a Date's UTC fields (rrule's floating form). */
function wallAsUtc(instant: Date, zone: string): Date {
  const local = DateTime.fromJSDate(instant).setZone(zone);
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
}

function fromWall(wall: Date, zone: string): Date {
  return DateTime.fromObject(
    {
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
      second: wall.getUTCSeconds(),
    },
    { zone },
  ).toJSDate();
}
