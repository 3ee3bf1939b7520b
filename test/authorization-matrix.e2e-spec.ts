import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Socket } from 'socket.io-client';
import { Notification, NotificationDelivery } from '@pendamping/notifications';
import { newId } from '@pendamping/platform';
import { FakeLiveKit } from './support/fake-livekit';
import { connect, ok, sendNoFault } from './support/realtime-client';
import { routeRecorder, socketEvents } from './support/route-table';
import { TestApp, uniqueEmail, type Response, type Session } from './support/test-app';
import { bookedConsultation, clockOf, plusMinutes, publishedWorkshop } from './support/video-fixtures';

// Who may call what, for every HTTP route the api serves and every socket event its gateways take: the routes come from fastify's own route table
// (every route registered, Nest's and the queue dashboard's), and each has a rule below. A route without a
// rule fails the suite, so a new endpoint cannot ship without saying who may use it.
//
// The callers: nobody (no token), the entrepreneur the resource belongs to and another entrepreneur, the
// mentor concerned and another mentor, a speaker of the workshop and another speaker, and an admin.
// Allowed callers must get a 2xx (or the domain answer the rule names: a wrong password, not attended);
// the others get 401 without a token, and 403 (or the rule's 404) with one. The LiveKit server is a local
// stand-in (test/support/fake-livekit.ts).

const CALLERS = ['anon', 'owner', 'otherEntrepreneur', 'mentor', 'otherMentor', 'speaker', 'otherSpeaker', 'admin'] as const;
type Who = (typeof CALLERS)[number];
const SIGNED_IN = CALLERS.filter((c) => c !== 'anon');
const ENTREPRENEURS: Who[] = ['owner', 'otherEntrepreneur'];
const MENTORS: Who[] = ['mentor', 'otherMentor'];

interface World {
  app: TestApp;
  livekit: FakeLiveKit;
  as: Record<Exclude<Who, 'anon'>, Session>;
  /** Booked by the owner with the mentor, in the future. */
  consultation: string;
  consultationStart: Date;
  /** The owner's with the mentor, held yesterday, with the mentor's outcome and a permodalan case. */
  held: string;
  caseId: string;
  /** Published, with the speaker; the owner holds a seat. */
  workshop: { workshopId: string; sessionId: string; start: Date };
  notificationId: string;
  /** A mentor none of the callers is: whom the booking route books. */
  bookable: Session;
  /** Another registrant in the LiveKit room: whom the moderation routes act on. */
  attendee: Session;
}

