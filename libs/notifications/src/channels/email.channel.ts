import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '@pendamping/platform';
import type { Recipient } from '../delivery/recipient';
import { CalendarInvites } from './calendar-invite';
import { NotificationChannel, type Outgoing } from './channel';

/** Email over SMTP (`SMTP_URL`); bookings and sessions come with an .ics invite. Off without SMTP_URL. */
@Injectable()
export class EmailChannel extends NotificationChannel implements OnApplicationShutdown {
  readonly name = 'email' as const;
  private transport?: Transporter;

  constructor(
    private readonly config: AppConfig,
    private readonly invites: CalendarInvites,
  ) {
    super();
  }

  reaches(recipient: Recipient): boolean {
    return Boolean(this.config.smtpUrl && recipient.wantsEmail && recipient.email);
  }

  async send({ notification, recipient, message }: Outgoing): Promise<void> {
    const from = parseAddress(this.config.smtpFrom);
    const invite = await this.invites.for(notification, message.title, message.link, from, { name: recipient.name, email: recipient.email });
    await this.transporter().sendMail({
      from: this.config.smtpFrom,
      to: { name: recipient.name, address: recipient.email },
      subject: message.title,
      text: message.text,
      // Stable per notification: should a retry ever send twice, mail clients see one message.
      messageId: `<${notification.id}.email@pendamping>`,
      headers: { 'X-Pendamping-Notification': notification.id, 'X-Pendamping-Type': notification.type },
      attachments: invite
        ? [{ filename: invite.method === 'CANCEL' ? 'batal.ics' : 'undangan.ics', content: invite.ics, contentType: `text/calendar; charset=utf-8; method=${invite.method}` }]
        : [],
    });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }

  private transporter(): Transporter {
    // Pooled: one connection carries many messages instead of a TLS handshake per email.
    this.transport ??= createTransport(this.config.smtpUrl!, { pool: true, maxConnections: 5 } as never);
    return this.transport;
  }
}

function parseAddress(text: string): { name: string; email: string } {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(text);
  return match ? { name: match[1] || 'Pendamping', email: match[2] } : { name: 'Pendamping', email: text.trim() };
}
