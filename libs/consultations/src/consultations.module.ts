import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AvailabilityService } from './availability/availability.service';
import { BookingService } from './booking/booking.service';
import { ConsultationAccess } from './booking/consultation-access.service';
import { ConsultationLifecycle } from './booking/consultation-lifecycle.service';
import { ConsultationQueryService } from './booking/consultation-query.service';
import { ConsultationsController } from './booking/consultations.controller';
import { consultationEntities } from './consultation.entities';
import { ConsultationRepository } from './consultation.repository';
import { EntrepreneurHistoryService } from './entrepreneurs/entrepreneur-history.service';
import { EntrepreneursController } from './entrepreneurs/entrepreneurs.controller';
import { MentorDirectoryService } from './mentors/mentor-directory.service';
import { MentorsController } from './mentors/mentors.controller';
import { FollowUpService } from './outcomes/follow-up.service';
import { OutcomeService } from './outcomes/outcome.service';
import { OutcomesController } from './outcomes/outcomes.controller';

@Module({
  imports: [TypeOrmModule.forFeature(consultationEntities)],
  controllers: [ConsultationsController, MentorsController, OutcomesController, EntrepreneursController],
  providers: [ConsultationRepository, AvailabilityService, BookingService, ConsultationAccess, ConsultationLifecycle, ConsultationQueryService, MentorDirectoryService, OutcomeService, FollowUpService, EntrepreneurHistoryService],
  exports: [AvailabilityService, BookingService, ConsultationAccess, ConsultationLifecycle, MentorDirectoryService, OutcomeService, FollowUpService],
})
export class ConsultationsModule {}
