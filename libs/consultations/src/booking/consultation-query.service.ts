import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { decodeTimeCursor, DEFAULT_PAGE_SIZE, toPage, validationFailed, type Caller, type Page } from '@pendamping/platform';
import type { ConsultationView } from '../consultation.views';
import type { ConsultationQuery } from './booking.dto';
import { Consultation } from './consultation.entity';
import { ConsultationAccess } from './consultation-access.service';

@Injectable()
export class ConsultationQueryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ConsultationAccess,
  ) {}

  async get(caller: Caller, id: string): Promise<ConsultationView> {
    await this.access.visible(caller, id);
    const consultation = await this.withNames().where('c.id = :id', { id }).getOneOrFail();
    return toView(consultation);
  }

  /**
   * The caller's own consultations, as entrepreneur or mentor (an admin's: everyone's), by start time then
   * id: soonest first, or latest first with `order=desc`. The cursor is the last item's (start, id), so a
   * page break between two consultations at the same start loses or repeats none.
   */
  async list(caller: Caller, query: ConsultationQuery): Promise<Page<ConsultationView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const q = this.withNames();
    if (!caller.roles.includes('admin')) {
      q.andWhere(new Brackets((w) => w.where('c.mentorId = :me', { me: caller.id }).orWhere('c.entrepreneurId = :me')));
    }
    if (query.status) q.andWhere('c.status = :status', { status: query.status });
    if (query.from) q.andWhere('c.start >= :from', { from: new Date(query.from) });
    if (query.to) q.andWhere('c.start < :to', { to: new Date(query.to) });
    if (query.from && query.to && new Date(query.to) <= new Date(query.from)) throw validationFailed('to must be after from');
    const [direction, after] = query.order === 'desc' ? (['DESC', '<'] as const) : (['ASC', '>'] as const);
    if (query.cursor) {
      const { at, id } = decodeTimeCursor(query.cursor);
      q.andWhere(`(c.start ${after} :cStart OR (c.start = :cStart AND c.id ${after} :cId))`, { cStart: at, cId: id });
    }
    const rows = await q.orderBy('c.start', direction).addOrderBy('c.id', direction).take(limit + 1).getMany();
    return toPage(rows, limit, toView, (c) => [c.start.toISOString(), c.id]);
  }

  private withNames() {
    return this.db
      .getRepository(Consultation)
      .createQueryBuilder('c')
      .leftJoin('c.mentor', 'm')
      .addSelect(['m.id', 'm.name'])
      .leftJoin('c.entrepreneur', 'e')
      .addSelect(['e.id', 'e.name']);
  }
}

export function toView(c: Consultation): ConsultationView {
  return {
    id: c.id,
    mentorId: c.mentorId,
    mentorName: c.mentor?.name,
    entrepreneurId: c.entrepreneurId,
    entrepreneurName: c.entrepreneur?.name,
    start: c.start,
    end: c.end,
    topic: c.topic,
    note: c.note,
    status: c.status,
    cancelledBy: c.cancelledBy,
    cancelReason: c.cancelReason,
    createdAt: c.createdAt,
  };
}
