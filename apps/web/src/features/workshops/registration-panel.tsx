import { useEffect, useRef, useState } from 'react';
import { Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { Workshop } from '@/api/types';
import { hasRole, useMe, useZone } from '@/lib/auth';
import { formatDateTime } from '@/lib/datetime';
import { useT } from '@/i18n';
import { ErrorState, Loading } from '@/ui/states';
import { isOver } from './sessions';
import { useLeave, useMyRegistration, useRegister, useWorkshopErrors } from './workshop-queries';
import { Notice } from './notice';

/** Register, leave (with a confirm), and my status with my place in line, kept live by the page. */
export function RegistrationPanel({ workshop }: { workshop: Workshop }) {
  const { t } = useT();
  const { token, me } = useMe();
  const location = useLocation();
  const entrepreneur = hasRole(me, 'entrepreneur');
  return (
    <Card withBorder data-testid="registration">
      <Title order={2} size="h4" mb="xs">
        {t('workshops.registration.title')}
      </Title>
      {!token ? (
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('workshops.registration.loginHint')}</Text>
          <Button component={Link} to={`/login?next=${encodeURIComponent(location.pathname)}`}>
            {t('workshops.registration.loginToRegister')}
          </Button>
        </Stack>
      ) : !me ? (
        <Loading />
      ) : !entrepreneur ? (
        <Text size="sm">{t('workshops.registration.onlyEntrepreneurs')}</Text>
      ) : (
        <MyRegistration workshop={workshop} />
      )}
    </Card>
  );
}

function MyRegistration({ workshop }: { workshop: Workshop }) {
  const { t, lang } = useT();
  const zone = useZone();
  const errors = useWorkshopErrors();
  const registration = useMyRegistration(workshop.id, true);
  const register = useRegister(workshop.id);
  const leave = useLeave(workshop.id);
  const [confirming, setConfirming] = useState(false);
  const status = registration.data?.status === 'registered' || registration.data?.status === 'waitlisted' ? registration.data.status : null;
  const promoted = usePromoted(status);

  if (registration.isPending) return <Loading />;
  if (registration.error) return <ErrorState error={registration.error} messages={errors} onRetry={() => void registration.refetch()} />;
  const closed = workshop.status === 'cancelled' || isOver(workshop);
  const heldSeats = status === 'waitlisted' && workshop.seatsLeft > 0 && workshop.quotasHeldUntil && new Date(workshop.quotasHeldUntil) > new Date();
  const mutationError = register.error ?? leave.error;

  return (
    <Stack gap="sm" align="flex-start">
      <div role="status" aria-live="polite" data-testid="my-status" data-status={status ?? 'none'}>
        {promoted && status === 'registered' && (
          <Notice color="teal" mb="xs" data-testid="promoted">
            {t('workshops.registration.promoted')}
          </Notice>
        )}
        {status === 'registered' && (
          <>
            <Text fw={600}>{t('workshops.registration.registered')}</Text>
            <Text size="sm" c="dimmed">
              {t('workshops.registration.registeredHint')}
            </Text>
          </>
        )}
        {status === 'waitlisted' && (
          <>
            <Text fw={600} data-testid="position">
              {t('workshops.registration.waitlisted', { position: registration.data?.position ?? '?' })}
            </Text>
            <Text size="sm" c="dimmed">
              {heldSeats ? t('workshops.registration.heldSeats', { date: formatDateTime(workshop.quotasHeldUntil!, lang, zone) }) : t('workshops.registration.waitlistedHint')}
            </Text>
          </>
        )}
        {status === null && leave.isSuccess && <Text size="sm">{t('workshops.registration.left')}</Text>}
      </div>
      {mutationError && <ErrorState error={mutationError} messages={errors} />}
      {!closed && status === null && (
        <Button onClick={() => register.mutate()} loading={register.isPending}>
          {workshop.seatsLeft > 0 ? t('workshops.registration.register') : t('workshops.registration.joinWaitlist')}
        </Button>
      )}
      {!closed && status !== null && (
        <Button variant="outline" color="red.9" onClick={() => setConfirming(true)}>
          {status === 'waitlisted' ? t('workshops.registration.leaveWaitlist') : t('workshops.registration.leave')}
        </Button>
      )}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={status === 'waitlisted' ? t('workshops.registration.confirmWaitlistTitle') : t('workshops.registration.confirmTitle')}
        centered
      >
        <Text size="sm">{status === 'waitlisted' ? t('workshops.registration.confirmWaitlistText') : t('workshops.registration.confirmText')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('workshops.registration.keep')}
          </Button>
          <Button
            color="red.9"
            loading={leave.isPending}
            onClick={() => {
              register.reset();
              leave.mutate(undefined, { onSettled: () => setConfirming(false) });
            }}
          >
            {t('workshops.registration.confirmLeave')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}

/** True once my status went from the waitlist to a seat while I was looking (only a promotion does that). */
function usePromoted(status: 'registered' | 'waitlisted' | null): boolean {
  const previous = useRef(status);
  const [promoted, setPromoted] = useState(false);
  useEffect(() => {
    if (previous.current === 'waitlisted' && status === 'registered') setPromoted(true);
    if (status !== 'registered') setPromoted(false);
    previous.current = status;
  }, [status]);
  return promoted;
}
