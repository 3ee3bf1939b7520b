import { useMemo } from 'react';
import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { formatDate, formatTime, localDateKey, zoneLabel } from '@/lib/datetime';
import { useT } from '@/i18n';
import { Empty, QueryState } from '@/ui/states';
import { useSlots } from '../queries';
import { addDays, byDay, noonOf, startOfDay } from '../week';
import classes from './availability.module.css';

/**
 * The free slots entrepreneurs are offered in the next 7 days, read from the api's slots (what they
 * will see, bookings, notice and the daily cap included), in the mentor's zone.
 */
export function SlotPreview({ mentorId, zone, unsaved }: { mentorId: string; zone: string; unsaved: boolean }) {
  const { t, lang } = useT();
  const today = localDateKey(new Date(), zone);
  const days = Array.from({ length: 7 }, (_, i) => addDays(today, i));
  const slots = useSlots(mentorId, startOfDay(today, zone), startOfDay(addDays(today, 7), zone));
  const grouped = useMemo(() => byDay(slots.data ?? [], zone), [slots.data, zone]);
  return (
    <Card withBorder component="section" aria-labelledby="preview-title" data-testid="slot-preview">
      <Stack gap="sm">
        <Title order={2} size="h4" id="preview-title">
          {t('availability.preview.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('availability.preview.intro', { zone: zoneLabel(zone) })}
        </Text>
        {unsaved && (
          <Alert color="yellow" py="xs">
            {t('availability.preview.unsaved')}
          </Alert>
        )}
        <QueryState query={slots} loading={t('consultations.week.loading')}>
          {(items) =>
            items.length === 0 ? (
              <Empty title={t('availability.preview.empty')} />
            ) : (
              <ul className={classes.previewDays} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {days.map((d) => {
                  const daySlots = grouped.get(d) ?? [];
                  return (
                    <li key={d} data-testid="preview-day" data-day={d}>
                      <Text size="sm" fw={600}>
                        {formatDate(noonOf(d, zone), lang, zone)}
                      </Text>
                      {daySlots.length ? (
                        <div className={classes.chips}>
                          {daySlots.map((s) => (
                            <Text key={s.start} component="span" size="sm" px={8} py={2} bd="1px solid var(--mantine-color-gray-4)" bdrs="sm" data-testid="preview-slot">
                              {formatTime(s.start, lang, zone)}
                            </Text>
                          ))}
                        </div>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('availability.preview.none')}
                        </Text>
                      )}
                    </li>
                  );
                })}
              </ul>
            )
          }
        </QueryState>
      </Stack>
    </Card>
  );
}
