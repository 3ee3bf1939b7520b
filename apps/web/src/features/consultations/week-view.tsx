import { useMemo, useState, type ReactNode } from 'react';
import { Button, Stack } from '@mantine/core';
import type { Slot } from '@/api/types';
import { formatDateTime, formatTime, localDateKey } from '@/lib/datetime';
import { useT } from '@/i18n';
import { Empty, QueryState } from '@/ui/states';
import { useSlots } from './queries';
import { addDays, byDay, mondayOf, startOfDay, thisMonday, weekDays } from './week';
import { WeekDays, WeekHeader } from './week-days';

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
      <WeekHeader monday={monday} zone={zone} onChange={setMonday} first={first} />
      {notice}
      <QueryState query={slots} loading={t('consultations.week.loading')}>
        {(items) =>
          items.length === 0 ? (
            <Empty title={t('consultations.week.emptyWeek')} action={<Button variant="outline" onClick={() => setMonday(addDays(monday, 7))}>{t('consultations.week.tryNextWeek')}</Button>} />
          ) : (
            <WeekDays
              days={days}
              zone={zone}
              grouped={grouped}
              render={button}
              labels={{ dayHeading: (date) => t('consultations.week.slotsOn', { date }), count: (count) => t('consultations.week.slotCount', { count }), noneOnDay: t('consultations.week.noSlotsDay') }}
            />
          )
        }
      </QueryState>
    </Stack>
  );
}
