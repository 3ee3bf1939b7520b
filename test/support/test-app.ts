import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RouteOptions } from 'fastify';
import { DataSource } from 'typeorm';
import { AuthService, EntrepreneurProfile, User, UsersService, type CreateUserDto } from '@pendamping/identity';
import { createHttpApp, ERROR_CODES, isErrorCode, loadConfig, newId, type Role } from '@pendamping/platform';
import { ApiModule } from '../../apps/api/src/api.module';
import { responseProblems, type OpenApiDocument } from './openapi-conformance';
import { TEST_KELURAHAN, testEnv } from './test-env';

export interface Response<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface Session {
  id: string;
  email: string;
  token: string;
}

let committed: OpenApiDocument | undefined;

/**
 * The committed document (test/openapi.e2e-spec.ts proves the code serves the same), not the served one:
 * a suite that moves the clock replaces `Date`, and @nestjs/swagger then no longer recognises date fields.
 */
const committedDocument = () => (committed ??= JSON.parse(readFileSync('apps/api/openapi.json', 'utf8')) as OpenApiDocument);

/**
 * The real api (same bootstrap as production) on a random port, and a small HTTP client for it. Every JSON
 * 2xx answer it receives is checked against the api's OpenAPI document, and every error answer against the
 * error catalogue (a known code, with its one status); a mismatch fails the test.
 */
export class TestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly baseUrl: string,
    private readonly document: OpenApiDocument,
  ) {}

  /** `imports`: modules added to the api's root (e.g. a LogCapture's). */
  /** `onRoute`: sees every route fastify registers (the authorization matrix reads the route table with it). */
  static async start(env: Record<string, string> = {}, options: { imports?: DynamicModule[]; onRoute?: (route: RouteOptions) => void } = {}): Promise<TestApp> {
    const config = loadConfig({ ...testEnv(), ...env });
    const root = ApiModule.forRoot(config);
    root.imports = [...(root.imports ?? []), ...(options.imports ?? [])];
    const app = await createHttpApp(config, root, { onRoute: options.onRoute });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address() as { port: number };
    const baseUrl = `http://127.0.0.1:${address.port}`;
    return new TestApp(app, baseUrl, committedDocument());
  }

  close(): Promise<void> {
    return this.app.close();
  }

  async request<T = any>(method: string, path: string, options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}): Promise<Response<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.text();
    const body = res.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : text;
    const problems = responseProblems(this.document, method, path, res.status, body, res.headers.get('content-type'));
    if (problems.length > 0) throw new Error(`The answer does not match the OpenAPI document (fix the view class, then npm run openapi):\n${problems.join('\n')}`);
    const problem = errorProblem(res.status, body);
    if (problem) throw new Error(`${method} ${path}: ${problem}`);
    return { status: res.status, body: body as T, headers: res.headers };
  }

  /** Accounts with this email, read from the database: proves that a refused request wrote nothing. */
  async countUsers(email: string): Promise<number> {
    return this.app.get(DataSource).getRepository(User).countBy({ email: email.trim().toLowerCase() });
  }

  get = <T = any>(path: string, token?: string) => this.request<T>('GET', path, { token });
  post = <T = any>(path: string, body?: unknown, token?: string) => this.request<T>('POST', path, { body, token });

  /** A registration body that passes validation; override any field. */
  registration(overrides: Record<string, unknown> = {}) {
    return {
      email: uniqueEmail('usaha'),
      password: 'rahasia-123',
      name: 'Siti Aminah',
      phone: '0812-3456-7890',
      business: { name: 'Konveksi Siti', type: 'konveksi', kelurahanCode: TEST_KELURAHAN[0] },
      ...overrides,
    };
  }

  async newEntrepreneur(overrides: Record<string, unknown> = {}): Promise<Session> {
    const body = this.registration(overrides);
    const res = await this.post('/api/auth/register', body);
    if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.user.id, email: body.email, token: res.body.accessToken };
  }

  /**
   * Many entrepreneurs at once for concurrency tests, written straight to the database (an argon2 hash
   * each would take seconds); they hold real tokens but cannot sign in with a password.
   */
  async newEntrepreneurs(count: number): Promise<Session[]> {
    const db = this.app.get(DataSource);
    const users = Array.from({ length: count }, (_, i) => ({
      id: newId(),
      email: uniqueEmail(`massal${i}`),
      passwordHash: '!',
      name: `Pelaku Usaha ${i + 1}`,
      roles: ['entrepreneur' as const],
    }));
    await db.getRepository(User).insert(users);
    await db.getRepository(EntrepreneurProfile).insert(
      users.map((u) => ({ userId: u.id, businessName: `Usaha ${u.name}`, businessType: 'kelontong' as const, kelurahanCode: TEST_KELURAHAN[0] })),
    );
    const auth = this.app.get(AuthService);
    return Promise.all(users.map(async (u) => ({ id: u.id, email: u.email, token: await auth.issue({ id: u.id, roles: u.roles }, 0) })));
  }

  /** Many mentors at once (assigned to the first test kelurahan), written straight to the database like newEntrepreneurs. */
  async newMentors(count: number): Promise<Session[]> {
    const db = this.app.get(DataSource);
    const users = Array.from({ length: count }, (_, i) => ({
      id: newId(),
      email: uniqueEmail(`mentor${i}`),
      passwordHash: '!',
      name: `Pendamping ${i + 1}`,
      roles: ['mentor' as const],
    }));
    await db.getRepository(User).insert(users);
    await db.getRepository('MentorProfile').insert(users.map((u) => ({ userId: u.id, topics: ['permodalan'] })));
    await db.getRepository('MentorKelurahan').insert(users.map((u) => ({ mentorId: u.id, kelurahanCode: TEST_KELURAHAN[0] })));
    const auth = this.app.get(AuthService);
    return Promise.all(users.map(async (u) => ({ id: u.id, email: u.email, token: await auth.issue({ id: u.id, roles: u.roles }, 0) })));
  }

  /** Creates an account directly (as an admin would) and signs it in over HTTP. */
  async newUser(roles: Role[], extra: Partial<CreateUserDto> = {}): Promise<Session> {
    const email = uniqueEmail(roles.join('-'));
    const password = 'rahasia-123';
    await this.app.get(UsersService).create({
      email,
      password,
      name: `Pengguna ${roles.join(' ')}`,
      roles,
      ...(roles.includes('mentor') && { mentor: { kelurahanCodes: [TEST_KELURAHAN[0]], topics: ['permodalan'] } }),
      ...extra,
    });
    const res = await this.post('/api/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.user.id, email, token: res.body.accessToken };
  }
}

/** An error answer whose code is not in ERROR_CODES, or comes with another status than the catalogue's. */
export function errorProblem(status: number, body: unknown): string | null {
  const code = (body as { code?: unknown } | null)?.code;
  // A 503 from GET /api/health is its report ({status, checks}), not an error answer.
  if (status < 400 || (status >= 500 && code === undefined)) return null;
  if (!isErrorCode(code)) return `error answer ${status} with a code not in ERROR_CODES: ${JSON.stringify(body)}`;
  if (ERROR_CODES[code] !== status || (body as { statusCode?: unknown }).statusCode !== status) return `${code} answered ${status}, the catalogue says ${ERROR_CODES[code]}`;
  return null;
}

export const uniqueEmail = (who: string) => `${who}.${randomUUID().slice(0, 12)}@uji.pendamping.id`;
