import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TOPICS, type Topic } from '@pendamping/identity';
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

export class QuotaView {
  @ApiProperty() kecamatanCode: string;
  @ApiProperty() seats: number;
  @ApiProperty({ description: 'held seats not yet taken' }) seatsLeft: number;
}

export class WorkshopView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: TOPICS }) topic: Topic;
  @ApiProperty() capacity: number;
  @ApiProperty({ enum: WORKSHOP_STATUSES, description: 'completed once the last session has ended' }) status: WorkshopStatus;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty({ type: [String] }) speakerIds: string[];
  @ApiProperty({ type: [SpeakerView] }) speakers: SpeakerView[];
  @ApiProperty({ type: [SessionView] }) sessions: SessionView[];
  @ApiProperty({ nullable: true }) recurrence: { rrule: string; durationMinutes: number } | null;
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

export class RegistrationResult {
  @ApiProperty({ enum: ['registered', 'waitlisted'] }) status: 'registered' | 'waitlisted';
  @ApiPropertyOptional({ description: 'place in line, when waitlisted' }) position?: number;
}

export class RegistrationView {
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
  @ApiPropertyOptional() position?: number;
  @ApiProperty({ nullable: true, type: String }) kecamatanCode: string | null;
  @ApiProperty() createdAt: Date;
}

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

export class FeedbackView {
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty() rating: number;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty() createdAt: Date;
}

export class CertificateVerification {
  @ApiProperty({ example: 'PDP-2026-7K3M9QXT' }) number: string;
  @ApiProperty() valid: boolean;
  @ApiProperty() name: string;
  @ApiProperty() workshopTitle: string;
  @ApiProperty() issuedAt: Date;
}
