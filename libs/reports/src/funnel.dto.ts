import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsInstant } from '@pendamping/platform';

export class FunnelQuery {
  @ApiPropertyOptional({ description: 'start of the period (default: 90 days before `to`)', example: '2026-09-01T00:00:00+07:00' })
  @IsOptional()
  @IsInstant('from')
  from?: string;

  @ApiPropertyOptional({ description: 'end of the period, exclusive (default: now); at most 366 days after `from`' })
  @IsOptional()
  @IsInstant('to')
  to?: string;

  @ApiPropertyOptional({ description: 'only entrepreneurs of this kecamatan', example: '31.71.09' })
  @IsOptional()
  @Matches(/^\d{2}\.\d{2}\.\d{2}$/, { message: 'kecamatanCode must be a kecamatan code like 31.71.09' })
  kecamatanCode?: string;
}
