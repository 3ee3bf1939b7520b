import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, IsHumanText, IsMultilineText, PageQuery } from '@pendamping/platform';
import { CASE_STATUSES, CASE_TYPES, type CaseStatus, type CaseType } from './outcome.entity';

export const PERMITS = ['NIB', 'PIRT'] as const;
export type Permit = (typeof PERMITS)[number];

export class OutcomeDto {
  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @IsNotEmpty({ message: 'summary should not be empty' })
  @MaxLength(5000)
  @IsMultilineText('summary')
  summary: string;

  @ApiProperty({ type: [String], description: 'What the entrepreneur (or the mentor) will do next' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'each action should not be empty' })
  @MaxLength(500, { each: true })
  @IsHumanText('each action', { each: true })
  actions: string[];

  @ApiPropertyOptional({ example: '2026-12-21', description: "A date in the mentor's zone" })
  @IsOptional()
  @IsCalendarDate('followUpOn')
  followUpOn?: string;

  @ApiPropertyOptional({ enum: CASE_TYPES, enumName: 'CaseType', description: 'Opens a case that is tracked until the lender or agency decides' })
  @IsOptional()
  @IsIn(CASE_TYPES, { message: `caseType must be one of: ${CASE_TYPES.join(', ')}` })
  caseType?: CaseType;

  @ApiPropertyOptional({ example: 'Bank DKI', description: 'Required for permodalan' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  @IsHumanText('lender')
  lender?: string;

  @ApiPropertyOptional({ enum: PERMITS, enumName: 'Permit', description: 'Required for perizinan' })
  @IsOptional()
  @IsIn(PERMITS, { message: `permit must be one of: ${PERMITS.join(', ')}` })
  permit?: Permit;

  @ApiPropertyOptional({ maxLength: 80 })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @IsHumanText('referenceNumber')
  referenceNumber?: string;
}

export class UpdateCaseDto {
  @ApiPropertyOptional({ enum: CASE_STATUSES, enumName: 'CaseStatus' })
  @IsOptional()
  @IsIn(CASE_STATUSES, { message: `status must be one of: ${CASE_STATUSES.join(', ')}` })
  status?: CaseStatus;

  @ApiPropertyOptional({ maxLength: 80 })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @IsHumanText('referenceNumber')
  referenceNumber?: string;

  @ApiPropertyOptional({ maxLength: 120 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  @IsHumanText('lender')
  lender?: string;
}

export class FollowUpQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only follow-ups whose date has passed' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'overdue must be true or false' })
  overdue?: 'true' | 'false';
}
