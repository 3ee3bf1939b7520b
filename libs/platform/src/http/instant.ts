import { isISO8601, ValidateBy, type ValidationOptions } from 'class-validator';

// A calendar date and a time of day, as the wire carries them. ISO-8601 also has week dates (2026-W10-1) and
// ordinal dates (2026-060) that class-validator accepts and `new Date()` cannot read (Invalid Date, then a
// 500); and 9999-12-31T23:59-14:00 is a year MySQL's DATETIME does not have.
const CALENDAR_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const WITH_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(9999, 0, 1);

/** Whether a time is one the database stores (DATETIME ends at 9999) and the app reasons about (from 1970). */
export const isStorableTime = (date: Date): boolean => date.getTime() >= EARLIEST && date.getTime() < LATEST;

/** A date-time `new Date()` reads as the calendar says, within what the database stores. */
export function isCalendarDateTime(value: unknown, { offset }: { offset: boolean }): value is string {
  if (typeof value !== 'string' || !CALENDAR_DATE_TIME.test(value) || (offset && !WITH_OFFSET.test(value))) return false;
  if (!isISO8601(value, { strict: true, strictSeparator: true })) return false;
  return isStorableTime(new Date(value));
}

/** An ISO-8601 time with an offset: a bare wall-clock time would be ambiguous on the wire. */
export const IsInstant = (field: string) =>
  ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value) => isCalendarDateTime(value, { offset: true }),
      defaultMessage: () => `${field} must be an ISO-8601 time with an offset, like 2026-12-07T09:00:00+07:00`,
    },
  });

/** An ISO-8601 date-time (YYYY-MM-DDTHH:mm…, offset optional): no week or ordinal dates, no year past 9998. */
export const IsDateTime = (field: string, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isDateTime',
      validator: {
        validate: (value) => isCalendarDateTime(value, { offset: false }),
        defaultMessage: () => `${field} must be an ISO-8601 date-time`,
      },
    },
    options,
  );
