import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '@pendamping/identity';
import { CreatedAt, IdRef, PrimaryId } from '@pendamping/platform';
import { WorkshopSession } from '@pendamping/workshops';

/** A question asked in a workshop session's live room. */
@Entity('workshop_questions')
@Index(['sessionId', 'createdAt'])
export class LiveQuestion {
  @PrimaryId()
  id: string;

  @IdRef()
  sessionId: string;

  @ManyToOne(() => WorkshopSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session?: Relation<WorkshopSession>;

  @IdRef()
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'authorId' })
  author?: Relation<User>;

  @Column({ type: 'text' })
  body: string;

  /** Set by a speaker or admin when the question has been answered. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  answeredAt: Date | null;

  @CreatedAt()
  createdAt: Date;
}

/** One row per question and person: the primary key is what makes a vote count once. */
@Entity('workshop_question_votes')
export class LiveQuestionVote {
  @PrimaryColumn({ type: 'char', length: 36 })
  questionId: string;

  @ManyToOne(() => LiveQuestion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'questionId' })
  question?: Relation<LiveQuestion>;

  @PrimaryColumn({ type: 'char', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User>;

  @CreatedAt()
  createdAt: Date;
}

/** A poll a speaker or admin opened during a session; kept with its votes for reports. */
@Entity('workshop_polls')
@Index(['sessionId', 'createdAt'])
export class LivePoll {
  @PrimaryId()
  id: string;

  @IdRef()
  sessionId: string;

  @ManyToOne(() => WorkshopSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session?: Relation<WorkshopSession>;

  @IdRef()
  createdBy: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'createdBy' })
  creator?: Relation<User>;

  @Column({ type: 'varchar', length: 500 })
  question: string;

  @Column({ type: 'simple-json' })
  options: string[];

  @Column({ type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;

  @CreatedAt()
  createdAt: Date;
}

/** One row per poll and person (primary key): a second vote changes nothing. */
@Entity('workshop_poll_votes')
@Index(['pollId', 'choice'])
export class LivePollVote {
  @PrimaryColumn({ type: 'char', length: 36 })
  pollId: string;

  @ManyToOne(() => LivePoll, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pollId' })
  poll?: Relation<LivePoll>;

  @PrimaryColumn({ type: 'char', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User>;

  /** Index into the poll's options (`option` is a reserved word in MySQL). */
  @Column({ type: 'tinyint', unsigned: true })
  choice: number;

  @CreatedAt()
  createdAt: Date;
}
