import { randomBytes } from 'node:crypto';
import { TEST_KELURAHAN } from './support/test-env';
import { TestApp, type Session } from './support/test-app';

// The admin's people directory (GET /api/users, GET /api/users/:id) against real MySQL: search, filters,
// paging by name, and who may ask.

describe('people directory (HTTP, real MySQL and Redis)', () => {
  let api: TestApp;
  let admin: Session;
  /** A word no other suite's names hold: the searches below see only this suite's people. */
  const tag = `Zq${randomBytes(3).toString('hex')}`;
  const people: Record<string, Session> = {};

  beforeAll(async () => {
    api = await TestApp.start();
    admin = await api.newUser(['admin']);
    people.sari = await api.newEntrepreneur({ name: `Sari ${tag}`, business: { name: 'Konveksi Melati', type: 'konveksi', kelurahanCode: TEST_KELURAHAN[1] } });
    people.budi = await api.newEntrepreneur({ name: `Budi ${tag}`, business: { name: `Warung ${tag} Jaya`, type: 'kelontong', kelurahanCode: TEST_KELURAHAN[0] } });
    people.ayu = await api.newEntrepreneur({ name: `Ayu ${tag}`, business: { name: 'Kue Ayu', type: 'makanan_minuman', kelurahanCode: TEST_KELURAHAN[2] } });
    people.ratna = await api.newUser(['mentor'], { name: `Ratna ${tag}`, mentor: { kelurahanCodes: [TEST_KELURAHAN[1]], topics: ['permodalan'] } });
    people.dewi = await api.newUser(['speaker'], { name: `Dewi ${tag}`, organization: 'Bank DKI' });
  }, 60_000);
  afterAll(() => api.close());

  const names = (body: { items: { name: string }[] }) => body.items.map((u) => u.name.split(' ')[0]);
  const search = (query: string, token = admin.token) => api.get(`/api/users?${query}`, token);

  it('finds people by part of their name or business name, ordered by name, with their profiles', async () => {
    const all = await search(`q=${tag}`);
    expect(all.status).toBe(200);
    expect(names(all.body)).toEqual(['Ayu', 'Budi', 'Dewi', 'Ratna', 'Sari']);
    expect(all.body.nextCursor).toBeNull();
    const sari = all.body.items.find((u: { id: string }) => u.id === people.sari.id);
    expect(sari).toMatchObject({ roles: ['entrepreneur'], business: { name: 'Konveksi Melati', type: 'konveksi', kelurahanCode: TEST_KELURAHAN[1] } });
    expect(sari).not.toHaveProperty('passwordHash');
    const ratna = all.body.items.find((u: { id: string }) => u.id === people.ratna.id);
    expect(ratna.mentor).toEqual({ kelurahanCodes: [TEST_KELURAHAN[1]], topics: ['permodalan'] });

    // Budi is found by his business name alone.
    expect(names((await search(`q=${encodeURIComponent(`Warung ${tag}`)}`)).body)).toEqual(['Budi']);
    // A wildcard typed into the box is a character, not "anything".
    expect((await search(`q=${encodeURIComponent(`%${tag}`)}`)).body.items).toEqual([]);
  });

  it('filters by role, business type and area (an entrepreneur by the business, a mentor by assignment)', async () => {
    expect(names((await search(`q=${tag}&role=entrepreneur`)).body)).toEqual(['Ayu', 'Budi', 'Sari']);
    expect(names((await search(`q=${tag}&role=speaker`)).body)).toEqual(['Dewi']);
    expect(names((await search(`q=${tag}&businessType=konveksi`)).body)).toEqual(['Sari']);
    expect(names((await search(`q=${tag}&kelurahanCode=${TEST_KELURAHAN[1]}`)).body)).toEqual(['Ratna', 'Sari']);
    expect(names((await search(`q=${tag}&kecamatanCode=31.71.09&role=entrepreneur&businessType=makanan_minuman`)).body)).toEqual(['Ayu']);
    expect((await search(`q=${tag}&kecamatanCode=31.71.01`)).body.items).toEqual([]);
  });

  it('pages by name with an opaque cursor, each person once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await search(`q=${tag}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...names(res.body));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Ayu', 'Budi', 'Dewi', 'Ratna', 'Sari']);
  });

  it('refuses bad filters and forged cursors with 400, and anyone but an admin with 403', async () => {
    for (const query of ['role=raja', 'businessType=tambang', 'kecamatanCode=31.71', 'kelurahanCode=31.71.09', 'limit=0', 'cursor=bm90LWEtY3Vyc29y', `cursor=${Buffer.from('[1,2]').toString('base64url')}`]) {
      const res = await search(query);
      expect({ query, status: res.status, code: res.body.code }).toEqual({ query, status: 400, code: 'VALIDATION_FAILED' });
    }
    for (const caller of [people.sari, people.ratna, people.dewi]) {
      expect((await search(`q=${tag}`, caller.token)).status).toBe(403);
      expect((await api.get(`/api/users/${people.budi.id}`, caller.token)).status).toBe(403);
    }
    expect((await api.get(`/api/users?q=${tag}`)).status).toBe(401);
  });

  it("GET /api/users/:id gives an admin one person's account, 404 for an unknown id", async () => {
    const one = await api.get(`/api/users/${people.budi.id}`, admin.token);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: people.budi.id, name: `Budi ${tag}`, disabled: false, business: { type: 'kelontong' } });
    const missing = await api.get('/api/users/00000000-0000-4000-8000-000000000000', admin.token);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
  });
});
