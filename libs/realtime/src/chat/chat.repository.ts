import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { MysqlDriver } from 'typeorm/driver/mysql/MysqlDriver.js';
import { ChatMessage } from './chat-message.entity';

/** The driver's own mysql2 pool (callback API); undefined with read replicas (TypeORM's pool cluster). */
type Pool = { query(sql: string, values: unknown[], done: (error: Error | null) => void): void };

/**
 * The chat's hot-path queries. A message is the gateway's hottest write: it goes to mysql2's pool in plain
 * SQL, past TypeORM's query runner (its per-query runner, events and release cost about as much CPU as the
 * insert). Within a transaction, pass its `EntityManager`.
 */
@Injectable()
export class ChatRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Stores one message; a second one of the sender with the same clientMessageId fails with ER_DUP_ENTRY. */
  async insert(message: Pick<ChatMessage, 'id' | 'consultationId' | 'senderId' | 'clientMessageId' | 'body' | 'createdAt'>, manager?: EntityManager): Promise<void> {
    const sql = 'INSERT INTO consultation_messages (id, consultationId, senderId, clientMessageId, body, createdAt) VALUES (?, ?, ?, ?, ?, ?)';
    const values = [message.id, message.consultationId, message.senderId, message.clientMessageId, message.body, message.createdAt];
    // Read each time: a DataSource destroyed and initialised again has a new pool.
    const pool = (this.db.driver as MysqlDriver).pool as Pool | undefined;
    if (manager || !pool) await (manager ?? this.db).query(sql, values);
    else await new Promise<void>((resolve, reject) => pool.query(sql, values, (error) => (error ? reject(error) : resolve())));
  }

  /** The message this sender stored under `clientMessageId`. */
  bySender(consultationId: string, senderId: string, clientMessageId: string, manager: EntityManager = this.db.manager): Promise<ChatMessage> {
    return manager.getRepository(ChatMessage).findOneByOrFail({ consultationId, senderId, clientMessageId });
  }
}
