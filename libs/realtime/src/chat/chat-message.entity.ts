import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique, type Relation } from 'typeorm';
import { Consultation } from '@pendamping/consultations';
import { User } from '@pendamping/identity';
import { IdRef, PrimaryId } from '@pendamping/platform';

/** One chat message of a consultation. The sender's `clientMessageId` makes a resend find the stored row. */
@Entity('consultation_messages')
@Unique('UQ_consultation_message_client_id', ['consultationId', 'senderId', 'clientMessageId'])
@Index(['consultationId', 'createdAt', 'id'])
export class ChatMessage {
  @PrimaryId()
  id: string;

  @IdRef()
  consultationId: string;

  @ManyToOne(() => Consultation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consultationId' })
  consultation?: Relation<Consultation>;

  @IdRef()
  senderId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'senderId' })
  sender?: Relation<User>;

  /** Case matters (`a1` and `A1` are two messages): ASCII by its validation, compared byte for byte by the unique key. */
  @Column({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  clientMessageId: string;

  /** Plain text as the sender typed it; never interpreted as HTML anywhere. */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}

/** The newest message each person has marked read in a consultation: where "what you missed" starts. */
@Entity('consultation_read_states')
export class ChatReadState {
  @PrimaryColumn({ type: 'char', length: 36 })
  consultationId: string;

  @ManyToOne(() => Consultation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consultationId' })
  consultation?: Relation<Consultation>;

  @PrimaryColumn({ type: 'char', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User>;

  @IdRef()
  messageId: string;

  @Column({ type: 'datetime', precision: 3 })
  messageCreatedAt: Date;
}
