import { AttendanceEvent } from './entities/attendance-event.entity';
import { Certificate } from './entities/certificate.entity';
import { Feedback } from './entities/feedback.entity';
import { Registration } from './entities/registration.entity';
import { WorkshopQuota } from './entities/workshop-quota.entity';
import { WorkshopSession } from './entities/workshop-session.entity';
import { WorkshopSpeaker } from './entities/workshop-speaker.entity';
import { Workshop } from './entities/workshop.entity';

/** Every entity of this lib, for the schema (libs/database) and TypeOrmModule.forFeature. */
export const workshopEntities = [Workshop, WorkshopSession, WorkshopSpeaker, WorkshopQuota, Registration, AttendanceEvent, Certificate, Feedback];
