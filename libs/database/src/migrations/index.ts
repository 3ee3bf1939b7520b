// Written by scripts/migration.mjs. The apps are bundled, so a glob would find nothing at run time.
import { Initial1795838051281 } from './1795838051281-Initial';
import { SeedDkiJakartaRegions1795838051282 } from './1795838051282-SeedDkiJakartaRegions';
import { Consultations1795840198809 } from './1795840198809-Consultations';
import { Workshops1795840388927 } from './1795840388927-Workshops';
import { Video1795841248302 } from './1795841248302-Video';
import { Realtime1795841324417 } from './1795841324417-Realtime';
import { Notifications1795841491951 } from './1795841491951-Notifications';
import { HeldSeats1795862302977 } from './1795862302977-HeldSeats';
import { InboxByDueTime1795862763129 } from './1795862763129-InboxByDueTime';
import { CalendarFeeds1795862949446 } from './1795862949446-CalendarFeeds';
import { LocaleOnAccount1796194336530 } from './1796194336530-LocaleOnAccount';
import { TokenVersions1796243092669 } from './1796243092669-TokenVersions';
import { IdempotencyKeys1796243473839 } from './1796243473839-IdempotencyKeys';
import { CaseApprovedAt1796300000000 } from './1796300000000-CaseApprovedAt';
import { ChatClientIdCaseSensitive1796400000000 } from './1796400000000-ChatClientIdCaseSensitive';

export const migrations: Function[] = [Initial1795838051281, SeedDkiJakartaRegions1795838051282, Consultations1795840198809, Workshops1795840388927, Video1795841248302, Realtime1795841324417, Notifications1795841491951, HeldSeats1795862302977, InboxByDueTime1795862763129, CalendarFeeds1795862949446, LocaleOnAccount1796194336530, TokenVersions1796243092669, IdempotencyKeys1796243473839, CaseApprovedAt1796300000000, ChatClientIdCaseSensitive1796400000000];
