import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsEmail, IsIn, IsObject, IsPhoneNumber, IsString, Length, Matches, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { CanonicalZone, IsHumanText, IsIanaZone, Trimmed } from '@pendamping/platform';
import { REGION_CODE_PATTERN } from '@pendamping/regions';
import { BUSINESS_TYPES, LOCALES, type BusinessType, type Locale } from '../people.constants';

// Absent means "leave as it is"; null is refused (unlike @IsOptional) except where a field may be cleared.
const Optional = () => ValidateIf((_object, value) => value !== undefined);

export class UpdateBusinessDto {
  @ApiPropertyOptional({ example: 'Konveksi Bu Sari' })
  @Optional()
  @Trimmed()
  @IsString()
  @Length(2, 120)
  @IsHumanText('business.name')
  name?: string;

  @ApiPropertyOptional({ enum: BUSINESS_TYPES, enumName: 'BusinessType' })
  @Optional()
  @IsIn(BUSINESS_TYPES)
  type?: BusinessType;

  @ApiPropertyOptional({ example: '31.71.09.1001', description: 'Kemendagri code of the kelurahan where the business is' })
  @Optional()
  @Matches(REGION_CODE_PATTERN.kelurahan, { message: 'kelurahanCode must be a kelurahan code like 31.71.09.1001' })
  kelurahanCode?: string;
}

/** PATCH /api/me: any subset of the caller's own details. */
export class UpdateMeDto {
  @ApiPropertyOptional({ example: 'Sari Wulandari' })
  @Optional()
  @Trimmed()
  @IsString()
  @Length(2, 120)
  @IsHumanText('name')
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0812-3456-7890', description: 'Indonesian mobile number for WhatsApp; null removes it' })
  @ValidateIf((_object, value) => value !== undefined && value !== null)
  @IsPhoneNumber('ID', { message: 'phone must be an Indonesian phone number like 0812-3456-7890' })
  phone?: string | null;

  @ApiPropertyOptional({ example: 'Asia/Makassar', description: 'IANA time zone: how times are shown and notifications are timed' })
  @Optional()
  @CanonicalZone()
  @IsIanaZone('timezone')
  timezone?: string;

  @ApiPropertyOptional({ enum: LOCALES, enumName: 'Locale', description: 'Language of the app and of notifications (the same setting as in notification preferences)' })
  @Optional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ type: UpdateBusinessDto, description: 'Entrepreneurs only: any of name, type, kelurahanCode' })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => UpdateBusinessDto)
  business?: UpdateBusinessDto;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'currentPassword should not be empty' })
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: 8 })
  @IsString()
  @MinLength(8, { message: 'newPassword must have at least 8 characters' })
  @MaxLength(200)
  newPassword: string;
}

export class PasswordChanged {
  @ApiProperty({ description: 'A fresh token for this device: every token issued before the change has ended' })
  accessToken: string;
}

/** PATCH /api/users/:id: an admin correcting someone's details; absent fields stay as they are. */
export class UpdateUserDto extends UpdateMeDto {
  @ApiPropertyOptional({ example: 'sari@example.com', description: 'The sign-in address; 409 EMAIL_TAKEN when another account has it' })
  @Optional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Bank DKI', description: 'Speakers and staff: where they come from; null removes it' })
  @ValidateIf((_object, value) => value !== undefined && value !== null)
  @Trimmed()
  @IsString()
  @Length(2, 120)
  @IsHumanText('organization')
  organization?: string | null;
}
