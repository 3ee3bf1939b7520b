import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThan, Repository } from 'typeorm';
import { DEFAULT_PAGE_SIZE, decodeCursor, DomainError, isDuplicateKey, Page, toPage, validationFailed } from '@pendamping/platform';
import { CreateRegionDto, RegionQuery, RegionView } from './region.dto';
import { PARENT_LEVEL, Region, REGION_CODE_PATTERN } from './region.entity';

const view = (r: Region): RegionView => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode });

// Regions are fixed data an admin adds to a few times a year, read on every sign-up and search form: a
// page is kept this long in this process (cleared here on every create; another api process sees a new
// region within this time).
const CACHE_MS = 30_000;
const CACHE_ENTRIES = 500;

@Injectable()
export class RegionsService {
  private readonly pages = new Map<string, { until: number; page: Promise<Page<RegionView>> }>();

  constructor(@InjectRepository(Region) private readonly regions: Repository<Region>) {}

  list(query: RegionQuery): Promise<Page<RegionView>> {
    const key = `${query.level ?? ''}|${query.parent ?? ''}|${query.cursor ?? ''}|${query.limit ?? ''}`;
    const now = performance.now();
    const hit = this.pages.get(key);
    if (hit && hit.until > now) return hit.page;
    if (this.pages.size >= CACHE_ENTRIES) this.pages.clear();
    const page = this.read(query);
    this.pages.set(key, { until: now + CACHE_MS, page });
    // A failed read (MySQL away, a bad cursor) is not kept.
    page.catch(() => this.pages.delete(key));
    return page;
  }

  private async read(query: RegionQuery): Promise<Page<RegionView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? String(decodeCursor(query.cursor, 1)[0]) : undefined;
    const rows = await this.regions.find({
      where: {
        ...(query.level && { level: query.level }),
        ...(query.parent && { parentCode: query.parent }),
        ...(after && { code: MoreThan(after) }),
      },
      order: { code: 'ASC' },
      take: limit + 1,
    });
    return toPage(rows, limit, view, (r) => [r.code]);
  }

  async create(dto: CreateRegionDto): Promise<RegionView> {
    if (!REGION_CODE_PATTERN[dto.level].test(dto.code)) {
      throw validationFailed(`code ${dto.code} does not have the shape of a ${dto.level} code`);
    }
    const parentLevel = PARENT_LEVEL[dto.level];
    if (parentLevel === null && dto.parentCode) throw validationFailed('parentCode must be empty for a kota');
    if (parentLevel !== null) {
      if (!dto.parentCode) throw validationFailed(`parentCode is required for a ${dto.level}`);
      if (!dto.code.startsWith(`${dto.parentCode}.`)) {
        throw validationFailed(`code must start with its parent's code followed by a dot (${dto.parentCode}.)`);
      }
      const parent = await this.regions.findOneBy({ code: dto.parentCode });
      if (!parent || parent.level !== parentLevel) throw validationFailed(`parentCode ${dto.parentCode} is not a known ${parentLevel}`);
    }
    const region = this.regions.create({ code: dto.code, name: dto.name.trim(), level: dto.level, parentCode: dto.parentCode ?? null });
    try {
      await this.regions.insert(region);
      this.pages.clear();
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainError('REGION_EXISTS', `A region with code ${dto.code} already exists`);
      throw error;
    }
    return view(region);
  }

  /** The given codes that are not kelurahan (unknown, or of another level). */
  async unknownKelurahan(codes: string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const found = await this.regions.find({ select: { code: true }, where: { code: In(codes), level: 'kelurahan' } });
    const known = new Set(found.map((r) => r.code));
    return codes.filter((code) => !known.has(code));
  }
}
