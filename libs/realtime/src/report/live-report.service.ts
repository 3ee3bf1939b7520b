import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Caller } from '@pendamping/platform';
import { RegistrationsService, WorkshopSession } from '@pendamping/workshops';
import { LivePoll } from '../live/live.entities';
import { QuestionsService } from '../live/questions.service';

export class ReportQuestion {
  @ApiProperty() id: string;
  @ApiProperty() body: string;
  @ApiProperty() authorId: string;
  @ApiProperty() authorName: string;
  @ApiProperty() votes: number;
  @ApiProperty() answered: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class ReportPoll {
  @ApiProperty() id: string;
  @ApiProperty() question: string;
  @ApiProperty({ type: [String] }) options: string[];
  @ApiProperty({ type: [Number], description: 'votes per option, in the order of the options' }) counts: number[];
  @ApiProperty({ description: 'people who voted' }) voters: number;
  @ApiProperty() openedAt: Date;
  @ApiProperty({ nullable: true, type: Date, description: 'null while the poll is open' }) closedAt: Date | null;
}

export class ReportSession {
  @ApiProperty() sessionId: string;
  @ApiProperty() start: Date;
  @ApiProperty() end: Date;
  @ApiProperty({ type: [ReportQuestion], description: 'most votes first' }) questions: ReportQuestion[];
  @ApiProperty({ type: [ReportPoll], description: 'in the order they were opened' }) polls: ReportPoll[];
}

export class LiveReport {
  @ApiProperty() workshopId: string;
  @ApiProperty({ type: [ReportSession] }) sessions: ReportSession[];
}

/** What happened in a workshop's live rooms, for the Dinas and the speakers: Q&A and poll results per session. */
@Injectable()
export class LiveReportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registrations: RegistrationsService,
    private readonly questions: QuestionsService,
  ) {}

  async report(workshopId: string, caller: Caller): Promise<LiveReport> {
    await this.registrations.assertStaff(workshopId, caller);
    const sessions = await this.db.getRepository(WorkshopSession).find({ where: { workshopId }, order: { startsAt: 'ASC' } });
    const ids = sessions.map((s) => s.id);
    const [polls, counts, questions] = await Promise.all([
      ids.length ? this.db.getRepository(LivePoll).find({ where: { sessionId: In(ids) }, order: { createdAt: 'ASC' } }) : [],
      ids.length
        ? (this.db.query(
            `SELECT v.pollId, v.choice, COUNT(*) AS n FROM workshop_poll_votes v JOIN workshop_polls p ON p.id = v.pollId
              WHERE p.sessionId IN (?) GROUP BY v.pollId, v.choice`,
            [ids],
          ) as Promise<{ pollId: string; choice: number; n: string }[]>)
        : [],
      Promise.all(ids.map((id) => this.questions.list(id))),
    ]);
    const pollView = (poll: LivePoll): ReportPoll => {
      const tally = poll.options.map(() => 0);
      for (const row of counts) if (row.pollId === poll.id && row.choice < tally.length) tally[row.choice] = Number(row.n);
      return { id: poll.id, question: poll.question, options: poll.options, counts: tally, voters: tally.reduce((a, b) => a + b, 0), openedAt: poll.createdAt, closedAt: poll.closedAt };
    };
    return {
      workshopId,
      sessions: sessions.map((s, i) => ({ sessionId: s.id, start: s.startsAt, end: s.endsAt, questions: questions[i], polls: polls.filter((p) => p.sessionId === s.id).map(pollView) })),
    };
  }
}
