import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, type EntityManager } from 'typeorm';
import { User } from '@pendamping/identity';
import { AppConfig, Clock, decodeTimeCursor, DEFAULT_PAGE_SIZE, newId, notFound, toPage, type Emit, type Page, type PageQuery } from '@pendamping/platform';
import { Certificate } from './entities/certificate.entity';
import { WorkshopSession } from './entities/workshop-session.entity';
import { WorkshopSpeaker } from './entities/workshop-speaker.entity';
import { Workshop } from './entities/workshop.entity';
import { renderCertificate } from './certificate-pdf';
import { WORKSHOP_ZONE } from './recurrence';
import { workshopEvent, type CertificateReady } from './workshop.events';
import type { CertificateVerification, IssuedCertificateView } from './workshop.views';

// No 0/O or 1/I: numbers get read aloud and typed from paper.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CERTIFICATE_NUMBER = /^PDP-\d{4}-[A-HJ-NP-Z2-9]{8}$/;

export function certificateNumber(issuedAt: Date): string {
  const year = DateTime.fromJSDate(issuedAt).setZone(WORKSHOP_ZONE).year;
  const random = [...randomBytes(8)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return `PDP-${year}-${random}`;
}

/** Certificates of attendance: issued once per person and workshop, verifiable by number. */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * The person's certificate, issued now if it does not exist yet (callers have checked attendance).
   * Two issuers may race (two downloads, two devices leaving). Neither takes a lock before inserting: a
   * locking read of a missing row takes a gap lock, and two gap locks then block each other's insert (a
   * deadlock). The INSERT IGNORE of the second waits for the first to commit and then inserts nothing;
   * the locking read after it sees the committed row, so both get the same number.
   */
  async issue(manager: EntityManager, workshopId: string, userId: string, emit?: Emit): Promise<Certificate> {
    const existing = await manager.findOneBy(Certificate, { workshopId, userId });
    if (existing) return existing;
    const [user, workshop] = await Promise.all([manager.findOneByOrFail(User, { id: userId }), manager.findOneByOrFail(Workshop, { id: workshopId })]);
    for (let attempt = 0; attempt < 3; attempt++) {
      const issuedAt = this.clock.now();
      const row = { id: newId(), number: certificateNumber(issuedAt), workshopId, userId, name: user.name, workshopTitle: workshop.title, issuedAt };
      const result = await manager.createQueryBuilder().insert().into(Certificate).values(row).orIgnore().execute();
      const stored = await manager.findOne(Certificate, { where: { workshopId, userId }, lock: { mode: 'pessimistic_read' } });
      if (!stored) continue; // the number collided with another certificate's: draw again
      if (result.raw?.affectedRows && emit) await emit(workshopEvent<CertificateReady>({ type: 'certificate.ready', workshopId, userId, number: stored.number }));
      return stored;
    }
    throw new Error('could not draw a unique certificate number');
  }

  /**
   * The PDF. Its verification link is the web app's public page on `PUBLIC_URL` (not whatever host the
   * request named), which shows what GET /api/certificates/:number answers.
   */
  async pdf(certificate: Certificate): Promise<Buffer> {
    const [sessions, speakers] = await Promise.all([
      this.dataSource.manager.find(WorkshopSession, { where: { workshopId: certificate.workshopId }, order: { startsAt: 'ASC' } }),
      this.dataSource.manager
        .createQueryBuilder(WorkshopSpeaker, 'ws')
        .innerJoin(User, 'u', 'u.id = ws.speakerId')
        .select(['u.name AS name', 'u.organization AS organization'])
        .where('ws.workshopId = :id', { id: certificate.workshopId })
        .getRawMany<{ name: string; organization: string | null }>(),
    ]);
    return renderCertificate({
      number: certificate.number,
      name: certificate.name,
      workshopTitle: certificate.workshopTitle,
      sessionStarts: sessions.map((s) => s.startsAt),
      speakers: speakers.map((s) => (s.organization ? `${s.name} (${s.organization})` : s.name)),
      issuedAt: certificate.issuedAt,
      verifyUrl: `${this.config.publicUrl.replace(/\/$/, '')}/certificates/${certificate.number}`,
    });
  }

  async verify(number: string): Promise<CertificateVerification> {
    const wanted = number.trim().toUpperCase();
    const certificate = CERTIFICATE_NUMBER.test(wanted) ? await this.dataSource.manager.findOneBy(Certificate, { number: wanted }) : null;
    if (!certificate) throw notFound('Certificate');
    return { number: certificate.number, valid: true, name: certificate.name, workshopTitle: certificate.workshopTitle, issuedAt: certificate.issuedAt };
  }

  /** The certificates issued for a workshop, in the order they were issued (admins check who has one). */
  async issuedFor(workshopId: string, query: PageQuery): Promise<Page<IssuedCertificateView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeTimeCursor(query.cursor) : null;
    const builder = this.dataSource.manager
      .createQueryBuilder(Certificate, 'c')
      .where('c.workshopId = :workshopId', { workshopId })
      .orderBy('c.issuedAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .take(limit + 1);
    if (after) builder.andWhere('(c.issuedAt > :at OR (c.issuedAt = :at AND c.id > :id))', { at: after.at, id: after.id });
    const rows = await builder.getMany();
    return toPage(rows, limit, ({ number, userId, name, issuedAt }) => ({ number, userId, name, issuedAt }), (c) => [c.issuedAt.toISOString(), c.id]);
  }
}
