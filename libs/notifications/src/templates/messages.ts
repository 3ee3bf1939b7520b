import type { Locale } from '@pendamping/identity';
import type { NotificationPayload, NotificationType } from '../notification.types';
import { formatLead, formatLocalDate, formatLocalTime } from './local-time';

/** What a message is written from: the stored facts plus the reader's language, zone and names. */
export interface MessageInput {
  type: NotificationType;
  payload: NotificationPayload;
  locale: Locale;
  zone: string;
  /** The other person of a consultation. */
  withName?: string;
  /** Where to join or look (the consultation, the session, the workshop, the certificate). */
  link: string;
}

export interface Message {
  title: string;
  /** What the inbox and the bell show: the app links the notification itself, so no address in it. */
  body: string;
  /** The body and where to go ("Masuk di https://…"), for channels read outside the app (email). */
  text: string;
  link: string;
  /** Meta Cloud API template: its name and the body's {{1}}, {{2}}… values in order. */
  whatsapp: { template: string; params: string[] };
}

/** `go` leads to the link in `text` ("Masuk di"); a message without it has nowhere to send the reader. */
type Writer = (i: MessageInput, when: string) => { title: string; body: string; go?: string; params: string[] };

const TOPIC_NAMES: Record<Locale, Record<string, string>> = {
  id: { permodalan: 'permodalan', perizinan: 'perizinan', sertifikasi_halal: 'sertifikasi halal', keuangan: 'keuangan', pemasaran: 'pemasaran', produksi: 'produksi', lainnya: 'lainnya' },
  en: { permodalan: 'financing', perizinan: 'permits', sertifikasi_halal: 'halal certification', keuangan: 'finance', pemasaran: 'marketing', produksi: 'production', lainnya: 'other' },
};

const ID: Record<NotificationType, Writer> = {
  'consultation.booked': (i, when) => ({
    title: 'Konsultasi terjadwal',
    body: `Konsultasi ${topic(i)} dengan ${i.withName} terjadwal ${when}.`,
    go: 'Masuk di',
    params: [i.withName ?? '', when, i.link],
  }),
  'consultation.rescheduled': (i, when) => ({
    title: 'Jadwal konsultasi berubah',
    body: `Konsultasi dengan ${i.withName} dipindah ke ${when} (sebelumnya ${previous(i)}).`,
    go: 'Masuk di',
    params: [i.withName ?? '', when, previous(i), i.link],
  }),
  'consultation.cancelled': (i, when) => ({
    title: 'Konsultasi dibatalkan',
    body: `Konsultasi dengan ${i.withName} pada ${when} dibatalkan.${i.payload.reason ? ` Alasan: ${i.payload.reason}` : ''}`,
    params: [i.withName ?? '', when, i.payload.reason ?? '-'],
  }),
  'consultation.reminder': (i, when) => ({
    title: `Pengingat: konsultasi ${formatLead(i.payload.offsetMs ?? 0, 'id')} lagi`,
    body: `Konsultasi ${topic(i)} dengan ${i.withName} dimulai ${when}.`,
    go: 'Masuk di',
    params: [i.withName ?? '', when, i.link],
  }),
  'workshop.registered': (i, when) => ({
    title: 'Pendaftaran workshop berhasil',
    body: `Anda terdaftar di workshop "${i.payload.title}". Sesi pertama ${when}.`,
    go: 'Detail di',
    params: [i.payload.title ?? '', when, i.link],
  }),
  'workshop.waitlisted': (i) => ({
    title: 'Masuk daftar tunggu workshop',
    body: `Workshop "${i.payload.title}" sudah penuh; Anda di urutan ${i.payload.position} daftar tunggu. Kami kabari bila ada kursi.`,
    params: [i.payload.title ?? '', String(i.payload.position ?? '')],
  }),
  'workshop.promoted': (i, when) => ({
    title: 'Anda dapat kursi workshop',
    body: `Kursi di workshop "${i.payload.title}" kini milik Anda. Sesi pertama ${when}.`,
    go: 'Detail di',
    params: [i.payload.title ?? '', when, i.link],
  }),
  'workshop.changed': (i, when) => ({
    title: 'Jadwal workshop berubah',
    body: `Jadwal workshop "${i.payload.title}" berubah. Sesi berikutnya ${when}.`,
    go: 'Detail di',
    params: [i.payload.title ?? '', when, i.link],
  }),
  'workshop.cancelled': (i) => ({
    title: 'Workshop dibatalkan',
    body: `Workshop "${i.payload.title}" dibatalkan.${i.payload.reason ? ` Alasan: ${i.payload.reason}` : ''}`,
    params: [i.payload.title ?? '', i.payload.reason ?? '-'],
  }),
  'workshop.session.reminder': (i, when) => ({
    title: `Pengingat: workshop ${formatLead(i.payload.offsetMs ?? 0, 'id')} lagi`,
    body: `Sesi workshop "${i.payload.title}" dimulai ${when}.`,
    go: 'Masuk di',
    params: [i.payload.title ?? '', when, i.link],
  }),
  'certificate.ready': (i) => ({
    title: 'Sertifikat siap',
    body: `Sertifikat workshop "${i.payload.title}" (nomor ${i.payload.certificateNumber}) siap diunduh.`,
    go: 'Unduh di',
    params: [i.payload.title ?? '', i.payload.certificateNumber ?? '', i.link],
  }),
  'followup.due': (i) => ({
    title: 'Tindak lanjut hari ini',
    body: `Hari ini (${formatLocalDate(i.payload.followUpOn!, 'id')}) waktunya menindaklanjuti konsultasi dengan ${i.withName}.`,
    go: 'Buka',
    params: [i.withName ?? '', formatLocalDate(i.payload.followUpOn!, 'id'), i.link],
  }),
};

