import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { TOPICS, type Topic } from '@pendamping/identity';
import { IsHumanText, IsInstant, IsMultilineText, PageQuery } from '@pendamping/platform';
import { REGISTRATION_STATUSES, type RegistrationStatus } from './entities/registration.entity';
import { MAX_SESSIONS } from './recurrence';

const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
const ID = /^[0-9a-f-]{36}$/i;

export class SessionDto {
  @ApiPropertyOptional({ description: 'PATCH only: the session to keep or move; omit for a new session' })
  @IsOptional()
  @Matches(ID, { message: 'id must be a session id' })
  id?: string;

  @ApiProperty({ example: '2026-12-07T09:00:00+07:00' })
  @IsInstant('start')
  start: string;

  @ApiProperty({ example: '2026-12-07T11:00:00+07:00' })
  @IsInstant('end')
  end: string;
}

export class RecurrenceDto {
  @ApiProperty({ example: 'DTSTART;TZID=Asia/Jakarta:20261207T090000\nRRULE:FREQ=WEEKLY;COUNT=4', description: 'RFC 5545; wall clock of Asia/Jakarta unless a TZID says otherwise' })
  @IsString()
  @Length(10, 500)
  rrule: string;

  @ApiProperty({ example: 120, minimum: 15, maximum: 720 })
  @IsInt()
  @Min(15)
  @Max(720)
  durationMinutes: number;
}

export class QuotaDto {
  @ApiProperty({ example: '31.71.09' })
  @Matches(/^\d{2}\.\d{2}\.\d{2}$/, { message: 'kecamatanCode must be a kecamatan code like 31.71.09' })
  kecamatanCode: string;

  @ApiProperty({ example: 10, minimum: 1 })
  @IsInt()
  @Min(1)
  seats: number;
}

class WorkshopFields {
  @ApiProperty({ example: 'Pengelolaan Keuangan UMKM' })
  @trimmed()
  @IsString()
  @Length(3, 200)
  @IsHumanText('title')
  title: string;

  @ApiProperty({ example: 'Memisahkan uang usaha dan pribadi, mencatat arus kas, menyiapkan pengajuan KUR.' })
  @trimmed()
  @IsString()
  @Length(1, 5000)
  @IsMultilineText('description')
  description: string;

  @ApiProperty({ enum: TOPICS, enumName: 'Topic' })
  @IsIn(TOPICS)
  topic: Topic;

  @ApiProperty({ example: 30, minimum: 1, maximum: 10000 })
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity: number;

  @ApiProperty({ type: [String], description: 'user ids of speakers' })
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique({ message: 'speakerIds must not repeat a speaker' })
  @Matches(ID, { each: true, message: 'each of speakerIds must be a user id' })
  speakerIds: string[];

  @ApiPropertyOptional({ type: [SessionDto], description: 'give sessions or recurrence' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SESSIONS)
  @ValidateNested({ each: true })
  @Type(() => SessionDto)
  sessions?: SessionDto[];

  @ApiPropertyOptional({ type: RecurrenceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecurrenceDto)
  recurrence?: RecurrenceDto;

  @ApiPropertyOptional({ type: [QuotaDto], description: 'seats held for entrepreneurs of a kecamatan' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => QuotaDto)
  kecamatanQuotas?: QuotaDto[];
}

export class CreateWorkshopDto extends WorkshopFields {}

/** Any subset; `sessions` replaces the whole list (keep a session by its id), `recurrence` replaces all. */
export class UpdateWorkshopDto extends PartialType(WorkshopFields) {}

export class CancelWorkshopDto {
  @ApiProperty({ example: 'Narasumber berhalangan hadir' })
  @trimmed()
  @IsString()
  @Length(3, 500)
  @IsMultilineText('reason')
  reason: string;
}

export class WorkshopQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'sessions starting at or after (default: now)' })
  @IsOptional()
  @IsInstant('from')
  from?: string;

  @ApiPropertyOptional({ description: 'sessions starting before' })
  @IsOptional()
  @IsInstant('to')
  to?: string;

  @ApiPropertyOptional({ enum: TOPICS, enumName: 'Topic' })
  @IsOptional()
  @IsIn(TOPICS)
  topic?: Topic;
}

export class RegistrationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES, enumName: 'RegistrationStatus' })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES)
  status?: RegistrationStatus;
}

export class FeedbackDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @trimmed()
  @IsString()
  @MaxLength(2000)
  @IsMultilineText('comment')
  comment?: string;
}
