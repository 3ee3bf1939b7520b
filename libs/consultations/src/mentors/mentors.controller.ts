import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, ParseIdPipe, Roles, type Caller } from '@pendamping/platform';
import { AvailabilityDto, OverrideDto } from '../availability/availability.dto';
import { AvailabilityService } from '../availability/availability.service';
import { MentorDirectoryService } from './mentor-directory.service';
import { MentorQuery, SlotQuery } from './mentors.dto';

@ApiTags('mentors')
@ApiBearerAuth()
@Controller('mentors')
export class MentorsController {
  constructor(
    private readonly directory: MentorDirectoryService,
    private readonly availability: AvailabilityService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Find a mentor: those assigned to the kelurahan first, then the rest of its kecamatan' })
  search(@Query() query: MentorQuery) {
    return this.directory.search(query);
  }

  @Get('me/availability')
  @Roles('mentor')
  @ApiOperation({ summary: 'My booking rules and upcoming date overrides (null when never set)' })
  myAvailability(@CurrentUser() caller: Caller) {
    return this.availability.view(caller.id);
  }

  @Put('me/availability')
  @Roles('mentor')
  @ApiOperation({ summary: 'Replace my weekly hours and booking rules; existing bookings stay' })
  setAvailability(@CurrentUser() caller: Caller, @Body() dto: AvailabilityDto) {
    return this.availability.replace(caller.id, dto);
  }

  @Put('me/availability/overrides/:date')
  @Roles('mentor')
  @ApiOperation({ summary: 'Special hours on one date (YYYY-MM-DD in my zone); empty ranges = a day off' })
  setOverride(@CurrentUser() caller: Caller, @Param('date') date: string, @Body() dto: OverrideDto) {
    return this.availability.setOverride(caller.id, date, dto);
  }

  @Delete('me/availability/overrides/:date')
  @Roles('mentor')
  @HttpCode(204)
  async removeOverride(@CurrentUser() caller: Caller, @Param('date') date: string) {
    await this.availability.removeOverride(caller.id, date);
  }

  @Get(':id/slots')
  @ApiOperation({ summary: 'Free slots starting in [from, to), in UTC' })
  slots(@Param('id', ParseIdPipe) id: string, @Query() query: SlotQuery) {
    return this.directory.slots(id, new Date(query.from), new Date(query.to));
  }
}
