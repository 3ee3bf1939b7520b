import { ActionIcon, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ClockRange } from '@/api/types';
import { useT } from '@/i18n';
import { clockOptions, nextRange, rangeProblems } from './form';
import classes from './availability.module.css';

/**
 * One day's ranges: start and end as native selects in quarter hours (the phone's own list, 24-hour
 * times as people here write them, and 24.00 for midnight), remove, add.
 */
export function RangesEditor({ day, ranges, onChange }: { day: string; ranges: ClockRange[]; onChange: (ranges: ClockRange[]) => void }) {
  const { t, lang } = useT();
  const problems = rangeProblems(ranges);
  const set = (i: number, patch: Partial<ClockRange>) => onChange(ranges.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack gap={6}>
      {ranges.map((r, i) => {
        const n = i + 1;
        const problem = problems[i];
        return (
          <div key={i}>
            <Group gap={6} wrap="nowrap" data-testid="range">
              <NativeSelect
                aria-label={t('availability.weekly.from', { day, n })}
                data={clockOptions('start', r.start, lang)}
                value={r.start}
                onChange={(e) => set(i, { start: e.currentTarget.value })}
                error={!!problem}
                className={classes.time}
              />
              <Text aria-hidden>–</Text>
              <NativeSelect
                aria-label={t('availability.weekly.to', { day, n })}
                data={clockOptions('end', r.end, lang)}
                value={r.end}
                onChange={(e) => set(i, { end: e.currentTarget.value })}
                error={!!problem}
                className={classes.time}
              />
              <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('availability.weekly.remove', { day, n })} onClick={() => onChange(ranges.filter((_, j) => j !== i))} disabled={ranges.length === 1}>
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
            {problem && (
              <Text size="xs" c="red.9" mt={2} role="alert">
                {t(`availability.weekly.${problem}`)}
              </Text>
            )}
          </div>
        );
      })}
      <div>
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onChange([...ranges, nextRange(ranges)])} aria-label={t('availability.weekly.add', { day })} disabled={ranges.length >= 10}>
          {t('availability.weekly.addShort')}
        </Button>
      </div>
    </Stack>
  );
}
