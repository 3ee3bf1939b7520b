import type { Region } from '@/api/types';

/** Query keys of regions; the sign-up and profile pickers use the same ones (features/auth/region-picker). */
export const regionKeys = {
  all: ['regions'] as const,
  children: (level: Region['level'], parent?: string) => ['regions', level, parent ?? null] as const,
};
