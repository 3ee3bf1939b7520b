import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { isDuplicateKey } from '../database/db-errors';
import { Clock } from '../time/clock';
import { IdempotencyKey } from './idempotency-key.entity';

const TTL_MS = 24 * 60 * 60_000;
/** A claim without an answer this old belongs to a process that died mid-request: the key runs again. */
export const ABANDONED_CLAIM_MS = 60_000;
const CLEANUP_EVERY_MS = 60 * 60_000;
const CLEANUP_BATCH = 10_000;
const MAX_ORPHANED = 10_000;

export interface StoredAnswer {
  requestHash: string;
  status: number | null;
  body: unknown;
}

/** The `Idempotency-Key` records in MySQL (idempotency_keys): all their I/O. */
@Injectable()
export class IdempotencyStore implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyStore.name);
  private timer?: NodeJS.Timeout;
  /** Claims this process holds, by key: their claim time. */
  private readonly held = new Map<string, number>();
  /**
   * Claims this process gave up but could not delete (the database went away with the request): a retry
   * that reaches this process takes them over at once instead of waiting for ABANDONED_CLAIM_MS.
   */
  private readonly orphaned = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  private get repo() {
    return this.dataSource.getRepository(IdempotencyKey);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.removeExpired(), CLEANUP_EVERY_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** True when this request now holds the key (a new one, an expired one, or an abandoned claim). */
  async claim(keyHash: string, requestHash: string): Promise<boolean> {
    const now = this.clock.now();
    try {
      await this.repo.insert({ keyHash, requestHash, status: null, body: null, claimedAt: now, expiresAt: new Date(now.getTime() + TTL_MS) });
      this.held.set(keyHash, now.getTime());
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const row = await this.repo.findOneBy({ keyHash });
    if (!row) return this.claim(keyHash, requestHash);
    const ours = row.status === null && this.orphaned.get(keyHash) === row.claimedAt.getTime();
    const abandoned = ours || (row.status === null && row.claimedAt.getTime() < now.getTime() - ABANDONED_CLAIM_MS);
    if (row.expiresAt.getTime() > now.getTime() && !abandoned) return false;
    // Compare-and-swap on the claim time: of two requests taking it over, one wins.
    const taken = await this.repo.update(
      { keyHash, claimedAt: row.claimedAt },
      { requestHash, status: null, body: null, claimedAt: now, expiresAt: new Date(now.getTime() + TTL_MS) },
    );
    if (taken.affected !== 1) return false;
    this.orphaned.delete(keyHash);
    this.held.set(keyHash, now.getTime());
    return true;
  }

  async read(keyHash: string): Promise<StoredAnswer | undefined> {
    const row = await this.repo.findOneBy({ keyHash });
    return row ? { requestHash: row.requestHash, status: row.status, body: row.body === null ? undefined : JSON.parse(row.body) } : undefined;
  }

  async answer(keyHash: string, status: number, body: unknown): Promise<void> {
    await this.settled(keyHash, () => this.repo.update({ keyHash }, { status, body: JSON.stringify(body ?? null) }));
  }

  /** Lets the caller retry (a 5xx): the claim goes, an answer already stored stays. */
  async release(keyHash: string): Promise<void> {
    await this.settled(keyHash, () => this.repo.delete({ keyHash, status: IsNull() }));
  }

  /** Ends this process's hold on a key; when the write fails, the claim is remembered as orphaned. */
  private async settled(keyHash: string, write: () => Promise<unknown>): Promise<void> {
    const claimedAt = this.held.get(keyHash);
    this.held.delete(keyHash);
    try {
      await write();
    } catch (error) {
      if (claimedAt !== undefined) {
        if (this.orphaned.size >= MAX_ORPHANED) this.orphaned.delete(this.orphaned.keys().next().value!);
        this.orphaned.set(keyHash, claimedAt);
      }
      throw error;
    }
  }

  async removeExpired(): Promise<void> {
    try {
      await this.dataSource.query(`DELETE FROM idempotency_keys WHERE expiresAt < ? LIMIT ${CLEANUP_BATCH}`, [this.clock.now()]);
    } catch (error) {
      this.logger.warn(`removing expired idempotency keys failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
