import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';
import { IANAZone } from 'luxon';

// C0/C1 control characters (tab and newline included) and the bidirectional overrides that make a name
// display differently from what it is.
const CONTROL = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** One line of text people read (a name, a business name): no control characters. */
export const IsHumanText = (field: string) =>
  ValidateBy({
    name: 'isHumanText',
    validator: {
      validate: (value) => typeof value === 'string' && !CONTROL.test(value),
      defaultMessage: () => `${field} must be plain text without control characters`,
    },
  });

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
