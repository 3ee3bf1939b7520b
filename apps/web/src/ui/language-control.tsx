import { useId } from 'react';
import { SegmentedControl, Stack, Text } from '@mantine/core';
import type { Lang } from '@/lib/datetime';
import { useT } from '@/i18n';

/** Indonesian or English, as a labelled two-way switch (profile and notification settings). */
export function LanguageControl({ label, value, onChange }: { label: string; value: Lang; onChange: (lang: Lang) => void }) {
  const { t } = useT();
  const id = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={id}>
        {label}
      </Text>
      <SegmentedControl aria-labelledby={id} value={value} onChange={(v) => onChange(v as Lang)} data={(['id', 'en'] as const).map((l) => ({ value: l, label: t(`common.languages.${l}`) }))} />
    </Stack>
  );
}
