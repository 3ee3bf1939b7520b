import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, PageQuery, ParseIdPipe, Roles, type Caller } from '@pendamping/platform';
import { attendanceCsv } from './attendance-csv';
import { AttendanceService } from './attendance.service';
import { CertificatesService } from './certificates.service';
import { ParticipationService } from './participation.service';
import { WorkshopReader } from './workshop-reader.service';
import { FeedbackDto } from './workshop.dto';
import { AttendancePage, FeedbackPage, FeedbackView, IssuedCertificatePage } from './workshop.views';

@ApiTags('workshops')
@ApiBearerAuth()
@ApiExtraModels(AttendancePage)
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
  @ApiOperation({ operationId: 'getAttendance', summary: 'Seconds present per registrant and session; `Accept: text/csv` for a spreadsheet' })
  @ApiOkResponse({
    description: 'Every registrant on one page (nextCursor is null), or the same as CSV',
    content: { 'application/json': { schema: { $ref: getSchemaPath(AttendancePage) } }, 'text/csv': { schema: { type: 'string' } } },
  })
  async attendanceOf(
    @Param('id', ParseIdPipe) id: string,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AttendancePage | string> {
    const workshop = await this.reader.one(id);
    const rows = await this.attendance.forWorkshop(id);
    if (!accept?.includes('text/csv')) return { items: rows, nextCursor: null };
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="kehadiran-${id}.csv"`);
    return attendanceCsv(rows, workshop.sessions.map((s) => s.id));
  }

  @Get('certificate')
  @Roles('entrepreneur')
  @ApiOperation({ operationId: 'downloadCertificate', summary: 'My certificate of attendance (PDF, Indonesian); 403 NOT_ATTENDED below the attendance share' })
  @ApiOkResponse({ description: 'The certificate, issued at the first download', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiForbiddenResponse({ description: 'NOT_ATTENDED' })
  async certificate(@Param('id', ParseIdPipe) id: string, @CurrentUser() caller: Caller, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const certificate = await this.participation.certificateFor(id, caller);
    const pdf = await this.certificates.pdf(certificate);
    void reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="sertifikat-${certificate.number}.pdf"`);
    return pdf;
  }

  @Get('certificates')
  @Roles('admin')
  @ApiOperation({ operationId: 'listIssuedCertificates', summary: 'Certificates issued for this workshop, in the order they were issued (admins)' })
  @ApiOkResponse({ type: IssuedCertificatePage })
  async issued(@Param('id', ParseIdPipe) id: string, @Query() query: PageQuery): Promise<IssuedCertificatePage> {
    await this.reader.one(id);
    return this.certificates.issuedFor(id, query);
  }

  @Post('feedback')
  @Roles('entrepreneur')
  @ApiOperation({ operationId: 'giveFeedback', summary: 'Rate the workshop (1-5) with a comment, once, after attending it' })
  @ApiCreatedResponse({ type: FeedbackView })
  feedback(@Param('id', ParseIdPipe) id: string, @CurrentUser() caller: Caller, @Body() dto: FeedbackDto): Promise<FeedbackView> {
    return this.participation.giveFeedback(id, caller, dto);
  }

  @Get('feedback')
  @Roles('admin', 'speaker')
  @ApiOperation({ operationId: 'listFeedback', summary: 'Feedback, newest first, with the count and average rating (admins and its speakers)' })
  @ApiOkResponse({ type: FeedbackPage })
  feedbackOf(@Param('id', ParseIdPipe) id: string, @CurrentUser() caller: Caller, @Query() query: PageQuery): Promise<FeedbackPage> {
    return this.participation.listFeedback(id, caller, query);
  }
}
