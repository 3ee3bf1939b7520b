import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { Clock, CurrentUser, decodeTimeCursor, DEFAULT_PAGE_SIZE, PageOf, PageQuery, toPage, type Caller, type Page } from '@pendamping/platform';
import { participantRole } from './participant-role';
import { WorkshopReader } from './workshop-reader.service';
import { SEAT_STATUSES, WorkshopView, type SeatStatus } from './workshop.views';

export class MyWorkshopsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['upcoming', 'past'], enumName: 'MyWorkshopsWhen', description: 'upcoming (default): not over yet, soonest first; past: over, latest first' })
  @IsOptional()
  @IsIn(['upcoming', 'past'])
  when?: 'upcoming' | 'past';
}

export class MyWorkshopView {
  @ApiProperty({
    enum: ['registrant', 'speaker'],
    enumName: 'MyWorkshopRole',
    description: 'speaker when the caller speaks at the workshop, also if they hold a registration too (one item per workshop; the same precedence as the room role)',
  })
  as: 'registrant' | 'speaker';
  @ApiPropertyOptional({ enum: SEAT_STATUSES, enumName: 'SeatStatus', description: "the caller's registration, when they hold one (also as a speaker)" }) status?: SeatStatus;
  @ApiPropertyOptional({ description: 'place in line, when waitlisted' }) position?: number;
  @ApiProperty({ type: WorkshopView }) workshop: WorkshopView;
}

export class MyWorkshopPage extends PageOf(MyWorkshopView) {}

interface Row {
  id: string;
  first: Date;
  last: Date;
  speaker: number | string;
  status: 'registered' | 'waitlisted' | null;
  position: number | string | null;
}

/** Speaking comes before a seat, as in the rooms: `participantRole` with the seat held (admins do not register). */
const myRole = (speaker: boolean): MyWorkshopView['as'] =>
  participantRole({ speaker, admin: false, seat: 'registered' }) === 'speaker' ? 'speaker' : 'registrant';

/** "Workshop saya": the workshops someone holds a seat or a place in line for, or speaks at. */
@Injectable()
export class MyWorkshopsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: WorkshopReader,
    private readonly clock: Clock,
  ) {}

  async list(caller: Caller, query: MyWorkshopsQuery): Promise<Page<MyWorkshopView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const past = query.when === 'past';
    const after = query.cursor ? decodeTimeCursor(query.cursor) : null;
    // Upcoming pages by the first session (soonest first), past ones by the last (latest first).
    const key = past ? 'last' : 'first';
    // One row per workshop: a speaker who also holds a registration is one item (two would share a cursor key,
    // and a page break between them would skip the second).
    const rows: Row[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT w.id, MIN(s.startsAt) AS first, MAX(s.endsAt) AS last, mine.speaker, mine.status,
                (SELECT COUNT(*) FROM workshop_registrations q
                  WHERE q.workshopId = w.id AND q.status = 'waitlisted' AND q.waitlistSeq <= mine.seq) AS position
           FROM (SELECT u.workshopId, MAX(u.speaker) AS speaker, MAX(u.status) AS status, MAX(u.seq) AS seq FROM (
                   SELECT r.workshopId, 0 AS speaker, r.status, r.waitlistSeq AS seq FROM workshop_registrations r
                    WHERE r.userId = ? AND r.status IN ('registered', 'waitlisted')
                   UNION ALL
                   SELECT sp.workshopId, 1, NULL, NULL FROM workshop_speakers sp WHERE sp.speakerId = ?) u
                  GROUP BY u.workshopId) mine
           JOIN workshops w ON w.id = mine.workshopId AND w.status = 'published'
           JOIN workshop_sessions s ON s.workshopId = w.id
          GROUP BY w.id, mine.speaker, mine.status, mine.seq) t
        WHERE ${past ? 't.last <= ?' : 't.last > ?'}
          ${after ? (past ? 'AND (t.last < ? OR (t.last = ? AND t.id < ?))' : 'AND (t.first > ? OR (t.first = ? AND t.id > ?))') : ''}
        ORDER BY t.${key} ${past ? 'DESC' : 'ASC'}, t.id ${past ? 'DESC' : 'ASC'}
        LIMIT ?`,
      [caller.id, caller.id, this.clock.now(), ...(after ? [after.at, after.at, after.id] : []), limit + 1],
    );
    const views = new Map((await this.reader.views(rows.slice(0, limit).map((r) => r.id))).map((v) => [v.id, v]));
    return toPage(
      rows,
      limit,
      (r): MyWorkshopView => ({
        as: myRole(Number(r.speaker) === 1),
        ...(r.status && { status: r.status }),
        ...(r.status === 'waitlisted' && { position: Number(r.position) }),
        workshop: views.get(r.id)!,
      }),
      (r) => [new Date(r[key]).toISOString(), r.id],
    );
  }
}

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('me/workshops')
export class MyWorkshopsController {
  constructor(private readonly mine: MyWorkshopsService) {}

  @Get()
  @ApiOperation({ operationId: 'listMyWorkshops', summary: 'My workshops: those I am registered or waitlisted for (with my place in line), or speak at' })
  @ApiOkResponse({ type: MyWorkshopPage })
  list(@CurrentUser() caller: Caller, @Query() query: MyWorkshopsQuery): Promise<MyWorkshopPage> {
    return this.mine.list(caller, query);
  }
}
