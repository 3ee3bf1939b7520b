import { CalendarFeed } from './calendar/calendar-feed.entity';
import { NotificationDelivery } from './entities/notification-delivery.entity';
import { NotificationPreference } from './entities/notification-preference.entity';
import { Notification } from './entities/notification.entity';

/** Every entity of this lib, for the schema (libs/database) and TypeOrmModule.forFeature. */
export const notificationEntities = [Notification, NotificationDelivery, NotificationPreference, CalendarFeed];
