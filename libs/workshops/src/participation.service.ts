import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { User } from '@pendamping/identity';
import { decodeTimeCursor, DEFAULT_PAGE_SIZE, DomainEvents, isDuplicateKey, newId, notFound, toPage, type Caller, type PageQuery } from '@pendamping/platform';
import { AttendanceService } from './attendance.service';
import { CertificatesService } from './certificates.service';
import type { Certificate } from './entities/certificate.entity';
import { Feedback } from './entities/feedback.entity';
import { Workshop } from './entities/workshop.entity';
import { RegistrationsService } from './registrations.service';
import type { FeedbackDto } from './workshop.dto';
import { WorkshopErrors } from './workshop.errors';
import type { FeedbackPage, FeedbackView } from './workshop.views';

/** What attendees get afterwards: their certificate, and a say about the workshop. */
@Injectable()
export class ParticipationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly attendance: AttendanceService,
    private readonly certificates: CertificatesService,
    private readonly registrations: RegistrationsService,
  ) {}

  /** The caller's certificate, issued on first download; 403 NOT_ATTENDED below the attendance share. */
  async certificateFor(workshopId: string, caller: Caller): Promise<Certificate> {
    await this.assertAttended(workshopId, caller);
    return this.events.transaction(this.dataSource, (manager, emit) => this.certificates.issue(manager, workshopId, caller.id, emit));
  }

  async giveFeedback(workshopId: string, caller: Caller, dto: FeedbackDto): Promise<FeedbackView> {
    await this.assertAttended(workshopId, caller);
    const row = { id: newId(), workshopId, userId: caller.id, rating: dto.rating, comment: dto.comment || null };
    try {
      await this.dataSource.manager.insert(Feedback, row);
    } catch (error) {
      if (isDuplicateKey(error)) throw WorkshopErrors.feedbackExists();
      throw error;
    }
    const [stored, user] = await Promise.all([this.dataSource.manager.findOneByOrFail(Feedback, { id: row.id }), this.dataSource.manager.findOneByOrFail(User, { id: caller.id })]);
    return { userId: caller.id, name: user.name, rating: stored.rating, comment: stored.comment, createdAt: stored.createdAt };
  }

  /** For admins and the workshop's speakers: newest first, with the average rating. */
  async listFeedback(workshopId: string, caller: Caller, query: PageQuery): Promise<FeedbackPage> {
    await this.registrations.assertStaff(workshopId, caller);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeTimeCursor(query.cursor) : null;
    const qb = this.dataSource.manager
      .createQueryBuilder(Feedback, 'f')
      .innerJoin(User, 'u', 'u.id = f.userId')
      .select(['f.id AS id', 'f.userId AS userId', 'u.name AS name', 'f.rating AS rating', 'f.comment AS comment', 'f.createdAt AS createdAt'])
      .where('f.workshopId = :workshopId', { workshopId })
      .orderBy('f.createdAt', 'DESC')
      .addOrderBy('f.id', 'DESC')
      .limit(limit + 1);
    if (after) qb.andWhere('(f.createdAt < :at OR (f.createdAt = :at AND f.id < :id))', after);
    const [rows, [summary]] = await Promise.all([
      qb.getRawMany<FeedbackView & { id: string }>(),
      this.dataSource.query('SELECT COUNT(*) AS n, AVG(rating) AS average FROM workshop_feedback WHERE workshopId = ?', [workshopId]),
    ]);
    const page = toPage(rows, limit, ({ id: _id, ...view }) => ({ ...view, rating: Number(view.rating) }), (r) => [new Date(r.createdAt).toISOString(), r.id]);
    const average = summary.average === null ? null : Math.round(Number(summary.average) * 100) / 100;
    return { ...page, count: Number(summary.n), averageRating: average };
  }

  private async assertAttended(workshopId: string, caller: Caller): Promise<void> {
    const workshop = await this.dataSource.manager.findOneBy(Workshop, { id: workshopId });
    if (!workshop || workshop.status === 'draft') throw notFound('Workshop');
    const attendance = await this.attendance.forPerson(workshopId, caller.id);
    if (!attendance?.attended) throw WorkshopErrors.notAttended();
  }
}
