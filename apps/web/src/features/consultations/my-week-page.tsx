import { useMemo, useState } from 'react';
import { Anchor, Button, Card, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '@/api/client';
import type { Consultation, ConsultationPage } from '@/api/types';
import { useMe, useZone } from '@/lib/auth';
import { formatTimeRange } from '@/lib/datetime';
import { useT } from '@/i18n';
import { RequireRole } from '@/ui/require-role';
import { StaffPage } from '@/ui/staff-page';
import { Empty, QueryState } from '@/ui/states';
import { useConsultationNotifications } from './consultations-page';
import { consultationKeys } from './keys';
import { StatusBadge } from './status-badge';
import { addDays, byDay, startOfDay, thisMonday, weekDays } from './week';
import { WeekDays, WeekHeader } from './week-days';

/** My consultations as the mentor that start in [from, to), every page of them. */
function useMentorWeek(mentorId: string, from: Date, to: Date) {
  return useQuery({
    queryKey: consultationKeys.mentorWeek(from.toISOString()),
    queryFn: async () => {
      const items: Consultation[] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap<ConsultationPage>(api.GET('/api/consultations', { params: { query: { from: from.toISOString(), to: to.toISOString(), limit: 100, cursor } } }));
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items.filter((c) => c.mentorId === mentorId);
    },
  });
}

function ConsultationCard({ c, zone }: { c: Consultation; zone: string }) {
  const { t, lang } = useT();
  const time = formatTimeRange(c.start, c.end, lang, zone);
  const topic = t(`common.topics.${c.topic}`);
  const name = c.entrepreneurName ?? '';
  return (
    <Card withBorder padding="xs" component="article" data-testid="week-consultation" data-id={c.id} data-start={new Date(c.start).toISOString()}>
      <Stack gap={4}>
        <Text size="sm" fw={700}>
          {time}
        </Text>
        <Anchor component={Link} to={`/consultations/${c.id}`} size="sm" fw={600} aria-label={t('availability.week.open', { topic, name, time })}>
          {topic}
        </Anchor>
        <Text size="xs">{t('availability.week.with', { name })}</Text>
        <div>
          <StatusBadge status={c.status} />
        </div>
      </Stack>
    </Card>
  );
}

function MyWeek() {
  const { t } = useT();
  const { me } = useMe();
  const zone = useZone();
  const [monday, setMonday] = useState(() => thisMonday(zone));
  const days = weekDays(monday);
  const week = useMentorWeek(me!.id, startOfDay(monday, zone), startOfDay(addDays(monday, 7), zone));
  const grouped = useMemo(() => byDay(week.data ?? [], zone), [week.data, zone]);
  useConsultationNotifications();
  return (
    <StaffPage
      area="mentor"
      title={t('availability.week.title')}
      actions={
        <Button component={Link} to="/mentor/availability" variant="outline" size="sm">
          {t('availability.week.editHours')}
        </Button>
      }
    >
      <Stack gap="sm" data-testid="my-week">
        <WeekHeader monday={monday} zone={zone} onChange={setMonday} />
        <QueryState query={week} loading={t('availability.week.loading')}>
          {(items) =>
            items.length === 0 ? (
              <Empty title={t('availability.week.empty')}>{t('availability.week.emptyHint')}</Empty>
            ) : (
              <WeekDays
                days={days}
                zone={zone}
                grouped={grouped}
                phoneColumns={1}
                render={(c) => <ConsultationCard key={c.id} c={c} zone={zone} />}
                labels={{ dayHeading: (date) => t('availability.week.onDay', { date }), count: (count) => t('availability.week.count', { count }), noneOnDay: t('availability.week.noneOnDay') }}
              />
            )
          }
        </QueryState>
      </Stack>
    </StaffPage>
  );
}

/** Jadwal saya: the mentor's consultations, one week at a time (one day at a time on a phone), in their zone. */
export function MyWeekPage() {
  return (
    <RequireRole roles={['mentor']}>
      <MyWeek />
    </RequireRole>
  );
}
