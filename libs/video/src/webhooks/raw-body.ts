import type { FastifyInstance } from 'fastify';

export const WEBHOOK_CONTENT_TYPE = 'application/webhook+json';
const WEBHOOK_BODY_LIMIT_BYTES = 256 * 1024;

/**
 * LiveKit posts webhooks as `application/webhook+json` and signs the exact bytes; keep them as a string
 * (parsing and re-serialising would change them and break the sha256 check).
 */
export function acceptRawWebhooks(fastify: FastifyInstance): void {
  if (fastify.hasContentTypeParser(WEBHOOK_CONTENT_TYPE)) return;
  fastify.addContentTypeParser(WEBHOOK_CONTENT_TYPE, { parseAs: 'string', bodyLimit: WEBHOOK_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));
}
