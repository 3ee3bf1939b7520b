import { MigrationInterface, QueryRunner } from 'typeorm';

// DKI Jakarta's 6 kota/kabupaten administrasi and 44 kecamatan, with Kemendagri codes.
// Kelurahan are added by admins (POST /api/regions). Data lives here, not imported, so this
// migration means the same thing forever.
const KOTA: [string, string][] = [
  ['31.01', 'Kabupaten Administrasi Kepulauan Seribu'],
  ['31.71', 'Kota Administrasi Jakarta Selatan'],
  ['31.72', 'Kota Administrasi Jakarta Timur'],
  ['31.73', 'Kota Administrasi Jakarta Pusat'],
  ['31.74', 'Kota Administrasi Jakarta Barat'],
  ['31.75', 'Kota Administrasi Jakarta Utara'],
];

const KECAMATAN: Record<string, string[]> = {
  '31.01': ['Kepulauan Seribu Utara', 'Kepulauan Seribu Selatan'],
  '31.71': ['Jagakarsa', 'Pasar Minggu', 'Cilandak', 'Pesanggrahan', 'Kebayoran Lama', 'Kebayoran Baru', 'Mampang Prapatan', 'Pancoran', 'Tebet', 'Setiabudi'],
  '31.72': ['Pasar Rebo', 'Ciracas', 'Cipayung', 'Makasar', 'Kramat Jati', 'Jatinegara', 'Duren Sawit', 'Cakung', 'Pulo Gadung', 'Matraman'],
  '31.73': ['Tanah Abang', 'Menteng', 'Senen', 'Johar Baru', 'Cempaka Putih', 'Kemayoran', 'Sawah Besar', 'Gambir'],
  '31.74': ['Kembangan', 'Kebon Jeruk', 'Palmerah', 'Grogol Petamburan', 'Tambora', 'Taman Sari', 'Cengkareng', 'Kalideres'],
  '31.75': ['Penjaringan', 'Pademangan', 'Tanjung Priok', 'Koja', 'Kelapa Gading', 'Cilincing'],
};

export class SeedDkiJakartaRegions1795838051282 implements MigrationInterface {
  name = 'SeedDkiJakartaRegions1795838051282';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const rows: [string, string, string, string | null][] = KOTA.map(([code, name]) => [code, name, 'kota', null]);
    for (const [kota, names] of Object.entries(KECAMATAN)) {
      names.forEach((name, i) => rows.push([`${kota}.${String(i + 1).padStart(2, '0')}`, name, 'kecamatan', kota]));
    }
    await queryRunner.query(
      `INSERT INTO \`regions\` (\`code\`, \`name\`, \`level\`, \`parentCode\`) VALUES ${rows.map(() => '(?, ?, ?, ?)').join(', ')}`,
      rows.flat(),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const kota = KOTA.map(([code]) => code);
    await queryRunner.query(`DELETE FROM \`regions\` WHERE \`level\` = 'kecamatan' AND \`parentCode\` IN (${kota.map(() => '?').join(', ')})`, kota);
    await queryRunner.query(`DELETE FROM \`regions\` WHERE \`level\` = 'kota' AND \`code\` IN (${kota.map(() => '?').join(', ')})`, kota);
  }
}
