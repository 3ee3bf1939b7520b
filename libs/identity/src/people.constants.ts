export const BUSINESS_TYPES = ['konveksi', 'kerajinan', 'makanan_minuman', 'katering', 'kelontong', 'lainnya'] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];

/** Consultation and workshop topics; mentors declare the ones they cover. */
export const TOPICS = ['permodalan', 'perizinan', 'sertifikasi_halal', 'keuangan', 'pemasaran', 'produksi', 'lainnya'] as const;
export type Topic = (typeof TOPICS)[number];

export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_TIMEZONE = 'Asia/Jakarta';
