import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { AppConfig } from '@pendamping/platform';
import type { Recipient } from '../delivery/recipient';
import { NotificationChannel, type Outgoing } from './channel';

const TIMEOUT_MS = 10_000;

/**
 * WhatsApp through an HTTP provider speaking the Meta Cloud API's message-template shape
 * (`WHATSAPP_API_URL`, `WHATSAPP_TOKEN`; off without them). A 5xx or a network error is retried; a 4xx
 * (bad number, unknown template, bad token) will not get better and fails at once.
 */
@Injectable()
export class WhatsAppChannel extends NotificationChannel {
  readonly name = 'whatsapp' as const;

  constructor(private readonly config: AppConfig) {
    super();
  }

  reaches(recipient: Recipient): boolean {
    return Boolean(this.config.whatsapp && recipient.wantsWhatsapp && recipient.phone);
  }

  async send({ recipient, message }: Outgoing): Promise<void> {
    const { apiUrl, token } = this.config.whatsapp!;
    const body = {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      // E.164 without the plus, as the Cloud API expects.
      to: recipient.phone!.replace(/^\+/, ''),
      type: 'template',
      template: {
        name: message.whatsapp.template,
        language: { code: recipient.locale === 'en' ? 'en' : 'id' },
        components: [{ type: 'body', parameters: message.whatsapp.params.map((text) => ({ type: 'text', text })) }],
      },
    };
    const res = await fetch(apiUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (res.ok) return;
    const detail = (await res.text().catch(() => '')).slice(0, 200);
    if (res.status >= 400 && res.status < 500 && res.status !== 429) throw new UnrecoverableError(`WhatsApp provider refused the message: ${res.status} ${detail}`);
    throw new Error(`WhatsApp provider answered ${res.status} ${detail}`);
  }
}