interface Call {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Rule {
  /** Who gets past authorization; 'public' for everyone, a token or not. */
  allow: Who[] | 'public';
  /** The request for one caller (fresh resources where a call changes state); the path as written when absent. */
  call?: (w: World, who: Who) => Promise<Call> | Call;
  /** What an allowed caller's answer may be besides a 2xx (a domain refusal that is not about who asks). */
  alsoOk?: (res: Response) => boolean;
  /** What refused callers with a token get: '403 FORBIDDEN' unless the resource is hidden from them ('404 NOT_FOUND') or the refusal has its own code. */
  refused?: string;
  /** Callers refused differently (an admin may look at a consultation but not act in it: 403, not 404). */
  refusedAs?: Partial<Record<Who, string>>;
  /** Not the api's own answer shapes (bull-board's pages): compared by status only. */
  foreign?: boolean;
  /** Runs the route's calls at this instant of the app's Clock (a room that is open). */
  at?: (w: World) => Date;
}

const HIDDEN = '404 NOT_FOUND';
/** Acting in a consultation: others do not learn it exists; an admin may look but not act. */
const ACTS = { refused: HIDDEN, refusedAs: { admin: '403 FORBIDDEN' } } satisfies Partial<Rule>;
/** The mentor's acts: the entrepreneur in it is refused with 403, others as in ACTS. */
const MENTOR_ACTS = { refused: HIDDEN, refusedAs: { admin: '403 FORBIDDEN', owner: '403 FORBIDDEN' } } satisfies Partial<Rule>;
const code = (...codes: string[]) => (res: Response) => codes.includes(res.body?.code);
const slotOf = async (w: World, mentorId: string, skip: number): Promise<string> => {
  const res = await w.app.get(`/api/mentors/${mentorId}/slots?from=${new Date(Date.now() + 86_400_000).toISOString()}&to=${new Date(Date.now() + 15 * 86_400_000).toISOString()}`, w.as.owner.token);
  const free = (res.body.items ?? res.body) as { start: string }[];
  return free[skip].start;
};
/** A fresh booked consultation of the owner with the mentor (for calls that change it). */
const freshConsultation = async (w: World) => (await bookedConsultation(w.app, w.as.mentor.id, w.as.owner.id)).id;
/** A fresh held consultation (yesterday), without an outcome yet. */
const freshHeld = async (w: World) => {
  const id = newId();
  const start = new Date(Date.now() - 26 * 3_600_000);
  await w.app.app.get(DataSource).getRepository('Consultation').insert({ id, mentorId: w.as.mentor.id, entrepreneurId: w.as.owner.id, start, end: plusMinutes(start, 30), topic: 'permodalan', note: null, status: 'booked' });
  return id;
};
/** Each workshop of this suite at its own time (the speaker cannot be in two at once), far after other suites'. */
let slot = 0;
const BASE = Math.floor(Date.now() / 3_600_000) * 3_600_000 + 3000 * 86_400_000;
const workshopBody = (w: World) => {
  const start = new Date(BASE + slot++ * 2 * 3_600_000);
  return { title: 'Literasi Keuangan', description: 'Mencatat arus kas.', topic: 'keuangan', capacity: 10, speakerIds: [w.as.speaker.id], sessions: [{ start, end: plusMinutes(start, 60) }] };
};
const draftWorkshop = async (w: World) => (await w.app.post('/api/workshops', workshopBody(w), w.as.admin.token)).body.id as string;
const publishedOne = async (w: World) => {
  const id = await draftWorkshop(w);
  expect((await w.app.post(`/api/workshops/${id}/publish`, undefined, w.as.admin.token)).status).toBe(200);
  return id;
};
const throwaway = async (w: World) => (await w.app.newEntrepreneurs(1))[0].id;
const session = (w: World) => `/api/workshops/${w.workshop.workshopId}/sessions/${w.workshop.sessionId}`;
const inTheRoom = (w: World) => plusMinutes(w.workshop.start, 5);

/** Routes whose path starts with this are the queue dashboard's (bull-board's own pages and api). */
const QUEUES = '/api/admin/queues';

const RULES: Record<string, Rule> = {
  'GET /api/health': { allow: 'public' },
  'GET /api/docs': { allow: 'public' },
  'GET /api/docs/*': { allow: 'public', call: () => ({ path: '/api/docs/openapi.json' }) },
  'GET /api/docs/openapi.json': { allow: 'public' },
  'GET /api/docs-yaml': { allow: 'public' },
  // Swagger UI's own files (registered before Nest's routes: the route table is read from the first route on).
  'GET /api/docs/': { allow: 'public' },
  'GET /api/docs/index.html': { allow: 'public' },
  // Nest's Swagger module answers this one 404 on purpose (for everyone; the catalogue's shape, see createHttpApp).
  'GET /api/docs/LICENSE': { allow: 'public', alsoOk: code('NOT_FOUND') },
  'GET /api/docs/swagger-ui-init.js': { allow: 'public' },
  'GET /api/docs/docs/swagger-ui-init.js': { allow: 'public' },
  'GET /api/docs/docs/*': { allow: 'public', call: () => ({ path: '/api/docs/docs/swagger-ui-init.js' }) },
  'POST /api/auth/register': { allow: 'public', call: (w) => ({ path: '/api/auth/register', body: w.app.registration() }) },
  'POST /api/auth/login': { allow: 'public', call: (w) => ({ path: '/api/auth/login', body: { email: w.as.otherEntrepreneur.email, password: 'rahasia-123' } }) },

  // Oneself: every signed-in person, about themselves.
  'GET /api/me': { allow: SIGNED_IN },
  'PATCH /api/me': { allow: SIGNED_IN, call: () => ({ path: '/api/me', body: { locale: 'id' } }) },
  'PUT /api/me/password': { allow: SIGNED_IN, call: () => ({ path: '/api/me/password', body: { currentPassword: 'bukan-sandinya', newPassword: 'sandi-baru-123' } }), alsoOk: code('WRONG_PASSWORD') },
  'GET /api/me/workshops': { allow: SIGNED_IN },
  'GET /api/me/notification-preferences': { allow: SIGNED_IN },
  'PUT /api/me/notification-preferences': { allow: SIGNED_IN, call: () => ({ path: '/api/me/notification-preferences', body: { email: true, whatsapp: true, inApp: true, locale: 'id' } }) },
  'GET /api/me/calendar-feed': { allow: SIGNED_IN },
  'POST /api/me/calendar-feed': { allow: SIGNED_IN },
  'DELETE /api/me/calendar-feed': { allow: SIGNED_IN },
  'GET /api/calendar/:file': { allow: 'public', call: () => ({ path: '/api/calendar/bukan-token.ics' }), alsoOk: code('NOT_FOUND') },
  'GET /api/notifications': { allow: SIGNED_IN },
  'POST /api/notifications/:id/read': { allow: ['owner'], refused: HIDDEN, call: (w) => ({ path: `/api/notifications/${w.notificationId}/read` }) },

  // People and regions.
  'GET /api/users': { allow: ['admin'] },
  'POST /api/users': { allow: ['admin'], call: () => ({ path: '/api/users', body: { email: uniqueEmail('baru'), password: 'rahasia-123', name: 'Narasumber Baru', roles: ['speaker'] } }) },
  'PATCH /api/users/:id': { allow: ['admin'], call: async (w) => ({ path: `/api/users/${await throwaway(w)}`, body: { name: 'Nama Dikoreksi' } }) },
  'GET /api/users/:id': { allow: ['admin'], call: (w) => ({ path: `/api/users/${w.as.owner.id}` }) },
  'POST /api/users/:id/disable': { allow: ['admin'], call: async (w) => ({ path: `/api/users/${await throwaway(w)}/disable` }) },
  'POST /api/users/:id/enable': { allow: ['admin'], call: async (w) => ({ path: `/api/users/${await throwaway(w)}/enable` }) },
  'PUT /api/users/:id/roles': { allow: ['admin'], call: async (w) => ({ path: `/api/users/${await throwaway(w)}/roles`, body: { roles: ['entrepreneur', 'speaker'] } }) },
  'GET /api/regions': { allow: 'public', call: () => ({ path: '/api/regions?level=kecamatan' }) },
  'POST /api/regions': { allow: ['admin'], call: () => ({ path: '/api/regions', body: { code: `31.71.09.${randomInt(5000, 9999)}`, name: 'Kelurahan Matriks', level: 'kelurahan', parentCode: '31.71.09' } }), alsoOk: code('REGION_EXISTS') },

  // Mentors and their availability.
  'GET /api/mentors': { allow: SIGNED_IN },
  'GET /api/mentors/:id': { allow: SIGNED_IN, call: (w) => ({ path: `/api/mentors/${w.as.mentor.id}` }) },
  'GET /api/mentors/:id/slots': { allow: SIGNED_IN, call: (w) => ({ path: `/api/mentors/${w.as.mentor.id}/slots?from=${new Date().toISOString()}&to=${new Date(Date.now() + 7 * 86_400_000).toISOString()}` }) },
  'GET /api/mentors/me/availability': { allow: MENTORS },
  'PUT /api/mentors/me/availability': {
    allow: MENTORS,
    call: () => ({ path: '/api/mentors/me/availability', body: { slotMinutes: 60, minNoticeMinutes: 0, weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '07:00', end: '21:00' })) } }),
  },
  'PUT /api/mentors/me/availability/overrides/:date': { allow: MENTORS, call: () => ({ path: '/api/mentors/me/availability/overrides/2030-01-07', body: { ranges: [] } }) },
  'DELETE /api/mentors/me/availability/overrides/:date': { allow: MENTORS, call: () => ({ path: '/api/mentors/me/availability/overrides/2030-01-07' }) },
  'GET /api/mentors/me/follow-ups': { allow: MENTORS },
  'GET /api/me/action-items': { allow: ENTREPRENEURS },

  // Consultations: their entrepreneur and their mentor; lists show each person their own.
  'POST /api/consultations': {
    allow: ENTREPRENEURS,
    // With a mentor outside the callers: "another mentor" must stay a stranger to the owner.
    call: async (w, who) => ({ path: '/api/consultations', body: { mentorId: w.bookable.id, start: await slotOf(w, w.bookable.id, who === 'owner' ? 0 : 1), topic: 'permodalan' } }),
  },
  'GET /api/consultations': { allow: SIGNED_IN },
  'GET /api/consultations/:id': { allow: ['owner', 'mentor', 'admin'], refused: HIDDEN, call: (w) => ({ path: `/api/consultations/${w.consultation}` }) },
  'POST /api/consultations/:id/cancel': { allow: ['owner', 'mentor'], ...ACTS, call: async (w) => ({ path: `/api/consultations/${await freshConsultation(w)}/cancel`, body: { reason: 'Berhalangan' } }) },
  'POST /api/consultations/:id/reschedule': {
    allow: ['owner', 'mentor'],
    ...ACTS,
    call: async (w, who) => ({ path: `/api/consultations/${await freshConsultation(w)}/reschedule`, body: { start: await slotOf(w, w.as.mentor.id, who === 'owner' ? 2 : 3) } }),
  },
  'GET /api/consultations/:id/messages': { allow: ['owner', 'mentor', 'admin'], refused: HIDDEN, call: (w) => ({ path: `/api/consultations/${w.consultation}/messages` }) },
  'GET /api/consultations/:id/video-presence': { allow: ['owner', 'mentor', 'admin'], refused: HIDDEN, call: (w) => ({ path: `/api/consultations/${w.consultation}/video-presence` }) },
  'POST /api/consultations/:id/join': { allow: ['owner', 'mentor'], ...ACTS, at: (w) => plusMinutes(w.consultationStart, -5), call: (w) => ({ path: `/api/consultations/${w.consultation}/join` }) },
  'POST /api/consultations/:id/outcome': { allow: ['mentor'], ...MENTOR_ACTS, call: async (w) => ({ path: `/api/consultations/${await freshHeld(w)}/outcome`, body: { summary: 'Ringkasan', actions: ['Siapkan NIB'] } }) },
  'GET /api/consultations/:id/calendar.ics': { allow: ['owner', 'mentor'], ...ACTS, call: (w) => ({ path: `/api/consultations/${w.consultation}/calendar.ics` }) },
  'GET /api/consultations/:id/outcome': { allow: ['owner', 'mentor', 'admin'], refused: HIDDEN, call: (w) => ({ path: `/api/consultations/${w.held}/outcome` }) },
  'PATCH /api/consultations/:id/outcome': { allow: ['mentor'], ...MENTOR_ACTS, call: (w) => ({ path: `/api/consultations/${w.held}/outcome`, body: { summary: 'Ringkasan diperbarui', actions: ['Siapkan NIB'] } }) },
  'POST /api/consultations/:id/no-show': { allow: ['mentor'], ...MENTOR_ACTS, call: async (w) => ({ path: `/api/consultations/${await freshHeld(w)}/no-show` }) },
  'POST /api/consultations/:id/follow-up/done': { allow: ['mentor'], ...MENTOR_ACTS, call: (w) => ({ path: `/api/consultations/${w.held}/follow-up/done` }) },
  'GET /api/cases': { allow: SIGNED_IN },
  // An entrepreneur's history: the mentors who have met them, and admins.
  'GET /api/entrepreneurs/:id/history': { allow: ['mentor', 'admin'], call: (w) => ({ path: `/api/entrepreneurs/${w.as.owner.id}/history` }) },
  'PATCH /api/cases/:id': { allow: ['mentor', 'admin'], refused: HIDDEN, refusedAs: { owner: '403 FORBIDDEN' }, call: (w) => ({ path: `/api/cases/${w.caseId}`, body: { referenceNumber: 'KUR-2026-001' } }) },

  // Workshops: published ones are public; admins run them; speakers see their own workshop's people.
  'GET /api/workshops': { allow: 'public' },
  'GET /api/workshops/:id': { allow: 'public', call: (w) => ({ path: `/api/workshops/${w.workshop.workshopId}` }) },
  'POST /api/workshops': { allow: ['admin'], call: (w) => ({ path: '/api/workshops', body: workshopBody(w) }) },
  'PATCH /api/workshops/:id': { allow: ['admin'], call: async (w) => ({ path: `/api/workshops/${await draftWorkshop(w)}`, body: { title: 'Literasi Keuangan Lanjutan' } }) },
  'POST /api/workshops/:id/publish': { allow: ['admin'], call: async (w) => ({ path: `/api/workshops/${await draftWorkshop(w)}/publish` }) },
  'POST /api/workshops/:id/cancel': { allow: ['admin'], call: async (w) => ({ path: `/api/workshops/${await draftWorkshop(w)}/cancel`, body: { reason: 'Narasumber berhalangan' } }) },
  'POST /api/workshops/:id/registrations': {
    allow: ENTREPRENEURS,
    call: async (w) => ({ path: `/api/workshops/${await publishedOne(w)}/registrations` }),
  },
  'GET /api/workshops/:id/registrations/me': { allow: SIGNED_IN, call: (w) => ({ path: `/api/workshops/${w.workshop.workshopId}/registrations/me` }) },
  'DELETE /api/workshops/:id/registrations/me': { allow: ['owner'], refused: '404 REGISTRATION_NOT_FOUND', call: async (w) => ({ path: `/api/workshops/${await registered(w)}/registrations/me` }) },
  'GET /api/workshops/:id/registrations': { allow: ['speaker', 'admin'], call: (w) => ({ path: `/api/workshops/${w.workshop.workshopId}/registrations` }) },
  'GET /api/workshops/:id/attendance': { allow: ['admin'], call: (w) => ({ path: `/api/workshops/${w.workshop.workshopId}/attendance` }) },
  'GET /api/workshops/:id/certificate': { allow: ENTREPRENEURS, call: (w) => ({ path: `/api/workshops/${w.workshop.workshopId}/certificate` }), alsoOk: code('NOT_ATTENDED', 'NOT_REGISTERED') },
  'POST /api/workshops/:id/feedback': { allow: ENTREPRENEURS, call: (w) => ({ path: `/api/workshops/${w.workshop.workshopId}/feedback`, body: { rating: 5 } }), alsoOk: code('NOT_ATTENDED', 'NOT_REGISTERED') },
  'GET /api/workshops/:id/feedback': { allow: ['speaker', 'admin'], call: (w) => ({ path: `/api/workshops/${w.workshop.workshopId}/feedback` }) },
  'GET /api/workshops/:id/live-report': { allow: ['speaker', 'admin'], call: (w) => ({ path: `/api/workshops/${w.workshop.workshopId}/live-report` }) },
  'GET /api/admin/workshops': { allow: ['admin'] },
  'GET /api/workshops/:id/certificates': { allow: ['admin'], call: (w) => ({ path: `/api/workshops/${w.workshop.workshopId}/certificates` }) },
  'GET /api/certificates/:number': { allow: 'public', call: () => ({ path: '/api/certificates/JKP-2026-000000' }), alsoOk: code('NOT_FOUND') },

  // The live room: registrants, the workshop's speakers and admins join; speakers and admins moderate.
  'POST /api/workshops/:id/sessions/:sessionId/join': { allow: ['owner', 'speaker', 'admin'], refused: '403 NOT_REGISTERED', at: inTheRoom, call: (w) => ({ path: `${session(w)}/join` }) },
  'POST /api/workshops/:id/sessions/:sessionId/participants/:userId/microphone': {
    allow: ['speaker', 'admin'],
    at: inTheRoom,
    call: (w) => ({ path: `${session(w)}/participants/${w.attendee.id}/microphone`, body: { allowed: true } }),
  },
  'POST /api/workshops/:id/sessions/:sessionId/participants/:userId/mute': {
    allow: ['speaker', 'admin'],
    at: inTheRoom,
    call: (w) => ({ path: `${session(w)}/participants/${w.attendee.id}/mute`, body: { trackSid: 'TR_matriks' } }),
  },
  'DELETE /api/workshops/:id/sessions/:sessionId/participants/:userId': {
    allow: ['speaker', 'admin'],
    at: inTheRoom,
    // Someone other than the owner: the owner stays in the room for the socket rules.
    call: (w) => ({ path: `${session(w)}/participants/${w.attendee.id}` }),
    alsoOk: code('NOT_IN_ROOM'),
  },

  // Signed by LiveKit, not by a person: a bearer token is no key (401 for everyone without the signature).
  'POST /api/webhooks/livekit': { allow: [], refused: '401 INVALID_SIGNATURE', foreign: true, call: () => ({ path: '/api/webhooks/livekit', body: '{"event":"room_started"}', headers: { 'content-type': 'application/webhook+json' } }) },

  // The Dinas: reports and notification deliveries.
  'GET /api/admin/reports/funnel': { allow: ['admin'] },
  'GET /api/admin/reports/funnel.svg': { allow: ['admin'] },
  'GET /api/admin/notification-deliveries': { allow: ['admin'] },
  'POST /api/admin/notification-deliveries/:id/retry': { allow: ['admin'], call: async (w) => ({ path: `/api/admin/notification-deliveries/${await failedDelivery(w)}/retry` }) },
};