const EN: Record<NotificationType, Writer> = {
  'consultation.booked': (i, when) => ({
    title: 'Consultation booked',
    body: `Your ${topic(i)} consultation with ${i.withName} is booked for ${when}.`,
    go: 'Join at',
    params: [i.withName ?? '', when, i.link],
  }),
  'consultation.rescheduled': (i, when) => ({
    title: 'Consultation moved',
    body: `Your consultation with ${i.withName} moved to ${when} (was ${previous(i)}).`,
    go: 'Join at',
    params: [i.withName ?? '', when, previous(i), i.link],
  }),
  'consultation.cancelled': (i, when) => ({
    title: 'Consultation cancelled',
    body: `Your consultation with ${i.withName} on ${when} was cancelled.${i.payload.reason ? ` Reason: ${i.payload.reason}` : ''}`,
    params: [i.withName ?? '', when, i.payload.reason ?? '-'],
  }),
  'consultation.reminder': (i, when) => ({
    title: `Reminder: consultation in ${formatLead(i.payload.offsetMs ?? 0, 'en')}`,
    body: `Your ${topic(i)} consultation with ${i.withName} starts ${when}.`,
    go: 'Join at',
    params: [i.withName ?? '', when, i.link],
  }),
  'workshop.registered': (i, when) => ({
    title: 'Workshop registration confirmed',
    body: `You are registered for "${i.payload.title}". The first session is ${when}.`,
    go: 'Details at',
    params: [i.payload.title ?? '', when, i.link],
  }),
  'workshop.waitlisted': (i) => ({
    title: 'On the workshop waitlist',
    body: `"${i.payload.title}" is full; you are number ${i.payload.position} on the waitlist. We will tell you when a seat opens.`,
    params: [i.payload.title ?? '', String(i.payload.position ?? '')],
  }),
  'workshop.promoted': (i, when) => ({
    title: 'You have a workshop seat',
    body: `A seat in "${i.payload.title}" is now yours. The first session is ${when}.`,
    go: 'Details at',
    params: [i.payload.title ?? '', when, i.link],
  }),
  'workshop.changed': (i, when) => ({
    title: 'Workshop schedule changed',
    body: `The schedule of "${i.payload.title}" changed. The next session is ${when}.`,
    go: 'Details at',
    params: [i.payload.title ?? '', when, i.link],
  }),
  'workshop.cancelled': (i) => ({
    title: 'Workshop cancelled',
    body: `"${i.payload.title}" was cancelled.${i.payload.reason ? ` Reason: ${i.payload.reason}` : ''}`,
    params: [i.payload.title ?? '', i.payload.reason ?? '-'],
  }),
  'workshop.session.reminder': (i, when) => ({
    title: `Reminder: workshop in ${formatLead(i.payload.offsetMs ?? 0, 'en')}`,
    body: `The "${i.payload.title}" session starts ${when}.`,
    go: 'Join at',
    params: [i.payload.title ?? '', when, i.link],
  }),
  'certificate.ready': (i) => ({
    title: 'Certificate ready',
    body: `Your certificate for "${i.payload.title}" (number ${i.payload.certificateNumber}) is ready.`,
    go: 'Download it at',
    params: [i.payload.title ?? '', i.payload.certificateNumber ?? '', i.link],
  }),
  'followup.due': (i) => ({
    title: 'Follow-up due today',
    body: `Today (${formatLocalDate(i.payload.followUpOn!, 'en')}) is the day to follow up your consultation with ${i.withName}.`,
    go: 'Open',
    params: [i.withName ?? '', formatLocalDate(i.payload.followUpOn!, 'en'), i.link],
  }),
};

function topic(i: MessageInput): string {
  return topicName(i.payload.topic ?? 'lainnya', i.locale);
}

/** A consultation or workshop topic as readers say it ("sertifikasi halal", "halal certification"). */
export function topicName(topic: string, locale: Locale): string {
  return TOPIC_NAMES[locale][topic] ?? topic;
}

function previous(i: MessageInput): string {
  return i.payload.previousStart ? formatLocalTime(i.payload.previousStart, i.zone, i.locale) : '-';
}

/** The message in the reader's language (Indonesian unless they chose English). */
export function renderMessage(input: MessageInput): Message {
  const when = input.payload.start ? formatLocalTime(input.payload.start, input.zone, input.locale) : '';
  const { title, body, go, params } = (input.locale === 'en' ? EN : ID)[input.type](input, when);
  const text = go ? `${body} ${go} ${input.link}` : body;
  return { title, body, text, link: input.link, whatsapp: { template: `pendamping_${input.type.replace(/\./g, '_')}`, params } };
}
