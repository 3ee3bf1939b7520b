import type { EntityManager } from 'typeorm';
import { User, type Locale } from '@pendamping/identity';
import { NotificationPreference } from '../entities/notification-preference.entity';

/** A person as the channels need them, with their current choices. */
export interface Recipient {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  locale: Locale;
  zone: string;
  wantsEmail: boolean;
  wantsWhatsapp: boolean;
}

export async function loadRecipient(manager: EntityManager, userId: string): Promise<Recipient | null> {
  const [user, prefs] = await Promise.all([
    manager.findOne(User, { select: { id: true, name: true, email: true, phone: true, locale: true, timezone: true }, where: { id: userId } }),
    manager.findOneBy(NotificationPreference, { userId }),
  ]);
  if (!user) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    phone: user.phone,
    locale: prefs?.locale ?? user.locale,
    zone: user.timezone,
    wantsEmail: prefs?.email ?? true,
    wantsWhatsapp: prefs?.whatsapp ?? true,
  };
}
