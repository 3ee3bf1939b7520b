import { lazy, Suspense, useState } from 'react';
import { Anchor, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { Workshop, WorkshopSession } from '@/api/types';
import type { MediaChoices } from '@/features/video/pre-join';
import { hasRole, useMe, useZone } from '@/lib/auth';
import { formatDate, formatTime, formatTimeRange } from '@/lib/datetime';
import { useT } from '@/i18n';
import { useNow } from '@/ui/join-countdown';
import { StaffPage } from '@/ui/staff-page';
import { ErrorState, Loading } from '@/ui/states';
import { Notice } from '../notice';
import { opensAt, roomPhase } from '../sessions';
import { useWorkshop, useWorkshopLiveUpdates } from '../workshop-queries';
import { GreenRoom } from './green-room';
import { leftUntil, reportPath } from './paths';
import { useSpeakerErrors } from './speaker-queries';

// The stage brings the video SDK (LiveKit); the green room before it loads without.
const Stage = lazy(() => import('./stage').then((m) => ({ default: m.Stage })));

/** A session of mine: the green room (device check), then the stage; before and after, what stands there. */
export function SpeakerSessionPage() {
  const { t } = useT();
  const { id = '', sid = '' } = useParams();
  const workshop = useWorkshop(id);
  const session = workshop.data?.sessions.find((s) => s.id === sid.toLowerCase());
  const [live, setLive] = useState<MediaChoices | null>(null);
  return (
    <StaffPage area="speaker" title={live ? t('speaker.stage.title') : t('speaker.green.title')}>
      <Body workshop={workshop} session={session} live={live} onLive={setLive} />
    </StaffPage>
  );
}

function Body({ workshop, session, live, onLive }: { workshop: ReturnType<typeof useWorkshop>; session: WorkshopSession | undefined; live: MediaChoices | null; onLive: (c: MediaChoices) => void }) {
  const { t } = useT();
  const errors = useSpeakerErrors();
  const { me } = useMe();
  const now = useNow();
  useWorkshopLiveUpdates();
  if (workshop.isPending) return <Loading />;
  if (workshop.error || !workshop.data) return <ErrorState error={workshop.error} messages={errors} onRetry={() => void workshop.refetch()} />;
  const w = workshop.data;
  const back = (
    <Anchor component={Link} to="/speaker" size="sm">
      ← {t('speaker.room.back')}
    </Anchor>
  );
  const problem = !session
    ? t('speaker.room.sessionNotFound')
    : w.status === 'cancelled'
      ? t('speaker.room.cancelled')
      : !w.speakerIds.includes(me?.id ?? '') && !hasRole(me, 'admin')
        ? t('speaker.room.notYours')
        : null;
  if (problem || !session)
    return (
      <Stack align="flex-start">
        {back}
        <Notice color="red" role="alert">
          {problem}
        </Notice>
      </Stack>
    );
  const phase = roomPhase(session, now);
  return (
    <Stack gap="sm">
      {back}
      <SessionLine workshop={w} session={session} />
      {phase === 'before' ? (
        <Before session={session} now={now} />
      ) : phase === 'ended' && !live ? (
        <Notice color="gray" title={t('speaker.room.ended')}>
          <Anchor component={Link} to={reportPath(w.id)}>
            {t('speaker.room.report')}
          </Anchor>
        </Notice>
      ) : live ? (
        <Suspense fallback={<Loading />}>
          <Stage workshop={w} session={session} choices={live} />
        </Suspense>
      ) : (
        <GreenRoom workshop={w} onLive={onLive} />
      )}
    </Stack>
  );
}

function SessionLine({ workshop: w, session }: { workshop: Workshop; session: WorkshopSession }) {
  const { t, lang } = useT();
  const zone = useZone();
  const n = w.sessions.indexOf(session) + 1;
  return (
    <div>
      <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
        {w.title}
      </Text>
      <Text size="sm" c="dimmed">
        {w.sessions.length > 1 && `${t('speaker.sessions.session', { n })} · `}
        {formatDate(session.start, lang, zone)}, {formatTimeRange(session.start, session.end, lang, zone)}
      </Text>
    </div>
  );
}

function Before({ session, now }: { session: WorkshopSession; now: Date }) {
  const { t, lang } = useT();
  const zone = useZone();
  return (
    <Notice color="teal" title={t('speaker.room.before', { time: leftUntil(session, now, t) })} data-testid="countdown">
      <Text size="sm">{t('speaker.room.beforeHint', { time: formatTime(opensAt(session), lang, zone) })}</Text>
    </Notice>
  );
}
