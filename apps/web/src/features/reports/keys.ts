/** Every query key of the reports feature. */
export const reportKeys = {
  all: ['reports'] as const,
  /** The funnel for a period (instants) and a kecamatan (null: all). */
  funnel: (from: string, to: string, kecamatan: string | null) => ['reports', 'funnel', from, to, kecamatan] as const,
  /** Kota and kecamatan of DKI Jakarta, for the filter. */
  kecamatan: ['reports', 'kecamatan'] as const,
};
