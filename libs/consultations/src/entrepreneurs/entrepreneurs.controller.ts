import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, ParseIdPipe, Roles, type Caller } from '@pendamping/platform';
import { EntrepreneurHistoryView } from '../consultation.views';
import { EntrepreneurHistoryService } from './entrepreneur-history.service';

@ApiTags('consultations')
@ApiBearerAuth()
@Controller('entrepreneurs')
export class EntrepreneursController {
  constructor(private readonly histories: EntrepreneurHistoryService) {}

  @Get(':id/history')
  @Roles('mentor', 'admin')
  @ApiOperation({ operationId: 'getEntrepreneurHistory', summary: 'An entrepreneur’s profile, consultations with their outcomes, and open cases: for a mentor who has or had a consultation with them, or an admin' })
  @ApiOkResponse({ type: EntrepreneurHistoryView })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: a mentor who never had a consultation with them, or not a mentor' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no entrepreneur with this id' })
  history(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string): Promise<EntrepreneurHistoryView> {
    return this.histories.history(caller, id);
  }
}
