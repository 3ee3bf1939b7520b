import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { MyRegistration, Workshop, WorkshopSession } from '@/api/types';
import { hasRole, RequireAuth, useMe, useZone } from '@/lib/auth';
import { countdown, formatDate, formatTime, formatTimeRange } from '@/lib/datetime';
import { useT } from '@/i18n';
import { useNow } from '@/ui/join-countdown';
import { ErrorState, Loading } from '@/ui/states';
import { LiveRoom } from './live-room';
import { opensAt, roomPhase } from './sessions';
import { useMyRegistration, useWorkshop, useWorkshopErrors, useWorkshopLiveUpdates } from './workshop-queries';
import { Notice } from './notice';

export function LiveSessionPage() {
  return (
    <RequireAuth>
      <LiveSession />
    </RequireAuth>
  );
}

/** Reminders and calendar entries link here: the session's room, or what stands before it. */
function LiveSession() {
  const { id = '', sid = '' } = useParams();
  const { t } = useT();
  const errors = useWorkshopErrors();
  const { me } = useMe();
  const workshop = useWorkshop(id);
  const entrepreneur = hasRole(me, 'entrepreneur') && !workshop.data?.speakerIds.includes(me!.id);
  const registration = useMyRegistration(id, entrepreneur);
  useWorkshopLiveUpdates();

  if (workshop.isPending || (entrepreneur && registration.isPending)) return <Loading />;
  const error = workshop.error ?? (entrepreneur ? registration.error : null);
  if (error || !workshop.data) return <ErrorState error={error} messages={errors} onRetry={() => void (workshop.error ? workshop.refetch() : registration.refetch())} />;
  const w = workshop.data;
  const session = w.sessions.find((s) => s.id === sid.toLowerCase());
  return (
    <Stack>
      <Anchor component={Link} to={`/workshops/${w.id}`} size="sm">
        ← {t('workshops.live.backToWorkshop')}
      </Anchor>
      <div>
        <Title order={1} size="h3">
          {w.title}
        </Title>
        {session && <SessionLine workshop={w} session={session} />}
      </div>
      {!session ? (
        <Notice color="red" role="alert">
          {t('workshops.live.sessionNotFound')}
        </Notice>
      ) : (
        <Gate workshop={w} session={session} registration={entrepreneur ? (registration.data ?? null) : undefined} />
      )}
    </Stack>
  );
}

function SessionLine({ workshop, session }: { workshop: Workshop; session: WorkshopSession }) {
  const { t, lang } = useT();
  const zone = useZone();
  const n = workshop.sessions.indexOf(session) + 1;
  return (
    <Text size="sm" c="dimmed">
      {workshop.sessions.length > 1 && `${t('workshops.detail.session', { n })} · `}
      {formatDate(session.start, lang, zone)}, {formatTimeRange(session.start, session.end, lang, zone)}
    </Text>
  );
}

/** Registration and the clock decide: not registered, waiting, countdown, the room, or over. */
function Gate({ workshop: w, session, registration }: { workshop: Workshop; session: WorkshopSession; registration: MyRegistration | null | undefined }) {
  const { t } = useT();
  const now = useNow();
  if (w.status === 'cancelled')
    return (
      <Notice color="red" title={t('workshops.live.cancelled')} role="alert">
        {w.cancelReason}
      </Notice>
    );
  // undefined: a speaker or admin (the room decides); null or cancelled: not registered.
  if (registration !== undefined && registration?.status !== 'registered') {
    const waitlisted = registration?.status === 'waitlisted';
    return (
      <Notice color="orange" title={waitlisted ? t('workshops.live.waitlisted', { position: registration.position ?? '?' }) : t('workshops.live.notRegistered')} data-testid="not-registered">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{waitlisted ? t('workshops.live.waitlistedHint') : t('workshops.live.notRegisteredHint')}</Text>
          <Anchor component={Link} to={`/workshops/${w.id}`}>
            {t('workshops.live.goRegister')}
          </Anchor>
        </Stack>
      </Notice>
    );
  }
  const phase = roomPhase(session, now);
  if (phase === 'before') return <Countdown session={session} now={now} />;
  if (phase === 'ended')
    return (
      <Notice color="gray" title={t('workshops.live.ended')}>
        {registration?.status === 'registered' && (
          <Anchor component={Link} to={`/workshops/${w.id}/certificate`}>
            {t('workshops.live.endedCertificate')}
          </Anchor>
        )}
      </Notice>
    );
  return <LiveRoom workshopId={w.id} sessionId={session.id} />;
}

function Countdown({ session, now }: { session: WorkshopSession; now: Date }) {
  const { t, lang } = useT();
  const zone = useZone();
  const opens = opensAt(session);
  const c = countdown(opens, now);
  const left =
    c.days > 0
      ? `${t('home.countdown.days', { count: c.days })} ${t('home.countdown.hours', { count: c.hours })}`
      : c.hours > 0
        ? `${t('home.countdown.hours', { count: c.hours })} ${t('home.countdown.minutes', { count: c.minutes })}`
        : `${t('home.countdown.minutes', { count: c.minutes })} ${t('home.countdown.seconds', { count: c.seconds })}`;
  return (
    <Notice color="teal" title={t('workshops.live.opensIn', { time: left })} data-testid="countdown">
      <Text size="sm">{t('workshops.live.opensAt', { time: `${formatTime(opens, lang, zone)}` })}</Text>
    </Notice>
  );
}
