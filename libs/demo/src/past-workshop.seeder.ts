import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { newId } from '@pendamping/platform';
import { LivePoll, LivePollVote, LiveQuestion, LiveQuestionVote } from '@pendamping/realtime';
import { AttendanceService, Feedback, Registration, Workshop, WorkshopSession, WorkshopSpeaker } from '@pendamping/workshops';
import { backdate } from './backdate';
import { DEMO_KECAMATAN, DEMO_PAST_WORKSHOP as PAST, demoEntrepreneur, type DemoPeople } from './demo-data';
import { minutesAfter, workdayAgo } from './demo-time';

const SESSION_MINUTES = 120;

/**
 * The workshop that already took place, with the Bank DKI speaker: registrations made before it, who was
 * there and for how long (join and leave events through AttendanceService, which issues the certificates),
 * the attendees' feedback, and the questions and poll of its live room. Registration and the live room
 * refuse the past, so those are the rows their services write, timed back. Resumable step by step.
 */
@Injectable()
export class PastWorkshopSeeder {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly attendance: AttendanceService,
  ) {}

  async seed(people: DemoPeople): Promise<boolean> {
    const person = (handle: string) => people.entrepreneurIds[demoEntrepreneur(handle)];
    const { wrote: created, workshopId, session } = await this.ensureWorkshop(people.speakerId);
    let wrote = created;
    const registered = PAST.registered.map(person);
    wrote = (await this.ensureRegistrations(workshopId, registered, session.startsAt)) || wrote;
    const attended = registered.slice(0, PAST.attendedFully);
    const leftEarly = registered.slice(PAST.attendedFully, PAST.attendedFully + PAST.leftEarly);
    for (const [i, userId] of [...attended, ...leftEarly].entries()) {
      const stayed = i < attended.length;
      const joined = minutesAfter(session.startsAt, stayed ? i % 3 : 10 + i);
      const left = stayed ? minutesAfter(session.endsAt, -(i % 2)) : minutesAfter(joined, 35);
      for (const [kind, at] of [['joined', joined], ['left', left]] as const) {
        const { recorded } = await this.attendance.recordParticipantEvent({ sessionId: session.id, userId, kind, at, eventId: `demo:${session.id}:${userId}:${kind}` });
        wrote ||= recorded;
      }
      // The certificate was issued when they left, not when the demo was seeded.
      if (stayed) wrote = (await backdate(this.db, 'workshop_certificates', { workshopId, userId }, { issuedAt: left })) || wrote;
    }
    for (const [i, f] of PAST.feedback.entries()) {
      const at = minutesAfter(session.endsAt, 30 + i * 45);
      const result = await this.db
        .createQueryBuilder()
        .insert()
        .into(Feedback)
        .values({ id: newId(), workshopId, userId: attended[i], rating: f.rating, comment: f.comment, createdAt: at })
        .orIgnore()
        .execute();
      wrote ||= Boolean(result.raw?.affectedRows);
    }
    return (await this.ensureLiveRoom(session, people.speakerId, person, attended)) || wrote;
  }

  private async ensureWorkshop(speakerId: string): Promise<{ wrote: boolean; workshopId: string; session: WorkshopSession }> {
    const existing = await this.db
      .getRepository(Workshop)
      .createQueryBuilder('w')
      .innerJoin(WorkshopSpeaker, 'sp', 'sp.workshopId = w.id AND sp.speakerId = :speakerId', { speakerId })
      .where('w.title = :title', { title: PAST.title })
      .getOne();
    if (existing) {
      const session = await this.db.getRepository(WorkshopSession).findOneByOrFail({ workshopId: existing.id });
      return { wrote: false, workshopId: existing.id, session };
    }
    const startsAt = workdayAgo(PAST.daysAgo, 9);
    const publishedAt = workdayAgo(16, 10, 0, startsAt);
    const workshopId = newId();
    const session = { id: newId(), workshopId, startsAt, endsAt: minutesAfter(startsAt, SESSION_MINUTES) };
    // What WorkshopsService.create and publish write, in one transaction: a crash leaves all or nothing.
    await this.db.transaction(async (manager) => {
      await manager.insert(Workshop, {
        id: workshopId,
        title: PAST.title,
        description: PAST.description,
        topic: 'keuangan',
        capacity: PAST.capacity,
        status: 'published',
        publishedAt,
        createdAt: minutesAfter(publishedAt, -60),
        updatedAt: publishedAt,
      });
      await manager.insert(WorkshopSession, session);
      await manager.insert(WorkshopSpeaker, { workshopId, speakerId });
    });
    return { wrote: true, workshopId, session: Object.assign(new WorkshopSession(), session) };
  }

  /** Seats, in the order people registered over the two weeks before (fewer than the capacity: all seated). */
  private async ensureRegistrations(workshopId: string, userIds: string[], startsAt: Date): Promise<boolean> {
    let wrote = false;
    for (const [i, userId] of userIds.entries()) {
      if (await this.db.getRepository(Registration).existsBy({ workshopId, userId })) continue;
      const at = minutesAfter(startsAt, -(14 - i) * 24 * 60 + 90 * i);
      await this.db.getRepository(Registration).insert({ id: newId(), workshopId, userId, status: 'registered', waitlistSeq: null, kecamatanCode: DEMO_KECAMATAN, createdAt: at, updatedAt: at });
      wrote = true;
    }
    return wrote;
  }

  /** The questions (with votes; two answered) and the closed poll, written together as a unit. */
  private async ensureLiveRoom(session: WorkshopSession, speakerId: string, person: (handle: string) => string, attended: string[]): Promise<boolean> {
    if (await this.db.getRepository(LiveQuestion).existsBy({ sessionId: session.id })) return false;
    await this.db.transaction(async (manager) => {
      for (const q of PAST.questions) {
        const id = newId();
        const askedAt = minutesAfter(session.startsAt, q.minute);
        await manager.insert(LiveQuestion, { id, sessionId: session.id, authorId: person(q.author), body: q.body, answeredAt: q.answered ? minutesAfter(askedAt, 12) : null, createdAt: askedAt });
        if (q.votes.length) await manager.insert(LiveQuestionVote, q.votes.map((v, i) => ({ questionId: id, userId: person(v), createdAt: minutesAfter(askedAt, 1 + i) })));
      }
      const pollId = newId();
      const openedAt = minutesAfter(session.startsAt, PAST.poll.minute);
      await manager.insert(LivePoll, { id: pollId, sessionId: session.id, createdBy: speakerId, question: PAST.poll.question, options: PAST.poll.options, closedAt: minutesAfter(openedAt, 5), createdAt: openedAt });
      await manager.insert(LivePollVote, PAST.poll.choices.map((choice, i) => ({ pollId, userId: attended[i], choice, createdAt: minutesAfter(openedAt, 1) })));
    });
    return true;
  }
}
