import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { TOPICS, type Topic } from '@pendamping/identity';
import { Clock, decodeTimeCursor, DEFAULT_PAGE_SIZE, PageQuery, Roles, toPage, type Page } from '@pendamping/platform';
import { WORKSHOP_STATUSES, type WorkshopStatus } from './entities/workshop.entity';
import { WorkshopReader } from './workshop-reader.service';
import { WorkshopPage, type WorkshopView } from './workshop.views';

export class AdminWorkshopQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['upcoming', 'past'], enumName: 'AdminWorkshopsWhen', description: 'upcoming (default): the last session has not ended, soonest first; past: ended, latest first' })
  @IsOptional()
  @IsIn(['upcoming', 'past'])
  when?: 'upcoming' | 'past';

  @ApiPropertyOptional({ enum: WORKSHOP_STATUSES, enumName: 'WorkshopStatus', description: 'as shown (completed: published and over); omit for all' })
  @IsOptional()
  @IsIn(WORKSHOP_STATUSES)
  status?: WorkshopStatus;

  @ApiPropertyOptional({ enum: TOPICS, enumName: 'Topic' })
  @IsOptional()
  @IsIn(TOPICS)
  topic?: Topic;

  @ApiPropertyOptional({ description: 'words in the title', maxLength: 100 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(100)
  q?: string;
}

interface Row {
  id: string;
  first: Date;
  last: Date;
}

/** LIKE's own wildcards in what someone typed match themselves. */
const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The Dinas's console: every workshop, drafts and cancelled ones too, by when its sessions are. */
@Injectable()
export class AdminWorkshopsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: WorkshopReader,
    private readonly clock: Clock,
  ) {}

  async list(query: AdminWorkshopQuery): Promise<Page<WorkshopView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const past = query.when === 'past';
    const key = past ? 'last' : 'first';
    const after = query.cursor ? decodeTimeCursor(query.cursor) : null;
    const now = this.clock.now();
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => {
      where.push(sql);
      params.push(...values);
    };
    add(past ? 't.last <= ?' : 't.last > ?', now);
    // `completed` is published and over; `published` is published and not over yet (as the views say).
    if (query.status === 'completed') add("t.status = 'published' AND t.last <= ?", now);
    else if (query.status === 'published') add("t.status = 'published' AND t.last > ?", now);
    else if (query.status) add('t.status = ?', query.status);
    if (query.topic) add('t.topic = ?', query.topic);
    if (query.q) add('t.title LIKE ?', likeText(query.q));
    if (after) add(past ? '(t.last < ? OR (t.last = ? AND t.id < ?))' : '(t.first > ? OR (t.first = ? AND t.id > ?))', after.at, after.at, after.id);
    const rows: Row[] = await this.dataSource.query(
      `SELECT t.id, t.first, t.last FROM (
         SELECT w.id, w.status, w.topic, w.title, MIN(s.startsAt) AS first, MAX(s.endsAt) AS last
           FROM workshops w JOIN workshop_sessions s ON s.workshopId = w.id
          GROUP BY w.id, w.status, w.topic, w.title) t
        WHERE ${where.join(' AND ')}
        ORDER BY t.${key} ${past ? 'DESC' : 'ASC'}, t.id ${past ? 'DESC' : 'ASC'}
        LIMIT ?`,
      [...params, limit + 1],
    );
    const views = new Map((await this.reader.views(rows.slice(0, limit).map((r) => r.id))).map((v) => [v.id, v]));
    return toPage(rows, limit, (r) => views.get(r.id)!, (r) => [new Date(r[key]).toISOString(), r.id]);
  }
}

@ApiTags('workshops')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/workshops')
export class AdminWorkshopsController {
  constructor(private readonly workshops: AdminWorkshopsService) {}

  @Get()
  @ApiOperation({ operationId: 'listAdminWorkshops', summary: 'Every workshop for the Dinas (drafts, published, completed, cancelled), upcoming or past, by status, topic and title' })
  @ApiOkResponse({ type: WorkshopPage })
  list(@Query() query: AdminWorkshopQuery): Promise<WorkshopPage> {
    return this.workshops.list(query);
  }
}
