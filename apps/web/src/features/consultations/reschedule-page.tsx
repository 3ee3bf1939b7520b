import { useState } from 'react';
import { Alert, Anchor, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { Consultation, Slot } from '@/api/types';
import { RequireAuth, useZone } from '@/lib/auth';
import { formatDateTime } from '@/lib/datetime';
import { useT } from '@/i18n';
import { QueryState } from '@/ui/states';
import { BookingError, isSlotGone } from './booking-errors';
import { mentorKeys } from './keys';
import { useConsultation, useReschedule } from './queries';
import { WeekView } from './week-view';

function Move({ c }: { c: Consultation }) {
  const { t, lang } = useT();
  const zone = useZone();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [slot, setSlot] = useState<Slot | null>(null);
  const move = useReschedule(c.id);
  const [gone, setGone] = useState<unknown>(null);
  const confirm = () =>
    slot &&
    move.mutate(slot.start, {
      onSuccess: () => {
        void navigate(`/consultations/${c.id}`, { state: { done: 'rescheduled' } });
      },
      onError: (error) => {
        if (!isSlotGone(error)) return;
        setGone(error);
        setSlot(null);
        move.reset();
        void client.refetchQueries({ queryKey: mentorKeys.slots(c.mentorId) });
      },
    });
  const pick = (s: Slot) => {
    setGone(null);
    move.reset();
    setSlot(s);
  };
  if (c.status !== 'booked') return <Alert color="gray">{t('consultations.reschedule.notBooked')}</Alert>;
  return (
    <Stack>
      <Text size="sm">{t('consultations.reschedule.current', { date: formatDateTime(c.start, lang, zone) })}</Text>
      <WeekView mentorId={c.mentorId} zone={zone} selected={slot?.start ?? null} onPick={pick} notice={gone ? <BookingError error={gone} /> : undefined} />
      {slot && (
        <Card withBorder data-testid="reschedule-confirm">
          <Stack gap="xs">
            <Text fw={600}>{formatDateTime(slot.start, lang, zone)}</Text>
            {move.error && <BookingError error={move.error} />}
            <Button onClick={confirm} loading={move.isPending}>
              {t('consultations.reschedule.confirm')}
            </Button>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

function Reschedule() {
  const { t } = useT();
  const { id = '' } = useParams();
  const consultation = useConsultation(id);
  return (
    <Stack>
      <Anchor component={Link} to={`/consultations/${id}`} size="sm">
        ← {t('common.back')}
      </Anchor>
      <Title order={1} size="h2">
        {t('consultations.reschedule.title')}
      </Title>
      <QueryState query={consultation}>{(c) => <Move c={c} />}</QueryState>
    </Stack>
  );
}

export function ReschedulePage() {
  return (
    <RequireAuth>
      <Reschedule />
    </RequireAuth>
  );
}
