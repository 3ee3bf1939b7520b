/** Indonesia's zones first (in the order people look for them), then every other IANA zone. */
export const INDONESIAN_ZONES = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'] as const;

let others: string[] | undefined;

export function otherZones(): string[] {
  if (!others) {
    const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    others = all.filter((z) => !(INDONESIAN_ZONES as readonly string[]).includes(z));
  }
  return others;
}
