import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, unwrap, type Schemas } from '@/api/client';
import type { Page, Region } from '@/api/types';
import { regionKeys } from './keys';

export type NewRegion = Schemas['CreateRegionDto'];

/** Every region of a level (under a parent, when given), read page by page. */
export async function fetchRegions(level: Region['level'], parent?: string): Promise<Region[]> {
  const items: Region[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap<Page<Region>>(api.GET('/api/regions', { params: { query: { level, parent, limit: 100, cursor } } }));
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

const HOUR = 60 * 60_000;

/** Every kecamatan, grouped under its kota for a Select. */
export function useKecamatanOptions() {
  const kota = useQuery({ queryKey: regionKeys.children('kota'), queryFn: () => fetchRegions('kota'), staleTime: HOUR });
  const kecamatan = useQuery({ queryKey: regionKeys.children('kecamatan'), queryFn: () => fetchRegions('kecamatan'), staleTime: HOUR });
  const groups = (kota.data ?? []).map((k) => ({
    group: k.name,
    items: (kecamatan.data ?? []).filter((c) => c.parentCode === k.code).map((c) => ({ value: c.code, label: c.name })),
  }));
  return { groups: groups.filter((g) => g.items.length > 0), isPending: kota.isPending || kecamatan.isPending, error: kota.error ?? kecamatan.error };
}

/** The kelurahan of several kecamatan at once (each cached on its own), by code. */
export function useKelurahanNames(kecamatanCodes: string[]) {
  const results = useQueries({
    queries: [...new Set(kecamatanCodes)].map((code) => ({ queryKey: regionKeys.children('kelurahan', code), queryFn: () => fetchRegions('kelurahan', code), staleTime: HOUR })),
  });
  const names = new Map<string, string>();
  for (const r of results) for (const k of r.data ?? []) names.set(k.code, k.name);
  return names;
}

/** POST /api/regions; every region list (the pickers too) reads again. */
export function useCreateRegion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewRegion) => unwrap(api.POST('/api/regions', { body, headers: { 'Idempotency-Key': idempotencyKey() } })),
    onSuccess: () => client.invalidateQueries({ queryKey: regionKeys.all }),
  });
}

/** 31.71.09.1001 → 31.71.09 */
export const kecamatanOf = (kelurahanCode: string) => kelurahanCode.split('.').slice(0, 3).join('.');
