import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { Page, Region } from '@/api/types';
import { reportKeys } from './keys';

export function useFunnel(period: { from: string; to: string } | null, kecamatan: string | null) {
  return useQuery({
    queryKey: reportKeys.funnel(period?.from ?? '', period?.to ?? '', kecamatan),
    enabled: period !== null,
    queryFn: () =>
      unwrap(api.GET('/api/admin/reports/funnel', { params: { query: { from: period!.from, to: period!.to, ...(kecamatan && { kecamatanCode: kecamatan }) } } })),
  });
}

async function allRegions(level: 'kota' | 'kecamatan'): Promise<Region[]> {
  const items: Region[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap<Page<Region>>(api.GET('/api/regions', { params: { query: { level, limit: 100, cursor } } }));
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** DKI's kecamatan grouped under their kota, for the filter; regions change rarely. */
export function useKecamatanGroups() {
  return useQuery({
    queryKey: reportKeys.kecamatan,
    staleTime: 60 * 60_000,
    queryFn: async () => {
      const [kota, kecamatan] = await Promise.all([allRegions('kota'), allRegions('kecamatan')]);
      const byName = (a: Region, b: Region) => a.name.localeCompare(b.name, 'id');
      return kota
        .sort(byName)
        .map((k) => ({ group: k.name.replace(/^(Kota|Kabupaten) Administrasi /, ''), items: kecamatan.filter((c) => c.parentCode === k.code).sort(byName).map((c) => ({ value: c.code, label: c.name })) }))
        .filter((g) => g.items.length > 0);
    },
  });
}
