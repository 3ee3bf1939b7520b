import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BUSINESS_TYPES, TOPICS, type BusinessType, type Topic } from '@pendamping/identity';
import { PageOf } from '@pendamping/platform';
import { CONSULTATION_STATUSES, type ConsultationStatus } from './booking/consultation.entity';
import { PERMITS, type Permit } from './outcomes/outcome.dto';
import { CASE_STATUSES, CASE_TYPES, type AssistanceCase, type CaseStatus, type CaseType } from './outcomes/outcome.entity';

export class ConsultationView {
  @ApiProperty() id: string;
  @ApiProperty() mentorId: string;
  @ApiPropertyOptional({ description: 'in lists and single reads' }) mentorName?: string;
  @ApiProperty() entrepreneurId: string;
  @ApiPropertyOptional({ description: 'in lists and single reads' }) entrepreneurName?: string;
  @ApiProperty() start: Date;
  @ApiProperty() end: Date;
  @ApiProperty({ enum: TOPICS, enumName: 'Topic' }) topic: Topic;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ enum: CONSULTATION_STATUSES, enumName: 'ConsultationStatus' }) status: ConsultationStatus;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'user id of who cancelled; absent in the answer to a booking' }) cancelledBy?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'absent in the answer to a booking' }) cancelReason?: string | null;
  @ApiProperty() createdAt: Date;
}

export class ConsultationPage extends PageOf(ConsultationView) {}

export class MentorView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: TOPICS, enumName: 'Topic', isArray: true }) topics: Topic[];
  @ApiProperty({ type: [String] }) kelurahanCodes: string[];
  @ApiProperty({ description: 'assigned to the kelurahan that was asked for' }) assigned: boolean;
  @ApiProperty({ example: 'Asia/Jakarta' }) timezone: string;
}

export class MentorPage extends PageOf(MentorView) {}

export class SlotView {
  @ApiProperty() start: Date;
  @ApiProperty() end: Date;
}

export class SlotList {
  @ApiProperty({ type: [SlotView], description: 'free slots, soonest first' }) items: SlotView[];
}

export class ClockRangeView {
  @ApiProperty({ example: '09:00' }) start: string;
  @ApiProperty({ example: '12:00', description: '`24:00` means midnight' }) end: string;
}

export class WeeklyRangeView extends ClockRangeView {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'Monday = 1 … Sunday = 7' }) weekday: number;
}

export class DateOverrideView {
  @ApiProperty({ example: '2026-12-24', description: "a date in the mentor's zone" }) date: string;
  @ApiProperty({ type: [ClockRangeView], description: 'empty: a day off' }) ranges: ClockRangeView[];
}

export class AvailabilityView {
  @ApiProperty({ example: 'Asia/Jakarta' }) timezone: string;
  @ApiProperty() slotMinutes: number;
  @ApiProperty() bufferMinutes: number;
  @ApiProperty() minNoticeMinutes: number;
  @ApiProperty() horizonDays: number;
  @ApiProperty({ type: Number, nullable: true, description: 'at most this many consultations a day' }) dailyCap: number | null;
  @ApiProperty({ type: [WeeklyRangeView] }) weekly: WeeklyRangeView[];
  @ApiProperty({ type: [DateOverrideView], description: 'from today on' }) overrides: DateOverrideView[];
}

export class CaseView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: CASE_TYPES, enumName: 'CaseType' }) type: CaseType;
  @ApiProperty() entrepreneurId: string;
  @ApiProperty() mentorId: string;
  @ApiProperty() openedInConsultationId: string;
  @ApiProperty({ enum: CASE_STATUSES, enumName: 'CaseStatus' }) status: CaseStatus;
  @ApiProperty({ type: String, nullable: true, description: 'permodalan: Bank DKI, Koperasi PKK, …' }) lender: string | null;
  @ApiProperty({ enum: PERMITS, enumName: 'Permit', nullable: true, description: 'perizinan' }) permit: Permit | null;
  @ApiProperty({ type: String, nullable: true }) referenceNumber: string | null;
  @ApiPropertyOptional({ description: 'in the list of cases and in histories' }) entrepreneurName?: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class CasePage extends PageOf(CaseView) {}

