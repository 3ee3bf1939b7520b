// The shapes the screens use. Each aliases the generated OpenAPI schema (./schema.d.ts, from
// apps/api/openapi.json) where the api declares it; the rest are written from the contract until it does.
import type { Schemas } from './client';

export type Role = 'entrepreneur' | 'mentor' | 'speaker' | 'admin';
export type Topic = 'permodalan' | 'perizinan' | 'sertifikasi_halal' | 'keuangan' | 'pemasaran' | 'produksi' | 'lainnya';
export type BusinessType = 'konveksi' | 'kerajinan' | 'makanan_minuman' | 'katering' | 'kelontong' | 'lainnya';
export const TOPICS: Topic[] = ['permodalan', 'perizinan', 'sertifikasi_halal', 'keuangan', 'pemasaran', 'produksi', 'lainnya'];
export const BUSINESS_TYPES: BusinessType[] = ['konveksi', 'kerajinan', 'makanan_minuman', 'katering', 'kelontong', 'lainnya'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  phone?: string | null;
  roles: Role[];
  locale: 'id' | 'en';
  timezone: string;
  business?: { name: string; type: BusinessType; kelurahanCode: string } | null;
  mentor?: { kelurahanCodes: string[]; topics: Topic[] } | null;
}

export interface AuthResult {
  user: Me;
  accessToken: string;
}

export interface Region {
  code: string;
  name: string;
  level: 'kota' | 'kecamatan' | 'kelurahan';
  parentCode: string | null;
}

export type Workshop = Schemas['WorkshopView'];
export type WorkshopSession = Schemas['SessionView'];
export type RegistrationResult = Schemas['RegistrationResult'];
export type MyWorkshop = Schemas['MyWorkshopView'];
export type JoinView = Schemas['JoinView'];
export type CertificateVerification = Schemas['CertificateVerification'];
export type Preferences = Schemas['PreferencesDto'];
export type FeedAddress = Schemas['FeedAddressView'];

export interface Notification {
  id: string;
  type: string;
  title: string;
  body: string;
  ref: { kind: 'consultation' | 'workshop_session' | 'workshop'; id: string };
  readAt: string | null;
  createdAt: string;
}
