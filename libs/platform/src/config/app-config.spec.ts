import { ConfigError, loadConfig, parseDuration } from './app-config';

/** What production needs at least: a real JWT secret and real LiveKit credentials. */
const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), LIVEKIT_API_KEY: 'APIk3yPendamping', LIVEKIT_API_SECRET: 'l'.repeat(32) };

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
  ])('stops on %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('accepts a production configuration and turns off demo data and unconfigured channels', () => {
    const config = loadConfig({ ...production, DATABASE_URL: 'mysql://app:p%40ss@db:3306/pendamping' });
    expect(config.demoData).toBe(false);
    expect(config.smtpUrl).toBeUndefined();
    expect(config.jwt.secret).toBe('x'.repeat(32));
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

  it("keeps LiveKit's dev key and secret outside production", () => {
    expect(loadConfig({ NODE_ENV: 'test', LIVEKIT_API_SECRET: 'secret' }).livekit).toMatchObject({ apiKey: 'devkey', apiSecret: 'secret' });
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
