import type { Notification } from '../entities/notification.entity';
import type { ChannelName } from '../notification.types';
import type { Recipient } from '../delivery/recipient';
import type { Message } from '../templates/messages';

export interface Outgoing {
  notification: Notification;
  recipient: Recipient;
  message: Message;
}

/**
 * One way of reaching a person. `send` throws to have the job retried, or throws BullMQ's
 * UnrecoverableError when trying again cannot help (the provider refused the request).
 */
export abstract class NotificationChannel {
  abstract readonly name: ChannelName;

  /** Configured, chosen by the person, and they have an address on it. */
  abstract reaches(recipient: Recipient): boolean;

  abstract send(outgoing: Outgoing): Promise<void>;
}
