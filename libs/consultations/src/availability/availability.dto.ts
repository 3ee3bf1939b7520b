import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  Validate,
  ValidateNested,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { IsIanaZone } from '@pendamping/platform';
import { minutesOf } from './slots';

const CLOCK = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

@ValidatorConstraint({ name: 'endAfterStart' })
class EndAfterStart implements ValidatorConstraintInterface {
  validate = (end: unknown, args?: ValidationArguments) => {
    const start = (args?.object as { start?: unknown } | undefined)?.start;
    return typeof end === 'string' && typeof start === 'string' && CLOCK.test(end) && CLOCK.test(start) && minutesOf(end) > minutesOf(start);
  };
  defaultMessage = () => 'end must be after start';
}

export class ClockRangeDto {
  @ApiProperty({ example: '09:00' })
  @Matches(CLOCK, { message: 'start must be a time HH:mm' })
  start: string;

  @ApiProperty({ example: '12:00', description: '`24:00` means midnight' })
  @Matches(CLOCK, { message: 'end must be a time HH:mm' })
  @Validate(EndAfterStart)
  end: string;
}

export class WeeklyRangeDto extends ClockRangeDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'Monday = 1 … Sunday = 7' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday: number;
}

export class AvailabilityDto {
  @ApiPropertyOptional({ example: 'Asia/Jakarta', description: "Defaults to the mentor's own zone" })
  @IsOptional()
  @IsString()
  @IsIanaZone()
  timezone?: string;

  @ApiProperty({ minimum: 10, maximum: 240 })
  @IsInt()
  @Min(10)
  @Max(240)
  slotMinutes: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 120, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  bufferMinutes?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 20160, default: 120, description: 'How long before a slot it can still be booked' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(20160)
  minNoticeMinutes?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 365, default: 30, description: 'How many days ahead bookings open' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  horizonDays?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, description: 'At most this many consultations a day; none when absent' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  dailyCap?: number;

  @ApiProperty({ type: [WeeklyRangeDto] })
  @IsArray()
  @ArrayMaxSize(70)
  @ValidateNested({ each: true })
  @Type(() => WeeklyRangeDto)
  weekly: WeeklyRangeDto[];
}

export class OverrideDto {
  @ApiProperty({ type: [ClockRangeDto], description: 'Empty: a day off' })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ClockRangeDto)
  ranges: ClockRangeDto[];
}

/** Two ranges on the same day that overlap are a mistake the mentor should hear about. */
export function overlappingRanges(ranges: (ClockRangeDto & { weekday?: number })[]): string[] {
  const sorted = [...ranges].sort((a, b) => (a.weekday ?? 0) - (b.weekday ?? 0) || minutesOf(a.start) - minutesOf(b.start));
  const messages: string[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const [prev, next] = [sorted[i - 1], sorted[i]];
    if ((prev.weekday ?? 0) === (next.weekday ?? 0) && minutesOf(next.start) < minutesOf(prev.end)) {
      messages.push(`${next.start}-${next.end} overlaps ${prev.start}-${prev.end}${next.weekday ? ` on weekday ${next.weekday}` : ''}`);
    }
  }
  return messages;
}
