import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, ParseIdPipe, Public, Roles, type Caller } from '@pendamping/platform';
import { CancelWorkshopDto, CreateWorkshopDto, UpdateWorkshopDto, WorkshopQuery } from './workshop.dto';
import { WorkshopReader } from './workshop-reader.service';
import { WorkshopPage, WorkshopView } from './workshop.views';
import { WorkshopsService } from './workshops.service';

@ApiTags('workshops')
@Controller('workshops')
export class WorkshopsController {
  constructor(
    private readonly workshops: WorkshopsService,
    private readonly reader: WorkshopReader,
  ) {}

  @Post()
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'createWorkshop', summary: 'Create a draft workshop with sessions, or a series from an RFC 5545 rule (Asia/Jakarta wall clock)' })
  @ApiCreatedResponse({ type: WorkshopView })
  @ApiConflictResponse({ description: 'SPEAKER_BUSY; TRY_AGAIN with Retry-After (nothing saved)' })
  create(@Body() dto: CreateWorkshopDto): Promise<WorkshopView> {
    return this.workshops.create(dto);
  }

  @Public()
  @Get()
  @ApiOperation({ operationId: 'listWorkshops', summary: 'Published workshops with a session starting in [from, to), soonest first' })
  @ApiOkResponse({ type: WorkshopPage })
  list(@Query() query: WorkshopQuery): Promise<WorkshopPage> {
    return this.reader.list(query);
  }

  @Public()
  @Get(':id')
  @ApiOperation({ operationId: 'getWorkshop', summary: 'One workshop; a draft is 404 except for admins' })
  @ApiOkResponse({ type: WorkshopView })
  get(@Param('id', ParseIdPipe) id: string, @CurrentUser() caller?: Caller): Promise<WorkshopView> {
    return this.reader.get(id, caller);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'updateWorkshop', summary: 'Edit a workshop; moving sessions of a published one tells its registrants (workshop.changed)' })
  @ApiOkResponse({ type: WorkshopView })
  @ApiConflictResponse({ description: 'SPEAKER_BUSY, SESSION_STARTED, CAPACITY_TOO_LOW, WORKSHOP_NOT_EDITABLE; TRY_AGAIN with Retry-After (nothing saved)' })
  update(@Param('id', ParseIdPipe) id: string, @Body() dto: UpdateWorkshopDto): Promise<WorkshopView> {
    return this.workshops.update(id, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'publishWorkshop', summary: 'Publish a draft: it is listed and open for registration' })
  @ApiOkResponse({ type: WorkshopView })
  @ApiConflictResponse({ description: 'WORKSHOP_NOT_DRAFT, SESSION_IN_PAST' })
  publish(@Param('id', ParseIdPipe) id: string): Promise<WorkshopView> {
    return this.workshops.publish(id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'cancelWorkshop', summary: 'Cancel with a reason; registrants are told (workshop.cancelled)' })
  @ApiOkResponse({ type: WorkshopView })
  @ApiConflictResponse({ description: 'WORKSHOP_CANCELLED, WORKSHOP_NOT_EDITABLE' })
  cancel(@Param('id', ParseIdPipe) id: string, @Body() dto: CancelWorkshopDto): Promise<WorkshopView> {
    return this.workshops.cancel(id, dto);
  }
}
