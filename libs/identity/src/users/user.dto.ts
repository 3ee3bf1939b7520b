import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsPhoneNumber,
  IsString,
  Length,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsHumanText, ROLES, type Role } from '@pendamping/platform';
import { REGION_CODE_PATTERN } from '@pendamping/regions';
import { BUSINESS_TYPES, LOCALES, TOPICS, type BusinessType, type Locale, type Topic } from '../people.constants';

const KELURAHAN_CODE = REGION_CODE_PATTERN.kelurahan;
const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
const normalisedEmail = () => Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));
/** What people type ("0812-3456-7890") as E.164 ("+6281234567890"), the shape WhatsApp wants. */
/** (@IsPhoneNumber has checked it is an Indonesian number; this only rewrites the national form.) */
export function toE164(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return digits;
  if (digits.startsWith('62')) return `+${digits}`;
  if (digits.startsWith('0')) return `+62${digits.slice(1)}`;
  return phone;
}

export class BusinessDto {
  @ApiProperty({ example: 'Konveksi Bu Sari' })
  @trimmed()
  @IsString()
  @Length(2, 120)
  @IsHumanText('name')
  name: string;

  @ApiProperty({ enum: BUSINESS_TYPES, enumName: 'BusinessType' })
  @IsIn(BUSINESS_TYPES)
  type: BusinessType;

  @ApiProperty({ example: '31.71.09.1001', description: 'Kemendagri code of the kelurahan where the business is' })
  @Matches(KELURAHAN_CODE, { message: 'kelurahanCode must be a kelurahan code like 31.71.09.1001' })
  kelurahanCode: string;
}

export class MentorDto {
  @ApiProperty({ example: ['31.71.09.1001'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(KELURAHAN_CODE, { each: true, message: 'each of kelurahanCodes must be a kelurahan code like 31.71.09.1001' })
  kelurahanCodes: string[];

  @ApiProperty({ enum: TOPICS, enumName: 'Topic', isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(TOPICS, { each: true })
  topics: Topic[];
}

class AccountFields {
  @ApiProperty({ example: 'sari@example.com' })
  @normalisedEmail()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 8, example: 'kain-batik-2026' })
  @IsString()
  @MinLength(8, { message: 'password must have at least 8 characters' })
  @MaxLength(200)
  password: string;

  @ApiProperty({ example: 'Sari Wulandari' })
  @trimmed()
  @IsString()
  @Length(2, 120)
  @IsHumanText('name')
  name: string;

  @ApiPropertyOptional({ example: '+6281234567890', description: 'Indonesian mobile number for WhatsApp' })
  @IsOptional()
  @IsPhoneNumber('ID', { message: 'phone must be an Indonesian phone number like 0812-3456-7890' })
  phone?: string;

  @ApiPropertyOptional({ enum: LOCALES, enumName: 'Locale', default: 'id' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

export class RegisterDto extends AccountFields {
  @ApiProperty({ type: BusinessDto })
  @IsDefined({ message: 'business is required: the name, type and kelurahanCode of your business' })
  @IsObject()
  @ValidateNested()
  @Type(() => BusinessDto)
  business: BusinessDto;
}

export class LoginDto {
  @ApiProperty({ example: 'sari@example.com' })
  @normalisedEmail()
  @IsEmail({}, { message: 'email must be a valid email address' })
  email: string;

  @ApiProperty({ example: 'kain-batik-2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class CreateUserDto extends AccountFields {
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiPropertyOptional({ example: 'Bank DKI', description: 'Speakers and staff: where they come from' })
  @IsOptional()
  @trimmed()
  @IsString()
  @Length(2, 120)
  @IsHumanText('organization')
  organization?: string;

  @ApiPropertyOptional({ type: MentorDto, description: 'Required with the mentor role' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MentorDto)
  mentor?: MentorDto;

  @ApiPropertyOptional({ type: BusinessDto, description: 'Required with the entrepreneur role' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => BusinessDto)
  business?: BusinessDto;
}

/** An admin changing someone's roles; a new mentor or entrepreneur role needs its profile unless the person has one. */
export class SetRolesDto extends PickType(CreateUserDto, ['roles', 'mentor', 'business'] as const) {}

export class BusinessView {
  @ApiProperty({ example: 'Konveksi Bu Sari' }) name: string;
  @ApiProperty({ enum: BUSINESS_TYPES, enumName: 'BusinessType' }) type: BusinessType;
  @ApiProperty({ example: '31.71.09.1001' }) kelurahanCode: string;
}

export class MentorProfileView {
  @ApiProperty({ type: [String], example: ['31.71.09.1001'] }) kelurahanCodes: string[];
  @ApiProperty({ enum: TOPICS, enumName: 'Topic', isArray: true }) topics: Topic[];
}

export class UserView {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) roles: Role[];
  @ApiProperty({ enum: LOCALES, enumName: 'Locale', description: 'the language of the app and of notifications' }) locale: Locale;
  @ApiProperty({ example: 'Asia/Jakarta' }) timezone: string;
  @ApiProperty({ type: String, nullable: true, example: '+6281234567890' }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) organization: string | null;
  @ApiProperty({ description: 'an admin disabled the account: it cannot sign in' }) disabled: boolean;
  @ApiPropertyOptional({ type: BusinessView, description: 'entrepreneurs' }) business?: BusinessView;
  @ApiPropertyOptional({ type: MentorProfileView, description: 'mentors' }) mentor?: MentorProfileView;
}

export class AuthResult {
  @ApiProperty({ type: UserView }) user: UserView;
  @ApiProperty() accessToken: string;
}
