import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, newId, notFound, type Caller } from '@pendamping/platform';
import type { QuestionView } from '../realtime.events';
import { LiveQuestion, LiveQuestionVote } from './live.entities';

interface QuestionRow {
  id: string;
  body: string;
  authorId: string;
  authorName: string;
  votes: string | number;
  answeredAt: Date | null;
  createdAt: Date;
}

const toView = (r: QuestionRow): QuestionView => ({
  id: r.id,
  body: r.body,
  authorId: r.authorId,
  authorName: r.authorName,
  votes: Number(r.votes),
  answered: r.answeredAt !== null,
  createdAt: new Date(r.createdAt).toISOString(),
});

/** Q&A of a live session. Vote counts always come from the votes table, so each person counts once. */
@Injectable()
export class QuestionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async ask(caller: Caller, authorName: string, sessionId: string, body: string): Promise<QuestionView> {
    const row = { id: newId(), sessionId, authorId: caller.id, body, answeredAt: null, createdAt: this.clock.now() };
    await this.db.getRepository(LiveQuestion).insert(row);
    return toView({ ...row, authorName, votes: 0 });
  }

  /** The session's questions, most votes first, then oldest first. */
  async list(sessionId: string): Promise<QuestionView[]> {
    const rows: QuestionRow[] = await this.db.query(
      `SELECT q.id, q.body, q.authorId, u.name AS authorName, q.answeredAt, q.createdAt,
              (SELECT COUNT(*) FROM workshop_question_votes v WHERE v.questionId = q.id) AS votes
         FROM workshop_questions q JOIN users u ON u.id = q.authorId
        WHERE q.sessionId = ?
        ORDER BY votes DESC, q.createdAt ASC, q.id ASC`,
      [sessionId],
    );
    return rows.map(toView);
  }

  async sessionOf(questionId: string): Promise<string> {
    const question = await this.db.getRepository(LiveQuestion).findOne({ select: { sessionId: true }, where: { id: questionId } });
    if (!question) throw notFound('Question');
    return question.sessionId;
  }

  /** One vote per person (primary key); `counted` is false for a repeat, which changes nothing. */
  async vote(caller: Caller, questionId: string): Promise<{ votes: number; counted: boolean }> {
    // Plain SQL: TypeORM's insert builder replaces the driver's result (and its affectedRows) on MariaDB.
    const inserted = await this.db.query('INSERT IGNORE INTO workshop_question_votes (questionId, userId) VALUES (?, ?)', [questionId, caller.id]);
    const counted = affected(inserted) > 0;
    return { votes: await this.db.getRepository(LiveQuestionVote).countBy({ questionId }), counted };
  }

  async markAnswered(questionId: string, answered: boolean): Promise<void> {
    await this.db.getRepository(LiveQuestion).update({ id: questionId }, { answeredAt: answered ? this.clock.now() : null });
  }
}

/** Rows an INSERT IGNORE really inserted (0 when the key existed), from mysql2's result header. */
export function affected(raw: unknown): number {
  return Number((raw as { affectedRows?: number } | undefined)?.affectedRows ?? 0);
}
