import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { workshopEntities } from './workshop.entities';

@Module({
  imports: [TypeOrmModule.forFeature(workshopEntities)],
})
export class WorkshopsModule {}