export function toCaseView(a: AssistanceCase): CaseView {
  return {
    id: a.id,
    type: a.type,
    entrepreneurId: a.entrepreneurId,
    mentorId: a.mentorId,
    openedInConsultationId: a.openedInConsultationId,
    status: a.status,
    lender: a.lender,
    permit: a.permit as Permit | null,
    referenceNumber: a.referenceNumber,
    ...(a.entrepreneur && { entrepreneurName: a.entrepreneur.name }),
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

export class OutcomeView {
  @ApiProperty() consultationId: string;
  @ApiProperty({ enum: CONSULTATION_STATUSES, enumName: 'ConsultationStatus' }) status: ConsultationStatus;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [String] }) actions: string[];
  @ApiProperty({ type: String, nullable: true, example: '2026-12-21' }) followUpOn: string | null;
  @ApiProperty({ type: Date, nullable: true }) followUpDoneAt: Date | null;
  @ApiProperty({ type: CaseView, nullable: true }) case: CaseView | null;
}

export class FollowUpView {
  @ApiProperty() consultationId: string;
  @ApiProperty() entrepreneurId: string;
  @ApiProperty() entrepreneurName: string;
  @ApiProperty({ example: '2026-12-21' }) followUpOn: string;
  @ApiProperty({ description: 'the date has passed' }) overdue: boolean;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [String] }) actions: string[];
}

export class FollowUpPage extends PageOf(FollowUpView) {}

/** What an entrepreneur took away from a consultation: its actions, until the mentor's follow-up is done. */
export class ActionItemView {
  @ApiProperty() consultationId: string;
  @ApiProperty({ enum: TOPICS, enumName: 'Topic' }) topic: Topic;
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty() mentorName: string;
  @ApiProperty({ type: [String] }) actions: string[];
  @ApiProperty({ type: String, nullable: true, example: '2026-12-21', description: 'when the mentor follows up; null: no date set' }) followUpOn: string | null;
}

export class ActionItemPage extends PageOf(ActionItemView) {}

export class RegionRefView {
  @ApiProperty({ example: '31.74.01.1001' }) code: string;
  @ApiProperty({ example: 'Tebet Barat' }) name: string;
}

export class EntrepreneurProfileView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, description: 'null for an account without a business profile' }) businessName: string | null;
  @ApiProperty({ enum: BUSINESS_TYPES, enumName: 'BusinessType', nullable: true }) businessType: BusinessType | null;
  @ApiProperty({ type: RegionRefView, nullable: true }) kelurahan: RegionRefView | null;
  @ApiProperty({ type: RegionRefView, nullable: true }) kecamatan: RegionRefView | null;
  @ApiProperty({ example: 'Asia/Jakarta' }) timezone: string;
}

export class HistoryOutcomeView {
  @ApiProperty() summary: string;
  @ApiProperty({ type: [String] }) actions: string[];
  @ApiProperty({ type: String, nullable: true, example: '2026-12-21' }) followUpOn: string | null;
  @ApiProperty({ type: Date, nullable: true }) followUpDoneAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) caseId: string | null;
}

export class HistoryConsultationView {
  @ApiProperty() id: string;
  @ApiProperty() mentorId: string;
  @ApiProperty() mentorName: string;
  @ApiProperty() start: Date;
  @ApiProperty() end: Date;
  @ApiProperty({ enum: TOPICS, enumName: 'Topic' }) topic: Topic;
  @ApiProperty({ enum: CONSULTATION_STATUSES, enumName: 'ConsultationStatus' }) status: ConsultationStatus;
  @ApiProperty({ type: HistoryOutcomeView, nullable: true }) outcome: HistoryOutcomeView | null;
}

export class EntrepreneurHistoryView {
  @ApiProperty({ type: EntrepreneurProfileView }) profile: EntrepreneurProfileView;
  @ApiProperty({ type: [HistoryConsultationView], description: 'booked ones still to come, soonest first' }) upcoming: HistoryConsultationView[];
  @ApiProperty({ type: [HistoryConsultationView], description: 'consultations that have started, latest first (at most 50)' }) past: HistoryConsultationView[];
  @ApiProperty({ type: [CaseView], description: 'open or submitted cases, newest first' }) openCases: CaseView[];
}
