import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { TOPICS, type Topic } from '@pendamping/identity';
import { IsDateTime, IsMultilineText, PageQuery } from '@pendamping/platform';
import { CONSULTATION_STATUSES, type ConsultationStatus } from './consultation.entity';

export const LIST_ORDERS = ['asc', 'desc'] as const;
export type ListOrder = (typeof LIST_ORDERS)[number];

export class BookConsultationDto {
  @ApiProperty({ description: "The mentor's user id" })
  @IsUUID('all', { message: 'mentorId must be a user id' })
  mentorId: string;

  @ApiProperty({ example: '2026-12-07T09:00:00+07:00', description: 'A slot start from GET /api/mentors/:id/slots' })
  @IsDateTime('start')
  start: string;

  @ApiProperty({ enum: TOPICS, enumName: 'Topic' })
  @IsIn(TOPICS, { message: `topic must be one of: ${TOPICS.join(', ')}` })
  topic: Topic;

  @ApiPropertyOptional({ maxLength: 1000, description: 'What the entrepreneur wants to talk about' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @IsMultilineText('note')
  note?: string;
}

export class RescheduleDto {
  @ApiProperty({ example: '2026-12-08T10:00:00+07:00' })
  @IsDateTime('start')
  start: string;
}

export class CancelDto {
  @ApiProperty({ maxLength: 500 })
  @IsString()
  @IsNotEmpty({ message: 'reason should not be empty' })
  @MaxLength(500)
  @IsMultilineText('reason')
  reason: string;
}

export class ConsultationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CONSULTATION_STATUSES, enumName: 'ConsultationStatus' })
  @IsOptional()
  @IsIn(CONSULTATION_STATUSES, { message: `status must be one of: ${CONSULTATION_STATUSES.join(', ')}` })
  status?: ConsultationStatus;

  @ApiPropertyOptional({ description: 'Consultations starting at or after this instant' })
  @IsOptional()
  @IsDateTime('from')
  from?: string;

  @ApiPropertyOptional({ description: 'Consultations starting before this instant' })
  @IsOptional()
  @IsDateTime('to')
  to?: string;

  @ApiPropertyOptional({ enum: LIST_ORDERS, default: 'asc', description: 'By start time: asc soonest first, desc latest first (a history); a cursor pages on in the order it was made in' })
  @IsOptional()
  @IsIn(LIST_ORDERS, { message: `order must be one of: ${LIST_ORDERS.join(', ')}` })
  order?: ListOrder;
}
