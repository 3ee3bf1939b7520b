import { useState } from 'react';
import { Checkbox, Group, Pill, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useT } from '@/i18n';
import { Loading } from '@/ui/states';
import { useRegions } from '@/features/auth/region-picker';
import { kecamatanOf, useKecamatanOptions, useKelurahanNames } from '@/features/regions/queries';

const selectProps = { searchable: true, clearable: true, comboboxProps: { withinPortal: true } } as const;

/** The directory's area filter: a kecamatan (grouped by kota), then optionally one of its kelurahan. */
export function AreaFilter({ kecamatan, kelurahan, onChange }: { kecamatan: string | null; kelurahan: string | null; onChange: (v: { kecamatanCode: string | null; kelurahanCode: string | null }) => void }) {
  const { t } = useT();
  const options = useKecamatanOptions();
  const children = useRegions('kelurahan', kecamatan ?? undefined);
  return (
    <>
      <Select
        {...selectProps}
        label={t('people.kecamatan')}
        placeholder={t('people.anyKecamatan')}
        nothingFoundMessage={t('people.nothingFound')}
        data={options.groups}
        value={kecamatan}
        disabled={options.isPending}
        onChange={(v) => onChange({ kecamatanCode: v, kelurahanCode: null })}
      />
      <Select
        {...selectProps}
        label={t('people.kelurahan')}
        placeholder={kecamatan ? t('people.anyKelurahan') : t('people.pickKecamatanFirst')}
        nothingFoundMessage={t('people.nothingFound')}
        data={(children.data ?? []).map((k) => ({ value: k.code, label: k.name }))}
        value={kelurahan}
        disabled={!kecamatan}
        onChange={(v) => onChange({ kecamatanCode: kecamatan, kelurahanCode: v })}
      />
    </>
  );
}

/**
 * A mentor's kelurahan: browse one kecamatan at a time and tick its kelurahan; what is ticked, in any
 * kecamatan, shows below as removable pills.
 */
export function KelurahanAssignment({ value, onChange, error }: { value: string[]; onChange: (codes: string[]) => void; error?: string }) {
  const { t } = useT();
  const options = useKecamatanOptions();
  const [kecamatan, setKecamatan] = useState<string | null>(value[0] ? kecamatanOf(value[0]) : null);
  const children = useRegions('kelurahan', kecamatan ?? undefined);
  const names = useKelurahanNames(value.map(kecamatanOf));
  const toggle = (code: string, on: boolean) => onChange(on ? [...value, code].sort() : value.filter((c) => c !== code));
  return (
    <Stack gap="xs" data-testid="kelurahan-assignment">
      <Select
        {...selectProps}
        clearable={false}
        withAsterisk
        label={t('people.mentor.kelurahan')}
        description={t('people.mentor.kelurahanHint')}
        placeholder={t('people.kecamatan')}
        nothingFoundMessage={t('people.nothingFound')}
        data={options.groups}
        value={kecamatan}
        disabled={options.isPending}
        onChange={setKecamatan}
        error={error}
      />
      {kecamatan && children.isPending && <Loading />}
      {kecamatan && children.data && (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing={6}>
          {children.data.map((k) => (
            <Checkbox key={k.code} label={k.name} checked={value.includes(k.code)} onChange={(e) => toggle(k.code, e.currentTarget.checked)} />
          ))}
        </SimpleGrid>
      )}
      {value.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('people.mentor.assigned', { count: value.length })}
          </Text>
          <Group gap={6} data-testid="assigned">
            {value.map((code) => (
              // Mantine hides a pill's remove button from keyboards and screen readers; here it is the way to remove one.
              <Pill key={code} size="md" withRemoveButton onRemove={() => toggle(code, false)} removeButtonProps={{ 'aria-hidden': false, tabIndex: 0, 'aria-label': t('people.mentor.remove', { name: names.get(code) ?? code }) }}>
                {names.get(code) ?? code}
              </Pill>
            ))}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
