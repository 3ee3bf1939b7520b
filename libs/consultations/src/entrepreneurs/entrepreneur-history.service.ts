import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { EntrepreneurProfile, User } from '@pendamping/identity';
import { Clock, forbidden, notFound, type Caller } from '@pendamping/platform';
import { Region } from '@pendamping/regions';
import { Consultation } from '../booking/consultation.entity';
import { toCaseView, type EntrepreneurHistoryView, type EntrepreneurProfileView, type HistoryConsultationView } from '../consultation.views';
import { AssistanceCase, ConsultationOutcome } from '../outcomes/outcome.entity';

const PAST_LIMIT = 50;
const UPCOMING_LIMIT = 10;

/**
 * What a mentor needs before and after a conversation: who the entrepreneur is, what earlier
 * consultations concluded (with any mentor of the program) and which cases are still being worked on.
 * Only a mentor who has or had a consultation with them, or an admin, may read it.
 */
@Injectable()
export class EntrepreneurHistoryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async history(caller: Caller, entrepreneurId: string): Promise<EntrepreneurHistoryView> {
    const user = await this.db.getRepository(User).findOneBy({ id: entrepreneurId });
    if (!user || !user.roles.includes('entrepreneur')) throw notFound('Entrepreneur');
    if (!caller.roles.includes('admin') && !(await this.hasMet(caller.id, entrepreneurId))) {
      throw forbidden('Only a mentor who has a consultation with this entrepreneur, or an admin, can see their history');
    }
    const now = this.clock.now();
    const [profile, upcoming, past, openCases] = await Promise.all([
      this.profile(user),
      this.consultations(entrepreneurId, 'upcoming', now),
      this.consultations(entrepreneurId, 'past', now),
      this.db.getRepository(AssistanceCase).find({
        where: { entrepreneurId, status: In(['open', 'submitted']) },
        relations: { entrepreneur: true },
        order: { createdAt: 'DESC', id: 'DESC' },
      }),
    ]);
    return { profile, upcoming, past, openCases: openCases.map(toCaseView) };
  }

  private async hasMet(mentorId: string, entrepreneurId: string): Promise<boolean> {
    return this.db.getRepository(Consultation).existsBy({ mentorId, entrepreneurId });
  }

  private async profile(user: User): Promise<EntrepreneurProfileView> {
    const business = await this.db.getRepository(EntrepreneurProfile).findOneBy({ userId: user.id });
    const kelurahan = business ? await this.db.getRepository(Region).findOneBy({ code: business.kelurahanCode }) : null;
    const kecamatan = kelurahan?.parentCode ? await this.db.getRepository(Region).findOneBy({ code: kelurahan.parentCode }) : null;
    const ref = (r: Region | null) => r && { code: r.code, name: r.name };
    return {
      id: user.id,
      name: user.name,
      businessName: business?.businessName ?? null,
      businessType: business?.businessType ?? null,
      kelurahan: ref(kelurahan),
      kecamatan: ref(kecamatan),
      timezone: user.timezone,
    };
  }

  /** Upcoming: booked and not yet started, soonest first. Past: started (any status), latest first. */
  private async consultations(entrepreneurId: string, which: 'upcoming' | 'past', now: Date): Promise<HistoryConsultationView[]> {
    const q = this.db
      .getRepository(Consultation)
      .createQueryBuilder('c')
      .innerJoin('c.mentor', 'm')
      .addSelect(['m.id', 'm.name'])
      .where('c.entrepreneurId = :entrepreneurId', { entrepreneurId });
    if (which === 'upcoming') q.andWhere("c.status = 'booked' AND c.start >= :now", { now }).orderBy('c.start', 'ASC').addOrderBy('c.id', 'ASC').take(UPCOMING_LIMIT);
    else q.andWhere('c.start < :now', { now }).orderBy('c.start', 'DESC').addOrderBy('c.id', 'DESC').take(PAST_LIMIT);
    const rows = await q.getMany();
    const outcomes = rows.length ? await this.db.getRepository(ConsultationOutcome).findBy({ consultationId: In(rows.map((c) => c.id)) }) : [];
    const byId = new Map(outcomes.map((o) => [o.consultationId, o]));
    return rows.map((c) => {
      const o = byId.get(c.id);
      return {
        id: c.id,
        mentorId: c.mentorId,
        mentorName: c.mentor!.name,
        start: c.start,
        end: c.end,
        topic: c.topic,
        status: c.status,
        outcome: o ? { summary: o.summary, actions: o.actions, followUpOn: o.followUpOn, followUpDoneAt: o.followUpDoneAt, caseId: o.caseId } : null,
      };
    });
  }
}
