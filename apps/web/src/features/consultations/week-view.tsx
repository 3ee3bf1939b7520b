import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { ActionIcon, Box, Button, Group, SimpleGrid, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import type { Slot } from '@/api/types';
import { formatDate, formatDateTime, formatDayShort, formatTime, localDateKey, zoneLabel } from '@/lib/datetime';
import { useT } from '@/i18n';
import { Empty, QueryState } from '@/ui/states';
import { useSlots } from './queries';
import { addDays, byDay, mondayOf, noonOf, startOfDay, thisMonday, weekDays } from './week';
import classes from './week-view.module.css';

interface WeekViewProps {
  mentorId: string;
  zone: string;
  selected: string | null;
  onPick: (slot: Slot) => void;
  /** Shown above the week (a slot that was just taken). */
  notice?: ReactNode;
}

/**
 * A mentor's free slots, one week at a time in the person's own zone: days as columns on a wide screen,
 * a strip of days and the chosen day's times on a phone.
 */
export function WeekView({ mentorId, zone, selected, onPick, notice }: WeekViewProps) {
  const { t, lang } = useT();
  const first = thisMonday(zone);
  const [monday, setMonday] = useState(() => (selected ? mondayOf(localDateKey(selected, zone)) : first));
  const days = weekDays(monday);
  const slots = useSlots(mentorId, startOfDay(monday, zone), startOfDay(addDays(monday, 7), zone));
  const grouped = useMemo(() => byDay(slots.data ?? [], zone), [slots.data, zone]);
  const [day, setDay] = useState<string | null>(null);
  // The phone's day: kept while it is in this week, else the first day with free slots.
  useEffect(() => {
    if (day && days.includes(day) && (grouped.get(day)?.length || !slots.data)) return;
    setDay(days.find((d) => grouped.has(d)) ?? null);
  }, [grouped]);

  const head = (d: string) => formatDayShort(noonOf(d, zone), lang, zone);
  const range = t('consultations.week.range', { from: `${head(days[0]).day} ${head(days[0]).month}`, to: `${head(days[6]).day} ${head(days[6]).month}` });
  const button = (s: Slot) => (
    <Button
      key={s.start}
      variant={selected === s.start ? 'filled' : 'default'}
      aria-pressed={selected === s.start}
      aria-label={formatDateTime(s.start, lang, zone)}
      onClick={() => onPick(s)}
      data-testid="slot"
      data-start={new Date(s.start).toISOString()}
      fullWidth
      px={4}
    >
      {formatTime(s.start, lang, zone)}
    </Button>
  );

  return (
    <Stack gap="sm" data-testid="week-view">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <ActionIcon variant="default" size="lg" onClick={() => setMonday(addDays(monday, -7))} disabled={monday <= first} aria-label={t('consultations.week.previous')}>
          <IconChevronLeft size={20} aria-hidden />
        </ActionIcon>
        <Stack gap={0} align="center">
          <Text fw={700} aria-live="polite" data-testid="week-range">
            {range}
          </Text>
          <Text size="xs" c="dimmed">
            {t('consultations.week.zone', { zone: zoneLabel(zone, noonOf(monday, zone)) })}
          </Text>
        </Stack>
        <ActionIcon variant="default" size="lg" onClick={() => setMonday(addDays(monday, 7))} aria-label={t('consultations.week.next')} data-testid="next-week">
          <IconChevronRight size={20} aria-hidden />
        </ActionIcon>
      </Group>
      {notice}
      <QueryState query={slots} loading={t('consultations.week.loading')}>
        {(items) =>
          items.length === 0 ? (
            <Empty title={t('consultations.week.emptyWeek')} action={<Button variant="outline" onClick={() => setMonday(addDays(monday, 7))}>{t('consultations.week.tryNextWeek')}</Button>} />
          ) : (
            <>
              <Box hiddenFrom="sm">
                <div className={classes.strip} role="group" aria-label={t('consultations.week.days')} data-testid="day-strip">
                  {days.map((d) => {
                    const h = head(d);
                    const count = grouped.get(d)?.length ?? 0;
                    return (
                      <button key={d} type="button" className={classes.day} aria-pressed={day === d} onClick={() => setDay(d)} data-day={d}>
                        <span className={classes.dayName}>{h.weekday}</span>
                        <span className={classes.dayNumber}>{h.day}</span>
                        <VisuallyHidden>{` ${h.month}, ${t('consultations.week.slotCount', { count })}`}</VisuallyHidden>
                        <span className={`${classes.dot} ${count ? '' : classes.dotEmpty}`} aria-hidden />
                      </button>
                    );
                  })}
                </div>
                {day && (
                  <Stack gap="xs" mt="sm">
                    <Text fw={600} size="sm">
                      {t('consultations.week.slotsOn', { date: formatDate(noonOf(day, zone), lang, zone) })}
                    </Text>
                    {grouped.get(day)?.length ? (
                      <SimpleGrid cols={3} spacing="xs">
                        {grouped.get(day)!.map(button)}
                      </SimpleGrid>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('consultations.week.noSlotsDay')}
                      </Text>
                    )}
                  </Stack>
                )}
              </Box>
              <Box visibleFrom="sm" className={classes.columns}>
                {days.map((d) => {
                  const h = head(d);
                  return (
                    <section key={d} className={classes.column} aria-label={formatDate(noonOf(d, zone), lang, zone)}>
                      <div className={classes.columnHead} aria-hidden>
                        <Text size="sm">{h.weekday}</Text>
                        <Text fw={700}>
                          {h.day} {h.month}
                        </Text>
                      </div>
                      {grouped.get(d)?.map(button) ?? (
                        <Text size="xs" c="dimmed" ta="center">
                          –<VisuallyHidden>{t('consultations.week.noSlotsDay')}</VisuallyHidden>
                        </Text>
                      )}
                    </section>
                  );
                })}
              </Box>
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}
