import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminWorkshopsController, AdminWorkshopsService } from './admin-workshops';
import { AttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';
import { MyWorkshopsController, MyWorkshopsService } from './my-workshops';
import { ParticipationService } from './participation.service';
import { WorkshopParticipants } from './participants.service';
import { RegistrationsController } from './registrations.controller';
import { RegistrationsService } from './registrations.service';
import { workshopEntities } from './workshop.entities';
import { WorkshopReader } from './workshop-reader.service';
import { WorkshopRepository } from './workshop.repository';
import { WorkshopsController } from './workshops.controller';
import { WorkshopsService } from './workshops.service';

/** Workshops: scheduling, registration and waitlist, attendance, certificates and feedback. */
@Module({
  imports: [TypeOrmModule.forFeature(workshopEntities)],
  controllers: [WorkshopsController, AdminWorkshopsController, RegistrationsController, AttendanceController, CertificatesController, MyWorkshopsController],
  providers: [WorkshopsService, AdminWorkshopsService, WorkshopReader, WorkshopRepository, RegistrationsService, AttendanceService, CertificatesService, ParticipationService, MyWorkshopsService, WorkshopParticipants],
  exports: [WorkshopsService, WorkshopReader, WorkshopParticipants, RegistrationsService, AttendanceService, CertificatesService],
})
export class WorkshopsModule {}
