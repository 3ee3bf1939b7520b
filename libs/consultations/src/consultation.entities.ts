import { AvailabilityOverride, MentorAvailability } from './availability/availability.entity';
import { Consultation } from './booking/consultation.entity';
import { AssistanceCase, ConsultationOutcome } from './outcomes/outcome.entity';

/** Every entity of this lib, for the schema (libs/database) and TypeOrmModule.forFeature. */
export const consultationEntities = [MentorAvailability, AvailabilityOverride, Consultation, ConsultationOutcome, AssistanceCase];
