import { ApiProperty } from '@nestjs/swagger';

export class PresenceParticipantView {
  @ApiProperty() userId: string;
  @ApiProperty({ enum: ['mentor', 'entrepreneur'], enumName: 'ConsultationParty' }) role: 'mentor' | 'entrepreneur';
  @ApiProperty() firstJoinedAt: Date;
  @ApiProperty({ type: Date, nullable: true, description: 'null while still in the room (or never left cleanly)' }) lastLeftAt: Date | null;
  @ApiProperty() joins: number;
}

export class PresenceView {
  @ApiProperty() consultationId: string;
  @ApiProperty({ example: 'consultation-01968f3e-7a2b-7c00-8000-0000000000aa' }) room: string;
  @ApiProperty({ type: [PresenceParticipantView], description: 'who came, first arrival first' }) participants: PresenceParticipantView[];
  @ApiProperty({ description: "both people were in the room: it backs the mentor's completed outcome" }) bothPresent: boolean;
}
