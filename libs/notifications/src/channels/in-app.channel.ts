import { Injectable, Optional } from '@nestjs/common';
import { RealtimePublisher } from '@pendamping/platform';
import { notificationPath } from '../notification-path';
import { NotificationChannel, type Outgoing } from './channel';

/**
 * The inbox row is the in-app notification (written when it is dispatched); this pushes it to the
 * person's open sockets. Without the realtime module (a process that does not wire it) the inbox still
 * has it.
 */
@Injectable()
export class InAppChannel extends NotificationChannel {
  readonly name = 'in_app' as const;

  constructor(@Optional() private readonly realtime?: RealtimePublisher) {
    super();
  }

  reaches(): boolean {
    return true;
  }

  async send({ notification: n, message }: Outgoing): Promise<void> {
    if (!this.realtime) return;
    const ref = { kind: n.refKind, id: n.refId };
    await this.realtime.toUser(n.userId, 'notification', { id: n.id, type: n.type, title: message.title, body: message.body, ref, path: notificationPath(n), createdAt: (n.dispatchedAt ?? n.createdAt).toISOString() });
  }
}
