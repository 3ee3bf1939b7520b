import { createHash, createHmac } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';

/** Signs a webhook body as LiveKit does: a JWT from the API key whose `sha256` claim is the body's hash. */
export async function signWebhook(body: string, options: { apiKey?: string; apiSecret?: string } = {}): Promise<string> {
  const token = new AccessToken(options.apiKey ?? 'devkey', options.apiSecret ?? 'secret', { ttl: '5m' });
  token.sha256 = sha256(body);
  return token.toJwt();
}

/** A correctly signed webhook token whose expiry has passed (HS256 by hand: the SDK cannot mint one). */
export function expiredWebhookToken(body: string, apiKey = 'devkey', apiSecret = 'secret'): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ iss: apiKey, nbf: now - 900, exp: now - 600, sha256: sha256(body) })}`;
  return `${unsigned}.${createHmac('sha256', apiSecret).update(unsigned).digest('base64url')}`;
}

const sha256 = (body: string) => createHash('sha256').update(body).digest('base64');

let sequence = 0;

/** A webhook event as LiveKit posts it (protobuf JSON). */
export function webhookEvent(event: string, room: string, at: Date, identity?: string): { id: string; body: string } {
  const id = `EV_${Date.now().toString(36)}${(sequence++).toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const body = {
    event,
    id,
    createdAt: String(Math.floor(at.getTime() / 1000)),
    room: { sid: 'RM_test', name: room },
    ...(identity && { participant: { sid: 'PA_test', identity, name: 'Peserta', state: 'ACTIVE' } }),
  };
  return { id, body: JSON.stringify(body) };
}
