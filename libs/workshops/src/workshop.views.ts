import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TOPICS, type Topic } from '@pendamping/identity';
import { PageOf } from '@pendamping/platform';
import { WORKSHOP_STATUSES, type WorkshopStatus } from './entities/workshop.entity';
import { REGISTRATION_STATUSES, type RegistrationStatus } from './entities/registration.entity';

export class SessionView {
  @ApiProperty() id: string;
  @ApiProperty() start: Date;
  @ApiProperty() end: Date;
}

export class SpeakerView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) organization: string | null;
}

export class RecurrenceView {
  @ApiProperty({ example: 'DTSTART;TZID=Asia/Jakarta:20261207T090000\nRRULE:FREQ=WEEKLY;COUNT=4' }) rrule: string;
  @ApiProperty({ example: 120 }) durationMinutes: number;
}

export class QuotaView {
  @ApiProperty() kecamatanCode: string;
  @ApiProperty() seats: number;
  @ApiProperty({ description: 'held seats not yet taken' }) seatsLeft: number;
}

export class WorkshopView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: TOPICS, enumName: 'Topic' }) topic: Topic;
  @ApiProperty() capacity: number;
  @ApiProperty({ enum: WORKSHOP_STATUSES, enumName: 'WorkshopStatus', description: 'completed once the last session has ended' }) status: WorkshopStatus;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty({ type: [String] }) speakerIds: string[];
  @ApiProperty({ type: [SpeakerView] }) speakers: SpeakerView[];
  @ApiProperty({ type: [SessionView] }) sessions: SessionView[];
  @ApiProperty({ type: RecurrenceView, nullable: true, description: 'the rule a series was made from; null for sessions given one by one' }) recurrence: RecurrenceView | null;
  @ApiProperty({ type: [QuotaView] }) kecamatanQuotas: QuotaView[];
  @ApiProperty({ nullable: true, type: Date, description: 'held seats open to everyone from then (a day before the first session); null without quotas' })
  quotasHeldUntil: Date | null;
  @ApiProperty() seatsLeft: number;
  @ApiProperty() registeredCount: number;
  @ApiProperty() waitlistCount: number;
  @ApiProperty({ nullable: true, type: Date }) publishedAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class WorkshopPage extends PageOf(WorkshopView) {}

/** A seat or a place in line (what registering gives). */
export const SEAT_STATUSES = ['registered', 'waitlisted'] as const;
export type SeatStatus = (typeof SEAT_STATUSES)[number];

export class RegistrationResult {
  @ApiProperty({ enum: SEAT_STATUSES, enumName: 'SeatStatus' }) status: SeatStatus;
  @ApiPropertyOptional({ description: 'place in line, when waitlisted' }) position?: number;
}

export class MyRegistrationView {
  @ApiProperty({ enum: REGISTRATION_STATUSES, enumName: 'RegistrationStatus', nullable: true }) status: RegistrationStatus | null; // null: never registered
  @ApiPropertyOptional({ description: 'place in line, when waitlisted' }) position?: number;
}

export class RegistrationView {
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: REGISTRATION_STATUSES, enumName: 'RegistrationStatus' }) status: RegistrationStatus;
  @ApiPropertyOptional({ description: 'current place in line, when waitlisted' }) position?: number;
  @ApiProperty({ nullable: true, type: String, description: "the kecamatan of the person's business" }) kecamatanCode: string | null;
  @ApiProperty() createdAt: Date;
}

export class RegistrationPage extends PageOf(RegistrationView) {}

export class SessionAttendanceView {
  @ApiProperty() sessionId: string;
  @ApiProperty() seconds: number;
  @ApiProperty() attended: boolean;
}

export class AttendanceView {
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty() seconds: number;
  @ApiProperty() attended: boolean;
  @ApiProperty({ type: [SessionAttendanceView] }) sessions: SessionAttendanceView[];
}

export class AttendancePage extends PageOf(AttendanceView) {}

export class FeedbackView {
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty() rating: number;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty() createdAt: Date;
}

export class FeedbackPage extends PageOf(FeedbackView) {
  @ApiProperty({ description: 'all feedback, not only this page' }) count: number;
  @ApiProperty({ type: Number, nullable: true, description: 'average of all ratings, two decimals; null without feedback' }) averageRating: number | null;
}

export class CertificateVerification {
  @ApiProperty({ example: 'PDP-2026-7K3M9QXT' }) number: string;
  @ApiProperty({ description: 'a certificate with this number was issued (unknown numbers are 404)' }) valid: boolean;
  @ApiProperty({ description: "the holder's name as printed" }) name: string;
  @ApiProperty({ description: 'as printed' }) workshopTitle: string;
  @ApiProperty() issuedAt: Date;
}

export class IssuedCertificateView {
  @ApiProperty({ example: 'PDP-2026-7K3M9QXT' }) number: string;
  @ApiProperty() userId: string;
  @ApiProperty({ description: "the holder's name as printed" }) name: string;
  @ApiProperty() issuedAt: Date;
}

export class IssuedCertificatePage extends PageOf(IssuedCertificateView) {}
