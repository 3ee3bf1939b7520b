import { ActionIcon, Button, NumberInput, Select, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useZone } from '@/lib/auth';
import { formatDateTime } from '@/lib/datetime';
import { useT } from '@/i18n';
import { useAllKecamatan } from './admin-queries';
import { rowKey, type QuotaRow } from './workshop-form';
import classes from './admin.module.css';

const DAY = 86_400_000;

/** Seats held per kecamatan, and until when: a day before the first session (the api's rule). */
export function QuotaFields({ rows, onChange, firstStart, error }: { rows: QuotaRow[]; onChange: (rows: QuotaRow[]) => void; firstStart: Date | null; error?: string }) {
  const { t, lang } = useT();
  const zone = useZone();
  const kecamatan = useAllKecamatan();
  const data = (kecamatan.data ?? []).map((r) => ({ value: r.code, label: r.name }));
  const set = (key: string, patch: Partial<QuotaRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <Stack gap="xs" data-testid="quotas">
      <Text size="sm" c="dimmed">
        {t('adminWorkshops.form.quotasHint')}
      </Text>
      {rows.map((r, i) => (
        <div key={r.key} className={classes.quotaRow} data-testid="quota-row">
          <Select
            label={`${t('adminWorkshops.form.kecamatan')} ${i + 1}`}
            placeholder={t('adminWorkshops.form.kecamatanPlaceholder')}
            data={data}
            searchable
            value={r.kecamatanCode}
            onChange={(v) => set(r.key, { kecamatanCode: v })}
            nothingFoundMessage="—"
          />
          <NumberInput label={t('adminWorkshops.form.quotaSeats')} min={1} value={r.seats} onChange={(v) => set(r.key, { seats: v === '' ? '' : Number(v) })} />
          <ActionIcon variant="subtle" color="red.9" size="lg" mb={2} aria-label={t('adminWorkshops.form.removeQuota', { n: i + 1 })} onClick={() => onChange(rows.filter((x) => x.key !== r.key))}>
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </div>
      ))}
      {error && (
        <Text size="sm" c="red.9" role="alert">
          {error}
        </Text>
      )}
      {rows.length > 0 && (
        <Text size="sm" data-testid="held-until">
          {firstStart ? t('adminWorkshops.form.quotasHeldUntil', { date: formatDateTime(new Date(firstStart.getTime() - DAY), lang, zone) }) : t('adminWorkshops.form.quotasHeldUntilUnknown')}
        </Text>
      )}
      <div>
        <Button variant="light" size="xs" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onChange([...rows, { key: rowKey(), kecamatanCode: null, seats: 5 }])}>
          {t('adminWorkshops.form.addQuota')}
        </Button>
      </div>
    </Stack>
  );
}
