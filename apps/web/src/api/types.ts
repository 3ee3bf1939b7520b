// The shapes the screens use: aliases of the generated OpenAPI schema (./schema.d.ts, from
// apps/api/openapi.json), and the socket acks' payloads, which OpenAPI does not describe (the server's events are
// typed in libs/realtime/src/realtime.wire.ts).
import type { Schemas } from './client';
import type { PollView, QuestionView } from '@pendamping/realtime-wire';

export type Role = Schemas['Role'];
export type Topic = Schemas['Topic'];
export type BusinessType = Schemas['BusinessType'];
export const TOPICS: Topic[] = ['permodalan', 'perizinan', 'sertifikasi_halal', 'keuangan', 'pemasaran', 'produksi', 'lainnya'];
export const BUSINESS_TYPES: BusinessType[] = ['konveksi', 'kerajinan', 'makanan_minuman', 'katering', 'kelontong', 'lainnya'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Me = Schemas['UserView'];
export type AuthResult = Schemas['AuthResult'];
export type Region = Schemas['RegionView'];
export type Funnel = Schemas['Funnel'];
export type FunnelStage = Schemas['FunnelStage'];
export type Notification = Schemas['NotificationView'];

export type Workshop = Schemas['WorkshopView'];
export type WorkshopSession = Schemas['SessionView'];
export type RegistrationResult = Schemas['RegistrationResult'];
export type MyWorkshop = Schemas['MyWorkshopView'];
export type JoinView = Schemas['JoinView'];
export type CertificateVerification = Schemas['CertificateVerification'];
export type Preferences = Schemas['PreferencesDto'];
export type FeedAddress = Schemas['FeedAddressView'];
/** GET /api/me/calendar-feed answers nulls while there is no address: the screens keep that as null. */
export const feedOrNull = (feed: Schemas['CurrentFeedView']): FeedAddress | null => (feed.url && feed.webcal ? { url: feed.url, webcal: feed.webcal } : null);

// workshops (the live room's socket events are not in the OpenAPI document: typed in libs/realtime/src/realtime.wire.ts)
/** My registration when there is one (the api's `status: null`, never registered, is kept as null). */
export type MyRegistration = Schemas['MyRegistrationView'] & { status: NonNullable<Schemas['MyRegistrationView']['status']> };
export type FeedbackView = Schemas['FeedbackView'];
export type LiveQuestion = QuestionView;
/** The open poll as the room shows it: the server's poll with its counts and my vote. */
export interface LivePoll extends PollView {
  counts: number[];
  myVote: number | null;
  closed?: boolean;
}
export type LiveRole = 'attendee' | 'speaker' | 'host';
export interface LiveJoinAck {
  sessionId: string;
  role: LiveRole;
  questions: LiveQuestion[];
  openPoll: LivePoll | null;
  hands?: { userId: string; name: string }[];
}

// consultations (the chat's socket events are not in the OpenAPI document: typed in libs/realtime/src/realtime.wire.ts)
export type Consultation = Schemas['ConsultationView'];
export type ConsultationStatus = Schemas['ConsultationStatus'];
export type ConsultationPage = Schemas['ConsultationPage'];
export type Mentor = Schemas['MentorView'];
export type MentorPage = Schemas['MentorPage'];
export type Slot = Schemas['SlotView'];
export type Outcome = Schemas['OutcomeView'];
export type AssistanceCase = Schemas['CaseView'];
export type ChatMessage = Schemas['ChatMessageView'];
export type ChatMessagePage = Schemas['ChatMessagePage'];
export interface ChatJoinAck {
  consultationId: string;
  /** Messages after `since` (or after my read marker), oldest first; `more`: the history has the rest. */
  missed: ChatMessage[];
  more: boolean;
}

// notifications, profile
export type NotificationPage = Schemas['NotificationPage'];
export type PreferencesView = Schemas['PreferencesView'];
export type UpdateMe = Schemas['UpdateMeDto'];
export type ChangePassword = Schemas['ChangePasswordDto'];


// a mentor's availability
export type Availability = Schemas['AvailabilityView'];
export type AvailabilityInput = Schemas['AvailabilityDto'];
export type ClockRange = Schemas['ClockRangeView'];
export type DateOverride = Schemas['DateOverrideView'];

// the mentor's desk
export type EntrepreneurHistory = Schemas['EntrepreneurHistoryView'];
export type HistoryConsultation = Schemas['HistoryConsultationView'];
export type FollowUp = Schemas['FollowUpView'];
export type FollowUpPage = Schemas['FollowUpPage'];
export type CasePage = Schemas['CasePage'];
export type CaseStatus = Schemas['CaseStatus'];
export type CaseType = Schemas['CaseType'];
export type OutcomeInput = Schemas['OutcomeDto'];
