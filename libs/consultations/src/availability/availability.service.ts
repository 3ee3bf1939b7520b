import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager, MoreThanOrEqual } from 'typeorm';
import { User } from '@pendamping/identity';
import { Clock, validationFailed } from '@pendamping/platform';
import { AvailabilityOverride, MentorAvailability } from './availability.entity';
import { overlappingRanges, type AvailabilityDto, type OverrideDto } from './availability.dto';
import type { AvailabilityView } from '../consultation.views';
import type { AvailabilityRules } from './slots';
import { ConsultationRepository } from '../consultation.repository';
import { inThePast } from '../consultation.errors';

export const DEFAULT_MIN_NOTICE_MINUTES = 120;
export const DEFAULT_HORIZON_DAYS = 30;


@Injectable()
export class AvailabilityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly consultations: ConsultationRepository,
  ) {}

  async replace(mentorId: string, dto: AvailabilityDto): Promise<AvailabilityView> {
    const overlaps = overlappingRanges(dto.weekly);
    if (overlaps.length) throw validationFailed(...overlaps.map((m) => `weekly: ${m}`));
    const timezone = dto.timezone ?? (await this.db.getRepository(User).findOneByOrFail({ id: mentorId })).timezone;
    const weekly = dto.weekly
      .map(({ weekday, start, end }) => ({ weekday, start, end }))
      .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
    await this.db.getRepository(MentorAvailability).upsert(
      {
        mentorId,
        timezone,
        slotMinutes: dto.slotMinutes,
        bufferMinutes: dto.bufferMinutes ?? 0,
        minNoticeMinutes: dto.minNoticeMinutes ?? DEFAULT_MIN_NOTICE_MINUTES,
        horizonDays: dto.horizonDays ?? DEFAULT_HORIZON_DAYS,
        dailyCap: dto.dailyCap ?? null,
        weekly,
      },
      ['mentorId'],
    );
    return (await this.view(mentorId))!;
  }

  async setOverride(mentorId: string, date: string, dto: OverrideDto): Promise<AvailabilityView> {
    const overlaps = overlappingRanges(dto.ranges);
    if (overlaps.length) throw validationFailed(...overlaps.map((m) => `ranges: ${m}`));
    const availability = await this.db.getRepository(MentorAvailability).findOne({ select: { timezone: true }, where: { mentorId } });
    if (!availability) throw validationFailed('Set your weekly availability (PUT /api/mentors/me/availability) before overriding a date');
    // A day already gone in the mentor's zone would be stored and never shown (the view lists from today on).
    if (date < DateTime.fromJSDate(this.clock.now(), { zone: availability.timezone }).toISODate()!) throw inThePast();
    const ranges = dto.ranges.map(({ start, end }) => ({ start, end })).sort((a, b) => a.start.localeCompare(b.start));
    await this.db.getRepository(AvailabilityOverride).upsert({ mentorId, date, ranges }, ['mentorId', 'date']);
    return (await this.view(mentorId))!;
  }

  async removeOverride(mentorId: string, date: string): Promise<void> {
    await this.db.getRepository(AvailabilityOverride).delete({ mentorId, date });
  }

  /** The stored rules with overrides from today on; null when the mentor never set any. */
  async view(mentorId: string): Promise<AvailabilityView | null> {
    const availability = await this.db.getRepository(MentorAvailability).findOneBy({ mentorId });
    if (!availability) return null;
    const today = DateTime.fromJSDate(this.clock.now(), { zone: availability.timezone }).toISODate()!;
    const overrides = await this.db.getRepository(AvailabilityOverride).find({
      where: { mentorId, date: MoreThanOrEqual(today) },
      order: { date: 'ASC' },
    });
    const { timezone, slotMinutes, bufferMinutes, minNoticeMinutes, horizonDays, dailyCap, weekly } = availability;
    return { timezone, slotMinutes, bufferMinutes, minNoticeMinutes, horizonDays, dailyCap, weekly, overrides: overrides.map(({ date, ranges }) => ({ date, ranges })) };
  }

  /** The rules for slot computation, or null when the mentor never set any. */
  async rules(mentorId: string, manager?: EntityManager): Promise<AvailabilityRules | null> {
    return (await this.consultations.mentorRules(mentorId, manager)).rules;
  }
}
