import { Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import type { Workshop, WorkshopSession } from '@/api/types';
import { useZone } from '@/lib/auth';
import { formatDate, formatTimeRange } from '@/lib/datetime';
import { useT } from '@/i18n';
import { useNow } from '@/ui/join-countdown';
import { StaffPage } from '@/ui/staff-page';
import { Empty, QueryState } from '@/ui/states';
import { roomPhase } from '../sessions';
import { useWorkshopLiveUpdates } from '../workshop-queries';
import { useSpeakingAt } from './speaker-queries';
import { leftUntil, stagePath, reportPath } from './paths';

type When = 'upcoming' | 'past';

/** "Sesi saya": the workshops I speak at, each session with its green room when it is open, the report after. */
export function MySessionsPage() {
  const { t } = useT();
  return (
    <StaffPage area="speaker" title={t('speaker.sessions.title')}>
      <MySessions />
    </StaffPage>
  );
}

function MySessions() {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const when: When = params.get('when') === 'past' ? 'past' : 'upcoming';
  useWorkshopLiveUpdates();
  const list = useSpeakingAt(when);
  return (
    <Stack>
      <SegmentedControl
        aria-label={t('speaker.sessions.tabs')}
        value={when}
        onChange={(v) => setParams(v === 'past' ? { when: 'past' } : {}, { replace: true })}
        data={[
          { value: 'upcoming', label: t('speaker.sessions.upcoming') },
          { value: 'past', label: t('speaker.sessions.past') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <QueryState query={{ ...list, data: list.data?.pages.flatMap((p) => p.items) }}>
        {(items) =>
          items.length === 0 && !list.hasNextPage ? (
            <Empty title={when === 'past' ? t('speaker.sessions.emptyPast') : t('speaker.sessions.empty')}>{when === 'upcoming' && t('speaker.sessions.emptyHint')}</Empty>
          ) : (
            <Stack data-testid="speaker-workshops">
              {items.map((w) => (
                <WorkshopCard key={w.id} workshop={w} past={when === 'past'} />
              ))}
              {list.hasNextPage && (
                <Button variant="outline" color="teal.9" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} style={{ alignSelf: 'center' }}>
                  {t('speaker.sessions.more')}
                </Button>
              )}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

function WorkshopCard({ workshop: w, past }: { workshop: Workshop; past: boolean }) {
  const { t } = useT();
  const anyEnded = w.sessions.some((s) => new Date(s.end) <= new Date());
  return (
    <Card withBorder component="article" aria-labelledby={`sw-${w.id}`} data-testid="speaker-workshop">
      <Stack gap="sm">
        <Group gap={6}>
          <Badge variant="outline" color="gray.8">
            {t(`common.topics.${w.topic}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('speaker.sessions.registered', { count: w.registeredCount })}
          </Text>
        </Group>
        <Title order={2} size="h4" id={`sw-${w.id}`} style={{ overflowWrap: 'anywhere' }}>
          {w.title}
        </Title>
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {w.sessions.map((s, i) => (
            <SessionRow key={s.id} workshop={w} session={s} n={w.sessions.length > 1 ? i + 1 : null} />
          ))}
        </Stack>
        <Group gap="md">
          {(past || anyEnded) && (
            <Anchor component={Link} to={reportPath(w.id)} size="sm" fw={600}>
              {t('speaker.sessions.report')}
            </Anchor>
          )}
          <Anchor component={Link} to={`/workshops/${w.id}`} size="sm">
            {t('speaker.sessions.details')}
          </Anchor>
        </Group>
      </Stack>
    </Card>
  );
}

function SessionRow({ workshop: w, session: s, n }: { workshop: Workshop; session: WorkshopSession; n: number | null }) {
  const { t, lang } = useT();
  const zone = useZone();
  const now = useNow();
  const phase = roomPhase(s, now);
  const started = now >= new Date(s.start);
  return (
    <li data-testid="speaker-session" data-phase={phase}>
      <Group justify="space-between" align="center" wrap="wrap" gap="xs">
        <div>
          <Text size="sm" fw={600}>
            {n !== null && `${t('speaker.sessions.session', { n })} · `}
            {formatDate(s.start, lang, zone)}
          </Text>
          <Group gap={6}>
            <Text size="sm">{formatTimeRange(s.start, s.end, lang, zone)}</Text>
            {phase === 'open' && (
              <Badge color={started ? 'red.9' : 'teal.9'} variant="filled" size="sm">
                {started ? t('speaker.sessions.live') : t('speaker.sessions.open')}
              </Badge>
            )}
            {phase === 'ended' && (
              <Badge color="gray.7" variant="outline" size="sm">
                {t('speaker.sessions.ended')}
              </Badge>
            )}
          </Group>
        </div>
        {phase === 'open' && w.status !== 'cancelled' && (
          <Button component={Link} to={stagePath(w.id, s.id)} color="teal.8" data-testid="enter-room">
            {started ? t('speaker.sessions.goOnStage') : t('speaker.sessions.greenRoom')}
          </Button>
        )}
        {phase === 'before' && (
          <Text size="sm" c="dimmed" aria-live="off">
            {t('speaker.sessions.opensIn', { time: leftUntil(s, now, t) })}
          </Text>
        )}
      </Group>
    </li>
  );
}