/** A workshop the owner holds a seat at, for a call that gives it up. */
async function registered(w: World): Promise<string> {
  const workshopId = await publishedOne(w);
  expect((await w.app.post(`/api/workshops/${workshopId}/registrations`, undefined, w.as.owner.token)).status).toBe(201);
  return workshopId;
}

/** A WhatsApp delivery to the owner that failed, as the worker records one. */
async function failedDelivery(w: World): Promise<string> {
  const db = w.app.app.get(DataSource);
  const notificationId = await ownerNotification(w);
  const id = newId();
  await db.getRepository(NotificationDelivery).insert({ id, notificationId, channel: 'whatsapp', status: 'failed', notBefore: new Date(), attempts: 5, lastError: 'provider answered 500' });
  return id;
}

async function ownerNotification(w: World): Promise<string> {
  const id = newId();
  await w.app.app
    .get(DataSource)
    .getRepository(Notification)
    .insert({ id, userId: w.as.owner.id, type: 'consultation.booked', refKind: 'consultation', refId: w.consultation, subjectId: w.consultation, payload: {} as never, dueAt: new Date(), state: 'dispatched', title: 'Konsultasi', body: 'Terjadwal' });
  return id;
}

/** A request whose answer is not the api's (no OpenAPI or error-shape checks). */
async function foreignRequest(w: World, method: string, call: Call, token: string | undefined): Promise<Response> {
  const headers = { ...call.headers, ...(token && { authorization: `Bearer ${token}` }) };
  const res = await fetch(`${w.app.baseUrl}${call.path}`, { method, headers, body: call.body as string | undefined, redirect: 'manual' });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // a page, not JSON
  }
  return { status: res.status, body, headers: res.headers };
}

