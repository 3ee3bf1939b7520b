import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, ParseIdPipe, Roles, type Caller } from '@pendamping/platform';
import { LiveReport, LiveReportService } from './live-report.service';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops/:id/live-report')
export class LiveReportController {
  constructor(private readonly reports: LiveReportService) {}

  @Get()
  @Roles('admin', 'speaker')
  @ApiOperation({ operationId: 'getLiveReport', summary: "Q&A and poll results of each session's live room (admins and the workshop's speakers)" })
  @ApiOkResponse({ type: LiveReport })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: a speaker of another workshop' })
  report(@Param('id', ParseIdPipe) id: string, @CurrentUser() caller: Caller): Promise<LiveReport> {
    return this.reports.report(id, caller);
  }
}
