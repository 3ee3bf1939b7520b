import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { Clock } from '@pendamping/platform';
import { CertificatesService } from '@pendamping/workshops';
import { TestApp, type Session } from './support/test-app';

// The Dinas's console: every workshop by status and time (GET /api/admin/workshops) and the certificates
// issued for one (GET /api/workshops/:id/certificates). Admins only.

const baseDay = DateTime.now().setZone('Asia/Jakarta').plus({ days: 40 + Math.floor(Math.random() * 2000) }).startOf('day');
const at = (dayOffset: number, hour: number) => baseDay.plus({ days: dayOffset }).set({ hour }).toUTC().toISO()!;

describe('workshops: the admin console', () => {
  let app: TestApp;
  let admin: Session;
  // A word of this run's own in every title, so the search sees only these workshops.
  const tag = `Uji${randomUUID().slice(0, 8)}`;
  const ids: Record<string, string> = {};

  const create = async (name: string, day: number, topic = 'keuangan') => {
    const body = { title: `${name} ${tag}`, description: 'Materi.', topic, capacity: 10, speakerIds: [], sessions: [{ start: at(day, 9), end: at(day, 11) }] };
    const res = await app.post('/api/workshops', body, admin.token);
    expect(res.status).toBe(201);
    return (ids[name] = res.body.id as string);
  };
  const list = async (query: string, token = admin.token) => {
    const res = await app.get(`/api/admin/workshops?q=${tag}&${query}`, token);
    expect(res.status).toBe(200);
    return res.body as { items: { id: string; title: string; status: string }[]; nextCursor: string | null };
  };
  const names = (page: { items: { title: string }[] }) => page.items.map((w) => w.title.replace(` ${tag}`, ''));

  beforeAll(async () => {
    app = await TestApp.start();
    admin = await app.newUser(['admin']);
    await create('Draf', 3);
    await create('Terbit', 1, 'pemasaran');
    await create('Batal', 2);
    await create('Selesai', 0);
    for (const name of ['Terbit', 'Selesai']) expect((await app.post(`/api/workshops/${ids[name]}/publish`, undefined, admin.token)).status).toBe(200);
    expect((await app.post(`/api/workshops/${ids.Batal}/cancel`, { reason: 'Narasumber berhalangan' }, admin.token)).status).toBe(200);
  });
  afterEach(() => {
    app.app.get(Clock).now = Clock.prototype.now;
  });
  afterAll(() => app.close());

  it('lists every status, drafts and cancelled ones too, soonest first', async () => {
    const page = await list('');
    expect(names(page)).toEqual(['Selesai', 'Terbit', 'Batal', 'Draf']);
    expect(page.items.map((w) => w.status)).toEqual(['published', 'published', 'cancelled', 'draft']);
    // The public list has only the published ones.
    const open = await app.get(`/api/workshops?from=${encodeURIComponent(at(0, 0))}&limit=100`);
    expect(open.body.items.filter((w: { title: string }) => w.title.includes(tag)).map((w: { title: string }) => w.title.replace(` ${tag}`, ''))).toEqual(['Selesai', 'Terbit']);
  });

  it('filters by status, topic and title words, and pages with a cursor', async () => {
    expect(names(await list('status=draft'))).toEqual(['Draf']);
    expect(names(await list('status=cancelled'))).toEqual(['Batal']);
    expect(names(await list('topic=pemasaran'))).toEqual(['Terbit']);
    expect(names(await app.get(`/api/admin/workshops?q=${encodeURIComponent(`Draf ${tag}`)}`, admin.token).then((r) => r.body))).toEqual(['Draf']);
    expect(names(await app.get('/api/admin/workshops?q=%25_tidak-ada-judul-seperti-ini', admin.token).then((r) => r.body))).toEqual([]);
    const first = await list('limit=3');
    expect(names(first)).toEqual(['Selesai', 'Terbit', 'Batal']);
    const second = await list(`limit=3&cursor=${first.nextCursor}`);
    expect(names(second)).toEqual(['Draf']);
    expect(second.nextCursor).toBeNull();
  });

  it('past: workshops whose last session has ended, latest first; completed is published and over', async () => {
    app.app.get(Clock).now = () => new Date(at(1, 12));
    expect(names(await list('when=past'))).toEqual(['Terbit', 'Selesai']);
    expect((await list('when=past')).items.map((w) => w.status)).toEqual(['completed', 'completed']);
    expect(names(await list('when=past&status=completed'))).toEqual(['Terbit', 'Selesai']);
    expect(names(await list('when=past&status=published'))).toEqual([]);
    expect(names(await list(''))).toEqual(['Batal', 'Draf']);
  });

  it('is for admins only, and refuses a bad filter with 400', async () => {
    const [entrepreneur, speaker] = [await app.newEntrepreneur(), await app.newUser(['speaker'])];
    expect((await app.get('/api/admin/workshops', entrepreneur.token)).status).toBe(403);
    expect((await app.get('/api/admin/workshops', speaker.token)).status).toBe(403);
    expect((await app.get('/api/admin/workshops')).status).toBe(401);
    const bad = await app.get('/api/admin/workshops?status=archived&when=soon', admin.token);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('lists the certificates issued for a workshop, in order, to admins only', async () => {
    const [first, second] = [await app.newEntrepreneur({ name: 'Ratna Sari Dewi' }), await app.newEntrepreneur({ name: 'Budi Santoso' })];
    const certificates = app.app.get(CertificatesService);
    const issue = (userId: string) => app.app.get(DataSource).transaction((manager) => certificates.issue(manager, ids.Selesai, userId));
    const a = await issue(first.id);
    app.app.get(Clock).now = () => new Date(Date.now() + 1000);
    const b = await issue(second.id);

    const res = await app.get(`/api/workshops/${ids.Selesai}/certificates?limit=1`, admin.token);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([{ number: a.number, userId: first.id, name: 'Ratna Sari Dewi', issuedAt: a.issuedAt.toISOString() }]);
    const next = await app.get(`/api/workshops/${ids.Selesai}/certificates?limit=1&cursor=${res.body.nextCursor}`, admin.token);
    expect(next.body).toEqual({ items: [{ number: b.number, userId: second.id, name: 'Budi Santoso', issuedAt: b.issuedAt.toISOString() }], nextCursor: null });
    expect((await app.get(`/api/workshops/${ids.Terbit}/certificates`, admin.token)).body).toEqual({ items: [], nextCursor: null });

    expect((await app.get(`/api/workshops/${ids.Selesai}/certificates`, first.token)).status).toBe(403);
    expect((await app.get(`/api/workshops/${ids.Selesai}/certificates`, (await app.newUser(['speaker'])).token)).status).toBe(403);
    expect((await app.get(`/api/workshops/${randomUUID()}/certificates`, admin.token)).status).toBe(404);
  });
});
