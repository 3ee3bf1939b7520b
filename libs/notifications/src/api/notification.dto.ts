import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Equals, IsBoolean, IsIn, IsOptional } from 'class-validator';
import { LOCALES, type Locale } from '@pendamping/identity';
import { PageQuery } from '@pendamping/platform';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../entities/notification-delivery.entity';

const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'true: only unread' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}

export class PreferencesDto {
  @ApiProperty()
  @IsBoolean()
  email: boolean;

  @ApiProperty()
  @IsBoolean()
  whatsapp: boolean;

  @ApiProperty({ type: Boolean, enum: [true], description: 'The inbox is always on' })
  @Equals(true, { message: 'inApp cannot be switched off' })
  inApp: true;

  @ApiProperty({ enum: LOCALES, enumName: 'Locale' })
  @IsIn(LOCALES, { message: `locale must be one of ${LOCALES.join(', ')}` })
  locale: Locale;
}

export class DeliveryQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, enumName: 'DeliveryStatus', default: 'failed' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES, { message: `status must be one of ${DELIVERY_STATUSES.join(', ')}` })
  status?: DeliveryStatus;
}
