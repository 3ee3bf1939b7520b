import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { Workshop } from '@/api/types';
import { useMe, useZone } from '@/lib/auth';
import { formatDate, formatTimeRange } from '@/lib/datetime';
import { useT } from '@/i18n';
import { JoinCountdown } from '@/ui/join-countdown';
import { ErrorState, Loading } from '@/ui/states';
import { RegistrationPanel } from './registration-panel';
import { isOver } from './sessions';
import { SeatsBadge } from './workshop-card';
import { useMyRegistration, useWorkshop, useWorkshopErrors, useWorkshopLiveUpdates } from './workshop-queries';
import { Notice } from './notice';

/** One workshop, public: what it is, who speaks, every session in my zone, seats, and my registration. */
export function WorkshopDetailPage() {
  const { id = '' } = useParams();
  const { t } = useT();
  const errors = useWorkshopErrors();
  const workshop = useWorkshop(id);
  useWorkshopLiveUpdates();
  return (
    <Stack>
      <Anchor component={Link} to="/workshops" size="sm">
        ← {t('workshops.detail.back')}
      </Anchor>
      {workshop.isPending ? (
        <Loading />
      ) : workshop.error ? (
        <ErrorState error={workshop.error} messages={errors} onRetry={() => void workshop.refetch()} />
      ) : (
        <Detail workshop={workshop.data} />
      )}
    </Stack>
  );
}

function Detail({ workshop: w }: { workshop: Workshop }) {
  const { t } = useT();
  const over = isOver(w);
  return (
    <Stack>
      <div>
        <Group gap={6} mb={6}>
          <Badge variant="outline" color="gray.8">
            {t(`common.topics.${w.topic}`)}
          </Badge>
          {w.status === 'published' && !over && <SeatsBadge workshop={w} />}
        </Group>
        <Title order={1} size="h2">
          {w.title}
        </Title>
      </div>
      {w.status === 'cancelled' && (
        <Notice color="red" title={t('workshops.detail.cancelled')} data-testid="cancelled">
          {w.cancelReason && t('workshops.detail.cancelledReason', { reason: w.cancelReason })}
        </Notice>
      )}
      {w.status !== 'cancelled' && over && <Notice color="gray">{t('workshops.detail.completed')}</Notice>}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack>
          <Text style={{ whiteSpace: 'pre-line' }}>{w.description}</Text>
          <Text size="sm" c="dimmed">
            {t('workshops.detail.capacity', { count: w.capacity })}
            {w.status === 'published' && !over && (w.seatsLeft > 0 ? ` · ${t('workshops.detail.seatsLeft', { count: w.seatsLeft })}` : ` · ${t('workshops.detail.waitlistCount', { count: w.waitlistCount })}`)}
          </Text>
          {w.status === 'published' && !over && w.seatsLeft === 0 && <Text size="sm">{t('workshops.detail.full')}</Text>}
          {w.speakers.length > 0 && (
            <div>
              <Title order={2} size="h4" mb={4}>
                {t('workshops.detail.speakers')}
              </Title>
              <List size="sm" spacing={2}>
                {w.speakers.map((s) => (
                  <List.Item key={s.id}>{s.organization ? `${s.name} (${s.organization})` : s.name}</List.Item>
                ))}
              </List>
            </div>
          )}
        </Stack>
        <Stack>
          <RegistrationPanel workshop={w} />
          <Sessions workshop={w} />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

function Sessions({ workshop: w }: { workshop: Workshop }) {
  const { t, lang } = useT();
  const zone = useZone();
  const { me } = useMe();
  const registration = useMyRegistration(w.id, !!me?.roles.includes('entrepreneur'));
  const seated = registration.data?.status === 'registered' || (!!me && w.speakerIds.includes(me.id));
  const now = new Date();
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('workshops.detail.sessions')}
      </Title>
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="sessions">
        {w.sessions.map((s, i) => {
          const ended = new Date(s.end) <= now;
          return (
            <li key={s.id}>
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                <div>
                  <Text size="sm" fw={600}>
                    {t('workshops.detail.session', { n: i + 1 })}
                  </Text>
                  <Text size="sm">{formatDate(s.start, lang, zone)}</Text>
                  <Text size="sm">{formatTimeRange(s.start, s.end, lang, zone)}</Text>
                </div>
                {ended ? (
                  <Badge variant="outline" color="gray.8">
                    {t('workshops.detail.ended')}
                  </Badge>
                ) : (
                  seated && w.status === 'published' && <JoinCountdown start={s.start} end={s.end} to={`/workshops/${w.id}/sessions/${s.id}`} label={t('workshops.detail.joinSession')} />
                )}
              </Group>
            </li>
          );
        })}
      </Stack>
      {isOver(w) && registration.data?.status === 'registered' && (
        <Anchor component={Link} to={`/workshops/${w.id}/certificate`} mt="sm" display="block" fw={600}>
          {t('workshops.detail.certificate')}
        </Anchor>
      )}
    </Card>
  );
}
