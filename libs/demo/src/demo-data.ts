import type { BusinessType, Topic } from '@pendamping/identity';

/** Kecamatan Tebet, Jakarta Selatan, and its seven kelurahan (Kemendagri codes). */
export const DEMO_KECAMATAN = '31.71.09';
export const DEMO_KELURAHAN: { code: string; name: string }[] = [
  { code: '31.71.09.1001', name: 'Tebet Barat' },
  { code: '31.71.09.1002', name: 'Tebet Timur' },
  { code: '31.71.09.1003', name: 'Kebon Baru' },
  { code: '31.71.09.1004', name: 'Bukit Duri' },
  { code: '31.71.09.1005', name: 'Manggarai' },
  { code: '31.71.09.1006', name: 'Manggarai Selatan' },
  { code: '31.71.09.1007', name: 'Menteng Dalam' },
];

export const DEMO_MENTORS: { email: string; name: string; phone: string; kelurahan: string[]; topics: Topic[] }[] = [
  {
    email: 'rina.pendamping@demo.pendamping.id',
    name: 'Rina Marlina',
    phone: '081311110001',
    kelurahan: ['31.71.09.1001', '31.71.09.1002', '31.71.09.1003'],
    topics: ['permodalan', 'keuangan', 'perizinan'],
  },
  {
    email: 'agus.pendamping@demo.pendamping.id',
    name: 'Agus Setiawan',
    phone: '081311110002',
    kelurahan: ['31.71.09.1004', '31.71.09.1005', '31.71.09.1006', '31.71.09.1007'],
    topics: ['sertifikasi_halal', 'perizinan', 'pemasaran', 'produksi'],
  },
];

export const DEMO_ADMIN = { email: 'admin@demo.pendamping.id', name: 'Admin Dinas PPAPP', organization: 'Dinas PPAPP DKI Jakarta' };

export const DEMO_SPEAKER = {
  email: 'dewi.narasumber@demo.pendamping.id',
  name: 'Dewi Anggraini',
  organization: 'Bank DKI',
  phone: '081311110003',
};

/** Three businesses of each type, spread over the kelurahan. */
export const DEMO_ENTREPRENEURS: { email: string; name: string; business: string; type: BusinessType; kelurahan: string; phone: string }[] = [
  ['siti', 'Siti Aminah', 'Konveksi Siti Jaya', 'konveksi'],
  ['yanti', 'Yanti Kusuma', 'Jahit Masker Yanti', 'konveksi'],
  ['hendra', 'Hendra Gunawan', 'Hendra Garmen', 'konveksi'],
  ['lestari', 'Lestari Putri', 'Anyaman Lestari', 'kerajinan'],
  ['bambang', 'Bambang Sutrisno', 'Batik Betawi Bambang', 'kerajinan'],
  ['nur', 'Nur Hidayah', 'Kriya Kain Perca Nur', 'kerajinan'],
  ['wati', 'Wati Susilowati', 'Kue Kering Bu Wati', 'makanan_minuman'],
  ['joko', 'Joko Prasetyo', 'Kopi Tebet Joko', 'makanan_minuman'],
  ['ratna', 'Ratna Sari', 'Keripik Ratna', 'makanan_minuman'],
  ['maya', 'Maya Safitri', 'Katering Maya', 'katering'],
  ['udin', 'Udin Syamsudin', 'Nasi Kotak Udin', 'katering'],
  ['fitri', 'Fitri Handayani', 'Dapur Fitri', 'katering'],
  ['rudi', 'Rudi Hartono', 'Warung Rudi', 'kelontong'],
  ['sri', 'Sri Rahayu', 'Toko Kelontong Sri', 'kelontong'],
  ['ahmad', 'Ahmad Fauzi', 'Warung Berkah Ahmad', 'kelontong'],
].map(([handle, name, business, type], i) => ({
  email: `${handle}@demo.pendamping.id`,
  name,
  business,
  type: type as BusinessType,
  kelurahan: DEMO_KELURAHAN[i % DEMO_KELURAHAN.length].code,
  phone: `0812222200${String(i + 1).padStart(2, '0')}`,
}));

/** Every demo account's email is at this domain: a database with other accounts gets no demo data. */
export const DEMO_EMAIL_DOMAIN = 'demo.pendamping.id';

/** Shared by every demo account; printed once when the demo set is created. */
export const DEMO_PASSWORD = 'jakpreneur2026';

/** The ids of the demo accounts, for the feature seeders. */
export interface DemoPeople {
  mentorIds: string[];
  speakerId: string;
  entrepreneurIds: string[];
}
