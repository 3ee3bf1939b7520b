import { TestApp } from './support/test-app';

describe('regions (HTTP)', () => {
  let api: TestApp;
  let admin: { token: string };

  beforeAll(async () => {
    api = await TestApp.start();
    admin = await api.newUser(['admin']);
  });
  afterAll(() => api.close());

  it("ships DKI Jakarta's 6 kota/kabupaten and 44 kecamatan", async () => {
    const kota = await api.get('/api/regions?level=kota&limit=100');
    expect(kota.status).toBe(200);
    expect(kota.body.items.map((r: { code: string }) => r.code)).toEqual(['31.01', '31.71', '31.72', '31.73', '31.74', '31.75']);
    const kecamatan = await api.get('/api/regions?level=kecamatan&limit=100');
    expect(kecamatan.body.items).toHaveLength(44);
    expect(kecamatan.body.items).toContainEqual({ code: '31.71.09', name: 'Tebet', level: 'kecamatan', parentCode: '31.71' });
    expect(kecamatan.body.items.every((r: { code: string; parentCode: string }) => r.code.startsWith(`${r.parentCode}.`))).toBe(true);
  });

  it('pages with limit and cursor without repeating or skipping', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { code: string }[]; nextCursor: string | null } } = await api.get(
        `/api/regions?parent=31.71&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((r) => r.code));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => `31.71.${String(i + 1).padStart(2, '0')}`));
  });

  it('rejects a tampered cursor and an out-of-range limit with 400', async () => {
    expect((await api.get('/api/regions?cursor=xyz')).body.code).toBe('VALIDATION_FAILED');
    const big = await api.get('/api/regions?limit=1000');
    expect(big.status).toBe(400);
    expect(big.body.message).toContain('limit must not be greater than 100');
  });

  it('lets an admin add a kelurahan, which then lists under its kecamatan and is usable for registration', async () => {
    const created = await api.post('/api/regions', { code: '31.71.01.1001', name: 'Cipedak', level: 'kelurahan', parentCode: '31.71.01' }, admin.token);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ code: '31.71.01.1001', name: 'Cipedak', level: 'kelurahan', parentCode: '31.71.01' });
    const listed = await api.get('/api/regions?parent=31.71.01');
    expect(listed.body.items).toContainEqual(created.body);
    const registered = await api.post('/api/auth/register', api.registration({ business: { name: 'Warung', type: 'kelontong', kelurahanCode: '31.71.01.1001' } }));
    expect(registered.status).toBe(201);
  });

  it('answers 409 REGION_EXISTS for an existing code, also when two admins add it at once', async () => {
    const body = { code: '31.71.02.1001', name: 'Pejaten Barat', level: 'kelurahan', parentCode: '31.71.02' };
    const results = await Promise.all([api.post('/api/regions', body, admin.token), api.post('/api/regions', body, admin.token)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('REGION_EXISTS');
  });

  it.each([
    ['a code outside its parent', { code: '31.72.01.1001', name: 'Kelurahan Baru', level: 'kelurahan', parentCode: '31.71.01' }, "code must start with its parent's code followed by a dot (31.71.01.)"],
    ['an unknown parent', { code: '31.79.01.1001', name: 'Kelurahan Baru', level: 'kelurahan', parentCode: '31.79.01' }, 'parentCode 31.79.01 is not a known kecamatan'],
    ['a code of another level', { code: '31.71.03.1001', name: 'Kelurahan Baru', level: 'kecamatan', parentCode: '31.71' }, 'code 31.71.03.1001 does not have the shape of a kecamatan code'],
    ['a malformed code', { code: '31.71.1001', name: 'Kelurahan Baru', level: 'kelurahan', parentCode: '31.71' }, 'code must be a Kemendagri code like 31.71, 31.71.01 or 31.71.01.1001'],
    ['a kelurahan without parent', { code: '31.71.03.1001', name: 'Kelurahan Baru', level: 'kelurahan' }, 'parentCode is required for a kelurahan'],
    ['an unknown level', { code: '31.71.03.1001', name: 'Kelurahan Baru', level: 'desa', parentCode: '31.71.03' }, 'level must be one of the following values: kota, kecamatan, kelurahan'],
  ])('rejects %s with 400', async (_name, body, message) => {
    const res = await api.post('/api/regions', body, admin.token);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(message);
  });
});
