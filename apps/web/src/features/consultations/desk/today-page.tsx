import { Alert, Anchor, Badge, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Consultation } from '@/api/types';
import { CalendarSubscription } from '@/features/notifications/calendar-subscription';
import { useMe, useZone } from '@/lib/auth';
import { formatDate, formatDateTime, formatTimeRange, localDateKey, zoneLabel } from '@/lib/datetime';
import { useT } from '@/i18n';
import { OPENS_BEFORE_MS, useNow } from '@/ui/join-countdown';
import { StaffPage } from '@/ui/staff-page';
import { Empty, QueryState } from '@/ui/states';
import { useConsultationNotifications } from '../consultations-page';
import { StatusBadge } from '../status-badge';
import { useFollowUps, useToday } from './queries';

function Actions({ c, now }: { c: Consultation; now: Date }) {
  const { t } = useT();
  const start = new Date(c.start).getTime();
  const end = new Date(c.end).getTime();
  const open = c.status === 'booked' && now.getTime() >= start - OPENS_BEFORE_MS && now.getTime() <= end;
  const needsOutcome = c.status === 'booked' && now.getTime() > end;
  const name = c.entrepreneurName ?? '';
  return (
    <Group gap="xs">
      {open ? (
        <Button component={Link} to={`/consultations/${c.id}`} color="teal" size="sm" data-testid="join">
          {t('mentorDesk.today.join')}
        </Button>
      ) : needsOutcome ? (
        <Button component={Link} to={`/consultations/${c.id}`} size="sm">
          {t('mentorDesk.today.writeOutcome')}
        </Button>
      ) : (
        <Button component={Link} to={`/consultations/${c.id}`} variant="outline" size="sm">
          {t('mentorDesk.today.open')}
        </Button>
      )}
      <Button component={Link} to={`/entrepreneurs/${c.entrepreneurId}`} variant="subtle" size="sm" aria-label={t('mentorDesk.today.profileOf', { name })}>
        {t('mentorDesk.today.profile')}
      </Button>
    </Group>
  );
}

function ConsultationItem({ c, now, showDate }: { c: Consultation; now: Date; showDate?: boolean }) {
  const { t, lang } = useT();
  const zone = useZone();
  const live = c.status === 'booked' && now >= new Date(c.start) && now <= new Date(c.end);
  return (
    <Card withBorder padding="sm" component="article" data-testid="desk-consultation" data-id={c.id}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" align="flex-start">
          <Text fw={700}>{showDate ? formatDateTime(c.start, lang, zone) : formatTimeRange(c.start, c.end, lang, zone)}</Text>
          {live ? (
            <Badge color="teal" c="dark.8" variant="light">
              {t('mentorDesk.today.now')}
            </Badge>
          ) : (
            <StatusBadge status={c.status} />
          )}
        </Group>
        <Text fw={600}>
          {t(`common.topics.${c.topic}`)} · {t('mentorDesk.history.with', { name: c.entrepreneurName ?? '' })}
        </Text>
        {c.note && (
          <Text size="sm" c="dimmed" lineClamp={2}>
            {t('mentorDesk.today.note', { note: c.note })}
          </Text>
        )}
        <Actions c={c} now={now} />
      </Stack>
    </Card>
  );
}

function OverdueNotice() {
  const { t } = useT();
  const followUps = useFollowUps();
  const overdue = (followUps.data?.pages ?? []).flatMap((p) => p.items).filter((f) => f.overdue).length;
  if (!overdue) return null;
  return (
    <Alert color="orange" data-testid="overdue-notice">
      <Group gap="xs" justify="space-between">
        <Text size="sm">{t('mentorDesk.today.overdue', { count: overdue })}</Text>
        <Anchor component={Link} to="/mentor/follow-ups" size="sm" fw={600}>
          {t('mentorDesk.today.overdueLink')}
        </Anchor>
      </Group>
    </Alert>
  );
}

function Today() {
  const { t, lang } = useT();
  const { me } = useMe();
  const zone = useZone();
  const now = useNow(30_000);
  const day = localDateKey(now, zone);
  const desk = useToday(me!.id, day, zone);
  useConsultationNotifications();
  return (
    <Stack gap="md" data-testid="today">
      <Text c="dimmed" size="sm">
        {t('mentorDesk.today.date', { date: formatDate(now, lang, zone), zone: zoneLabel(zone, now) })}
      </Text>
      <OverdueNotice />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <QueryState query={desk} loading={t('mentorDesk.today.loading')}>
            {({ today, next }) => (
              <Stack gap="lg">
                <Stack gap="xs" component="section" aria-labelledby="today-heading" data-testid="today-list">
                  <Title order={2} size="h4" id="today-heading">
                    {t('mentorDesk.today.todayHeading')}
                  </Title>
                  {today.length === 0 ? <Empty title={t('mentorDesk.today.emptyToday')}>{t('mentorDesk.today.emptyTodayHint')}</Empty> : today.map((c) => <ConsultationItem key={c.id} c={c} now={now} />)}
                </Stack>
                <Stack gap="xs" component="section" aria-labelledby="next-heading" data-testid="next-list">
                  <Title order={2} size="h4" id="next-heading">
                    {t('mentorDesk.today.nextHeading')}
                  </Title>
                  {next.length === 0 ? <Empty title={t('mentorDesk.today.emptyNext')}>{t('mentorDesk.today.emptyNextHint')}</Empty> : next.map((c) => <ConsultationItem key={c.id} c={c} now={now} showDate />)}
                </Stack>
              </Stack>
            )}
          </QueryState>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }} component="aside" aria-label={t('mentorDesk.today.calendarHeading')}>
          <CalendarSubscription />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** Hari ini: the mentor's consultations today in their zone, the next ones, and the calendar feed. */
export function TodayPage() {
  const { t } = useT();
  return (
    <StaffPage
      area="mentor"
      title={t('mentorDesk.today.title')}
      actions={
        <Button component={Link} to="/mentor/availability" variant="outline" size="sm">
          {t('mentorDesk.today.editHours')}
        </Button>
      }
    >
      <Today />
    </StaffPage>
  );
}
