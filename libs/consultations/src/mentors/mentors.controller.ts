import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiExtraModels, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse, getSchemaPath } from '@nestjs/swagger';
import { CurrentUser, ParseCalendarDatePipe, ParseIdPipe, Roles, type Caller } from '@pendamping/platform';
import { AvailabilityDto, OverrideDto } from '../availability/availability.dto';
import { AvailabilityService } from '../availability/availability.service';
import { AvailabilityView, MentorPage, MentorView, SlotList } from '../consultation.views';
import { MentorDirectoryService } from './mentor-directory.service';
import { MentorProfileQuery, MentorQuery, SlotQuery } from './mentors.dto';

@ApiTags('mentors')
@ApiBearerAuth()
@ApiExtraModels(AvailabilityView)
@Controller('mentors')
export class MentorsController {
  constructor(
    private readonly directory: MentorDirectoryService,
    private readonly availability: AvailabilityService,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'listMentors', summary: 'Find a mentor: those assigned to the kelurahan first, then the rest of its kecamatan' })
  @ApiOkResponse({ type: MentorPage })
  search(@Query() query: MentorQuery): Promise<MentorPage> {
    return this.directory.search(query);
  }

  @Get('me/availability')
  @Roles('mentor')
  @ApiOperation({ operationId: 'getMyAvailability', summary: 'My booking rules and upcoming date overrides (null when never set)' })
  @ApiOkResponse({ schema: { nullable: true, allOf: [{ $ref: getSchemaPath(AvailabilityView) }] }, description: 'null when never set' })
  myAvailability(@CurrentUser() caller: Caller): Promise<AvailabilityView | null> {
    return this.availability.view(caller.id);
  }

  @Put('me/availability')
  @Roles('mentor')
  @ApiOperation({ operationId: 'setMyAvailability', summary: 'Replace my weekly hours and booking rules; existing bookings stay' })
  @ApiOkResponse({ type: AvailabilityView })
  setAvailability(@CurrentUser() caller: Caller, @Body() dto: AvailabilityDto): Promise<AvailabilityView> {
    return this.availability.replace(caller.id, dto);
  }

  @Put('me/availability/overrides/:date')
  @Roles('mentor')
  @ApiOperation({ operationId: 'setMyAvailabilityOverride', summary: 'Special hours on one date (YYYY-MM-DD in my zone); empty ranges = a day off' })
  @ApiOkResponse({ type: AvailabilityView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: not a calendar date between 2000 and 2099, overlapping ranges, or no weekly availability yet' })
  @ApiUnprocessableEntityResponse({ description: "IN_THE_PAST: the date is before today in the mentor's zone" })
  setOverride(@CurrentUser() caller: Caller, @Param('date', ParseCalendarDatePipe) date: string, @Body() dto: OverrideDto): Promise<AvailabilityView> {
    return this.availability.setOverride(caller.id, date, dto);
  }

  @Delete('me/availability/overrides/:date')
  @Roles('mentor')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteMyAvailabilityOverride', summary: 'Back to the weekly hours on that date' })
  @ApiNoContentResponse()
  async removeOverride(@CurrentUser() caller: Caller, @Param('date', ParseCalendarDatePipe) date: string) {
    await this.availability.removeOverride(caller.id, date);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getMentor', summary: "A mentor's public profile (name, topics, kelurahan, zone), as in the directory" })
  @ApiOkResponse({ type: MentorView })
  @ApiNotFoundResponse({ description: 'Not a mentor' })
  profile(@Param('id', ParseIdPipe) id: string, @Query() query: MentorProfileQuery): Promise<MentorView> {
    return this.directory.profile(id, query.kelurahan);
  }

  @Get(':id/slots')
  @ApiOperation({ operationId: 'listMentorSlots', summary: 'Free slots starting in [from, to), in UTC' })
  @ApiOkResponse({ type: SlotList })
  @ApiNotFoundResponse({ description: 'Not a mentor' })
  slots(@Param('id', ParseIdPipe) id: string, @Query() query: SlotQuery): Promise<SlotList> {
    return this.directory.slots(id, new Date(query.from), new Date(query.to));
  }
}
