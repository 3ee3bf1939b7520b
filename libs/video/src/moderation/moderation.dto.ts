import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class MicrophoneDto {
  @ApiProperty({ description: 'true gives the attendee the floor (microphone), false takes it back' })
  @IsBoolean()
  allowed: boolean;
}

export class MuteDto {
  @ApiProperty({ description: "The LiveKit track sid (TR_…) of the participant's published track" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  trackSid: string;

  @ApiPropertyOptional({ description: 'false unmutes; default true' })
  @IsOptional()
  @IsBoolean()
  muted?: boolean;
}

export class MicrophoneView {
  @ApiProperty() userId: string;
  @ApiProperty({ description: 'the attendee may now publish their microphone' }) microphone: boolean;
}

export class MuteView {
  @ApiProperty() userId: string;
  @ApiProperty() trackSid: string;
  @ApiProperty() muted: boolean;
}
