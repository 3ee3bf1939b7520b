import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import { AssistanceCase, Consultation, ConsultationOutcome, FollowUpService, OutcomeService } from '@pendamping/consultations';
import { newId, type Caller } from '@pendamping/platform';
import { backdate } from './backdate';
import { DEMO_PAST_CONSULTATIONS, demoEntrepreneur, type DemoPastConsultation, type DemoPeople } from './demo-data';
import { dateInDays, minutesAfter, pastConsultationTimes, workdayAgo } from './demo-time';

const SLOT_MINUTES = 45;
const PROGRESS = ['open', 'submitted', 'approved'];

/**
 * The consultations held before the seed: each booked days earlier, then completed with the mentor's
 * outcome (through OutcomeService, so cases and follow-up notifications are what a mentor would leave) or
 * marked a no-show; cases move on through FollowUpService. The services stamp "now", so the times are then
 * set back to when the demo says it happened. Every step looks for its result first (resumable).
 */
@Injectable()
export class ConsultationHistorySeeder {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outcomes: OutcomeService,
    private readonly followUps: FollowUpService,
  ) {}

  async seed(people: DemoPeople): Promise<boolean> {
    let wrote = false;
    for (const past of DEMO_PAST_CONSULTATIONS) wrote = (await this.seedOne(people, past)) || wrote;
    return wrote;
  }

  /** The demo's held consultation with this person, if it was written. */
  async find(people: DemoPeople, past: DemoPastConsultation): Promise<Consultation | null> {
    const entrepreneurId = people.entrepreneurIds[demoEntrepreneur(past.entrepreneur)];
    return this.db.getRepository(Consultation).findOneBy({ mentorId: people.mentorIds[past.mentor], entrepreneurId, start: LessThan(new Date()) });
  }

  private async seedOne(people: DemoPeople, past: DemoPastConsultation): Promise<boolean> {
    let wrote = false;
    const mentor: Caller = { id: people.mentorIds[past.mentor], roles: ['mentor'] };
    let consultation = await this.find(people, past);
    if (!consultation) {
      const { start, bookedAt } = pastConsultationTimes(past);
      const entrepreneurId = people.entrepreneurIds[demoEntrepreneur(past.entrepreneur)];
      // The row BookingService writes; its confirmation and reminders are long gone, so none are written.
      await this.db.getRepository(Consultation).insert({
        id: newId(),
        mentorId: mentor.id,
        entrepreneurId,
        start,
        end: minutesAfter(start, SLOT_MINUTES),
        topic: past.topic,
        note: past.note,
        status: 'booked',
        createdAt: bookedAt,
        updatedAt: bookedAt,
      });
      consultation = (await this.find(people, past))!;
      wrote = true;
    }
    const end = consultation.end;
    if (past.noShow && consultation.status === 'booked') {
      await this.outcomes.noShow(mentor, consultation.id);
      wrote = true;
    }
    if (past.noShow) return (await backdate(this.db, 'consultations', { id: consultation.id }, { updatedAt: minutesAfter(end, 30) })) || wrote;
    const outcome = past.outcome!;
    if (consultation.status === 'booked') {
      const found = outcome.case;
      await this.outcomes.record(mentor, consultation.id, {
        summary: outcome.summary,
        actions: outcome.actions,
        ...(outcome.followUpInDays !== undefined && { followUpOn: dateInDays(outcome.followUpInDays) }),
        ...(found && { caseType: found.type, lender: found.lender, permit: found.permit }),
      });
      wrote = true;
    }
    const writtenAt = minutesAfter(end, 20);
    wrote = (await backdate(this.db, 'consultations', { id: consultation.id }, { updatedAt: writtenAt })) || wrote;
    wrote = (await backdate(this.db, 'consultation_outcomes', { consultationId: consultation.id }, { createdAt: writtenAt, updatedAt: writtenAt })) || wrote;
    const stored = await this.db.getRepository(ConsultationOutcome).findOneByOrFail({ consultationId: consultation.id });
    if (!stored.caseId) return wrote;
    return (await this.progressCase(mentor, stored.caseId, outcome.case!, writtenAt)) || wrote;
  }

  private async progressCase(mentor: Caller, caseId: string, plan: NonNullable<NonNullable<DemoPastConsultation['outcome']>['case']>, openedAt: Date): Promise<boolean> {
    let wrote = false;
    for (const status of plan.progress) {
      const current = await this.db.getRepository(AssistanceCase).findOneByOrFail({ id: caseId });
      if (PROGRESS.indexOf(current.status) >= PROGRESS.indexOf(status)) continue;
      await this.followUps.updateCase(mentor, caseId, { status, ...(status === 'approved' && plan.referenceNumber && { referenceNumber: plan.referenceNumber }) });
      wrote = true;
    }
    const approvedAt = plan.approvedDaysAgo !== undefined ? workdayAgo(plan.approvedDaysAgo, 14) : null;
    wrote = (await backdate(this.db, 'assistance_cases', { id: caseId }, { createdAt: openedAt, ...(!approvedAt && { updatedAt: openedAt }) })) || wrote;
    if (approvedAt) wrote = (await backdate(this.db, 'assistance_cases', { id: caseId }, { approvedAt, updatedAt: approvedAt })) || wrote;
    return wrote;
  }
}
