import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsHumanText, PageOf, PageQuery } from '@pendamping/platform';
import { REGION_LEVELS, type RegionLevel } from './region.entity';

const ANY_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

export class RegionQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REGION_LEVELS, enumName: 'RegionLevel' })
  @IsOptional()
  @IsIn(REGION_LEVELS)
  level?: RegionLevel;

  @ApiPropertyOptional({ example: '31.71' })
  @IsOptional()
  @Matches(ANY_CODE, { message: 'parent must be a region code like 31.71 or 31.71.01' })
  parent?: string;
}

export class CreateRegionDto {
  @ApiProperty({ example: '31.71.09.1001' })
  @Matches(ANY_CODE, { message: 'code must be a Kemendagri code like 31.71, 31.71.01 or 31.71.01.1001' })
  code: string;

  @ApiProperty({ example: 'Tebet Barat' })
  @IsString()
  @Length(2, 100)
  @IsHumanText('name')
  name: string;

  @ApiProperty({ enum: REGION_LEVELS, enumName: 'RegionLevel' })
  @IsIn(REGION_LEVELS)
  level: RegionLevel;

  @ApiPropertyOptional({ example: '31.71.09' })
  @IsOptional()
  @Matches(ANY_CODE, { message: 'parentCode must be a region code like 31.71 or 31.71.01' })
  parentCode?: string;
}

export class RegionView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: REGION_LEVELS, enumName: 'RegionLevel' }) level: RegionLevel;
  @ApiProperty({ nullable: true, type: String }) parentCode: string | null;
}

export class RegionPage extends PageOf(RegionView) {}
