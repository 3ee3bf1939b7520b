import { Injectable, Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';

/** Something that happened in a feature lib; `type` is `<aggregate>.<verb>`, e.g. `consultation.booked`. */
export interface DomainEvent {
  type: string;
}

export type TransactionalHandler = (event: DomainEvent, manager: EntityManager) => Promise<void> | void;
export type CommittedHandler = (event: DomainEvent) => Promise<void> | void;

/** Collects the events of one unit of work; features call `emit` where the state changes. */
export type Emit = (event: DomainEvent) => Promise<void>;

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

  /** Runs `work` in a transaction; what it emits reaches subscribers before and after the commit. */
  async transaction<T>(dataSource: DataSource, work: (manager: EntityManager, emit: Emit) => Promise<T>): Promise<T> {
    const emitted: DomainEvent[] = [];
    const result = await dataSource.transaction(async (manager) => {
      const emit: Emit = async (event) => {
        emitted.push(event);
        for (const { type, handler } of this.transactional) if (matches(type, event.type)) await handler(event, manager);
      };
      return work(manager, emit);
    });
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
