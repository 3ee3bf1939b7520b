import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { estimatedEntropyBits, JWT_SECRET_MIN_BITS } from './secret-strength';

const DEV_JWT_SECRET = 'dev-only-secret-do-not-use-in-production-0123456789';
/** Secrets published in this repository (the development default, the tests'): whoever reads it can sign tokens. */
const KNOWN_JWT_SECRETS = new Set([DEV_JWT_SECRET, 'test-secret-that-is-long-enough-0123456789']);
/** `livekit-server --dev`'s key and secret: public, so whoever knows them can sign webhooks and join tokens. */
const DEV_LIVEKIT = { apiKey: 'devkey', apiSecret: 'secret' } as const;
/** LiveKit's own minimum for a production API secret. */
const LIVEKIT_SECRET_MIN_LENGTH = 32;
const DURATION = /^(\d+)(s|m|h|d)$/;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Parses "24h", "10m", "30s", "2d" into milliseconds; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** One trusted proxy address: an IP, a CIDR range, or one of proxy-addr's names (loopback, linklocal, uniquelocal). */
function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

/**
 * Which proxies' X-Forwarded-For to believe: off (`false`, `0`), a hop count, or the proxies' addresses.
 * `true` (believe every hop) is refused: the left-most X-Forwarded-For entry is whatever the client sent.
 */
const trustProxy = z
  .string()
  .transform((value) => value.trim())
  .refine((value) => value !== 'true', {
    message: 'must not be true: that trusts every X-Forwarded-For hop, so a client chooses its own IP (and escapes the per-IP limits); give the number of proxies in front of the api (e.g. 1) or their addresses (e.g. 10.0.0.0/8)',
  })
  .refine((value) => value === 'false' || /^\d{1,2}$/.test(value) || value.split(',').every((entry) => isProxyAddress(entry.trim())), {
    message: 'must be false, a number of proxies (e.g. 1), or comma-separated proxy addresses or CIDR ranges (e.g. 10.0.0.0/8,127.0.0.1)',
  })
  .transform((value): number | string[] => (value === 'false' ? 0 : /^\d+$/.test(value) ? Number(value) : value.split(',').map((entry) => entry.trim())));

/** Browser origins allowed to call the api from another site: `scheme://host[:port]`, nothing more. */
const corsOrigins = z
  .string()
  .transform((value) => value.split(',').map((entry) => entry.trim()).filter(Boolean))
  .refine(
    (origins) =>
      origins.every((origin) => {
        try {
          const url = new URL(origin);
          return ['http:', 'https:'].includes(url.protocol) && url.origin === origin;
        } catch {
          return false;
        }
      }),
    { message: 'must be comma-separated origins like https://mitra.example.id (scheme, host and port only; no path, no *)' },
  );

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: trustProxy.default(0),
    CORS_ORIGINS: corsOrigins.default([]),
    DATABASE_URL: url(['mysql:', 'mariadb:']).default('mysql://root@127.0.0.1:3306/pendamping'),
    REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
    REDIS_PREFIX: z.string().regex(/^[a-z0-9-]+$/, 'must be lowercase letters, digits and dashes').default('pendamping'),
    JWT_SECRET: z.string().optional(),
    JWT_TTL: z.string().refine((v) => parseDuration(v) !== undefined, 'must be a duration like 12h').default('12h'),
    ADMIN_EMAIL: z.email({ message: 'must be an email address' }).optional(),
    ADMIN_PASSWORD: z.string().min(8, 'must have at least 8 characters').optional(),
    LIVEKIT_URL: url(['ws:', 'wss:', 'http:', 'https:']).default('ws://127.0.0.1:7880'),
    LIVEKIT_API_KEY: z.string().min(1).optional(),
    LIVEKIT_API_SECRET: z.string().min(1).optional(),
    REMINDER_OFFSETS: z
      .string()
      .refine(
        (v) => v.split(',').every((part) => parseDuration(part) !== undefined),
        'must be comma-separated durations like 24h,1h,10m',
      )
      .default('24h,1h,10m'),
    SMTP_URL: url(['smtp:', 'smtps:']).optional(),
    SMTP_FROM: z.string().min(3).default('Pendamping <no-reply@pendamping.id>'),
    PUBLIC_URL: url(['http:', 'https:']).default('http://localhost:3000'),
    WHATSAPP_API_URL: url(['http:', 'https:']).optional(),
    WHATSAPP_TOKEN: z.string().min(1).optional(),
    DEMO_DATA: boolean.optional(),
    REALTIME_EVENTS_PER_SECOND: z.coerce.number().int().min(1).max(100_000).default(10),
    REGISTRATIONS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(60),
    WEB_ROOT: z.string().min(1).default('dist/apps/web'),
    BOOKINGS_PER_MENTOR: z.coerce.number().int().min(1).max(1000).default(2),
    BOOKINGS_OPEN_MAX: z.coerce.number().int().min(1).max(1000).default(5),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    API_PROCESSES: z
      .string()
      .regex(/^(auto|[1-9]\d?)$/, 'must be auto (one per core) or a number of processes from 1 to 99')
      .default('1'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && (!env.JWT_SECRET || env.JWT_SECRET.length < 32)) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required in production and must have at least 32 characters' });
    }
    if (env.JWT_SECRET !== undefined && env.JWT_SECRET.length < 32) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'must have at least 32 characters' });
    }
    // Anyone who knows or guesses the secret signs tokens for any account, an admin's included.
    if (env.NODE_ENV === 'production' && env.JWT_SECRET !== undefined && KNOWN_JWT_SECRETS.has(env.JWT_SECRET)) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'must not be a value published with Pendamping (the development or test secret): generate one, e.g. openssl rand -base64 48' });
    }
    const bits = env.JWT_SECRET === undefined ? 0 : estimatedEntropyBits(env.JWT_SECRET);
    if (env.NODE_ENV === 'production' && env.JWT_SECRET && env.JWT_SECRET.length >= 32 && bits < JWT_SECRET_MIN_BITS) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: `is too guessable for production (about ${bits} bits of randomness, at least ${JWT_SECRET_MIN_BITS} needed): generate one, e.g. openssl rand -base64 48`,
      });
    }
    if (env.NODE_ENV === 'production' && (!env.LIVEKIT_API_KEY || env.LIVEKIT_API_KEY === DEV_LIVEKIT.apiKey)) {
      ctx.addIssue({ code: 'custom', path: ['LIVEKIT_API_KEY'], message: `is required in production and must not be the development key ${DEV_LIVEKIT.apiKey}` });
    }
    const secret = env.LIVEKIT_API_SECRET;
    if (env.NODE_ENV === 'production' && (!secret || secret === DEV_LIVEKIT.apiSecret || secret.length < LIVEKIT_SECRET_MIN_LENGTH)) {
      ctx.addIssue({
        code: 'custom',
        path: ['LIVEKIT_API_SECRET'],
        message: `is required in production, must not be the development secret and must have at least ${LIVEKIT_SECRET_MIN_LENGTH} characters`,
      });
    }
    if (env.NODE_ENV === 'production' && env.DEMO_DATA === true) {
      ctx.addIssue({ code: 'custom', path: ['DEMO_DATA'], message: 'must not be true in production: demo accounts have a published password' });
    }
    if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together' });
    }
  });

