import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, GENERIC_CODES, isErrorCode } from '@pendamping/platform';
import { FakeLiveKit } from './support/fake-livekit';
import { connect, send } from './support/realtime-client';
import { TestApp, type Session } from './support/test-app';
import { clockOf, plusMinutes, publishedWorkshop } from './support/video-fixtures';

/** The server's sources (not the web app, not specs): where every code the api answers is written. */
function serverSources(): { file: string; text: string }[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'migrations' ? [] : walk(path);
      return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
    });
  return ['libs', 'apps/api/src', 'apps/worker/src'].flatMap(walk).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

const matches = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]);

describe('error codes: every code the api can answer has exactly one HTTP status, everywhere', () => {
  const sources = serverSources();

  it('takes every status from the catalogue: a DomainError names only a code, and no code is written outside ERROR_CODES', () => {
    const unknown: string[] = [];
    const ownStatus: string[] = [];
    for (const { file, text } of sources) {
      if (file.endsWith('error-codes.ts')) continue;
      // A code with a status beside it (the old kind argument, a Nest HttpException) would be a second source.
      if (/new DomainError\(\s*'[a-z_]+'\s*,\s*'/.test(text)) ownStatus.push(`${file}: DomainError with its own kind`);
      if (/new (HttpException|[A-Z][A-Za-z]+Exception)\(/.test(text)) ownStatus.push(`${file}: throws a Nest HTTP exception`);
      for (const code of [...matches(text, /new DomainError\(\s*'([A-Z][A-Z_]+)'/g), ...matches(text, /\bcode:\s*'([A-Z][A-Z_]{3,})'/g)]) {
        if (!isErrorCode(code)) unknown.push(`${file}: ${code}`);
      }
    }
    expect(ownStatus).toEqual([]);
    expect(unknown).toEqual([]);
  });

  it('gives each status-only error (Nest, fastify) the one code of its status', () => {
    for (const [status, code] of Object.entries(GENERIC_CODES)) expect([code, ERROR_CODES[code]]).toEqual([code, Number(status)]);
  });

  it('documents each code with its catalogue status: README and the OpenAPI document', () => {
    const wrong: string[] = [];
    const readme = readFileSync('README.md', 'utf8');
    for (const [, status, code] of readme.matchAll(/\b([45]\d\d) `([A-Z][A-Z_]+)`/g)) {
      if (isErrorCode(code) && ERROR_CODES[code] !== Number(status)) wrong.push(`README: ${status} ${code}`);
      if (!isErrorCode(code)) wrong.push(`README: ${code} is not in ERROR_CODES`);
    }
    const document = JSON.parse(readFileSync('apps/api/openapi.json', 'utf8')) as { paths: Record<string, Record<string, { responses?: Record<string, { description?: string }> }>> };
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          if (!/^[45]/.test(status)) continue;
          for (const code of matches(response.description ?? '', /\b([A-Z][A-Z_]{3,})\b/g).filter(isErrorCode)) {
            if (ERROR_CODES[code] !== Number(status)) wrong.push(`openapi ${method.toUpperCase()} ${path}: ${status} ${code}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  describe('on the wire (TestApp checks every error answer against the catalogue too)', () => {
    let livekit: FakeLiveKit;
    let app: TestApp;
    let admin: Session;
    beforeAll(async () => {
      livekit = await FakeLiveKit.start();
      app = await TestApp.start({ LIVEKIT_URL: livekit.url });
      admin = await app.newUser(['admin']);
    });
    afterAll(async () => {
      await app.close();
      await livekit.close();
    });

    it('answers UNSUPPORTED_MEDIA_TYPE with 415, from fastify and from the webhook alike', async () => {
      const fromFastify = await fetch(`${app.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<login/>' });
      const fromWebhook = await fetch(`${app.baseUrl}/api/webhooks/livekit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      for (const res of [fromFastify, fromWebhook]) expect([res.status, (await res.json()).code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    });

    it('answers NOT_REGISTERED with 403 in video and on the live room ack; having no registration to cancel is 404 REGISTRATION_NOT_FOUND', async () => {
      const w = await publishedWorkshop(app, admin, []);
      const stranger = await app.newEntrepreneur();
      const clock = clockOf(app);
      clock.at(plusMinutes(w.start, -5));
      try {
        const video = await app.post(`/api/workshops/${w.workshopId}/sessions/${w.sessionId}/join`, undefined, stranger.token);
        expect([video.status, video.body.code]).toEqual([403, 'NOT_REGISTERED']);
        const socket = await connect(app, stranger.token);
        try {
          expect(await send(socket, 'workshop:join', { sessionId: w.sessionId })).toMatchObject({ ok: false, error: { code: 'NOT_REGISTERED' } });
        } finally {
          socket.close();
        }
      } finally {
        clock.restore();
      }
      const leave = await app.request('DELETE', `/api/workshops/${w.workshopId}/registrations/me`, { token: stranger.token });
      expect([leave.status, leave.body.code]).toEqual([404, 'REGISTRATION_NOT_FOUND']);
    });
  });
});