/** A rule's key for a route of fastify's table: the queue dashboard's routes share one rule. */
function ruleFor(method: string, url: string): { key: string; rule: Rule | undefined } {
  if (url === QUEUES || url.startsWith(`${QUEUES}/`)) return { key: `${method} ${QUEUES}/*`, rule: { allow: ['admin'], foreign: true, call: () => ({ path: url.replace(/:[^/]+/g, 'x').replace('*', 'x') }) } };
  const key = `${method} ${url}`;
  return { key, rule: RULES[key] };
}

/** What the api answered a caller, as the matrix compares it: "ok", or the status and code of a refusal. */
function verdict(res: Response, rule: Rule): string {
  if (res.status >= 200 && res.status < 400) return 'ok';
  // bull-board answers its own 404s and 400s for made-up queue names: past the guard is what counts.
  if (rule.foreign && res.status !== 401 && res.status !== 403 && res.status < 500) return 'ok';
  if (res.status < 500 && rule.alsoOk?.(res)) return 'ok';
  return `${res.status} ${res.body?.code ?? ''}`.trim();
}

function expected(rule: Rule, who: Who): string {
  if (rule.allow === 'public' || rule.allow.includes(who)) return 'ok';
  if (rule.allow.length === 0) return rule.refused ?? '401 UNAUTHORIZED';
  if (who === 'anon') return '401 UNAUTHORIZED';
  return rule.refusedAs?.[who] ?? rule.refused ?? '403 FORBIDDEN';
}

