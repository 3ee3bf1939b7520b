import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Roles } from '@pendamping/platform';
import { Region } from '@pendamping/regions';
import { funnelSvg } from './funnel-chart';
import { FunnelQuery } from './funnel.dto';
import { Funnel, FunnelService } from './funnel.service';

@ApiTags('reports')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/reports')
export class ReportsController {
  constructor(
    private readonly funnels: FunnelService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get('funnel')
  @ApiOperation({ operationId: 'getFunnel', summary: 'The program funnel: distinct entrepreneurs at each stage, for a period and optionally a kecamatan' })
  @ApiOkResponse({ type: Funnel })
  funnel(@Query() query: FunnelQuery): Promise<Funnel> {
    return this.funnels.funnel(query);
  }

  @Get('funnel.svg')
  @ApiOperation({ operationId: 'getFunnelChart', summary: 'The program funnel as an SVG bar chart in Indonesian' })
  @ApiOkResponse({ description: 'An SVG image', content: { 'image/svg+xml': { schema: { type: 'string' } } } })
  async funnelChart(@Query() query: FunnelQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const funnel = await this.funnels.funnel(query);
    const region = funnel.kecamatanCode ? await this.dataSource.manager.findOneBy(Region, { code: funnel.kecamatanCode }) : null;
    void reply.header('content-type', 'image/svg+xml; charset=utf-8');
    return funnelSvg(funnel, region ? `Kecamatan ${region.name}` : funnel.kecamatanCode);
  }
}
