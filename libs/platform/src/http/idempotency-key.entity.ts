import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One `Idempotency-Key` of one caller on one path: claimed (no `status` yet) before the request runs, then
 * the answer the caller got. In MySQL, beside what the request wrote, so a lost Redis forgets no key.
 */
@Entity('idempotency_keys')
@Index(['expiresAt'])
export class IdempotencyKey {
  /** sha256 (base64url) of caller, path and key: fixed length, and no key text at rest. Case matters. */
  @PrimaryColumn({ type: 'char', length: 43, charset: 'ascii', collation: 'ascii_bin' })
  keyHash: string;

  /** sha256 of the request body: a retry must send the same one. */
  @Column({ type: 'char', length: 43, charset: 'ascii', collation: 'ascii_bin' })
  requestHash: string;

  @Column({ type: 'smallint', unsigned: true, nullable: true })
  status: number | null;

  /** The answer's JSON. */
  @Column({ type: 'mediumtext', nullable: true })
  body: string | null;

  @Column({ type: 'datetime', precision: 3 })
  claimedAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  expiresAt: Date;
}

export const platformEntities = [IdempotencyKey];
