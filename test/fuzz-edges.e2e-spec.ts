import fc from 'fast-check';
import { hostileRrule, hostileZone } from './support/fuzz-arbitraries';
import { changedTables, rawRequest, startFuzzWorld, type FuzzWorld } from './support/fuzz-world';

// The refusals the fuzz suites found as 5xx answers, partial writes or answers outside the catalogue's
// {code, message}, each pinned as an example: the router's own refusals, nulls in a PATCH, week and
// ordinal dates, arrays in place of nested objects, a lone surrogate bound for LiveKit, recurrence rules
// that expand past year 9998, and every bad time zone.

describe('hostile input found by fuzzing: refused with a catalogued 4xx and nothing written (real MySQL and Redis; LiveKit is a local stand-in)', () => {
  let w: FuzzWorld;
  beforeAll(async () => {
    w = await startFuzzWorld('fuzz_edges');
  }, 120_000);
  afterAll(() => w?.close());

  /** Prototype keys must never reach a real object: what Object.prototype holds before the first request. */
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  afterAll(() => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as { isAdmin?: unknown; roles?: unknown }).isAdmin ?? ({} as { roles?: unknown }).roles).toBeUndefined();
  });

  /** Sends, expects the status and code, and that no table changed. */
  async function refused(method: string, path: string, options: { token?: string; text?: string; contentType?: string }, status: number, code: string, words?: string) {
    const before = await w.checksum();
    const res = await rawRequest(w.app, method, path, options);
    expect([res.status, (res.body as { code?: string }).code]).toEqual([status, code]);
    expect(typeof (res.body as { message?: unknown }).message === 'string' || Array.isArray((res.body as { message?: unknown }).message)).toBe(true);
    if (words) expect(([] as string[]).concat((res.body as { message: string | string[] }).message).join(' ')).toContain(words);
    expect(changedTables(before, await w.checksum())).toEqual([]);
  }

  it.each([
    ['a malformed percent-encoding in the path', 'POST', '/api/consultations/%E0%A4%A/cancel', undefined, undefined, 400, 'BAD_REQUEST'],
    ['a body that is not JSON', 'PATCH', '/api/me', 'not json', undefined, 400, 'BAD_REQUEST'],
    ['an empty JSON body', 'PATCH', '/api/me', '', undefined, 400, 'BAD_REQUEST'],
    ['a content type the api does not take', 'PATCH', '/api/me', '<me/>', 'application/xml', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a body over the size limit', 'PATCH', '/api/me', `{"name":"${'x'.repeat(1_100_000)}"}`, undefined, 413, 'PAYLOAD_TOO_LARGE'],
    ['a __proto__ key in the body', 'PATCH', '/api/me', '{"__proto__":{"roles":["admin"]},"name":"Nama"}', undefined, 400, 'BAD_REQUEST'],
    ['a constructor.prototype key in the body', 'PATCH', '/api/me', '{"constructor":{"prototype":{"isAdmin":true}},"name":"Nama"}', undefined, 400, 'BAD_REQUEST'],
  ])('the router refuses %s in the catalogue shape', async (_what, method, path, text, contentType, status, code) => {
    await refused(method, path, { token: w.as.owner.token, text, contentType }, status, code);
  });

  it.each([
    ['PATCH /api/me', () => '/api/me', () => w.as.owner.token, { name: null }, 'name must not be null'],
    ['PATCH /api/me business', () => '/api/me', () => w.as.owner.token, { business: { name: null } }, 'business.name must not be null'],
    ['PATCH /api/users/:id', () => `/api/users/${w.attendee.id}`, () => w.as.admin.token, { email: null }, 'email must not be null'],
    ['PATCH /api/workshops/:id', () => `/api/workshops/${w.workshop.workshopId}`, () => w.as.admin.token, { title: null }, 'title must not be null'],
    ['PATCH /api/consultations/:id/outcome', () => `/api/consultations/${w.held}/outcome`, () => w.as.mentor.token, { summary: null }, 'summary must not be null'],
  ])('null for a field that is not nullable: %s answers 400', async (_what, path, token, body, words) => {
    await refused('PATCH', path(), { token: token(), text: JSON.stringify(body) }, 400, 'VALIDATION_FAILED', words);
  });

  it('a field documented as nullable may still be null (null removes the phone number)', async () => {
    const res = await rawRequest(w.app, 'PATCH', '/api/me', { token: w.as.owner.token, text: JSON.stringify({ phone: null }) });
    expect(res.status).toBe(200);
  });

  it.each(['2026-W10-1T09:00:00+07:00', '2026-060T09:00:00+07:00', '2026-02-30T09:00:00+07:00', '2026-12-07T24:00:00Z', '9999-12-31T23:59:59-14:00', '2026-12-07T09:00:00+99:99'])(
    'an impossible or unreadable date-time (%s) is a 400 for booking, rescheduling, workshops and slot queries',
    async (when) => {
      await refused('POST', '/api/consultations', { token: w.as.owner.token, text: JSON.stringify({ mentorId: w.as.mentor.id, start: when, topic: 'permodalan' }) }, 400, 'VALIDATION_FAILED', 'start must be');
      await refused('POST', `/api/consultations/${w.consultation}/reschedule`, { token: w.as.owner.token, text: JSON.stringify({ start: when }) }, 400, 'VALIDATION_FAILED', 'start must be');
      await refused('PATCH', `/api/workshops/${w.workshop.workshopId}`, { token: w.as.admin.token, text: JSON.stringify({ sessions: [{ start: when, end: when }] }) }, 400, 'VALIDATION_FAILED', 'start must be');
      await refused('GET', `/api/mentors/${w.as.mentor.id}/slots?from=${encodeURIComponent(when)}&to=${encodeURIComponent(when)}`, { token: w.as.owner.token }, 400, 'VALIDATION_FAILED', 'from must be');
    },
  );

  it.each(['2026-02-30', '2026-13-01', '0000-00-00', '1970-01-01', '9999-12-31', '2026-2-3', '20261207'])(
    'a date-only value that is no calendar day of 2000 to 2099 (%s) is a 400 for a date override and a follow-up date',
    async (day) => {
      for (const method of ['PUT', 'DELETE']) {
        await refused(method, `/api/mentors/me/availability/overrides/${day}`, { token: w.as.mentor.token, text: method === 'PUT' ? JSON.stringify({ ranges: [] }) : undefined }, 400, 'VALIDATION_FAILED', 'date must be a calendar date');
      }
      const outcome = { summary: 'Membahas modal kerja', actions: [], followUpOn: day };
      await refused('POST', `/api/consultations/${w.held}/outcome`, { token: w.as.mentor.token, text: JSON.stringify(outcome) }, 400, 'VALIDATION_FAILED', 'followUpOn must be a calendar date');
    },
  );

  it('a date override for a day already gone in the mentor zone is 422 IN_THE_PAST', async () => {
    await refused('PUT', '/api/mentors/me/availability/overrides/2001-01-01', { token: w.as.mentor.token, text: JSON.stringify({ ranges: [] }) }, 422, 'IN_THE_PAST');
  });

  it.each([
    ['1970', '1970-01-01T09:00:00+07:00', '1970-01-01T10:00:00+07:00'],
    ['yesterday', new Date(Date.now() - 86_400_000).toISOString(), new Date(Date.now() - 82_800_000).toISOString()],
  ])('a session or a booking in the past (%s) is refused: 400 for a workshop created or changed, 422 IN_THE_PAST for a booking', async (_what, start, end) => {
    const body = { title: 'Literasi Keuangan', description: 'Arus kas.', topic: 'keuangan', capacity: 10, speakerIds: [], sessions: [{ start, end }] };
    await refused('POST', '/api/workshops', { token: w.as.admin.token, text: JSON.stringify(body) }, 400, 'VALIDATION_FAILED', 'must be in the future');
    await refused('PATCH', `/api/workshops/${w.workshop.workshopId}`, { token: w.as.admin.token, text: JSON.stringify({ sessions: [{ start, end }] }) }, 400, 'VALIDATION_FAILED', 'must be in the future');
    await refused('POST', '/api/consultations', { token: w.as.owner.token, text: JSON.stringify({ mentorId: w.as.mentor.id, start, topic: 'permodalan' }) }, 422, 'IN_THE_PAST');
  });

  it('a session in year 9999 is a 400 when a workshop is created, as when it is changed', async () => {
    const body = { title: 'Literasi Keuangan', description: 'Arus kas.', topic: 'keuangan', capacity: 10, speakerIds: [], sessions: [{ start: '9999-12-31T09:00:00+07:00', end: '9999-12-31T10:00:00+07:00' }] };
    await refused('POST', '/api/workshops', { token: w.as.admin.token, text: JSON.stringify(body) }, 400, 'VALIDATION_FAILED', 'start must be');
  });

  it('an array where a nested object belongs (sessions: [[…]], weekly: [[…]]) is a 400, not stored', async () => {
    const start = '2031-03-03T09:00:00+07:00';
    const end = '2031-03-03T10:00:00+07:00';
    await refused('PATCH', `/api/workshops/${w.workshop.workshopId}`, { token: w.as.admin.token, text: JSON.stringify({ sessions: [[{ start, end }]] }) }, 400, 'VALIDATION_FAILED', 'each of sessions must be an object');
    const weekly = [[{ weekday: 1, start: '09:00', end: '12:00' }]];
    await refused('PUT', '/api/mentors/me/availability', { token: w.as.mentor.token, text: JSON.stringify({ slotMinutes: 60, minNoticeMinutes: 0, weekly }) }, 400, 'VALIDATION_FAILED', 'each of weekly must be an object');
  });

  it('a lone surrogate is a 400 wherever it is: a LiveKit track sid, a name, a query', async () => {
    const moderate = `/api/workshops/${w.workshop.workshopId}/sessions/${w.workshop.sessionId}/participants/${w.attendee.id}/mute`;
    await refused('POST', moderate, { token: w.as.admin.token, text: '{"trackSid":"TR_\\ud800"}' }, 400, 'VALIDATION_FAILED', 'trackSid must be well-formed Unicode text');
    await refused('PATCH', '/api/me', { token: w.as.owner.token, text: '{"name":"Siti \\udfff"}' }, 400, 'VALIDATION_FAILED', 'name must be well-formed');
  });

  /** Each value of a constant arbitrary, in order. */
  const every = (arbitrary: fc.Arbitrary<string>) => [...new Set(fc.sample(arbitrary, { numRuns: 200, seed: 1 }))];

  it('every bad recurrence rule is a catalogued 4xx, creates no workshop and changes none', async () => {
    for (const rrule of every(hostileRrule)) {
      const recurrence = { rrule, durationMinutes: 60 };
      const body = { title: 'Literasi Keuangan', description: 'Arus kas.', topic: 'keuangan', capacity: 10, speakerIds: [], recurrence };
      for (const [method, path, sent] of [['POST', '/api/workshops', body], ['PATCH', `/api/workshops/${w.workshop.workshopId}`, { recurrence }]] as const) {
        const before = await w.checksum();
        const res = await rawRequest(w.app, method, path, { token: w.as.admin.token, text: JSON.stringify(sent) });
        expect([method, rrule, res.status >= 400 && res.status < 500, typeof (res.body as { code?: unknown }).code]).toEqual([method, rrule, true, 'string']);
        expect(changedTables(before, await w.checksum())).toEqual([]);
      }
    }
  });

  it('every bad time zone is a 400 for a profile and for availability, and changes nothing', async () => {
    const weekly = [{ weekday: 1, start: '09:00', end: '12:00' }];
    for (const timezone of every(hostileZone).filter((z) => z !== 'asia/jakarta')) {
      await refused('PATCH', '/api/me', { token: w.as.owner.token, text: JSON.stringify({ timezone }) }, 400, 'VALIDATION_FAILED', 'timezone must be an IANA time zone');
      await refused('PUT', '/api/mentors/me/availability', { token: w.as.mentor.token, text: JSON.stringify({ slotMinutes: 60, minNoticeMinutes: 0, weekly, timezone }) }, 400, 'VALIDATION_FAILED', 'timezone must be');
    }
  });
});
