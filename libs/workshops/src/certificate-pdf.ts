import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';
import { WORKSHOP_ZONE } from './recurrence';

export interface CertificateContent {
  number: string;
  name: string;
  workshopTitle: string;
  sessionStarts: Date[];
  speakers: string[];
  issuedAt: Date;
  verifyUrl: string;
}

/** "Senin, 7 Desember 2026": Indonesian, on the Jakarta calendar. */
export function tanggal(date: Date): string {
  return DateTime.fromJSDate(date).setZone(WORKSHOP_ZONE).setLocale('id').toFormat('cccc, d LLLL yyyy');
}

function heldOn(starts: Date[]): string {
  const first = tanggal(starts[0]);
  if (starts.length === 1) return `yang diselenggarakan pada ${first}`;
  return `yang diselenggarakan dalam ${starts.length} sesi, ${first} s.d. ${tanggal(starts[starts.length - 1])}`;
}

/** A one-page A4 landscape certificate of attendance, in Indonesian. */
export function renderCertificate(c: CertificateContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 60,
    info: { Title: `Sertifikat Kehadiran ${c.number}`, Author: 'Pendamping', Subject: c.workshopTitle },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { width, height } = doc.page;
  doc.lineWidth(3).strokeColor('#1f4e79').rect(25, 25, width - 50, height - 50).stroke();
  doc.lineWidth(1).rect(35, 35, width - 70, height - 70).stroke();
  const centred = { align: 'center' as const, width: width - 120 };
  doc.fillColor('#1f4e79').font('Helvetica-Bold').fontSize(32).text('SERTIFIKAT KEHADIRAN', 60, 80, centred);
  doc.fillColor('#333333').font('Helvetica').fontSize(12).text(`Nomor: ${c.number}`, centred);
  doc.moveDown(2).fontSize(14).text('Diberikan kepada', centred);
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(26).fillColor('#000000').text(c.name, centred);
  doc.moveDown(0.8).font('Helvetica').fontSize(14).fillColor('#333333').text('atas kehadirannya sebagai peserta lokakarya', centred);
  doc.moveDown(0.4).font('Helvetica-Bold').fontSize(18).text(`"${c.workshopTitle}"`, centred);
  doc.moveDown(0.4).font('Helvetica').fontSize(13).text(heldOn(c.sessionStarts), centred);
  if (c.speakers.length) doc.moveDown(0.4).text(`Narasumber: ${c.speakers.join(', ')}`, centred);
  doc.moveDown(1.5).text(`Jakarta, ${tanggal(c.issuedAt)}`, centred);
  doc.font('Helvetica').fontSize(10).fillColor('#555555');
  doc.text(`Keaslian sertifikat ini dapat diperiksa di ${c.verifyUrl}`, 60, height - 95, centred);
  doc.end();
  return done;
}
