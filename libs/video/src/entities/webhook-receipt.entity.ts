import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAt } from '@pendamping/platform';

/** A LiveKit webhook event we have acted on; its id as the primary key makes a redelivery change nothing. */
@Entity('video_webhook_receipts')
export class WebhookReceipt {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  eventId: string;

  @Column({ type: 'varchar', length: 40 })
  event: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  room: string | null;

  @CreatedAt()
  receivedAt: Date;
}
