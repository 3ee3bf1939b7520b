import { ConsultationPresence } from './entities/consultation-presence.entity';
import { RoomRemoval } from './entities/room-removal.entity';
import { VideoRoom } from './entities/video-room.entity';
import { WebhookReceipt } from './entities/webhook-receipt.entity';

/** Every entity of this lib, for the schema (libs/database) and TypeOrmModule.forFeature. */
export const videoEntities = [VideoRoom, ConsultationPresence, RoomRemoval, WebhookReceipt];
