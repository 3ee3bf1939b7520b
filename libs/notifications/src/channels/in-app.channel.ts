import { Injectable, Optional } from '@nestjs/common';
import { RealtimePublisher } from '@pendamping/platform';
import { toView } from '../api/inbox.service';
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

  async send({ notification: n }: Outgoing): Promise<void> {
    if (!this.realtime) return;
    // As the inbox shows it (the row is dispatched with its title and body by now), without a read time.
    const { readAt: _unread, ...pushed } = toView(n);
    await this.realtime.toUser(n.userId, 'notification', pushed);
  }
}
