import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, validationFailed } from '@pendamping/platform';
import type { FunnelQuery } from './funnel.dto';

export const FUNNEL_STAGES = ['entrepreneurs', 'booked', 'consulted', 'caseOpened', 'caseApproved', 'workshopRegistered', 'certified'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export class FunnelStageCount {
  @ApiProperty({ enum: FUNNEL_STAGES, enumName: 'FunnelStage' }) stage: FunnelStage;
  @ApiProperty({ description: 'distinct entrepreneurs' }) count: number;
}

export class Funnel {
  @ApiProperty() from: Date;
  @ApiProperty() to: Date;
  @ApiProperty({ type: String, nullable: true, example: '31.71.09' }) kecamatanCode: string | null;
  @ApiProperty({ type: [FunnelStageCount], description: 'in the order of the funnel, entrepreneurs first' }) stages: FunnelStageCount[];
}

const DAY = 86_400_000;
const MAX_DAYS = 366;

/**
 * The program funnel for the Dinas: of the entrepreneurs assisted (in a kecamatan, or all), how many in
 * the period booked a consultation, had one, had a case opened (capital, permit, halal), had a case
 * approved, registered for a workshop and attended one (a certificate is issued on attending). Each step
 * counts by the time it happened, not by the date of the consultation or session it belongs to. Every stage
 * counts distinct people, so the bars compare.
 */
@Injectable()
export class FunnelService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async funnel(query: FunnelQuery): Promise<Funnel> {
    const to = query.to ? new Date(query.to) : this.clock.now();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 90 * DAY);
    if (to <= from) throw validationFailed('to must be after from');
    if (to.getTime() - from.getTime() > MAX_DAYS * DAY) throw validationFailed(`from and to may be at most ${MAX_DAYS} days apart`);
    const kecamatan = query.kecamatanCode ?? null;
    // The people counted: entrepreneurs with a business (in the kecamatan) whose account existed by `to`.
    const people = `SELECT p.userId FROM entrepreneur_profiles p JOIN users u ON u.id = p.userId
                     WHERE u.createdAt < ? ${kecamatan ? 'AND p.kelurahanCode LIKE ?' : ''}`;
    const peopleArgs = [to, ...(kecamatan ? [`${kecamatan}.%`] : [])];
    const count = async (sql: string, args: unknown[]) => {
      const [row] = await this.dataSource.query(`SELECT COUNT(DISTINCT x.userId) AS n FROM (${sql}) x WHERE x.userId IN (${people})`, [...args, ...peopleArgs]);
      return Number(row.n);
    };
    const inPeriod = [from, to];
    // Each step counts in the period it happened in, so a period's bars are what was done in it.
    const counts = await Promise.all([
      count('SELECT p.userId FROM entrepreneur_profiles p', []),
      // Booked when the booking was made (for whenever it is); a booking that was cancelled is not a step.
      count("SELECT c.entrepreneurId AS userId FROM consultations c WHERE c.createdAt >= ? AND c.createdAt < ? AND c.status <> 'cancelled'", inPeriod),
      // Consulted when the consultation was held.
      count("SELECT c.entrepreneurId AS userId FROM consultations c WHERE c.start >= ? AND c.start < ? AND c.status = 'completed'", inPeriod),
      count('SELECT a.entrepreneurId AS userId FROM assistance_cases a WHERE a.createdAt >= ? AND a.createdAt < ?', inPeriod),
      count("SELECT a.entrepreneurId AS userId FROM assistance_cases a WHERE a.status = 'approved' AND a.approvedAt >= ? AND a.approvedAt < ?", inPeriod),
      // Registered when registering (a return after cancelling registers anew); a seat, not the waitlist.
      count(
        `SELECT r.userId FROM workshop_registrations r JOIN workshops w ON w.id = r.workshopId
          WHERE r.status = 'registered' AND w.status = 'published' AND r.createdAt >= ? AND r.createdAt < ?`,
        inPeriod,
      ),
      // Attended (a certificate is issued on attending) when present in one of the workshop's sessions.
      count(
        `SELECT c.userId FROM workshop_certificates c
          WHERE EXISTS (SELECT 1 FROM workshop_attendance_events e JOIN workshop_sessions s ON s.id = e.sessionId
                         WHERE s.workshopId = c.workshopId AND e.userId = c.userId AND e.at >= ? AND e.at < ?)`,
        inPeriod,
      ),
    ]);
    return { from, to, kecamatanCode: kecamatan, stages: FUNNEL_STAGES.map((stage, i) => ({ stage, count: counts[i] })) };
  }
}