interface SocketRule {
  /** Who gets an ok ack; the others get an error ack with the code in `refused` (per caller, or one for all). */
  allow: Who[];
  refused: Partial<Record<Who, string>> & { default: string };
  /** The payload; `fresh` items (a question, a poll) are made just before. */
  payload: (w: World, s: SocketWorld) => Promise<unknown> | unknown;
}

/** What the socket rules act on: a message in the consultation, a question and a poll in the live session. */
interface SocketWorld {
  messageId: string;
  questionId: string;
  /** A poll the speaker opens now (opening one closes the one before). */
  freshPoll: () => Promise<string>;
}

const IN_CONSULTATION = { default: 'NOT_FOUND', admin: 'FORBIDDEN' };
const IN_ROOM = { default: 'NOT_JOINED' };
const STAFF_OF_ROOM = { default: 'NOT_JOINED', owner: 'FORBIDDEN' };
const SOCKET_RULES: Record<string, SocketRule> = {
  'consultation:join': { allow: ['owner', 'mentor', 'admin'], refused: { default: 'NOT_FOUND' }, payload: (w) => ({ consultationId: w.consultation }) },
  'consultation:message': { allow: ['owner', 'mentor'], refused: IN_CONSULTATION, payload: (w) => ({ consultationId: w.consultation, clientMessageId: newId(), body: 'Selamat pagi' }) },
  'consultation:typing': { allow: ['owner', 'mentor'], refused: IN_CONSULTATION, payload: (w) => ({ consultationId: w.consultation }) },
  'consultation:read': { allow: ['owner', 'mentor'], refused: IN_CONSULTATION, payload: (w, s) => ({ consultationId: w.consultation, messageId: s.messageId }) },
  'workshop:join': { allow: ['owner', 'speaker', 'admin'], refused: { default: 'NOT_REGISTERED' }, payload: (w) => ({ sessionId: w.workshop.sessionId }) },
  'workshop:question': { allow: ['owner', 'speaker', 'admin'], refused: IN_ROOM, payload: (w) => ({ sessionId: w.workshop.sessionId, body: 'Bagaimana cara mengajukan KUR?' }) },
  'workshop:question:vote': { allow: ['owner', 'speaker', 'admin'], refused: IN_ROOM, payload: (_w, s) => ({ questionId: s.questionId }) },
  'workshop:question:answered': { allow: ['speaker', 'admin'], refused: STAFF_OF_ROOM, payload: (_w, s) => ({ questionId: s.questionId }) },
  'workshop:hand': { allow: ['owner', 'speaker', 'admin'], refused: IN_ROOM, payload: (w) => ({ sessionId: w.workshop.sessionId, raised: true }) },
  'workshop:poll:open': { allow: ['speaker', 'admin'], refused: STAFF_OF_ROOM, payload: (w) => ({ sessionId: w.workshop.sessionId, question: 'Sudah punya NIB?', options: ['Sudah', 'Belum'] }) },
  'workshop:poll:vote': { allow: ['owner', 'speaker', 'admin'], refused: IN_ROOM, payload: async (_w, s) => ({ pollId: await s.freshPoll(), option: 0 }) },
  'workshop:poll:close': { allow: ['speaker', 'admin'], refused: STAFF_OF_ROOM, payload: async (_w, s) => ({ pollId: await s.freshPoll() }) },
};

