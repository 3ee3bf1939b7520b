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

/** A demo entrepreneur's index in DEMO_ENTREPRENEURS (and in DemoPeople.entrepreneurIds), by the email's handle. */
export function demoEntrepreneur(handle: string): number {
  const i = DEMO_ENTREPRENEURS.findIndex((e) => e.email === `${handle}@${DEMO_EMAIL_DOMAIN}`);
  if (i < 0) throw new Error(`no demo entrepreneur ${handle}`);
  return i;
}

/**
 * The consultations already held, so the mentors' follow-ups, the cases and the funnel have a past. Times
 * are workdays before the seed, in WIB; `mentor` indexes DEMO_MENTORS (Rina 0, Agus 1), whose kelurahan
 * hold the entrepreneur's business.
 */
export interface DemoPastConsultation {
  entrepreneur: string;
  mentor: number;
  daysAgo: number;
  hour: number;
  /** How many days before the consultation it was booked. */
  bookedDaysBefore: number;
  topic: Topic;
  note: string;
  noShow?: true;
  outcome?: {
    summary: string;
    actions: string[];
    /** Days from the seed (negative: already passed, an overdue follow-up). */
    followUpInDays?: number;
    case?: { type: 'permodalan' | 'perizinan' | 'sertifikasi_halal'; lender?: string; permit?: 'NIB' | 'PIRT'; progress: ('submitted' | 'approved')[]; referenceNumber?: string; approvedDaysAgo?: number };
  };
}

export const DEMO_PAST_CONSULTATIONS: DemoPastConsultation[] = [
  {
    entrepreneur: 'yanti',
    mentor: 0,
    daysAgo: 24,
    hour: 10,
    bookedDaysBefore: 4,
    topic: 'permodalan',
    note: 'Butuh modal untuk mesin obras dan bahan kain',
    outcome: {
      summary: 'Omzet sekitar Rp15 juta per bulan dan tercatat rapi; layak untuk KUR mikro Bank DKI.',
      actions: ['Siapkan NIB dan catatan keuangan enam bulan terakhir', 'Ajukan KUR mikro Rp25 juta ke Bank DKI cabang Tebet'],
      case: { type: 'permodalan', lender: 'Bank DKI', progress: ['submitted', 'approved'], referenceNumber: 'KUR-DKI/2026/0117', approvedDaysAgo: 6 },
    },
  },
  {
    entrepreneur: 'wati',
    mentor: 1,
    daysAgo: 17,
    hour: 9,
    bookedDaysBefore: 3,
    topic: 'sertifikasi_halal',
    note: 'Kue kering mau masuk toko oleh-oleh, diminta sertifikat halal',
    outcome: {
      summary: 'Bahan sudah dari pemasok bersertifikat halal; tinggal pendaftaran self declare lewat SIHALAL.',
      actions: ['Daftar akun SIHALAL', 'Kumpulkan daftar bahan dan foto dapur produksi'],
      followUpInDays: 5,
      case: { type: 'sertifikasi_halal', progress: [] },
    },
  },
  {
    entrepreneur: 'joko',
    mentor: 0,
    daysAgo: 12,
    hour: 13,
    bookedDaysBefore: 2,
    topic: 'perizinan',
    note: 'Belum punya NIB, ingin memasok kopi ke kafe',
    outcome: {
      summary: 'NIB diurus lewat OSS dengan KBLI 10761 (pengolahan kopi); berkas sudah diunggah bersama.',
      actions: ['Cek email OSS untuk verifikasi', 'Kirim tangkapan layar NIB ke pendamping'],
      followUpInDays: -3,
      case: { type: 'perizinan', permit: 'NIB', progress: ['submitted'] },
    },
  },
  {
    entrepreneur: 'bambang',
    mentor: 1,
    daysAgo: 9,
    hour: 14,
    bookedDaysBefore: 2,
    topic: 'pemasaran',
    note: 'Ingin menjual batik lewat marketplace',
    noShow: true,
  },
  {
    entrepreneur: 'maya',
    mentor: 0,
    daysAgo: 6,
    hour: 11,
    bookedDaysBefore: 5,
    topic: 'keuangan',
    note: 'Uang katering dan uang rumah masih tercampur',
    outcome: {
      summary: 'Sepakat memisahkan rekening usaha dan mencatat pesanan katering per minggu.',
      actions: ['Buka rekening khusus usaha', 'Catat setiap pesanan dan belanja bahan'],
      followUpInDays: 8,
    },
  },
];

/** A workshop that took place before the seed: attendance, feedback, certificates and its live Q&A. */
export const DEMO_PAST_WORKSHOP = {
  title: 'Pembukuan Sederhana untuk Usaha Rumahan',
  description:
    'Satu pertemuan bersama Bank DKI: mencatat uang masuk dan keluar setiap hari, memisahkan uang usaha dan pribadi, ' +
    'dan membaca laba sederhana dari catatan sendiri.',
  daysAgo: 11,
  capacity: 25,
  /** Registered (by handle); the first seven stayed to the end, the next two left early, the last never came. */
  registered: ['siti', 'yanti', 'hendra', 'lestari', 'nur', 'wati', 'joko', 'ratna', 'maya', 'udin'],
  attendedFully: 7,
  leftEarly: 2,
  feedback: [
    { rating: 5, comment: 'Contoh pencatatannya pas untuk konveksi kecil seperti saya.' },
    { rating: 4, comment: 'Jelas, tapi waktunya kurang untuk tanya jawab.' },
    { rating: 5, comment: null },
    { rating: 4, comment: 'Mohon dibagikan format tabel kasnya.' },
    { rating: 3, comment: 'Sinyal sempat putus, materi bagus.' },
  ],
  questions: [
    { author: 'siti', body: 'Apakah catatan di buku tulis cukup untuk mengajukan KUR?', minute: 25, votes: ['yanti', 'hendra', 'wati', 'joko'], answered: true },
    { author: 'wati', body: 'Gaji untuk diri sendiri dicatat sebagai biaya usaha atau bukan?', minute: 50, votes: ['lestari', 'nur'], answered: true },
    { author: 'joko', body: 'Aplikasi pencatatan gratis apa yang disarankan?', minute: 80, votes: ['siti', 'yanti', 'nur'], answered: false },
  ],
  poll: {
    question: 'Apakah uang usaha dan uang pribadi Anda sudah dipisah?',
    options: ['Sudah, rekening terpisah', 'Sudah, tapi masih satu dompet', 'Belum'],
    minute: 95,
    /** Each attendee's choice, in the order of `registered`. */
    choices: [0, 1, 2, 1, 2, 0, 1],
  },
};
