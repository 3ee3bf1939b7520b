import { ApiProperty } from '@nestjs/swagger';
import { LOCALES, type Locale } from '@pendamping/identity';
import { PageOf } from '@pendamping/platform';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../entities/notification-delivery.entity';
import { CHANNELS, NOTIFICATION_TYPES, REF_KINDS, type ChannelName, type NotificationType, type RefKind } from '../notification.types';

export class NotificationRef {
  @ApiProperty({ enum: REF_KINDS, enumName: 'RefKind' }) kind: RefKind;
  @ApiProperty() id: string;
}

/** An inbox item, also pushed as the `notification` socket event. */
export class NotificationView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: NOTIFICATION_TYPES, enumName: 'NotificationType' }) type: NotificationType;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: NotificationRef }) ref: NotificationRef;
  @ApiProperty({ description: "the web app's page for it, e.g. /workshops/{id}/sessions/{sessionId}", example: '/consultations/01a2…' }) path: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', description: 'when the notification went out' }) createdAt: string;
}

export class NotificationPage extends PageOf(NotificationView) {}

export class PreferencesView {
  @ApiProperty() email: boolean;
  @ApiProperty() whatsapp: boolean;
  @ApiProperty({ type: Boolean, description: 'always true: the inbox cannot be switched off' }) inApp: true;
  @ApiProperty({ enum: LOCALES, enumName: 'Locale', description: "the account's language (the same as locale in GET /api/me)" }) locale: Locale;
}

export class DeliveryView {
  @ApiProperty() id: string;
  @ApiProperty() notificationId: string;
  @ApiProperty() userId: string;
  @ApiProperty({ description: "the recipient's name as it is now" }) recipientName: string;
  @ApiProperty({ type: String, nullable: true, description: 'where this channel reaches them now: the email address or the WhatsApp number (null in the app, or without a phone)' })
  recipientAddress: string | null;
  @ApiProperty({ enum: NOTIFICATION_TYPES, enumName: 'NotificationType' }) type: NotificationType;
  @ApiProperty({ enum: CHANNELS, enumName: 'Channel' }) channel: ChannelName;
  @ApiProperty({ enum: DELIVERY_STATUSES, enumName: 'DeliveryStatus' }) status: DeliveryStatus;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

export class DeliveryPage extends PageOf(DeliveryView) {}
