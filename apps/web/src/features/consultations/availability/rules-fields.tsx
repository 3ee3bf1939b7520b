import { NativeSelect, SimpleGrid } from '@mantine/core';
import { useT } from '@/i18n';
import type { AvailabilityForm } from './form';

type Rules = Pick<AvailabilityForm, 'slotMinutes' | 'bufferMinutes' | 'minNoticeMinutes' | 'horizonDays' | 'dailyCap'>;

const SLOTS = [15, 20, 30, 45, 60, 90, 120];
const BUFFERS = [0, 5, 10, 15, 30, 60];
const NOTICES = [0, 30, 60, 120, 240, 720, 1440, 2880];
const HORIZONS = [7, 14, 30, 60, 90];
const CAPS = [1, 2, 3, 4, 5, 6, 8, 10];

/** The booking rules as native selects (a phone's own list); a stored value outside the presets stays offered. */
export function RulesFields({ value, onChange }: { value: Rules; onChange: (patch: Partial<Rules>) => void }) {
  const { t } = useT();
  const duration = (m: number) => (m >= 1440 && m % 1440 === 0 ? t('availability.rules.days', { count: m / 1440 }) : m >= 60 && m % 60 === 0 ? t('availability.rules.hours', { count: m / 60 }) : t('availability.rules.minutes', { count: m }));
  const options = (presets: number[], current: number, label: (n: number) => string) =>
    [...new Set([...presets, current])].sort((a, b) => a - b).map((n) => ({ value: String(n), label: label(n) }));
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      <NativeSelect label={t('availability.rules.slot')} data={options(SLOTS, value.slotMinutes, duration)} value={String(value.slotMinutes)} onChange={(e) => onChange({ slotMinutes: Number(e.currentTarget.value) })} />
      <NativeSelect
        label={t('availability.rules.buffer')}
        data={options(BUFFERS, value.bufferMinutes, (n) => (n ? duration(n) : t('availability.rules.none')))}
        value={String(value.bufferMinutes)}
        onChange={(e) => onChange({ bufferMinutes: Number(e.currentTarget.value) })}
      />
      <NativeSelect
        label={t('availability.rules.notice')}
        description={t('availability.rules.noticeHint')}
        data={options(NOTICES, value.minNoticeMinutes, (n) => (n ? duration(n) : t('availability.rules.noNotice')))}
        value={String(value.minNoticeMinutes)}
        onChange={(e) => onChange({ minNoticeMinutes: Number(e.currentTarget.value) })}
      />
      <NativeSelect
        label={t('availability.rules.horizon')}
        data={options(HORIZONS, value.horizonDays, (n) => t('availability.rules.daysAhead', { count: n }))}
        value={String(value.horizonDays)}
        onChange={(e) => onChange({ horizonDays: Number(e.currentTarget.value) })}
      />
      <NativeSelect
        label={t('availability.rules.cap')}
        data={[{ value: '', label: t('availability.rules.noCap') }, ...options(CAPS, value.dailyCap ?? CAPS[0], (n) => t('availability.rules.perDay', { count: n }))]}
        value={value.dailyCap === null ? '' : String(value.dailyCap)}
        onChange={(e) => onChange({ dailyCap: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
      />
    </SimpleGrid>
  );
}
