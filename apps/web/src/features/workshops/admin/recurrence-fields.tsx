import { Card, Chip, Group, Input, NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { formatDateTime, formatTime, zoneLabel } from '@/lib/datetime';
import { useT } from '@/i18n';
import { WEEKDAYS, type SeriesProblem, type Weekday, type WeeklySeries } from './recurrence-builder';
import { previewOf } from './workshop-form';

const FIELD_PROBLEMS: Record<string, SeriesProblem[]> = {
  weekdays: ['weekdays', 'tooMany'],
  time: ['time'],
  duration: ['duration'],
  weeks: ['weeks', 'tooMany'],
  startDate: ['startDate', 'past'],
};

/** The weekly series builder: weekdays, time, duration, weeks and a start date, with every date previewed. */
export function RecurrenceFields({ value, onChange, problems, show, apiErrors }: { value: WeeklySeries; onChange: (v: WeeklySeries) => void; problems: SeriesProblem[]; show: boolean; apiErrors?: string[] }) {
  const { t } = useT();
  const set = (patch: Partial<WeeklySeries>) => onChange({ ...value, ...patch });
  const error = (field: string) => {
    const found = show ? problems.filter((p) => FIELD_PROBLEMS[field].includes(p)) : [];
    return found.length ? found.map((p) => t(`adminWorkshops.form.problems.${p}`)).join(' ') : undefined;
  };
  const weekdayError = error('weekdays');
  return (
    <Stack gap="sm" data-testid="series-builder">
      <div role="group" aria-labelledby="weekdays-label" aria-describedby={weekdayError ? 'weekdays-error' : undefined}>
        <Input.Label id="weekdays-label" display="block" mb={4}>
          {t('adminWorkshops.form.weekdays')}
        </Input.Label>
        <Chip.Group multiple value={value.weekdays.map(String)} onChange={(v) => set({ weekdays: v.map(Number).sort((a, b) => a - b) as Weekday[] })}>
          <Group gap={6}>
            {WEEKDAYS.map((d) => (
              <Chip key={d} value={String(d)} size="sm" variant="outline" color="teal.9">
                {t(`adminWorkshops.weekdaysLong.${d}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        {weekdayError && (
          <Text size="xs" c="red.9" mt={4} id="weekdays-error">
            {weekdayError}
          </Text>
        )}
      </div>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <TextInput type="time" label={t('adminWorkshops.form.time')} value={value.time} onChange={(e) => set({ time: e.currentTarget.value })} error={error('time')} required />
        <NumberInput label={t('adminWorkshops.form.duration')} value={value.durationMinutes} onChange={(v) => set({ durationMinutes: Number(v) || 0 })} min={15} max={720} step={15} error={error('duration')} required />
        <NumberInput label={t('adminWorkshops.form.weeks')} value={value.weeks} onChange={(v) => set({ weeks: Number(v) || 0 })} min={1} max={60} error={error('weeks')} required />
        <TextInput type="date" label={t('adminWorkshops.form.startDate')} value={value.startDate} onChange={(e) => set({ startDate: e.currentTarget.value })} error={error('startDate')} required />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('adminWorkshops.form.zoneNote', { zone: `${zoneLabel(value.zone)} (${value.zone})` })}
      </Text>
      {apiErrors && apiErrors.length > 0 && (
        <Text size="sm" c="red.9" role="alert">
          {apiErrors.join(' ')}
        </Text>
      )}
      <SeriesPreview series={value} />
    </Stack>
  );
}

function SeriesPreview({ series }: { series: WeeklySeries }) {
  const { t, lang } = useT();
  const sessions = previewOf(series);
  return (
    <Card withBorder bg="gray.0" component="section" aria-labelledby="preview-title" data-testid="series-preview">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5" id="preview-title">
          {t('adminWorkshops.form.preview')}
        </Title>
        {sessions.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('adminWorkshops.form.previewCount', { count: sessions.length })}
          </Text>
        )}
      </Group>
      {sessions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('adminWorkshops.form.previewEmpty')}
        </Text>
      ) : (
        <Stack component="ol" gap={4} m={0} p={0} style={{ listStyle: 'none' }} aria-live="polite">
          {sessions.map((s, i) => (
            <Text component="li" size="sm" key={s.start.toISOString()} data-testid="preview-session">
              <Text span fw={600}>
                {t('adminWorkshops.form.previewSession', { n: i + 1 })}{' '}
              </Text>
              <span data-testid="preview-date">{formatDateTime(s.start, lang, series.zone)}</span>
              <Text span c="dimmed">
                {` · ${t('adminWorkshops.form.previewEnd', { time: formatTime(s.end, lang, series.zone) })}`}
              </Text>
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}
