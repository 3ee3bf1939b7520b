import { Alert } from '@mantine/core';
import { ApiError, errorCode } from '@/api/client';
import { useT } from '@/i18n';

/** A slot that is gone (taken meanwhile, or no longer offered): the screen refetches the week. */
export const isSlotGone = (error: unknown) => ['SLOT_TAKEN', 'NOT_A_SLOT', 'IN_THE_PAST'].includes(errorCode(error));

/**
 * Why a booking or a move failed, in the person's language: our sentence for the codes we know, else the
 * api's own message (a limit the api has added, such as too many open bookings), else the general one.
 */
export function BookingError({ error }: { error: unknown }) {
  const { t } = useT();
  const code = errorCode(error);
  const known = t(`consultations.booking.errors.${code}`, { defaultValue: '' }) || t(`common.errors.${code}`, { defaultValue: '' });
  const fromApi = error instanceof ApiError && !error.isNetwork && error.status < 500 ? error.message : '';
  return (
    <Alert color={isSlotGone(error) ? 'yellow' : 'red'} role="alert" data-testid="booking-error" data-code={code}>
      {known || fromApi || t('common.errors.UNKNOWN')}
    </Alert>
  );
}
