import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { TOPICS, type Topic } from '@pendamping/identity';
import { IsDateTime, PageQuery } from '@pendamping/platform';
import { REGION_CODE_PATTERN } from '@pendamping/regions';

const KELURAHAN_CODE = { message: 'kelurahan must be a kelurahan code such as 31.71.09.1001' };

export class MentorProfileQuery {
  @ApiPropertyOptional({ example: '31.71.09.1001', description: '`assigned` says whether the mentor covers this kelurahan' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN.kelurahan, KELURAHAN_CODE)
  kelurahan?: string;
}

export class MentorQuery extends PageQuery {
  @ApiPropertyOptional({ example: '31.71.09.1001', description: 'Mentors assigned here first, then others in its kecamatan' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN.kelurahan, KELURAHAN_CODE)
  kelurahan?: string;

  @ApiPropertyOptional({ enum: TOPICS, enumName: 'Topic' })
  @IsOptional()
  @IsIn(TOPICS, { message: `topic must be one of: ${TOPICS.join(', ')}` })
  topic?: Topic;
}

export class SlotQuery {
  @ApiProperty({ example: '2026-12-07T00:00:00+07:00' })
  @IsDateTime('from')
  from: string;

  @ApiProperty({ example: '2026-12-14T00:00:00+07:00', description: 'At most 31 days after from' })
  @IsDateTime('to')
  to: string;
}
