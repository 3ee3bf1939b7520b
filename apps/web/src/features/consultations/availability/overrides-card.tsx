import { useState } from 'react';
import { ActionIcon, Alert, Button, Card, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconTrash } from '@tabler/icons-react';
import 'dayjs/locale/id';
import '@mantine/dates/styles.css';
import type { Availability, ClockRange } from '@/api/types';
import { formatDate, localDateKey, type Lang } from '@/lib/datetime';
import { useT } from '@/i18n';
import { ErrorState } from '@/ui/states';
import { addDays, noonOf } from '../week';
import { fieldRanges, rangeProblems, WORKDAY } from './form';
import { useSetOverride } from './queries';
import { RangesEditor } from './ranges-editor';
import classes from './availability.module.css';

/** `09:00` as the person reads it: 09.00 in Indonesian. */
export const clockText = (clock: string, lang: Lang) => (lang === 'id' ? clock.replace(':', '.') : clock);
const rangesText = (ranges: ClockRange[], lang: Lang) => ranges.map((r) => `${clockText(r.start, lang)}–${clockText(r.end, lang)}`).join(', ');
const weekdayOf = (date: string) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** Date overrides: pick a date on the calendar, make it a day off or give it its own hours; the list of upcoming ones. */
export function OverridesCard({ mentorId, availability }: { mentorId: string; availability: Availability }) {
  const { t, lang } = useT();
  const zone = availability.timezone;
  const today = localDateKey(new Date(), zone);
  const byDate = new Map(availability.overrides.map((o) => [o.date, o.ranges]));
  const [date, setDate] = useState<string | null>(null);
  const [kind, setKind] = useState<'off' | 'special'>('off');
  const [ranges, setRanges] = useState<ClockRange[]>([{ ...WORKDAY }]);
  const [done, setDone] = useState<'saved' | 'removed' | null>(null);
  const change = useSetOverride(mentorId);
  const name = (d: string) => formatDate(noonOf(d, zone), lang, zone);

  const pick = (d: string | null) => {
    setDate(d);
    setDone(null);
    change.reset();
    if (!d) return;
    const existing = byDate.get(d);
    const weekly = fieldRanges(availability.weekly.filter((r) => r.weekday === weekdayOf(d)));
    setKind(existing && existing.length ? 'special' : 'off');
    setRanges(existing?.length ? fieldRanges(existing) : weekly.length ? weekly : [{ ...WORKDAY }]);
  };
  const save = (d: string, value: ClockRange[] | null) => change.mutate({ date: d, ranges: value }, { onSuccess: () => setDone(value ? 'saved' : 'removed') });
  const invalid = kind === 'special' && rangeProblems(ranges).some(Boolean);

  return (
    <Card withBorder component="section" aria-labelledby="overrides-title" data-testid="overrides">
      <Stack gap="sm">
        <Title order={2} size="h4" id="overrides-title">
          {t('availability.overrides.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('availability.overrides.intro')}
        </Text>
        <Group align="flex-start" gap="lg">
          <DatePicker
            aria-label={t('availability.overrides.calendar')}
            value={date}
            onChange={pick}
            minDate={today}
            maxDate={addDays(today, 365)}
            maxLevel="month"
            locale={lang}
            firstDayOfWeek={1}
            weekendDays={[]}
            nextLabel={t('availability.overrides.nextMonth')}
            previousLabel={t('availability.overrides.previousMonth')}
            getDayAriaLabel={(d) => (byDate.has(d) ? `${name(d)}, ${byDate.get(d)!.length ? rangesText(byDate.get(d)!, lang) : t('availability.overrides.off')}` : name(d))}
            getDayProps={(d) => (byDate.has(d) ? { className: classes.override, 'data-override': d } : {})}
          />
          {date && (
            <Stack gap="sm" style={{ flex: '1 1 16rem' }} data-testid="override-editor">
              <Text fw={600}>{t('availability.overrides.chosen', { date: name(date) })}</Text>
              <Radio.Group label={t('availability.overrides.kind')} value={kind} onChange={(v) => setKind(v as 'off' | 'special')}>
                <Stack gap={6} mt={4}>
                  <Radio value="off" label={t('availability.overrides.dayOff')} />
                  <Radio value="special" label={t('availability.overrides.special')} />
                </Stack>
              </Radio.Group>
              {kind === 'special' && <RangesEditor day={name(date)} ranges={ranges} onChange={setRanges} />}
              {change.error && <ErrorState error={change.error} />}
              <Group gap="xs">
                <Button onClick={() => save(date, kind === 'off' ? [] : ranges)} loading={change.isPending} disabled={invalid}>
                  {t('availability.overrides.save')}
                </Button>
              </Group>
            </Stack>
          )}
        </Group>
        {done && (
          <Alert color="teal" role="status" py="xs">
            {t(`availability.overrides.${done}`)}
          </Alert>
        )}
        <Title order={3} size="h5" mt="xs">
          {t('availability.overrides.list')}
        </Title>
        {availability.overrides.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('availability.overrides.empty')}
          </Text>
        ) : (
          <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {availability.overrides.map((o) => (
              <Group key={o.date} component="li" justify="space-between" wrap="nowrap" gap="xs" data-testid="override" data-date={o.date}>
                <div>
                  <Text size="sm" fw={600}>
                    {name(o.date)}
                  </Text>
                  <Text size="sm">{o.ranges.length ? rangesText(o.ranges, lang) : t('availability.overrides.off')}</Text>
                </div>
                <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('availability.overrides.remove', { date: name(o.date) })} onClick={() => save(o.date, null)}>
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
