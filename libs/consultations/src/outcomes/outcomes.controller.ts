import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, PartialType, PickType } from '@nestjs/swagger';
import { CurrentUser, PageQuery, ParseIdPipe, Roles, type Caller } from '@pendamping/platform';
import { toView } from '../booking/consultation-query.service';
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
  @ApiOperation({ summary: 'The mentor records the outcome; the consultation becomes completed; optionally opens a case' })
  record(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string, @Body() dto: OutcomeDto) {
    return this.outcomes.record(caller, id, dto);
  }

  @Get('consultations/:id/outcome')
  @ApiOperation({ summary: 'The outcome, for both participants' })
  get(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string) {
    return this.outcomes.get(caller, id);
  }

  @Patch('consultations/:id/outcome')
  @ApiOperation({ summary: 'The mentor corrects the outcome or moves the follow-up date' })
  update(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string, @Body() dto: UpdateOutcomeDto) {
    return this.outcomes.update(caller, id, dto);
  }

  @Post('consultations/:id/no-show')
  @HttpCode(200)
  @ApiOperation({ summary: 'The mentor marks that the entrepreneur did not come' })
  async noShow(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string) {
    return toView(await this.outcomes.noShow(caller, id));
  }

  @Post('consultations/:id/follow-up/done')
  @HttpCode(200)
  followUpDone(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string) {
    return this.outcomes.followUpDone(caller, id);
  }

  @Get('mentors/me/follow-ups')
  @Roles('mentor')
  @ApiOperation({ summary: 'My follow-ups not yet done, oldest first; ?overdue=true for those past their date' })
  myFollowUps(@CurrentUser() caller: Caller, @Query() query: FollowUpQuery) {
    return this.followUps.followUps(caller, query);
  }

  @Get('cases')
  @ApiOperation({ summary: 'Cases (permodalan, perizinan, sertifikasi halal): mine, or all for admins' })
  cases(@CurrentUser() caller: Caller, @Query() query: PageQuery) {
    return this.followUps.cases(caller, query);
  }

  @Patch('cases/:id')
  @ApiOperation({ summary: "The case's mentor records progress and the reference number" })
  updateCase(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string, @Body() dto: UpdateCaseDto) {
    return this.followUps.updateCase(caller, id, dto);
  }
}
