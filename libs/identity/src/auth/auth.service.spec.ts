import { JwtService } from '@nestjs/jwt';
import { AuthService } from './auth.service';
import type { TokenVersions } from './token-versions.service';

describe("AuthService: a token is valid only at the account's current token version", () => {
  const jwt = new JwtService({ secret: 'unit-test-secret-that-is-long-enough-000', signOptions: { expiresIn: 3600 } });
  const versions = { current: async (userId: string) => (userId === 'siti' ? current : undefined) };
  let current = 0;
  const auth = new AuthService(undefined as never, undefined as never, undefined as never, jwt, versions as unknown as TokenVersions);

  beforeEach(() => (current = 0));

  it('accepts a token of the current version with its roles and expiry, and refuses it once the version is raised', async () => {
    const token = await auth.issue({ id: 'siti', roles: ['entrepreneur'] }, 0);
    const session = await auth.authenticate(token);
    expect(session).toMatchObject({ caller: { id: 'siti', roles: ['entrepreneur'] }, tokenVersion: 0 });
    expect(session!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 3_500_000);
    current = 1;
    expect(await auth.verify(token)).toBeUndefined();
    expect(await auth.verify(await auth.issue({ id: 'siti', roles: ['entrepreneur'] }, 1))).toEqual({ id: 'siti', roles: ['entrepreneur'] });
  });

  it('reads a token issued before versions existed as version 0', async () => {
    const legacy = await jwt.signAsync({ sub: 'siti', roles: ['entrepreneur'] });
    expect(await auth.verify(legacy)).toEqual({ id: 'siti', roles: ['entrepreneur'] });
    current = 1;
    expect(await auth.verify(legacy)).toBeUndefined();
  });

  it('refuses a version that is not a whole number, and an account that does not exist', async () => {
    for (const ver of ['0', 0.5, null]) expect(await auth.verify(await jwt.signAsync({ sub: 'siti', roles: [], ver }))).toBeUndefined();
    expect(await auth.verify(await auth.issue({ id: 'nobody', roles: ['admin'] }, 0))).toBeUndefined();
  });
});
