import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, ParseIdPipe, Roles, type Caller } from '@pendamping/platform';
import { ConsultationPage, ConsultationView } from '../consultation.views';
import { BookConsultationDto, CancelDto, ConsultationQuery, RescheduleDto } from './booking.dto';
import { BookingService } from './booking.service';
import { ConsultationQueryService, toView } from './consultation-query.service';

@ApiTags('consultations')
@ApiBearerAuth()
@Controller('consultations')
export class ConsultationsController {
  constructor(
    private readonly booking: BookingService,
    private readonly query: ConsultationQueryService,
  ) {}

  @Post()
  @Roles('entrepreneur')
  @ApiOperation({ operationId: 'bookConsultation', summary: 'Book a free slot of a mentor' })
  @ApiCreatedResponse({ type: ConsultationView })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Makes a retried booking answer the first result' })
  @ApiConflictResponse({ description: 'SLOT_TAKEN, ALREADY_BOOKED_THEN, DAILY_CAP_REACHED, BOOKING_LIMIT_MENTOR, BOOKING_LIMIT_TOTAL (upcoming bookings per entrepreneur: BOOKINGS_PER_MENTOR, BOOKINGS_OPEN_MAX); TRY_AGAIN with Retry-After when the change collided with others (nothing saved)' })
  @ApiUnprocessableEntityResponse({ description: 'NOT_A_SLOT, IN_THE_PAST' })
  async book(@CurrentUser() caller: Caller, @Body() dto: BookConsultationDto): Promise<ConsultationView> {
    return toView(await this.booking.book(caller, dto));
  }

  @Get()
  @ApiOperation({ operationId: 'listConsultations', summary: "The caller's consultations (as entrepreneur or mentor); admins see all" })
  @ApiOkResponse({ type: ConsultationPage })
  list(@CurrentUser() caller: Caller, @Query() query: ConsultationQuery): Promise<ConsultationPage> {
    return this.query.list(caller, query);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getConsultation', summary: 'One consultation (its two people and admins)' })
  @ApiOkResponse({ type: ConsultationView })
  @ApiNotFoundResponse({ description: 'Unknown, or not yours' })
  get(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string): Promise<ConsultationView> {
    return this.query.get(caller, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ operationId: 'cancelConsultation', summary: 'Cancel (either participant); the slot is free again at once' })
  @ApiOkResponse({ type: ConsultationView })
  @ApiConflictResponse({ description: 'NOT_BOOKED (cancelled, held or no-show), ALREADY_STARTED (its start has passed); TRY_AGAIN with Retry-After (nothing saved)' })
  async cancel(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string, @Body() dto: CancelDto): Promise<ConsultationView> {
    return toView(await this.booking.cancel(caller, id, dto.reason));
  }

  @Post(':id/reschedule')
  @HttpCode(200)
  @ApiOperation({ operationId: 'rescheduleConsultation', summary: 'Move to another free slot; when it is taken the consultation keeps its time' })
  @ApiOkResponse({ type: ConsultationView })
  @ApiConflictResponse({ description: 'SLOT_TAKEN, NOT_BOOKED, ALREADY_STARTED (its start has passed); TRY_AGAIN with Retry-After (nothing saved)' })
  async reschedule(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string, @Body() dto: RescheduleDto): Promise<ConsultationView> {
    return toView(await this.booking.reschedule(caller, id, new Date(dto.start)));
  }
}
