import { isISO8601, ValidateBy } from 'class-validator';

const WITH_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/** An ISO-8601 time with an offset: a bare wall-clock time would be ambiguous on the wire. */
export const IsInstant = (field: string) =>
  ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value) => typeof value === 'string' && WITH_OFFSET.test(value) && isISO8601(value, { strict: true }),
      defaultMessage: () => `${field} must be an ISO-8601 time with an offset, like 2026-12-07T09:00:00+07:00`,
    },
  });
