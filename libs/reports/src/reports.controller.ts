import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Roles } from '@pendamping/platform';
import { Region } from '@pendamping/regions';
import { funnelSvg } from './funnel-chart';
import { FunnelQuery } from './funnel.dto';
import { FunnelService, type Funnel } from './funnel.service';

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
  @ApiOperation({ summary: 'The program funnel: distinct entrepreneurs at each stage, for a period and optionally a kecamatan' })
  funnel(@Query() query: FunnelQuery): Promise<Funnel> {
    return this.funnels.funnel(query);
  }

  @Get('funnel.svg')
  @ApiOperation({ summary: 'The program funnel as an SVG bar chart in Indonesian' })
  @ApiProduces('image/svg+xml')
  async funnelChart(@Query() query: FunnelQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const funnel = await this.funnels.funnel(query);
    const region = funnel.kecamatanCode ? await this.dataSource.manager.findOneBy(Region, { code: funnel.kecamatanCode }) : null;
    void reply.header('content-type', 'image/svg+xml; charset=utf-8');
    return funnelSvg(funnel, region ? `Kecamatan ${region.name}` : funnel.kecamatanCode);
  }
}
