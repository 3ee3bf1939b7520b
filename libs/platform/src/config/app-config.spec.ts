import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig, parseDuration } from './app-config';

/** What production needs at least: a real JWT secret and real LiveKit credentials. */
const STRONG_JWT_SECRET = 'q7Vt2mXc9LpR4sWz8bKn3HfJ6dYg1TeA5uNo0CiE';
const production = { NODE_ENV: 'production', JWT_SECRET: STRONG_JWT_SECRET, LIVEKIT_API_KEY: 'APIk3yPendamping', LIVEKIT_API_SECRET: 'l'.repeat(32) };

describe('loadConfig', () => {
  it('gives a working development configuration with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      databaseUrl: 'mysql://root@127.0.0.1:3306/pendamping',
      redisUrl: 'redis://127.0.0.1:6379',
      demoData: true,
      reminderOffsetsMs: [86_400_000, 3_600_000, 600_000],
      livekit: { url: 'ws://127.0.0.1:7880', apiKey: 'devkey', apiSecret: 'secret' },
    });
    expect(config.whatsapp).toBeUndefined();
  });

  it.each([
    [{ NODE_ENV: 'production' }, 'Invalid configuration: JWT_SECRET is required in production and must have at least 32 characters'],
    [{ JWT_SECRET: 'short' }, 'Invalid configuration: JWT_SECRET must have at least 32 characters'],
    [{ DATABASE_URL: 'postgres://localhost/x' }, 'Invalid configuration: DATABASE_URL must be a URL starting with mysql:// or mariadb://'],
    [{ PORT: 'abc' }, 'Invalid configuration: PORT'],
    [{ REMINDER_OFFSETS: '24h,soon' }, 'Invalid configuration: REMINDER_OFFSETS must be comma-separated durations like 24h,1h,10m'],
    [{ ADMIN_EMAIL: 'admin@example.com' }, 'Invalid configuration: ADMIN_PASSWORD ADMIN_EMAIL and ADMIN_PASSWORD go together'],
    [{ DEMO_DATA: 'maybe' }, 'Invalid configuration: DEMO_DATA must be true or false'],
    [{ ...production, DEMO_DATA: 'true' }, 'Invalid configuration: DEMO_DATA must not be true in production'],
    [{ API_PROCESSES: '0' }, 'Invalid configuration: API_PROCESSES must be auto (one per core) or a number of processes from 1 to 99'],
    [{ API_PROCESSES: 'all' }, 'Invalid configuration: API_PROCESSES must be auto'],
    [{ API_PROCESSES: '2.5' }, 'Invalid configuration: API_PROCESSES must be auto'],
  ])('stops on %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('accepts a production configuration and turns off demo data and unconfigured channels', () => {
    const config = loadConfig({ ...production, DATABASE_URL: 'mysql://app:p%40ss@db:3306/pendamping' });
    expect(config.demoData).toBe(false);
    expect(config.smtpUrl).toBeUndefined();
    expect(config.jwt.secret).toBe(STRONG_JWT_SECRET);
    expect(config.livekit).toMatchObject({ apiKey: 'APIk3yPendamping', apiSecret: 'l'.repeat(32) });
  });

  const KEY_REQUIRED = 'Invalid configuration: LIVEKIT_API_KEY is required in production and must not be the development key devkey';
  const SECRET_REQUIRED = 'Invalid configuration: LIVEKIT_API_SECRET is required in production, must not be the development secret and must have at least 32 characters';
  // The dev key and secret are public (livekit-server --dev): with them anyone can sign webhooks (attendance,
  // certificates, no-shows) and join tokens.
  it.each([
    ['no key', { LIVEKIT_API_KEY: undefined }, KEY_REQUIRED],
    ['the dev key', { LIVEKIT_API_KEY: 'devkey' }, KEY_REQUIRED],
    ['no secret', { LIVEKIT_API_SECRET: undefined }, SECRET_REQUIRED],
    ['the dev secret', { LIVEKIT_API_SECRET: 'secret' }, SECRET_REQUIRED],
    ['a 31-character secret', { LIVEKIT_API_SECRET: 's'.repeat(31) }, SECRET_REQUIRED],
  ])('refuses to start in production with %s for LiveKit', (_case, change, message) => {
    const env: Record<string, string | undefined> = { ...production, ...change };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  const GUESSABLE = /^Invalid configuration: JWT_SECRET is too guessable for production \(about \d+ bits of randomness, at least 128 needed\): generate one, e\.g\. openssl rand -base64 48$/;
  const PUBLISHED = 'Invalid configuration: JWT_SECRET must not be a value published with Pendamping (the development or test secret): generate one, e.g. openssl rand -base64 48';
  // A guessed secret signs a token for any account, an admin's too.
  it.each([
    ['one character 32 times', 'x'.repeat(32), GUESSABLE],
    ['a run of the alphabet', 'abcdefghijklmnopqrstuvwxyz012345', GUESSABLE],
    ['a repeated word', 'password'.repeat(4), GUESSABLE],
    ['the development default', 'dev-only-secret-do-not-use-in-production-0123456789', PUBLISHED],
    ["the tests' secret", 'test-secret-that-is-long-enough-0123456789', PUBLISHED],
  ])('refuses to start in production with a JWT_SECRET that is %s', (_case, secret, message) => {
    expect(() => loadConfig({ ...production, JWT_SECRET: secret })).toThrow(message);
  });

  it.each([
    ['openssl rand -base64 48', randomBytes(48).toString('base64')],
    ['openssl rand -hex 32', randomBytes(32).toString('hex')],
    ['a long passphrase', 'kopi tubruk di warung bu sari jam tujuh pagi'],
  ])('accepts a production JWT_SECRET made like %s', (_case, secret) => {
    expect(loadConfig({ ...production, JWT_SECRET: secret }).jwt.secret).toBe(secret);
  });

  it('keeps accepting any 32-character JWT_SECRET outside production', () => {
    expect(loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32) }).jwt.secret).toBe('x'.repeat(32));
  });

  it.each([
    [undefined, 0],
    ['false', 0],
    ['1', 1],
    ['2', 2],
    ['10.0.0.0/8, 127.0.0.1,loopback', ['10.0.0.0/8', '127.0.0.1', 'loopback']],
    ['fd00::/8', ['fd00::/8']],
  ])('reads TRUST_PROXY=%s as %j', (value, trustProxy) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(trustProxy);
  });

  it.each([
    ['true', 'Invalid configuration: TRUST_PROXY must not be true: that trusts every X-Forwarded-For hop, so a client chooses its own IP'],
    ['10.0.0.300', 'Invalid configuration: TRUST_PROXY must be false, a number of proxies (e.g. 1), or comma-separated proxy addresses'],
    ['10.0.0.0/33', 'Invalid configuration: TRUST_PROXY must be false'],
    ['balancer.internal', 'Invalid configuration: TRUST_PROXY must be false'],
  ])('refuses TRUST_PROXY=%s', (value, message) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(message);
  });

  it('reads CORS_ORIGINS as a list of origins, empty by default (same origin only)', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://mitra.example.id, http://localhost:5173' }).corsOrigins).toEqual(['https://mitra.example.id', 'http://localhost:5173']);
  });

  it.each(['*', 'https://mitra.example.id/', 'https://mitra.example.id/app', 'mitra.example.id', 'ftp://mitra.example.id'])('refuses CORS_ORIGINS=%s', (value) => {
    expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow('Invalid configuration: CORS_ORIGINS must be comma-separated origins like https://mitra.example.id');
  });

  it("keeps LiveKit's dev key and secret outside production", () => {
    expect(loadConfig({ NODE_ENV: 'test', LIVEKIT_API_SECRET: 'secret' }).livekit).toMatchObject({ apiKey: 'devkey', apiSecret: 'secret' });
  });

  it.each([
    [undefined, 1],
    ['1', 1],
    ['4', 4],
    ['auto', availableParallelism()],
  ])('reads API_PROCESSES=%s as %d api processes', (value, processes) => {
    expect(loadConfig({ API_PROCESSES: value }).apiProcesses).toBe(processes);
  });

  it('treats empty values as unset, as .env files write them', () => {
    expect(loadConfig({ SMTP_URL: '', PORT: '' }).port).toBe(3000);
  });
});

describe('parseDuration', () => {
  it.each([
    ['30s', 30_000],
    ['10m', 600_000],
    ['24h', 86_400_000],
    ['2d', 172_800_000],
    ['10', undefined],
    ['1w', undefined],
  ])('%s → %s', (text, ms) => expect(parseDuration(text)).toBe(ms));
});
