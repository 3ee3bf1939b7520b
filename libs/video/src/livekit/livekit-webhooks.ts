import { Injectable } from '@nestjs/common';
import { WebhookReceiver } from 'livekit-server-sdk';
import { AppConfig, DomainError } from '@pendamping/platform';

/** The parts of a LiveKit webhook event the platform uses. */
export interface VideoEvent {
  id: string;
  event: string;
  /** When LiveKit says it happened. */
  at?: Date;
  room?: string;
  identity?: string;
}

export const invalidSignature = () =>
  new DomainError('INVALID_SIGNATURE', 'The webhook signature, body hash or token expiry does not verify');

/** Checks a webhook's Authorization token (our API key and secret, unexpired) and its sha256 of the raw body. */
@Injectable()
export class LiveKitWebhooks {
  private readonly receiver: WebhookReceiver;

  constructor(config: AppConfig) {
    this.receiver = new WebhookReceiver(config.livekit.apiKey, config.livekit.apiSecret);
  }

  async verify(rawBody: string, authorization: string | undefined): Promise<VideoEvent> {
    // LiveKit sends the bare JWT; accept a "Bearer " prefix from proxies that add one.
    const token = authorization?.replace(/^Bearer\s+/i, '');
    let event;
    try {
      event = await this.receiver.receive(rawBody, token);
    } catch {
      throw invalidSignature();
    }
    if (!event.id || !event.event) throw new DomainError('VALIDATION_FAILED', 'A webhook event needs an id and an event name');
    return {
      id: event.id,
      event: event.event,
      at: event.createdAt ? new Date(Number(event.createdAt) * 1000) : undefined,
      room: event.room?.name || undefined,
      identity: event.participant?.identity || undefined,
    };
  }
}
