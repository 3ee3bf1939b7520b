import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { Clock, newId, notFound, validationFailed, type Caller } from '@pendamping/platform';
import { RealtimeErrors } from '../realtime.errors';
import type { PollResults, PollView } from '../realtime.events';
import { LivePoll, LivePollVote } from './live.entities';
import { affected } from './questions.service';

export interface OpenPollView extends PollView, PollResults {
  /** The caller's own choice, or null before they vote. */
  myVote: number | null;
}

/** Live polls: one open per session at a time, one vote per person, counts from the stored votes. */
@Injectable()
export class PollsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Opens a poll; the session's previous poll (if still open) closes, its results stay stored. */
  async open(caller: Caller, sessionId: string, question: string, options: string[]): Promise<PollView & { closedPollId: string | null }> {
    if (new Set(options.map((o) => o.trim())).size !== options.length) throw validationFailed('options must be different from each other');
    return this.db.transaction(async (manager) => {
      const previous = await manager.findOne(LivePoll, { select: { id: true }, where: { sessionId, closedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
      if (previous) await manager.update(LivePoll, { id: previous.id }, { closedAt: this.clock.now() });
      const poll = { id: newId(), sessionId, createdBy: caller.id, question, options, closedAt: null, createdAt: this.clock.now() };
      await manager.insert(LivePoll, poll);
      return { id: poll.id, question, options, closedPollId: previous?.id ?? null };
    });
  }

  async find(pollId: string): Promise<LivePoll> {
    const poll = await this.db.getRepository(LivePoll).findOneBy({ id: pollId });
    if (!poll) throw notFound('Poll');
    return poll;
  }

  /** One vote per person (primary key): a repeat, even for another option, counts nothing. */
  async vote(caller: Caller, poll: LivePoll, option: number): Promise<PollResults & { counted: boolean }> {
    if (poll.closedAt) throw RealtimeErrors.pollClosed();
    if (option >= poll.options.length) throw validationFailed(`option must be an index below ${poll.options.length}`);
    const inserted = await this.db.query('INSERT IGNORE INTO workshop_poll_votes (pollId, userId, choice) VALUES (?, ?, ?)', [poll.id, caller.id, option]);
    return { ...(await this.results(poll)), counted: affected(inserted) > 0 };
  }

  async close(poll: LivePoll): Promise<PollResults> {
    await this.db.getRepository(LivePoll).update({ id: poll.id, closedAt: IsNull() }, { closedAt: this.clock.now() });
    return this.results(poll);
  }

  /** The session's open poll with its counts and the caller's vote, or null. */
  async openPoll(caller: Caller, sessionId: string): Promise<OpenPollView | null> {
    const poll = await this.db.getRepository(LivePoll).findOne({ where: { sessionId, closedAt: IsNull() }, order: { createdAt: 'DESC' } });
    if (!poll) return null;
    const mine = await this.db.getRepository(LivePollVote).findOneBy({ pollId: poll.id, userId: caller.id });
    return { id: poll.id, question: poll.question, options: poll.options, ...(await this.results(poll)), myVote: mine?.choice ?? null };
  }

  /** Counts per option, in the order of the options. */
  async results(poll: LivePoll): Promise<PollResults> {
    const rows: { choice: number; n: string }[] = await this.db.query('SELECT choice, COUNT(*) AS n FROM workshop_poll_votes WHERE pollId = ? GROUP BY choice', [poll.id]);
    const counts = poll.options.map(() => 0);
    for (const row of rows) if (row.choice < counts.length) counts[row.choice] = Number(row.n);
    return { pollId: poll.id, counts };
  }
}
