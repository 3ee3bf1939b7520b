import { NOTIFICATION_TYPES } from '../notification.types';
import { renderMessage } from './messages';

const payload = {
  start: '2026-12-07T03:00:00.000Z',
  previousStart: '2026-12-04T02:00:00.000Z',
  topic: 'sertifikasi_halal',
  title: 'Pengelolaan Keuangan UMKM',
  reason: 'Narasumber sakit',
  position: 3,
  certificateNumber: 'PDP-2026-0001',
  followUpOn: '2026-12-24',
  offsetMs: 3_600_000,
};
/** Cancellations and a waitlist place: nothing to join or open, so the email says no more than the inbox. */
const NOWHERE_TO_GO = ['consultation.cancelled', 'workshop.waitlisted', 'workshop.cancelled'];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const base = { payload, zone: 'Asia/Jakarta', withName: 'Rina', link: 'http://localhost:3000/consultations/abc' };

describe('messages', () => {
  it('remind in Indonesian with the local time and the join link', () => {
    const m = renderMessage({ ...base, type: 'consultation.reminder', locale: 'id' });
    expect(m.title).toBe('Pengingat: konsultasi 1 jam lagi');
    expect(m.body).toBe('Konsultasi sertifikasi halal dengan Rina dimulai Senin, 7 Desember 2026 pukul 10.00 WIB.');
    expect(m.text).toBe('Konsultasi sertifikasi halal dengan Rina dimulai Senin, 7 Desember 2026 pukul 10.00 WIB. Masuk di http://localhost:3000/consultations/abc');
    expect(m.whatsapp).toEqual({ template: 'pendamping_consultation_reminder', params: ['Rina', 'Senin, 7 Desember 2026 pukul 10.00 WIB', base.link] });
  });

  it('remind in English for readers who chose it', () => {
    const m = renderMessage({ ...base, type: 'consultation.reminder', locale: 'en' });
    expect(m.text).toBe('Your halal certification consultation with Rina starts Monday, 7 December 2026 at 10:00 WIB. Join at http://localhost:3000/consultations/abc');
  });

  it('say where a consultation moved from and to', () => {
    expect(renderMessage({ ...base, type: 'consultation.rescheduled', locale: 'id' }).body).toContain(
      'dipindah ke Senin, 7 Desember 2026 pukul 10.00 WIB (sebelumnya Jumat, 4 Desember 2026 pukul 09.00 WIB)',
    );
  });

  it('have a title, a body and WhatsApp values for every type in both languages', () => {
    for (const type of NOTIFICATION_TYPES) {
      for (const locale of ['id', 'en'] as const) {
        const m = renderMessage({ ...base, type, locale });
        expect(m.title.length).toBeGreaterThan(0);
        expect(m.body).not.toMatch(/undefined|NaN|Invalid/);
        // The inbox links the notification itself: its body names no address; the email's text does where there is one to go to.
        expect(m.body).not.toContain('http');
        if (NOWHERE_TO_GO.includes(type)) expect(m.text).toBe(m.body);
        else expect(m.text).toMatch(new RegExp(`^${escape(m.body)} \\S.* ${escape(base.link)}$`));
        expect(m.whatsapp.template).toMatch(/^pendamping_[a-z_]+$/);
        expect(m.whatsapp.params.every((p) => p.length > 0)).toBe(true);
      }
    }
  });
});
