import { DataSource } from 'typeorm';
import { Consultation } from '@pendamping/consultations';
import { newId } from '@pendamping/platform';
import { TestApp, type Session } from './support/test-app';

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

// Cursors are opaque to clients but come back from them: a forged or mangled one is a 400, never a 500.
const FORGED = {
  'not base64 JSON': '%%%',
  'wrong arity': cursor(['2026-12-07T03:00:00.000Z', 'a', 'b']),
  'time that is not a time': cursor(['kemarin', '01900000-0000-7000-8000-000000000000']),
  'object where an id goes': cursor(['2026-12-07T03:00:00.000Z', { id: 1 }]),
  'number where a time goes': cursor([1, '01900000-0000-7000-8000-000000000000']),
};

describe('list endpoints refuse forged cursors', () => {
  let app: TestApp;
  let admin: Session;
  let mentor: Session;
  let entrepreneur: Session;
  let consultationId: string;
  let workshopId: string;

  beforeAll(async () => {
    app = await TestApp.start();
    admin = await app.newUser(['admin']);
    mentor = await app.newUser(['mentor']);
    entrepreneur = await app.newEntrepreneur();
    consultationId = newId();
    const start = new Date(Date.now() + 86_400_000);
    await app.app
      .get(DataSource)
      .getRepository(Consultation)
      .insert({ id: consultationId, mentorId: mentor.id, entrepreneurId: entrepreneur.id, start, end: new Date(start.getTime() + 1_800_000), topic: 'keuangan', status: 'booked' });
    const created = await app.post(
      '/api/workshops',
      { title: 'Pembukuan Sederhana', description: 'Catat kas harian.', topic: 'keuangan', capacity: 5, speakerIds: [], sessions: [{ start, end: new Date(start.getTime() + 3_600_000) }] },
      admin.token,
    );
    expect(created.status).toBe(201);
    workshopId = created.body.id;
  });
  afterAll(() => app.close());

  const lists = () => [
    { path: '/api/consultations', who: entrepreneur },
    { path: '/api/mentors/me/follow-ups', who: mentor },
    { path: '/api/me/action-items', who: entrepreneur },
    { path: '/api/cases', who: mentor },
    { path: '/api/notifications', who: entrepreneur },
    { path: '/api/admin/notification-deliveries', who: admin },
    { path: `/api/consultations/${consultationId}/messages`, who: entrepreneur },
    { path: '/api/workshops', who: entrepreneur },
    { path: `/api/workshops/${workshopId}/registrations`, who: admin },
    { path: '/api/mentors', who: entrepreneur },
    { path: '/api/regions', who: entrepreneur },
  ];

  it.each(Object.entries(FORGED))('%s: 400 VALIDATION_FAILED on every list', async (_, forged) => {
    for (const { path, who } of lists()) {
      const ok = await app.get(path, who.token);
      expect({ path, status: ok.status }).toEqual({ path, status: 200 });
      const res = await app.get(`${path}?cursor=${encodeURIComponent(forged)}`, who.token);
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 400, code: 'VALIDATION_FAILED' });
    }
  });
});
