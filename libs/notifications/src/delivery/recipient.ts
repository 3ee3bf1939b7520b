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
  // One query (person and choices together): this runs for every notification that goes out.
  const row = await manager
    .createQueryBuilder(User, 'u')
    .leftJoin(NotificationPreference, 'p', 'p.userId = u.id')
    .select(['u.id AS id', 'u.name AS name', 'u.email AS email', 'u.phone AS phone', 'u.locale AS locale', 'u.timezone AS zone'])
    .addSelect(['p.email AS wantsEmail', 'p.whatsapp AS wantsWhatsapp', 'p.locale AS chosenLocale'])
    .where('u.id = :userId', { userId })
    .getRawOne<Omit<Recipient, 'wantsEmail' | 'wantsWhatsapp'> & { wantsEmail: number | null; wantsWhatsapp: number | null; chosenLocale: Locale | null }>();
  if (!row) return null;
  const { chosenLocale, wantsEmail, wantsWhatsapp, ...person } = row;
  return { ...person, locale: chosenLocale ?? person.locale, wantsEmail: wantsEmail === null ? true : Boolean(wantsEmail), wantsWhatsapp: wantsWhatsapp === null ? true : Boolean(wantsWhatsapp) };
}
