import { Injectable } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { decodeCursor, DEFAULT_PAGE_SIZE, invalidCursor, PageOf, PageQuery, ROLES, toPage, type Page, type Role } from '@pendamping/platform';
import { REGION_CODE_PATTERN } from '@pendamping/regions';
import { MentorKelurahan } from '../entities/mentor-kelurahan.entity';
import { User } from '../entities/user.entity';
import { BUSINESS_TYPES, type BusinessType } from '../people.constants';
import { UserView } from './user.dto';
import { toView } from './users.service';

export class UserSearchQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the name, email, phone or business name (at least 2 characters)', example: 'sari' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: BUSINESS_TYPES, enumName: 'BusinessType', description: "entrepreneurs whose business is of this type" })
  @IsOptional()
  @IsIn(BUSINESS_TYPES)
  businessType?: BusinessType;

  @ApiPropertyOptional({ example: '31.71.09', description: "people of a kecamatan: an entrepreneur's business is there, or a mentor is assigned to one of its kelurahan" })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN.kecamatan, { message: 'kecamatanCode must be a kecamatan code like 31.71.09' })
  kecamatanCode?: string;

  @ApiPropertyOptional({ example: '31.71.09.1001', description: "people of a kelurahan: an entrepreneur's business is there, or a mentor is assigned to it" })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN.kelurahan, { message: 'kelurahanCode must be a kelurahan code like 31.71.09.1001' })
  kelurahanCode?: string;
}

export class UserPage extends PageOf(UserView) {}

/** `%`, `_` and `\` typed into a search box are matched as themselves. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The admin's people directory: paged search over accounts, ordered by name. */
@Injectable()
export class UserDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(query: UserSearchQuery): Promise<Page<UserView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const ids = this.dataSource.getRepository(User).createQueryBuilder('u').leftJoin('u.business', 'b').select(['u.id AS id', 'u.name AS name']);
    this.filter(ids, query);
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, 2);
      if (typeof name !== 'string' || typeof id !== 'string') throw invalidCursor();
      ids.andWhere('(u.name > :afterName OR (u.name = :afterName AND u.id > :afterId))', { afterName: name, afterId: id });
    }
    const rows: { id: string; name: string }[] = await ids.orderBy('u.name', 'ASC').addOrderBy('u.id', 'ASC').limit(limit + 1).getRawMany();
    if (rows.length === 0) return { items: [], nextCursor: null };
    // The page's people with their profiles, in one query (a to-many join cannot sit under the LIMIT above).
    const users = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.business', 'b')
      .leftJoinAndSelect('u.mentor', 'm')
      .leftJoinAndSelect('u.kelurahan', 'k')
      .whereInIds(rows.map((r) => r.id))
      .getMany();
    const byId = new Map(users.map((u) => [u.id, u]));
    return toPage(
      rows.filter((r) => byId.has(r.id)),
      limit,
      (r) => toView(byId.get(r.id)!),
      (r) => [r.name, r.id],
    );
  }

  private filter(qb: SelectQueryBuilder<User>, query: UserSearchQuery): void {
    if (query.q && query.q.length >= 2) {
      const like = `%${likeEscaped(query.q)}%`;
      qb.andWhere('(u.name LIKE :like OR u.email LIKE :like OR u.phone LIKE :like OR b.businessName LIKE :like)', { like });
    }
    if (query.role) qb.andWhere('FIND_IN_SET(:role, u.roles) > 0', { role: query.role });
    if (query.businessType) qb.andWhere('b.businessType = :businessType', { businessType: query.businessType });
    const area = query.kelurahanCode ? { op: '=', code: query.kelurahanCode } : query.kecamatanCode ? { op: 'LIKE', code: `${query.kecamatanCode}.%` } : null;
    if (area) {
      const assigned = qb
        .subQuery()
        .select('1')
        .from(MentorKelurahan, 'mk')
        .where(`mk.mentorId = u.id AND mk.kelurahanCode ${area.op} :area`)
        .getQuery();
      qb.andWhere(`(b.kelurahanCode ${area.op} :area OR EXISTS ${assigned})`, { area: area.code });
    }
  }
}
