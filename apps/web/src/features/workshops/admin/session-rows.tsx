import { ActionIcon, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useT } from '@/i18n';
import { MAX_SESSIONS } from './recurrence-builder';
import { newSession, type SessionRow } from './workshop-form';
import classes from './admin.module.css';

/** Sessions one by one: date, start and duration each; a session that has started is shown but locked. */
export function SessionRows({ rows, onChange, zone }: { rows: SessionRow[]; onChange: (rows: SessionRow[]) => void; zone: string }) {
  const { t } = useT();
  const set = (key: string, patch: Partial<SessionRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <Stack gap="xs" data-testid="session-rows">
      {rows.map((r, i) => (
        <div key={r.key} className={classes.sessionRow} data-testid="session-row">
          <TextInput type="date" label={t('adminWorkshops.form.sessionDate', { n: i + 1 })} value={r.date} disabled={r.started} onChange={(e) => set(r.key, { date: e.currentTarget.value })} required />
          <TextInput type="time" label={t('adminWorkshops.form.sessionTime', { n: i + 1 })} value={r.time} disabled={r.started} onChange={(e) => set(r.key, { time: e.currentTarget.value })} required />
          <NumberInput
            label={t('adminWorkshops.form.sessionDuration', { n: i + 1 })}
            value={r.durationMinutes}
            disabled={r.started}
            min={15}
            max={720}
            step={15}
            onChange={(v) => set(r.key, { durationMinutes: Number(v) || 0 })}
            required
          />
          {r.started ? (
            <Text size="xs" c="dimmed" className={classes.rowAction}>
              {t('adminWorkshops.form.sessionStarted')}
            </Text>
          ) : (
            <ActionIcon
              variant="subtle"
              color="red.9"
              size="lg"
              className={classes.rowAction}
              aria-label={t('adminWorkshops.form.removeSession', { n: i + 1 })}
              disabled={rows.length <= 1}
              onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          )}
        </div>
      ))}
      <Group>
        <Button variant="light" size="xs" leftSection={<IconPlus size={16} aria-hidden />} disabled={rows.length >= MAX_SESSIONS} onClick={() => onChange([...rows, nextAfter(rows, zone)])}>
          {t('adminWorkshops.form.addSession')}
        </Button>
      </Group>
    </Stack>
  );
}

/** A new row a week after the last one, at the same time and length (how series usually go on). */
function nextAfter(rows: SessionRow[], zone: string): SessionRow {
  const last = rows[rows.length - 1];
  if (!last || !/^\d{4}-\d{2}-\d{2}$/.test(last.date)) return newSession(zone);
  const date = new Date(`${last.date}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 7);
  return { ...newSession(zone), date: date.toISOString().slice(0, 10), time: last.time, durationMinutes: last.durationMinutes };
}
