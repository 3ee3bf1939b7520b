import { Transform } from 'class-transformer';
import { applyDecorators, Injectable, type PipeTransform } from '@nestjs/common';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { DateTime, IANAZone } from 'luxon';
import { validationFailed } from '../errors/domain-error';

// C0/C1 control characters (tab and newline included) and the bidirectional overrides that make a name
// display differently from what it is. A bare carriage return is how a value breaks out of an .ics line.
const CONTROL = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
// Tab and line feed: allowed in text written in several lines (a note, a summary, a message).
const LINE_BREAKS_AND_TABS = /[\t\n]/g;

/** One line of text people read (a name, a title, a poll option): no control characters. */
export const IsHumanText = (field: string, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isHumanText',
      validator: {
        validate: (value) => typeof value === 'string' && !CONTROL.test(value),
        defaultMessage: () => `${field} must be plain text on one line, without control characters`,
      },
    },
    options,
  );

/**
 * Text in several lines (a note, a reason, a chat message): tabs and line feeds, no other control character.
 * Windows line ends (CRLF) become LF first; a bare CR is refused.
 */
export const IsMultilineText = (field: string, options?: ValidationOptions) =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.replace(/\r\n/g, '\n') : value)),
    ValidateBy(
      {
        name: 'isMultilineText',
        validator: {
          validate: (value) => typeof value === 'string' && !CONTROL.test(value.replace(LINE_BREAKS_AND_TABS, '')),
          defaultMessage: () => `${field} must be plain text without control characters (line breaks and tabs are fine)`,
        },
      },
      options,
    ),
  );

/** An IANA time zone such as Asia/Jakarta (what luxon and Intl understand). */
export const IsIanaZone = (field = 'timezone') =>
  ValidateBy({
    name: 'isIanaZone',
    validator: {
      validate: (value) => typeof value === 'string' && IANAZone.isValidZone(value),
      defaultMessage: () => `${field} must be an IANA time zone such as Asia/Jakarta`,
    },
  });

/** Writes a valid zone the way the zone database spells it (asia/jakarta → Asia/Jakarta); leaves others for the validator. */
export const CanonicalZone = () =>
  Transform(({ value }) =>
    typeof value === 'string' && IANAZone.isValidZone(value) ? new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone : value,
  );

/** Strips surrounding spaces from a string before it is validated. */
export const Trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CALENDAR_DATE_RULE = 'a calendar date YYYY-MM-DD between 2000 and 2099';

/** A day written YYYY-MM-DD that the calendar has (2026-02-30 is none), in the years people plan in. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DAY.test(value)) return false;
  const day = DateTime.fromISO(value, { zone: 'utc' });
  return day.isValid && day.year >= 2000 && day.year <= 2099;
}

/** A date-only field (a follow-up day): see isCalendarDate. */
export const IsCalendarDate = (field: string) =>
  ValidateBy({ name: 'isCalendarDate', validator: { validate: isCalendarDate, defaultMessage: () => `${field} must be ${CALENDAR_DATE_RULE}` } });

/** The same for a path segment (`/overrides/:date`): 400 VALIDATION_FAILED otherwise. */
@Injectable()
export class ParseCalendarDatePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isCalendarDate(value)) throw validationFailed(`date must be ${CALENDAR_DATE_RULE}`);
    return value;
  }
}
