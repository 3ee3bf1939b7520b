import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MentorKelurahan, User } from '@pendamping/identity';
import { Clock, decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor, invalidCursor, notFound, validationFailed, type Page } from '@pendamping/platform';
import { AvailabilityService } from '../availability/availability.service';
import { freeSlots } from '../availability/slots';
import { Consultation } from '../booking/consultation.entity';
import type { MentorView, SlotList } from '../consultation.views';
import type { MentorQuery } from './mentors.dto';

const MAX_SLOT_RANGE_DAYS = 31;
const DAY = 24 * 60 * 60_000;

@Injectable()
export class MentorDirectoryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly availability: AvailabilityService,
    private readonly clock: Clock,
  ) {}

  /**
   * Mentors for a kelurahan: those assigned to it first, then the others of its kecamatan; without a
   * kelurahan, every mentor. Optionally only those covering a topic.
   */
  async search(query: MentorQuery): Promise<Page<MentorView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const offset = query.cursor ? Number(decodeCursor(query.cursor, 1)[0]) : 0;
    if (!Number.isInteger(offset) || offset < 0) throw invalidCursor();
    const q = this.mentors();
    if (query.topic) q.andWhere('FIND_IN_SET(:topic, mp.topics) > 0', { topic: query.topic });
    if (query.kelurahan) {
      const kecamatan = query.kelurahan.slice(0, 8);
      q.andWhere(
        (sub) =>
          `u.id IN ${sub.subQuery().select('mk.mentorId').from(MentorKelurahan, 'mk').where('mk.kelurahanCode LIKE :inKecamatan').getQuery()}`,
        { inKecamatan: `${kecamatan}.%` },
      );
    }
    const mentors = (await q.orderBy('u.name').addOrderBy('u.id').getMany()).map((u) => toMentorView(u, query.kelurahan));
    // Stable: assigned mentors first, each group by name.
    mentors.sort((a, b) => Number(b.assigned) - Number(a.assigned));
    const items = mentors.slice(offset, offset + limit);
    return { items, nextCursor: offset + limit < mentors.length ? encodeCursor([offset + limit]) : null };
  }

  /** One mentor's public profile, as in the directory; 404 for anyone who is not a mentor. */
  async profile(mentorId: string, kelurahan?: string): Promise<MentorView> {
    // andWhere: a second where() would drop the role and disabled conditions (a former mentor keeps the profile).
    const mentor = await this.mentors().andWhere('u.id = :mentorId', { mentorId }).getOne();
    if (!mentor) throw notFound('Mentor');
    return toMentorView(mentor, kelurahan);
  }

  /** Free slots starting in `[from, to)`, in UTC. */
  async slots(mentorId: string, from: Date, to: Date): Promise<SlotList> {
    if (to <= from) throw validationFailed('to must be after from');
    if (to.getTime() - from.getTime() > MAX_SLOT_RANGE_DAYS * DAY) throw validationFailed(`from and to may be at most ${MAX_SLOT_RANGE_DAYS} days apart`);
    const mentor = await this.db.getRepository(User).findOneBy({ id: mentorId });
    if (!mentor?.roles.includes('mentor') || mentor.disabledAt) throw notFound('Mentor');
    const rules = await this.availability.rules(mentorId);
    if (!rules) return { items: [] };
    // A day on both sides: buffers reach across the edges and the daily cap counts whole local days.
    const booked = await this.db
      .getRepository(Consultation)
      .createQueryBuilder('c')
      .select(['c.start', 'c.end'])
      .where({ mentorId, status: 'booked' })
      .andWhere('c.start < :until AND c.end > :since', { since: new Date(from.getTime() - DAY), until: new Date(to.getTime() + DAY) })
      .getMany();
    return { items: freeSlots(rules, from, to, this.clock.now(), booked) };
  }

  /** Users with the mentor role and a mentor profile, with their kelurahan; a disabled account is nobody's mentor. */
  private mentors() {
    return this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.mentor', 'mp')
      .leftJoinAndSelect('u.kelurahan', 'k')
      .where('FIND_IN_SET(:mentorRole, u.roles) > 0', { mentorRole: 'mentor' })
      .andWhere('u.disabledAt IS NULL');
  }
}

/** `assigned`: the mentor covers the kelurahan asked for (false when none was asked for). */
function toMentorView(u: User, kelurahan?: string): MentorView {
  const kelurahanCodes = (u.kelurahan ?? []).map((k) => k.kelurahanCode).sort();
  return { id: u.id, name: u.name, topics: u.mentor!.topics, kelurahanCodes, assigned: !!kelurahan && kelurahanCodes.includes(kelurahan), timezone: u.timezone };
}
