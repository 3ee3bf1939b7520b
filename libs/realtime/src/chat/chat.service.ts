import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { ConsultationAccess, isParticipant, type Consultation } from '@pendamping/consultations';
import { Clock, DEFAULT_PAGE_SIZE, decodeTimeCursor, isDuplicateKey, newId, notFound, toPage, type Caller, type Page } from '@pendamping/platform';
import type { MessageView } from '../realtime.events';
import { ChatMessage, ChatReadState } from './chat-message.entity';
import { ChatRepository } from './chat.repository';

/** At most this many missed messages come with a join; the rest through the history endpoint. */
export const MISSED_LIMIT = 100;

interface Position {
  at: Date;
  id: string;
}

export function toMessageView(m: ChatMessage): MessageView {
  return { id: m.id, consultationId: m.consultationId, clientMessageId: m.clientMessageId, senderId: m.senderId, body: m.body, createdAt: m.createdAt.toISOString() };
}

/** Consultation chat: who may read and write, storing messages once, history and read markers. */
@Injectable()
export class ChatService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ConsultationAccess,
    private readonly clock: Clock,
    private readonly store: ChatRepository,
  ) {}

  /** The consultation if the caller may read its chat (participants, admins), and whether they may write. */
  async open(caller: Caller, consultationId: string): Promise<{ consultation: Consultation; participant: boolean }> {
    const consultation = await this.access.visible(caller, consultationId);
    return { consultation, participant: isParticipant(caller, consultation) };
  }

  /**
   * Stores a message, or finds the one this sender already stored under the same `clientMessageId`
   * (a resend after a lost ack): `fresh` is false then, and it must not be delivered again.
   */
  async send(caller: Caller, consultationId: string, clientMessageId: string, body: string): Promise<{ message: MessageView; fresh: boolean }> {
    const row = { id: newId(), consultationId, senderId: caller.id, clientMessageId, body, createdAt: this.clock.now() };
    try {
      await this.store.insert(row);
      return { message: toMessageView(Object.assign(new ChatMessage(), row)), fresh: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return { message: toMessageView(await this.store.bySender(consultationId, caller.id, clientMessageId)), fresh: false };
    }
  }

  /** Newest first; `before` is a message id, `cursor` the previous page's nextCursor. */
  async history(consultationId: string, query: { before?: string; cursor?: string; limit?: number }): Promise<Page<MessageView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const qb = this.messages(consultationId).orderBy('m.createdAt', 'DESC').addOrderBy('m.id', 'DESC').limit(limit + 1);
    const before = query.cursor ? decodeTimeCursor(query.cursor) : query.before ? await this.positionOf(consultationId, query.before) : null;
    if (before) qb.andWhere('(m.createdAt < :at OR (m.createdAt = :at AND m.id < :id))', before);
    const rows = await qb.getMany();
    return toPage(rows, limit, toMessageView, (m) => [m.createdAt.toISOString(), m.id]);
  }

  /**
   * What a reconnecting client missed, oldest first: the messages after `since` (the newest one it has),
   * or without it after the caller's last read marker. `more` says the history endpoint has the rest.
   */
  async missed(caller: Caller, consultationId: string, since?: string): Promise<{ missed: MessageView[]; more: boolean }> {
    const after = since ? await this.positionOf(consultationId, since) : await this.readMarker(caller.id, consultationId);
    const qb = this.messages(consultationId).orderBy('m.createdAt', 'ASC').addOrderBy('m.id', 'ASC').limit(MISSED_LIMIT + 1);
    if (after) qb.andWhere('(m.createdAt > :at OR (m.createdAt = :at AND m.id > :id))', after);
    const rows = await qb.getMany();
    return { missed: rows.slice(0, MISSED_LIMIT).map(toMessageView), more: rows.length > MISSED_LIMIT };
  }

  /** Moves the caller's read marker forward to `messageId`, never back: receipts may arrive out of order. */
  async markRead(caller: Caller, consultationId: string, messageId: string): Promise<void> {
    const position = await this.positionOf(consultationId, messageId);
    const key = { consultationId, userId: caller.id };
    await this.db.createQueryBuilder().insert().into(ChatReadState).values({ ...key, messageId, messageCreatedAt: position.at }).orIgnore().execute();
    await this.db
      .createQueryBuilder()
      .update(ChatReadState)
      .set({ messageId, messageCreatedAt: position.at })
      .where('consultationId = :consultationId AND userId = :userId', key)
      .andWhere('(messageCreatedAt < :at OR (messageCreatedAt = :at AND messageId < :id))', position)
      .execute();
  }

  private messages(consultationId: string): SelectQueryBuilder<ChatMessage> {
    return this.db.getRepository(ChatMessage).createQueryBuilder('m').where('m.consultationId = :consultationId', { consultationId });
  }

  private async positionOf(consultationId: string, messageId: string): Promise<Position> {
    const message = await this.db.getRepository(ChatMessage).findOne({ select: { id: true, createdAt: true }, where: { id: messageId, consultationId } });
    if (!message) throw notFound('Message');
    return { at: message.createdAt, id: message.id };
  }

  private async readMarker(userId: string, consultationId: string): Promise<Position | null> {
    const state = await this.db.getRepository(ChatReadState).findOneBy({ consultationId, userId });
    return state ? { at: state.messageCreatedAt, id: state.messageId } : null;
  }
}

