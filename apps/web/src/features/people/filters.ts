import type { BusinessType, Role } from '@/api/types';

/** The directory's filters, as they sit in the address (so back and reload keep them). */
export interface PeopleFilters {
  q: string;
  role: Role | null;
  businessType: BusinessType | null;
  kecamatanCode: string | null;
  kelurahanCode: string | null;
}

export const ALL_ROLES: Role[] = ['entrepreneur', 'mentor', 'speaker', 'admin'];

const FIELDS = ['q', 'role', 'businessType', 'kecamatanCode', 'kelurahanCode'] as const;

export function filtersFrom(params: URLSearchParams): PeopleFilters {
  const get = (k: string) => params.get(k) || null;
  return { q: params.get('q') ?? '', role: get('role') as Role | null, businessType: get('businessType') as BusinessType | null, kecamatanCode: get('kecamatanCode'), kelurahanCode: get('kelurahanCode') };
}

export function paramsOf(filters: PeopleFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const k of FIELDS) if (filters[k]) params.set(k, filters[k]!);
  return params;
}

/** What the api is asked: a search of fewer than 2 letters is no search; a kelurahan makes its kecamatan redundant. */
export function queryOf(filters: PeopleFilters) {
  const q = filters.q.trim();
  return {
    ...(q.length >= 2 && { q }),
    ...(filters.role && { role: filters.role }),
    ...(filters.businessType && { businessType: filters.businessType }),
    ...(filters.kelurahanCode ? { kelurahanCode: filters.kelurahanCode } : filters.kecamatanCode && { kecamatanCode: filters.kecamatanCode }),
  };
}

export const hasFilters = (f: PeopleFilters) => FIELDS.some((k) => !!f[k]);
