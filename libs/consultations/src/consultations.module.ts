import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { consultationEntities } from './consultation.entities';

@Module({
  imports: [TypeOrmModule.forFeature(consultationEntities)],
})
export class ConsultationsModule {}
