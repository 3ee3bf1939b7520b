import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '@pendamping/platform';
import { CreateRegionDto, RegionQuery } from './region.dto';
import { RegionsService } from './regions.service';

@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Kota, kecamatan and kelurahan, by level and parent, ordered by code' })
  list(@Query() query: RegionQuery) {
    return this.regions.list(query);
  }

  @Post()
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Add a region (usually a kelurahan); its code starts with its parent code' })
  @ApiConflictResponse({ description: 'REGION_EXISTS' })
  create(@Body() dto: CreateRegionDto) {
    return this.regions.create(dto);
  }
}
