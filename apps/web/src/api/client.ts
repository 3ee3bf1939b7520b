import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { session } from '@/lib/session';

export type Schemas = components['schemas'];

/** An api error as the contract shapes it: `{statusCode, code, message}`; network failures are status 0. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
  get isNetwork() {
    return this.status === 0;
  }
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    // An expired or revoked token: forget it, the router sends the person to the login page. Only the token
    // this request carried: an answer to an older one (replaced meanwhile, e.g. by a password change) is stale.
    const token = session.token();
    if (response.status === 401 && token && request.headers.get('Authorization') === `Bearer ${token}`) session.clear();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);

type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * Turns an openapi-fetch result into the data or a thrown ApiError (what TanStack Query expects). The data
 * is typed from the OpenAPI document; `unwrap<X>(…)` names the type where the document has none yet.
 */
export async function unwrap<T = never, D = unknown>(call: Promise<Result<D>>): Promise<[T] extends [never] ? D : T> {
  type Out = [T] extends [never] ? D : T;
  let result: Result<D>;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, 'NETWORK', 'network');
  }
  if (result.response.ok) return result.data as Out;
  const body = (result.error ?? {}) as { code?: string; message?: string | string[] };
  const details = Array.isArray(body.message) ? body.message : [];
  throw new ApiError(result.response.status, body.code ?? 'HTTP_' + result.response.status, Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? ''), details);
}

/** Error codes the screens show a sentence for; anything else gets the general message. */
export const errorCode = (error: unknown): string => (error instanceof ApiError ? (error.isNetwork ? 'NETWORK' : error.code) : 'UNKNOWN');

/** A unique key per user action, so a retried POST never creates a second record. */
export const idempotencyKey = () => crypto.randomUUID();
