import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, PartialType, PickType } from '@nestjs/swagger';
import { CurrentUser, PageQuery, ParseIdPipe, Roles, type Caller } from '@pendamping/platform';
import { toView } from '../booking/consultation-query.service';
import { ActionItemPage, CasePage, CaseView, ConsultationView, FollowUpPage, OutcomeView } from '../consultation.views';
import { FollowUpService } from './follow-up.service';
import { FollowUpQuery, OutcomeDto, UpdateCaseDto } from './outcome.dto';
import { OutcomeService } from './outcome.service';

class UpdateOutcomeDto extends PartialType(PickType(OutcomeDto, ['summary', 'actions', 'followUpOn'] as const)) {}

@ApiTags('consultations')
@ApiBearerAuth()
@Controller()
export class OutcomesController {
  constructor(
    private readonly outcomes: OutcomeService,
    private readonly followUps: FollowUpService,
  ) {}

  @Post('consultations/:id/outcome')
  @ApiOperation({ operationId: 'recordOutcome', summary: 'The mentor records the outcome; the consultation becomes completed; optionally opens a case' })
  @ApiCreatedResponse({ type: OutcomeView })
  @ApiConflictResponse({ description: 'OUTCOME_EXISTS, NOT_STARTED, NOT_BOOKED' })
  record(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string, @Body() dto: OutcomeDto): Promise<OutcomeView> {
    return this.outcomes.record(caller, id, dto);
  }

  @Get('consultations/:id/outcome')
  @ApiOperation({ operationId: 'getOutcome', summary: 'The outcome, for both participants' })
  @ApiOkResponse({ type: OutcomeView })
  get(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string): Promise<OutcomeView> {
    return this.outcomes.get(caller, id);
  }

  @Patch('consultations/:id/outcome')
  @ApiOperation({ operationId: 'updateOutcome', summary: 'The mentor corrects the outcome or moves the follow-up date' })
  @ApiOkResponse({ type: OutcomeView })
  update(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string, @Body() dto: UpdateOutcomeDto): Promise<OutcomeView> {
    return this.outcomes.update(caller, id, dto);
  }

  @Post('consultations/:id/no-show')
  @HttpCode(200)
  @ApiOperation({ operationId: 'markNoShow', summary: 'The mentor marks that the entrepreneur did not come' })
  @ApiOkResponse({ type: ConsultationView })
  async noShow(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string): Promise<ConsultationView> {
    return toView(await this.outcomes.noShow(caller, id));
  }

  @Post('consultations/:id/follow-up/done')
  @HttpCode(200)
  @ApiOperation({ operationId: 'completeFollowUp', summary: 'The mentor has done the follow-up they promised' })
  @ApiOkResponse({ type: OutcomeView })
  followUpDone(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string): Promise<OutcomeView> {
    return this.outcomes.followUpDone(caller, id);
  }

  @Get('mentors/me/follow-ups')
  @Roles('mentor')
  @ApiOperation({ operationId: 'listMyFollowUps', summary: 'My follow-ups not yet done, oldest first; ?overdue=true for those past their date' })
  @ApiOkResponse({ type: FollowUpPage })
  myFollowUps(@CurrentUser() caller: Caller, @Query() query: FollowUpQuery): Promise<FollowUpPage> {
    return this.followUps.followUps(caller, query);
  }

  @Get('me/action-items')
  @Roles('entrepreneur')
  @ApiOperation({ operationId: 'listMyActionItems', summary: "The actions from my consultations, newest first, until the mentor's follow-up is done" })
  @ApiOkResponse({ type: ActionItemPage })
  myActionItems(@CurrentUser() caller: Caller, @Query() query: PageQuery): Promise<ActionItemPage> {
    return this.followUps.actionItems(caller, query);
  }

  @Get('cases')
  @ApiOperation({ operationId: 'listCases', summary: 'Cases (permodalan, perizinan, sertifikasi halal): mine, or all for admins' })
  @ApiOkResponse({ type: CasePage })
  cases(@CurrentUser() caller: Caller, @Query() query: PageQuery): Promise<CasePage> {
    return this.followUps.cases(caller, query);
  }

  @Patch('cases/:id')
  @ApiOperation({ operationId: 'updateCase', summary: "The case's mentor records progress and the reference number" })
  @ApiOkResponse({ type: CaseView })
  updateCase(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string, @Body() dto: UpdateCaseDto): Promise<CaseView> {
    return this.followUps.updateCase(caller, id, dto);
  }
}
