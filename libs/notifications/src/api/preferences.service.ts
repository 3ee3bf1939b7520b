import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { User } from '@pendamping/identity';
import { notFound } from '@pendamping/platform';
import { NotificationPreference } from '../entities/notification-preference.entity';
import type { PreferencesDto } from './notification.dto';
import type { PreferencesView } from './notification.views';

@Injectable()
export class PreferencesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(userId: string): Promise<PreferencesView> {
    const [user, prefs] = await Promise.all([
      this.dataSource.manager.findOne(User, { select: { id: true, locale: true }, where: { id: userId } }),
      this.dataSource.manager.findOneBy(NotificationPreference, { userId }),
    ]);
    if (!user) throw notFound('User');
    return { email: prefs?.email ?? true, whatsapp: prefs?.whatsapp ?? true, inApp: true, locale: user.locale };
  }

  /** The language is the account's (the one PATCH /api/me sets too), so it is stored there, not here. */
  async put(userId: string, dto: PreferencesDto): Promise<PreferencesView> {
    await this.dataSource.transaction(async (em) => {
      await em.upsert(NotificationPreference, { userId, email: dto.email, whatsapp: dto.whatsapp, locale: null }, ['userId']);
      await em.update(User, { id: userId }, { locale: dto.locale });
    });
    return this.get(userId);
  }
}
