import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { Brackets, DataSource } from 'typeorm';
import { User } from '@pendamping/identity';
import { Clock, decodeCursor, DEFAULT_PAGE_SIZE, forbidden, notFound, invalidCursor, toPage, type Caller, type Page, type PageQuery } from '@pendamping/platform';
import { toCaseView, type ActionItemView, type CaseView, type FollowUpView } from '../consultation.views';
import type { FollowUpQuery, UpdateCaseDto } from './outcome.dto';
import { AssistanceCase, ConsultationOutcome } from './outcome.entity';

/** The mentor's open promises, and the cases (loans, permits, halal certificates) being worked on. */
@Injectable()
export class FollowUpService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Follow-ups not yet done, oldest date first; `overdue` keeps only those whose date has passed. */
  async followUps(caller: Caller, query: FollowUpQuery): Promise<Page<FollowUpView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const mentor = await this.db.getRepository(User).findOneByOrFail({ id: caller.id });
    const today = DateTime.fromJSDate(this.clock.now(), { zone: mentor.timezone }).toISODate()!;
    const q = this.db
      .getRepository(ConsultationOutcome)
      .createQueryBuilder('o')
      .innerJoinAndSelect('o.consultation', 'c')
      .innerJoin('c.entrepreneur', 'e')
      .addSelect(['e.id', 'e.name'])
      .where('o.mentorId = :me AND o.followUpDoneAt IS NULL AND o.followUpOn IS NOT NULL', { me: caller.id });
    if (query.overdue === 'true') q.andWhere('o.followUpOn < :today', { today });
    if (query.cursor) {
      const [on, id] = decodeCursor(query.cursor, 2);
      if (typeof on !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(on) || typeof id !== 'string') throw invalidCursor();
      q.andWhere('(o.followUpOn > :on OR (o.followUpOn = :on AND o.consultationId > :id))', { on, id });
    }
    const rows = await q.orderBy('o.followUpOn', 'ASC').addOrderBy('o.consultationId', 'ASC').take(limit + 1).getMany();
    return toPage(
      rows,
      limit,
      (o): FollowUpView => ({
        consultationId: o.consultationId,
        entrepreneurId: o.consultation!.entrepreneurId,
        entrepreneurName: o.consultation!.entrepreneur!.name,
        followUpOn: o.followUpOn!,
        overdue: o.followUpOn! < today,
        summary: o.summary,
        actions: o.actions,
      }),
      (o) => [o.followUpOn, o.consultationId],
    );
  }

  /**
   * The entrepreneur's side: the actions from their consultations, newest first, until the mentor's follow-up
   * is done (what Beranda shows as "what I promised to do"), in one query.
   */
  async actionItems(caller: Caller, query: PageQuery): Promise<Page<ActionItemView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const q = this.db
      .getRepository(ConsultationOutcome)
      .createQueryBuilder('o')
      .innerJoinAndSelect('o.consultation', 'c')
      .innerJoin('c.mentor', 'm')
      .addSelect(['m.id', 'm.name'])
      .where("c.entrepreneurId = :me AND o.followUpDoneAt IS NULL AND o.actions <> '[]'", { me: caller.id });
    if (query.cursor) {
      const [start, id] = decodeCursor(query.cursor, 2);
      const at = typeof start === 'string' ? new Date(start) : null;
      if (!at || Number.isNaN(at.getTime()) || typeof id !== 'string') throw invalidCursor();
      q.andWhere('(c.start < :at OR (c.start = :at AND c.id < :id))', { at, id });
    }
    const rows = await q.orderBy('c.start', 'DESC').addOrderBy('c.id', 'DESC').take(limit + 1).getMany();
    return toPage(
      rows,
      limit,
      (o): ActionItemView => ({
        consultationId: o.consultationId,
        topic: o.consultation!.topic,
        start: o.consultation!.start.toISOString(),
        mentorName: o.consultation!.mentor!.name,
        actions: o.actions,
        followUpOn: o.followUpOn,
      }),
      (o) => [o.consultation!.start.toISOString(), o.consultationId],
    );
  }

  /** An entrepreneur's own cases, a mentor's, or (admin) all; newest first. */
  async cases(caller: Caller, query: PageQuery): Promise<Page<CaseView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const q = this.db.getRepository(AssistanceCase).createQueryBuilder('a').leftJoin('a.entrepreneur', 'e').addSelect(['e.id', 'e.name']);
    if (!caller.roles.includes('admin')) {
      q.where(new Brackets((w) => w.where('a.entrepreneurId = :me', { me: caller.id }).orWhere('a.mentorId = :me')));
    }
    if (query.cursor) {
      const [id] = decodeCursor(query.cursor, 1);
      if (typeof id !== 'string') throw invalidCursor();
      q.andWhere('a.id < :id', { id });
    }
    const rows = await q.orderBy('a.id', 'DESC').take(limit + 1).getMany();
    return toPage(rows, limit, toCaseView, (a) => [a.id]);
  }

  /** The case's mentor (or an admin) records progress: submitted, approved, the bank's reference number. */
  async updateCase(caller: Caller, id: string, dto: UpdateCaseDto): Promise<CaseView> {
    const found = await this.db.getRepository(AssistanceCase).findOneBy({ id });
    const isAdmin = caller.roles.includes('admin');
    if (!found || !(isAdmin || found.mentorId === caller.id || found.entrepreneurId === caller.id)) throw notFound('Case');
    if (!isAdmin && found.mentorId !== caller.id) throw forbidden('Only the mentor of this case can update it');
    const changes = {
      ...(dto.status && { status: dto.status }),
      // The moment of approval is kept (a later reference number does not move it); leaving approved clears it.
      ...(dto.status && dto.status !== found.status && { approvedAt: dto.status === 'approved' ? this.clock.now() : null }),
      ...(dto.referenceNumber !== undefined && { referenceNumber: dto.referenceNumber.trim() || null }),
      ...(dto.lender !== undefined && found.type === 'permodalan' && { lender: dto.lender.trim() }),
    };
    await this.db.getRepository(AssistanceCase).update(id, changes);
    return toCaseView(await this.db.getRepository(AssistanceCase).findOneByOrFail({ id }));
  }
}
