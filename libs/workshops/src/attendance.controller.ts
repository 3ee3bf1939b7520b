import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, PageQuery, ParseIdPipe, Roles, type Caller } from '@pendamping/platform';
import { attendanceCsv } from './attendance-csv';
import { AttendanceService } from './attendance.service';
import { CertificatesService } from './certificates.service';
import { ParticipationService } from './participation.service';
import { WorkshopReader } from './workshop-reader.service';
import { FeedbackDto } from './workshop.dto';
import { AttendanceView, FeedbackView } from './workshop.views';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops/:id')
export class AttendanceController {
  constructor(
    private readonly attendance: AttendanceService,
    private readonly participation: ParticipationService,
    private readonly certificates: CertificatesService,
    private readonly reader: WorkshopReader,
  ) {}

  @Get('attendance')
  @Roles('admin')
  @ApiOperation({ summary: 'Seconds present per registrant and session; `Accept: text/csv` for a spreadsheet' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: [AttendanceView] })
  async attendanceOf(@Param('id', ParseIdPipe) id: string, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    const workshop = await this.reader.one(id);
    const rows = await this.attendance.forWorkshop(id);
    if (!accept?.includes('text/csv')) return { items: rows, nextCursor: null };
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="kehadiran-${id}.csv"`);
    return attendanceCsv(rows, workshop.sessions.map((s) => s.id));
  }

  @Get('certificate')
  @Roles('entrepreneur')
  @ApiOperation({ summary: 'My certificate of attendance (PDF, Indonesian); 403 NOT_ATTENDED below the attendance share' })
  @ApiProduces('application/pdf')
  @ApiForbiddenResponse({ description: 'NOT_ATTENDED' })
  async certificate(@Param('id', ParseIdPipe) id: string, @CurrentUser() caller: Caller, @Res({ passthrough: true }) reply: FastifyReply) {
    const certificate = await this.participation.certificateFor(id, caller);
    const pdf = await this.certificates.pdf(certificate);
    void reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="sertifikat-${certificate.number}.pdf"`);
    return pdf;
  }

  @Post('feedback')
  @Roles('entrepreneur')
  @ApiOperation({ summary: 'Rate the workshop (1-5) with a comment, once, after attending it' })
  @ApiCreatedResponse({ type: FeedbackView })
  feedback(@Param('id', ParseIdPipe) id: string, @CurrentUser() caller: Caller, @Body() dto: FeedbackDto): Promise<FeedbackView> {
    return this.participation.giveFeedback(id, caller, dto);
  }

  @Get('feedback')
  @Roles('admin', 'speaker')
  @ApiOperation({ summary: 'Feedback, newest first, with the count and average rating (admins and its speakers)' })
  feedbackOf(@Param('id', ParseIdPipe) id: string, @CurrentUser() caller: Caller, @Query() query: PageQuery) {
    return this.participation.listFeedback(id, caller, query);
  }
}
