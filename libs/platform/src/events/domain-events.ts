import { Injectable, Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { isDeadlock, isLockConflict, tryAgain } from '../database/db-errors';

/** Something that happened in a feature lib; `type` is `<aggregate>.<verb>`, e.g. `consultation.booked`. */
export interface DomainEvent {
  type: string;
}

export type TransactionalHandler = (event: DomainEvent, manager: EntityManager) => Promise<void> | void;
export type CommittedHandler = (event: DomainEvent) => Promise<void> | void;

/** Collects the events of one unit of work; features call `emit` where the state changes. */
export type Emit = (event: DomainEvent) => Promise<void>;

export interface TransactionOptions {
  /**
   * READ COMMITTED for work whose checks must see rows other transactions committed after this one began
   * (under REPEATABLE READ a plain SELECT reads the snapshot of the first one, even after taking a lock).
   */
  isolation?: 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';
}

/** A deadlock victim is run again up to this many times in all; then the caller gets 409 TRY_AGAIN. */
export const TRANSACTION_ATTEMPTS = 3;

/**
 * In-process event bus. Feature libs publish, other libs (reminders, gateway, video) subscribe, so no
 * feature imports another. Two kinds of subscriber:
 * - `withinTransaction`: runs in the publisher's transaction (e.g. writing an outbox row); a throw rolls
 *   the whole change back, so the reaction and the change commit together or not at all;
 * - `afterCommit`: runs once the change is durable (socket pushes, room closing); failures are logged and
 *   never undo the change.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);
  private readonly transactional: { type: string; handler: TransactionalHandler }[] = [];
  private readonly committed: { type: string; handler: CommittedHandler }[] = [];

  /** `type` may be an exact type, a prefix ending in `.*`, or `*` for all. */
  withinTransaction(type: string, handler: TransactionalHandler): void {
    this.transactional.push({ type, handler });
  }

  afterCommit(type: string, handler: CommittedHandler): void {
    this.committed.push({ type, handler });
  }

  /**
   * Runs `work` in a transaction; what it emits reaches subscribers before and after the commit. A deadlock
   * rolls everything back, so the work runs again from the start (up to TRANSACTION_ATTEMPTS in all); a
   * deadlock on the last attempt, or a lock wait that ran out, is 409 TRY_AGAIN, never a 500.
   */
  async transaction<T>(dataSource: DataSource, work: (manager: EntityManager, emit: Emit) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(dataSource, work, options);
      } catch (error) {
        if (!isLockConflict(error)) throw error;
        // A lock wait that ran out has already waited innodb_lock_wait_timeout: waiting again would not help.
        if (!isDeadlock(error) || attempt >= TRANSACTION_ATTEMPTS) throw tryAgain();
        this.logger.warn({ attempt }, 'ER_LOCK_DEADLOCK: transaction rolled back, running it again');
      }
    }
  }

  private async once<T>(dataSource: DataSource, work: (manager: EntityManager, emit: Emit) => Promise<T>, options: TransactionOptions): Promise<T> {
    const emitted: DomainEvent[] = [];
    const run = async (manager: EntityManager) => {
      const emit: Emit = async (event) => {
        emitted.push(event);
        for (const { type, handler } of this.transactional) if (matches(type, event.type)) await handler(event, manager);
      };
      return work(manager, emit);
    };
    const result = options.isolation ? await dataSource.transaction(options.isolation, run) : await dataSource.transaction(run);
    await this.publishCommitted(emitted);
    return result;
  }

  /** For events of changes already committed by other means. */
  async publishCommitted(events: DomainEvent[]): Promise<void> {
    for (const event of events) {
      for (const { type, handler } of this.committed) {
        if (!matches(type, event.type)) continue;
        try {
          await handler(event);
        } catch (error) {
          this.logger.error({ err: error, event: event.type }, 'after-commit subscriber failed');
        }
      }
    }
  }
}

function matches(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}
