import { Select, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { Page, Region } from '@/api/types';
import { useT } from '@/i18n';

/** Children of a region at one level (a kota's kecamatan, a kecamatan's kelurahan), cached per parent. */
export function useRegions(level: Region['level'], parent?: string) {
  return useQuery({
    queryKey: ['regions', level, parent ?? null],
    enabled: level === 'kota' || !!parent,
    staleTime: 60 * 60_000,
    queryFn: async () => {
      const items: Region[] = [];
      let cursor: string | undefined;
      do {
        const page = (await unwrap<Page<Region>>(api.GET('/api/regions', { params: { query: { level, parent, limit: 100, cursor } } })));
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
  });
}

export interface RegionValue {
  kota: string | null;
  kecamatan: string | null;
  kelurahan: string | null;
}

/** The codes above a kelurahan code: 31.71.01.1001 → kota 31.71, kecamatan 31.71.01. */
export function regionFromKelurahan(code: string | null | undefined): RegionValue {
  if (!code) return { kota: null, kecamatan: null, kelurahan: null };
  const parts = code.split('.');
  return { kota: parts.slice(0, 2).join('.'), kecamatan: parts.slice(0, 3).join('.'), kelurahan: code };
}

/** Kota → kecamatan → kelurahan, each searchable; a choice clears the levels below it. */
export function RegionPicker({ value, onChange, error }: { value: RegionValue; onChange: (v: RegionValue) => void; error?: string }) {
  const { t } = useT();
  const kota = useRegions('kota');
  const kecamatan = useRegions('kecamatan', value.kota ?? undefined);
  const kelurahan = useRegions('kelurahan', value.kecamatan ?? undefined);
  const options = (q: { data?: Region[] }) => (q.data ?? []).map((r) => ({ value: r.code, label: r.name }));
  const common = { searchable: true, nothingFoundMessage: t('auth.register.nothingFound'), comboboxProps: { withinPortal: true }, allowDeselect: false } as const;
  return (
    <Stack gap="sm">
      <Select {...common} label={t('auth.register.kota')} placeholder={t('auth.register.searchPlaceholder')} data={options(kota)} value={value.kota} required disabled={kota.isPending} onChange={(v) => onChange({ kota: v, kecamatan: null, kelurahan: null })} />
      <Select
        {...common}
        label={t('auth.register.kecamatan')}
        placeholder={value.kota ? t('auth.register.searchPlaceholder') : t('auth.register.pickKotaFirst')}
        data={options(kecamatan)}
        value={value.kecamatan}
        required
        disabled={!value.kota}
        onChange={(v) => onChange({ ...value, kecamatan: v, kelurahan: null })}
      />
      <Select
        {...common}
        label={t('auth.register.kelurahan')}
        placeholder={value.kecamatan ? t('auth.register.searchPlaceholder') : t('auth.register.pickKecamatanFirst')}
        data={options(kelurahan)}
        value={value.kelurahan}
        required
        disabled={!value.kecamatan}
        error={error}
        onChange={(v) => onChange({ ...value, kelurahan: v })}
      />
    </Stack>
  );
}
