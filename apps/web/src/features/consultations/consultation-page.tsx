import { Component, lazy, Suspense, useState, type ReactNode } from 'react';
import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation, useParams } from 'react-router';
import { api, unwrap } from '@/api/client';
import type { Consultation } from '@/api/types';
import { RequireAuth, useMe, useZone } from '@/lib/auth';
import { formatDateTime, formatTimeRange } from '@/lib/datetime';
import { useT } from '@/i18n';
import { JoinCountdown, OPENS_BEFORE_MS, useNow } from '@/ui/join-countdown';
import { Loading, QueryState } from '@/ui/states';
import { CalendarButton } from './calendar-button';
import { CancelModal } from './cancel-modal';
import { ChatPanel } from './chat/chat-panel';
import { useConsultationNotifications } from './consultations-page';
import { OutcomeForm } from './desk/outcome-form';
import { OutcomeSection } from './outcome-section';
import { isParticipant, otherPerson } from './people';
import { useConsultation } from './queries';
import { StatusBadge } from './status-badge';

// The video room is another feature's, loaded only when the room is open; the page never waits for it.
const VideoPanel = lazy(() => import('@/features/video/video-panel'));

/** A video panel that fails (its chunk lost on a weak line, an SDK error) says so and leaves the page alone. */
class VideoBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function Video({ c }: { c: Consultation }) {
  const { t } = useT();
  const now = useNow(15_000);
  const open = now.getTime() >= new Date(c.start).getTime() - OPENS_BEFORE_MS && now <= new Date(c.end);
  return (
    <Card withBorder component="section" aria-labelledby="video-title" data-testid="video">
      <Title order={2} size="h4" id="video-title" mb="xs">
        {t('consultations.detail.video')}
      </Title>
      {open ? (
        <VideoBoundary fallback={<Alert color="yellow">{t('consultations.detail.videoUnavailable')}</Alert>}>
          <Suspense fallback={<Loading />}>
            <VideoPanel layout="call" join={(request) => unwrap(api.POST('/api/consultations/{id}/join', { params: { path: { id: c.id } }, body: request }))} />
          </Suspense>
        </VideoBoundary>
      ) : (
        <Stack gap={4}>
          <JoinCountdown start={c.start} end={c.end} to={`/consultations/${c.id}`} />
          <Text size="xs" c="dimmed">
            {t('consultations.detail.joinHint')}
          </Text>
        </Stack>
      )}
    </Card>
  );
}

function Details({ c }: { c: Consultation }) {
  const { t, lang } = useT();
  const zone = useZone();
  const { me } = useMe();
  const [cancelling, setCancelling] = useState(false);
  // What I just did here or on the way here (a move, a cancellation), said once at the top.
  const location = useLocation();
  const [done, setDone] = useState<'rescheduled' | 'cancelled' | null>((location.state as { done?: 'rescheduled' } | null)?.done ?? null);
  const other = otherPerson(c, me);
  const participant = isParticipant(c, me);
  const now = useNow(15_000);
  const ended = new Date(c.end).getTime() < now.getTime();
  const started = new Date(c.start).getTime() <= now.getTime();
  const isMentor = me?.id === c.mentorId;
  return (
    <Stack>
      <Anchor component={Link} to="/consultations" size="sm">
        ← {t('consultations.detail.back')}
      </Anchor>
      {done && (
        <Alert color="teal" role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setDone(null)} data-testid="done">
          {t(done === 'rescheduled' ? 'consultations.reschedule.done' : 'consultations.cancel.done')}
        </Alert>
      )}
      <Card withBorder data-testid="consultation-details">
        <Stack gap={6}>
          <Group justify="space-between" align="flex-start" gap="xs">
            <Title order={1} size="h3">
              {t('consultations.detail.title', { topic: t(`common.topics.${c.topic}`) })}
            </Title>
            <StatusBadge status={c.status} />
          </Group>
          <Group gap="xs">
            <Text fw={600} data-testid="consultation-other">
              {t('consultations.detail.with', { name: other.name })}
            </Text>
            {(isMentor || me?.roles.includes('admin')) && (
              <Anchor component={Link} to={`/entrepreneurs/${c.entrepreneurId}`} size="sm" aria-label={t('mentorDesk.today.profileOf', { name: c.entrepreneurName ?? '' })}>
                {t('mentorDesk.today.profile')}
              </Anchor>
            )}
          </Group>
          <Text data-testid="consultation-when">{formatDateTime(c.start, lang, zone)}</Text>
          <Text size="sm" c="dimmed">
            {formatTimeRange(c.start, c.end, lang, zone)}
          </Text>
          {c.note && (
            <Text size="sm">
              <Text span fw={600}>
                {t('consultations.detail.note')}:
              </Text>{' '}
              <span style={{ whiteSpace: 'pre-wrap' }}>{c.note}</span>
            </Text>
          )}
          {c.status === 'cancelled' && c.cancelReason && <Alert color="gray">{t('consultations.detail.cancelledBy', { reason: c.cancelReason })}</Alert>}
          {/* Once it has started it can no longer be moved or cancelled (the api answers ALREADY_STARTED). */}
          {participant && c.status === 'booked' && !started && (
            <Group gap="xs" mt="xs">
              <CalendarButton consultationId={c.id} />
              <Button variant="outline" component={Link} to={`/consultations/${c.id}/reschedule`}>
                {t('consultations.actions.reschedule')}
              </Button>
              <Button variant="subtle" color="red" onClick={() => setCancelling(true)}>
                {t('consultations.actions.cancel')}
              </Button>
              <CancelModal consultation={c} opened={cancelling} onClose={() => setCancelling(false)} onDone={() => setDone('cancelled')} />
            </Group>
          )}
        </Stack>
      </Card>
      {c.status === 'booked' && participant && !ended && <Video c={c} />}
      {isMentor && c.status === 'booked' && started ? (
        <OutcomeForm c={c} />
      ) : (
        (c.status === 'completed' || (ended && c.status === 'booked')) && <OutcomeSection consultationId={c.id} editable={isMentor ? c : undefined} />
      )}
      {me && <ChatPanel consultationId={c.id} userId={me.id} otherName={other.name} canWrite={participant} />}
    </Stack>
  );
}

function ConsultationDetail() {
  const { id = '' } = useParams();
  const consultation = useConsultation(id);
  useConsultationNotifications();
  return <QueryState query={consultation}>{(c) => <Details c={c} />}</QueryState>;
}

export function ConsultationPage() {
  return (
    <RequireAuth>
      <ConsultationDetail />
    </RequireAuth>
  );
}
