import type { EntityManager } from 'typeorm';
import type { Locale } from '@pendamping/identity';

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
  // One query (person and choices together) in plain SQL: this runs for every notification that goes out.
  const [row]: (Omit<Recipient, 'wantsEmail' | 'wantsWhatsapp'> & { wantsEmail: number | null; wantsWhatsapp: number | null; chosenLocale: Locale | null })[] = await manager.query(
    `SELECT u.id, u.name, u.email, u.phone, u.locale, u.timezone AS zone, p.email AS wantsEmail, p.whatsapp AS wantsWhatsapp, p.locale AS chosenLocale
       FROM users u LEFT JOIN notification_preferences p ON p.userId = u.id
      WHERE u.id = ?`,
    [userId],
  );
  if (!row) return null;
  const { chosenLocale, wantsEmail, wantsWhatsapp, ...person } = row;
  return { ...person, locale: chosenLocale ?? person.locale, wantsEmail: wantsEmail === null ? true : Boolean(wantsEmail), wantsWhatsapp: wantsWhatsapp === null ? true : Boolean(wantsWhatsapp) };
}
