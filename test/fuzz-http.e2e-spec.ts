import fc from 'fast-check';
import { CALLERS, checkRequest, reached, stats, operationOf, pathFor, payloadFor, queryFor } from './support/fuzz-http';
import { startFuzzWorld, type FuzzWorld } from './support/fuzz-world';
import type { Route } from './support/route-table';

// Property-based: every write route of fastify's route table (a new route is covered without a line here)
// and every paged list gets random, malformed and hostile requests from several kinds of caller. The
// answer is a 2xx, or a 4xx in the error catalogue's {code, message}; never a 5xx; and a refused request
// leaves every table of the database as it was (CHECKSUM TABLE before and after).

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The queue dashboard (bull-board) answers in its own shapes; the docs are read-only. */
const ours = (r: Route) => r.url.startsWith('/api/') && !r.url.startsWith('/api/admin/queues') && !r.url.startsWith('/api/docs');
/**
 * Write routes whose random bodies almost never pass validation as a whole (many fields that depend on each
 * other), so the floor below does not ask it of them; what lies behind their door is tested with real bodies.
 */
const SELDOM_VALID: Record<string, string> = {
  'POST /api/auth/register': 'account and business fields together (identity.e2e, hostile-input)',
  'POST /api/users': 'roles with their mentor or speaker fields (admin-users.e2e)',
  'PUT /api/users/:id/roles': 'roles with their mentor or speaker fields (admin-users.e2e)',
  'POST /api/workshops': 'sessions or a recurrence, speakers and quotas together (workshops-admin.e2e, fuzz-edges)',
  'POST /api/workshops/:id/sessions/:sessionId/participants/:userId/mute': 'a track sid the LiveKit stand-in knows (video-moderation.e2e)',
};

/** A fixed seed per route: the same inputs every run, different ones for each route. */
const seedOf = (route: Route) => [...`${route.method} ${route.url}`].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 20261204);

/** Runs the property for each route and gathers every route's counterexample, so one run shows them all. */
async function eachRoute<T>(routes: Route[], numRuns: number, property: (route: Route) => fc.IAsyncProperty<T>): Promise<string[]> {
  const failures: string[] = [];
  for (const route of routes) {
    try {
      await fc.assert(property(route), { seed: seedOf(route), numRuns, endOnFailure: true });
    } catch (error) {
      // The property's own error (what the api answered) is the cause; fast-check's message holds the input.
      failures.push(`${route.method} ${route.url}: ${String(((error as Error).cause as Error | undefined)?.message ?? (error as Error).message)}`.slice(0, 900));
    }
  }
  return failures;
}

describe('fuzz over HTTP: hostile bodies, paths and queries at every write route and every paged list (real MySQL and Redis; LiveKit is a local stand-in)', () => {
  let w: FuzzWorld;
  const writes = () => w.routes.filter((r) => ours(r) && WRITES.has(r.method));
  const pagedLists = () => w.routes.filter((r) => ours(r) && r.method === 'GET' && operationOf(r)?.parameters?.some((p) => p.name === 'cursor'));

  /** Prototype keys must never reach a real object (the app runs in this process): Object.prototype as it was. */
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  beforeAll(async () => {
    w = await startFuzzWorld('fuzz_http');
  }, 120_000);
  afterAll(async () => {
    if (process.env.FUZZ_STATS) console.log([...stats].map(([route, counts]) => `${route}: ${[...counts].map(([a, n]) => `${a}×${n}`).join(', ')}`).join('\n'));
    await w?.close();
  });

  it('finds the write routes and paged lists in the route table', () => {
    expect(writes().length).toBeGreaterThan(30);
    expect(pagedLists().length).toBeGreaterThan(10);
  });

  it('answers every write route 2xx or a catalogued 4xx, never a 5xx, and a refusal writes nothing', async () => {
    const failures = await eachRoute(writes(), 30, (route) =>
      fc.asyncProperty(fc.tuple(pathFor(route, w), queryFor(operationOf(route)), fc.shuffledSubarray([...CALLERS], { minLength: CALLERS.length }), payloadFor(operationOf(route), w.ids)), async ([path, query, caller, payload]) => {
        await checkRequest(w, route.method, `${path}${query}`, caller, payload, `${route.method} ${route.url}`);
      }),
    );
    expect(failures).toEqual([]);
    // The fuzz must get past the door somewhere: inputs that all die in validation prove nothing about the code behind it.
    expect(writes().map((r) => `${r.method} ${r.url}`).filter((r) => !reached.has(r) && !SELDOM_VALID[r])).toEqual([]);
  }, 240_000);

  it('answers every paged list 2xx or a catalogued 4xx for forged cursors and hostile queries', async () => {
    const failures = await eachRoute(pagedLists(), 20, (route) =>
      fc.asyncProperty(fc.tuple(pathFor(route, w), queryFor(operationOf(route)), fc.shuffledSubarray([...CALLERS], { minLength: CALLERS.length })), async ([path, query, caller]) => {
        await checkRequest(w, 'GET', `${path}${query}`, caller, {});
      }),
    );
    expect(failures).toEqual([]);
  }, 120_000);

  it('left Object.prototype as it was after every request above', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as { isAdmin?: unknown }).isAdmin).toBeUndefined();
  });
});