describe('authorization matrix: every HTTP route and socket event, for every kind of caller (real MySQL and Redis; LiveKit is a local stand-in)', () => {
  const { routes, onRoute } = routeRecorder();
  const w = {} as World;

  beforeAll(async () => {
    w.livekit = await FakeLiveKit.start();
    w.app = await TestApp.start({ LIVEKIT_URL: w.livekit.url }, { onRoute });
    const { app } = w;
    const admin = await app.newUser(['admin']);
    const [mentor, otherMentor] = [await app.newUser(['mentor']), await app.newUser(['mentor'])];
    const [speaker, otherSpeaker] = [await app.newUser(['speaker']), await app.newUser(['speaker'])];
    const [owner, otherEntrepreneur] = [await app.newEntrepreneur({ name: 'Pemilik Matriks' }), await app.newEntrepreneur({ name: 'Lain Matriks' })];
    w.as = { owner, otherEntrepreneur, mentor, otherMentor, speaker, otherSpeaker, admin };
    const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '07:00', end: '21:00' }));
    w.bookable = await app.newUser(['mentor']);
    for (const m of [mentor, otherMentor, w.bookable]) expect((await app.request('PUT', '/api/mentors/me/availability', { token: m.token, body: { slotMinutes: 60, minNoticeMinutes: 0, weekly } })).status).toBe(200);
    const booked = await bookedConsultation(app, mentor.id, owner.id);
    [w.consultation, w.consultationStart] = [booked.id, booked.start];
    w.held = await freshHeld(w);
    const outcome = await app.post(`/api/consultations/${w.held}/outcome`, { summary: 'Butuh modal', actions: ['Ajukan KUR'], followUpOn: '2030-01-05', caseType: 'permodalan', lender: 'Bank DKI' }, mentor.token);
    expect(outcome.status).toBe(201);
    w.caseId = outcome.body.case.id;
    const published = await publishedWorkshop(app, admin, [speaker.id]);
    w.workshop = published;
    expect((await app.post(`/api/workshops/${published.workshopId}/registrations`, undefined, owner.token)).status).toBe(201);
    // Another workshop for the other speaker, so "another speaker" speaks somewhere.
    await publishedWorkshop(app, admin, [otherSpeaker.id]);
    w.notificationId = await ownerNotification(w);
    // Another registrant in the LiveKit room, so moderation has someone to act on.
    [w.attendee] = await app.newEntrepreneurs(1);
    expect((await app.post(`/api/workshops/${published.workshopId}/registrations`, undefined, w.attendee.token)).status).toBe(201);
    const clock = clockOf(app);
    clock.at(inTheRoom(w));
    const joined = await app.post(`${session(w)}/join`, undefined, w.attendee.token);
    expect(joined.status).toBe(200);
    w.livekit.connect(joined.body.room, w.attendee.id);
    clock.restore();
  }, 120_000);
  afterAll(async () => {
    await w.app?.close();
    await w.livekit?.close();
  });

  it('has a rule for every route in the route table (a new route must say who may call it)', () => {
    expect(routes.length).toBeGreaterThan(60);
    const missing = routes.filter((r) => r.url.startsWith('/api')).filter((r) => !ruleFor(r.method, r.url).rule).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
    // And no rule for a route that is gone.
    const served = new Set(routes.map((r) => `${r.method} ${r.url}`));
    expect(Object.keys(RULES).filter((key) => !served.has(key))).toEqual([]);
  });

  it('answers each caller of each route as its rule says', async () => {
    const clock = clockOf(w.app);
    const seen = new Set<string>();
    const mismatches: string[] = [];
    for (const route of routes.filter((r) => r.url.startsWith('/api'))) {
      const { key, rule } = ruleFor(route.method, route.url);
      if (!rule || seen.has(key)) continue;
      seen.add(key);
      if (rule.at) clock.at(rule.at(w));
      try {
        // Refused callers first: an allowed caller's call may change the resource the others ask about.
        const order = [...CALLERS].sort((a, b) => Number(expected(rule, a) === 'ok') - Number(expected(rule, b) === 'ok'));
        for (const who of order) {
          const call = rule.call ? await rule.call(w, who) : { path: route.url };
          const token = who === 'anon' ? undefined : w.as[who].token;
          const res = rule.foreign ? await foreignRequest(w, route.method, call, token) : await w.app.request(route.method, call.path, { token, body: call.body, headers: call.headers });
          const want = expected(rule, who);
          const got = verdict(res, rule);
          if (got !== want) mismatches.push(`${key} as ${who}: expected ${want}, got ${got}${res.status >= 400 ? ` (${JSON.stringify(res.body?.message ?? res.body).slice(0, 160)})` : ''}`);
        }
      } finally {
        if (rule.at) clock.restore();
      }
    }
    expect(mismatches).toEqual([]);
  }, 240_000);

  it('has a rule for every socket event the gateways subscribe to', () => {
    const events = socketEvents(w.app);
    expect(events.length).toBeGreaterThan(10);
    expect(events.filter((e) => !SOCKET_RULES[e])).toEqual([]);
    expect(Object.keys(SOCKET_RULES).filter((e) => !events.includes(e))).toEqual([]);
  });

  it('refuses a socket without a valid token at the handshake, and acks each caller of each event as its rule says', async () => {
    await expect(connect(w.app, undefined)).rejects.toThrow('unauthorized');
    await expect(connect(w.app, 'not-a-token')).rejects.toThrow('unauthorized');
    const clock = clockOf(w.app);
    clock.at(inTheRoom(w));
    const sockets: Socket[] = [];
    const open = async (who: Exclude<Who, 'anon'>) => {
      const socket = await connect(w.app, w.as[who].token);
      sockets.push(socket);
      return socket;
    };
    try {
      const speaker = await open('speaker');
      await ok(speaker, 'workshop:join', { sessionId: w.workshop.sessionId });
      const owner = await open('owner');
      await ok(owner, 'consultation:join', { consultationId: w.consultation });
      const s: SocketWorld = {
        messageId: (await ok(owner, 'consultation:message', { consultationId: w.consultation, clientMessageId: newId(), body: 'Halo' })).id,
        questionId: (await ok(speaker, 'workshop:question', { sessionId: w.workshop.sessionId, body: 'Pertanyaan pembuka?' })).id,
        freshPoll: async () => (await ok(speaker, 'workshop:poll:open', { sessionId: w.workshop.sessionId, question: 'Siap?', options: ['Ya', 'Tidak'] })).id,
      };
      const mismatches: string[] = [];
      for (const event of socketEvents(w.app)) {
        const rule = SOCKET_RULES[event];
        for (const who of SIGNED_IN as Exclude<Who, 'anon'>[]) {
          // Each caller on a socket of their own, having tried to join what the event is about, as the app does.
          const socket = await open(who);
          if (event.startsWith('workshop:') && event !== 'workshop:join') await sendNoFault(socket, 'workshop:join', { sessionId: w.workshop.sessionId });
          const ack = await sendNoFault(socket, event, await rule.payload(w, s));
          const want = rule.allow.includes(who) ? 'ok' : (rule.refused[who] ?? rule.refused.default);
          const got = ack.ok ? 'ok' : ack.error.code;
          if (got !== want) mismatches.push(`${event} as ${who}: expected ${want}, got ${got}${ack.ok ? '' : ` (${JSON.stringify(ack.error.message)})`}`);
          socket.close();
        }
      }
      expect(mismatches).toEqual([]);
    } finally {
      clock.restore();
      for (const socket of sockets) socket.close();
    }
  }, 120_000);
});
