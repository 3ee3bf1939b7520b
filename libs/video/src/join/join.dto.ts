import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';

export class JoinDto {
  @ApiPropertyOptional({ description: 'Low bandwidth: publish the microphone only and subscribe to audio only' })
  @IsOptional()
  @IsBoolean()
  audioOnly?: boolean;

  @ApiPropertyOptional({ description: 'Admins: join hidden, to watch without being seen (no publishing)' })
  @IsOptional()
  @IsBoolean()
  observe?: boolean;
}
