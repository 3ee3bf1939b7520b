import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, DomainError, DomainEvents, newId, notFound, validationFailed, type Caller } from '@pendamping/platform';
import { ConsultationRepository } from '../consultation.repository';
import { Consultation } from '../booking/consultation.entity';
import { ConsultationAccess } from '../booking/consultation-access.service';
import { notBooked, notStarted } from '../consultation.errors';
import { consultationEvent } from '../consultation.events';
import { toCaseView, type OutcomeView } from '../consultation.views';
import type { OutcomeDto } from './outcome.dto';
import { AssistanceCase, ConsultationOutcome } from './outcome.entity';

/** What happens after the conversation: the mentor's record, the follow-up, a case, or a no-show. */
@Injectable()
export class OutcomeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ConsultationAccess,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly consultations: ConsultationRepository,
  ) {}

  async record(caller: Caller, id: string, dto: OutcomeDto): Promise<OutcomeView> {
    const current = await this.access.mentorView(caller, id);
    if (dto.caseType === 'permodalan' && !dto.lender) throw validationFailed('lender is required for a permodalan case (e.g. Bank DKI)');
    if (dto.caseType === 'perizinan' && !dto.permit) throw validationFailed('permit is required for a perizinan case (NIB or PIRT)');
    return this.events.transaction(this.db, async (manager, emit) => {
      const consultation = await this.startedForUpdate(manager, current);
      if (consultation.status === 'completed') {
        throw new DomainError('OUTCOME_EXISTS', 'An outcome was already recorded; change it with PATCH');
      }
      const assistanceCase = dto.caseType
        ? manager.getRepository(AssistanceCase).create({
            id: newId(),
            type: dto.caseType,
            entrepreneurId: consultation.entrepreneurId,
            mentorId: consultation.mentorId,
            openedInConsultationId: consultation.id,
            lender: dto.caseType === 'permodalan' ? dto.lender!.trim() : null,
            permit: dto.caseType === 'perizinan' ? dto.permit! : null,
            referenceNumber: dto.referenceNumber?.trim() || null,
          })
        : null;
      if (assistanceCase) await manager.getRepository(AssistanceCase).insert(assistanceCase);
      await manager.getRepository(ConsultationOutcome).insert({
        consultationId: id,
        mentorId: consultation.mentorId,
        summary: dto.summary.trim(),
        actions: dto.actions.map((a) => a.trim()),
        followUpOn: dto.followUpOn ?? null,
        caseId: assistanceCase?.id ?? null,
      });
      await manager.getRepository(Consultation).update(id, { status: 'completed' });
      await emit(consultationEvent('consultation.completed', consultation, { followUpOn: dto.followUpOn ?? null }));
      return this.view(manager, id);
    });
  }

  async update(caller: Caller, id: string, dto: Partial<Pick<OutcomeDto, 'summary' | 'actions' | 'followUpOn'>>): Promise<OutcomeView> {
    await this.access.mentorView(caller, id);
    const changes = {
      ...(dto.summary !== undefined && { summary: dto.summary.trim() }),
      ...(dto.actions !== undefined && { actions: dto.actions.map((a) => a.trim()) }),
      // A new follow-up date is a new promise: it is due again.
      ...(dto.followUpOn !== undefined && { followUpOn: dto.followUpOn, followUpDoneAt: null }),
    };
    const result = await this.db.getRepository(ConsultationOutcome).update({ consultationId: id }, changes);
    if (!result.affected) throw notFound('Outcome');
    return this.view(this.db.manager, id);
  }

  async get(caller: Caller, id: string): Promise<OutcomeView> {
    await this.access.visible(caller, id);
    return this.view(this.db.manager, id);
  }

  /** The mentor marks that the entrepreneur did not come; the slot stays used. */
  async noShow(caller: Caller, id: string): Promise<Consultation> {
    const current = await this.access.mentorView(caller, id);
    return this.events.transaction(this.db, async (manager, emit) => {
      const consultation = await this.startedForUpdate(manager, current);
      if (consultation.status !== 'booked') throw notBooked(consultation.status);
      consultation.status = 'no_show';
      await manager.getRepository(Consultation).update(id, { status: 'no_show' });
      await emit(consultationEvent('consultation.no_show', consultation, {}));
      return consultation;
    });
  }

  async followUpDone(caller: Caller, id: string): Promise<OutcomeView> {
    await this.access.mentorView(caller, id);
    const result = await this.db.getRepository(ConsultationOutcome).update({ consultationId: id }, { followUpDoneAt: this.clock.now() });
    if (!result.affected) throw notFound('Outcome');
    return this.view(this.db.manager, id);
  }


  /** Both calendars first, then the row: the lock order of booking, reschedule and cancel (else a deadlock with them). */
  private async startedForUpdate(manager: EntityManager, { id, mentorId, entrepreneurId }: Consultation): Promise<Consultation> {
    await this.consultations.lockCalendars(manager, [mentorId, entrepreneurId]);
    const consultation = await manager.getRepository(Consultation).findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (consultation.status === 'cancelled' || consultation.status === 'no_show') throw notBooked(consultation.status);
    if (consultation.start > this.clock.now()) throw notStarted();
    return consultation;
  }

  private async view(manager: EntityManager, id: string): Promise<OutcomeView> {
    const outcome = await manager.getRepository(ConsultationOutcome).findOne({ where: { consultationId: id }, relations: { consultation: true } });
    if (!outcome) throw notFound('Outcome');
    const assistanceCase = outcome.caseId ? await manager.getRepository(AssistanceCase).findOneBy({ id: outcome.caseId }) : null;
    return {
      consultationId: id,
      status: outcome.consultation!.status,
      summary: outcome.summary,
      actions: outcome.actions,
      followUpOn: outcome.followUpOn,
      followUpDoneAt: outcome.followUpDoneAt,
      case: assistanceCase && toCaseView(assistanceCase),
    };
  }
}
