import { useEffect, useState, type ReactNode } from 'react';
import { ActionIcon, Box, Group, SimpleGrid, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { formatDate, formatDayShort, zoneLabel } from '@/lib/datetime';
import { useT } from '@/i18n';
import { addDays, noonOf } from './week';
import classes from './week-view.module.css';

/** "7 Des – 13 Des", with the arrows to the weeks around it and the zone the times are in. */
export function WeekHeader({ monday, zone, onChange, first }: { monday: string; zone: string; onChange: (monday: string) => void; first?: string }) {
  const { t, lang } = useT();
  const head = (d: string) => formatDayShort(noonOf(d, zone), lang, zone);
  const [a, b] = [head(monday), head(addDays(monday, 6))];
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <ActionIcon variant="default" size="lg" onClick={() => onChange(addDays(monday, -7))} disabled={!!first && monday <= first} aria-label={t('consultations.week.previous')} data-testid="previous-week">
        <IconChevronLeft size={20} aria-hidden />
      </ActionIcon>
      <Stack gap={0} align="center">
        <Text fw={700} aria-live="polite" data-testid="week-range">
          {t('consultations.week.range', { from: `${a.day} ${a.month}`, to: `${b.day} ${b.month}` })}
        </Text>
        <Text size="xs" c="dimmed" data-testid="week-zone">
          {t('consultations.week.zone', { zone: zoneLabel(zone, noonOf(monday, zone)) })}
        </Text>
      </Stack>
      <ActionIcon variant="default" size="lg" onClick={() => onChange(addDays(monday, 7))} aria-label={t('consultations.week.next')} data-testid="next-week">
        <IconChevronRight size={20} aria-hidden />
      </ActionIcon>
    </Group>
  );
}

interface WeekDaysProps<T> {
  days: string[];
  zone: string;
  grouped: Map<string, T[]>;
  render: (item: T) => ReactNode;
  /** Items of one day on a phone: a grid of this many columns (1 for cards). */
  phoneColumns?: number;
  labels: { dayHeading: (date: string) => string; count: (count: number) => string; noneOnDay: string };
}

/**
 * Seven days of items: columns on a wide screen; on a phone, a strip of days (a dot where there is
 * something) and the chosen day's items. The phone's day stays while it is in the week, else the first
 * day with items.
 */
export function WeekDays<T>({ days, zone, grouped, render, phoneColumns = 3, labels }: WeekDaysProps<T>) {
  const { t, lang } = useT();
  const [day, setDay] = useState<string | null>(null);
  useEffect(() => {
    if (day && days.includes(day) && grouped.get(day)?.length) return;
    setDay(days.find((d) => grouped.has(d)) ?? days[0]);
  }, [grouped, days[0]]);
  const head = (d: string) => formatDayShort(noonOf(d, zone), lang, zone);
  const items = (d: string) => grouped.get(d) ?? [];
  return (
    <>
      <Box hiddenFrom="sm">
        <div className={classes.strip} role="group" aria-label={t('consultations.week.days')} data-testid="day-strip">
          {days.map((d) => {
            const h = head(d);
            const count = items(d).length;
            return (
              <button key={d} type="button" className={classes.day} aria-pressed={day === d} onClick={() => setDay(d)} data-day={d}>
                <span className={classes.dayName}>{h.weekday}</span>
                <span className={classes.dayNumber}>{h.day}</span>
                <VisuallyHidden>{` ${h.month}, ${labels.count(count)}`}</VisuallyHidden>
                <span className={`${classes.dot} ${count ? '' : classes.dotEmpty}`} aria-hidden />
              </button>
            );
          })}
        </div>
        {day && (
          <Stack gap="xs" mt="sm">
            <Text fw={600} size="sm">
              {labels.dayHeading(formatDate(noonOf(day, zone), lang, zone))}
            </Text>
            {items(day).length ? (
              <SimpleGrid cols={phoneColumns} spacing="xs">
                {items(day).map(render)}
              </SimpleGrid>
            ) : (
              <Text size="sm" c="dimmed">
                {labels.noneOnDay}
              </Text>
            )}
          </Stack>
        )}
      </Box>
      <Box visibleFrom="sm" className={classes.columns}>
        {days.map((d) => {
          const h = head(d);
          return (
            <section key={d} className={classes.column} aria-label={formatDate(noonOf(d, zone), lang, zone)} data-column={d}>
              <div className={classes.columnHead} aria-hidden>
                <Text size="sm">{h.weekday}</Text>
                <Text fw={700}>
                  {h.day} {h.month}
                </Text>
              </div>
              {items(d).length ? (
                items(d).map(render)
              ) : (
                <Text size="xs" c="dimmed" ta="center">
                  –<VisuallyHidden>{labels.noneOnDay}</VisuallyHidden>
                </Text>
              )}
            </section>
          );
        })}
      </Box>
    </>
  );
}
