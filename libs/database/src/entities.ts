import { consultationEntities } from '@pendamping/consultations';
import { identityEntities } from '@pendamping/identity';
import { notificationEntities } from '@pendamping/notifications';
import { platformEntities } from '@pendamping/platform';
import { realtimeEntities } from '@pendamping/realtime';
import { regionEntities } from '@pendamping/regions';
import { videoEntities } from '@pendamping/video';
import { workshopEntities } from '@pendamping/workshops';

/** Every entity of the schema, from each feature lib. The migrations must match exactly these. */
export const entities = [...platformEntities, ...regionEntities, ...identityEntities, ...consultationEntities, ...workshopEntities, ...realtimeEntities, ...videoEntities, ...notificationEntities];
