import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '@pendamping/platform';
import { CreateRegionDto, RegionPage, RegionQuery, RegionView } from './region.dto';
import { RegionsService } from './regions.service';

@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Public()
  @Get()
  @ApiOperation({ operationId: 'listRegions', summary: 'Kota, kecamatan and kelurahan, by level and parent, ordered by code' })
  @ApiOkResponse({ type: RegionPage })
  list(@Query() query: RegionQuery): Promise<RegionPage> {
    return this.regions.list(query);
  }

  @Post()
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'createRegion', summary: 'Add a region (usually a kelurahan); its code starts with its parent code' })
  @ApiCreatedResponse({ type: RegionView })
  @ApiConflictResponse({ description: 'REGION_EXISTS' })
  create(@Body() dto: CreateRegionDto): Promise<RegionView> {
    return this.regions.create(dto);
  }
}