/** The validated, typed configuration. Nothing else in the code base reads process.env. */
export class AppConfig {
  readonly env!: 'development' | 'production' | 'test';
  readonly port!: number;
  readonly logLevel!: string;
  /** Proxies whose X-Forwarded-For is believed: 0 (none), a hop count, or their addresses (fastify's trustProxy). */
  readonly trustProxy!: number | string[];
  /** Other sites' origins that may call the api from a browser (CORS, socket.io); empty: same origin only. */
  readonly corsOrigins!: string[];
  readonly databaseUrl!: string;
  readonly redisUrl!: string;
  readonly redisPrefix!: string;
  readonly jwt!: { secret: string; ttlSeconds: number; developmentSecret: boolean };
  readonly admin?: { email: string; password: string };
  readonly livekit!: { url: string; apiKey: string; apiSecret: string };
  readonly reminderOffsetsMs!: number[];
  readonly smtpUrl?: string;
  readonly smtpFrom!: string;
  /** Where people open the app: the base of links in messages. */
  readonly publicUrl!: string;
  readonly whatsapp?: { apiUrl: string; token: string };
  readonly demoData!: boolean;
  /** Socket events one connection may send per second, sustained (bursts of twice that pass). */
  readonly realtime!: { eventsPerSecond: number };
  /** Self-registrations one IP may make per hour (each costs a password hash). */
  readonly registrationsPerIpPerHour!: number;
  /** The built web app (`npm run build`), served at `/`; relative to the working directory. */
  readonly webRoot!: string;
  /** Upcoming booked consultations one entrepreneur may hold: with one mentor, and in all. */
  readonly bookingLimits!: { perMentor: number; total: number };
  /** After SIGTERM / SIGINT a process exits within this, even while clients hold connections open. */
  readonly shutdownTimeoutMs!: number;
  /** api processes sharing the port (node's cluster module) when above 1; `auto` is one per core. */
  readonly apiProcesses!: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  // Empty strings mean "not set", as in most .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'configuration');
    throw new ConfigError(`Invalid configuration: ${name} ${issue.message}`);
  }
  const e = parsed.data;
  return Object.assign(new AppConfig(), {
    env: e.NODE_ENV,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    corsOrigins: e.CORS_ORIGINS,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    jwt: { secret: e.JWT_SECRET ?? DEV_JWT_SECRET, ttlSeconds: parseDuration(e.JWT_TTL)! / 1000, developmentSecret: !e.JWT_SECRET },
    admin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : undefined,
    livekit: { url: e.LIVEKIT_URL, apiKey: e.LIVEKIT_API_KEY ?? DEV_LIVEKIT.apiKey, apiSecret: e.LIVEKIT_API_SECRET ?? DEV_LIVEKIT.apiSecret },
    reminderOffsetsMs: e.REMINDER_OFFSETS.split(',').map((part) => parseDuration(part)!),
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    publicUrl: e.PUBLIC_URL,
    whatsapp: e.WHATSAPP_API_URL && e.WHATSAPP_TOKEN ? { apiUrl: e.WHATSAPP_API_URL, token: e.WHATSAPP_TOKEN } : undefined,
    demoData: e.DEMO_DATA ?? e.NODE_ENV === 'development',
    realtime: { eventsPerSecond: e.REALTIME_EVENTS_PER_SECOND },
    registrationsPerIpPerHour: e.REGISTRATIONS_PER_IP_PER_HOUR,
    webRoot: e.WEB_ROOT,
    bookingLimits: { perMentor: e.BOOKINGS_PER_MENTOR, total: e.BOOKINGS_OPEN_MAX },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    apiProcesses: e.API_PROCESSES === 'auto' ? availableParallelism() : Number(e.API_PROCESSES),
  });
}

/**
 * Reads `.env` (when present) under the real environment and validates it.
 * On a bad value it prints one line naming the variable and ends the process.
 */
export function loadConfigOrExit(): AppConfig {
  try {
    process.loadEnvFile('.env');
  } catch {
    // no .env file: the environment alone configures the process
  }
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
