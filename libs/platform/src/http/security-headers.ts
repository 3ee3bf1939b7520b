import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { AppConfig } from '../config/app-config';

/** LiveKit's signalling socket and its HTTP twin (the client SDK checks a failed connect over HTTP). */
function liveKitOrigins(livekitUrl: string): string[] {
  const { protocol, host } = new URL(livekitUrl);
  const secure = protocol === 'wss:' || protocol === 'https:';
  return secure ? [`wss://${host}`, `https://${host}`] : [`ws://${host}`, `http://${host}`];
}

type Directives = Record<string, string[]>;

/**
 * What the web app needs and nothing more: its own scripts only (no inline script, no eval), inline styles
 * (Mantine writes its CSS variables into <style> tags and style attributes), images from itself, data: and
 * blob: (a downloaded certificate), fetches and sockets to its own origin and to LiveKit, camera and
 * microphone streams (blob:), no plugins, no framing by other sites.
 */
export function contentSecurityPolicy(config: AppConfig, extra: Directives = {}): string {
  const directives: Directives = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    // 'self' covers the same origin's ws:/wss: (socket.io).
    'connect-src': ["'self'", ...liveKitOrigins(config.livekit.url)],
    'media-src': ["'self'", 'blob:'],
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  for (const [name, sources] of Object.entries(extra)) directives[name] = [...(directives[name] ?? []), ...sources];
  if (config.publicUrl.startsWith('https:')) directives['upgrade-insecure-requests'] = [];
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

// The video room needs the camera and microphone (and screen sharing for speakers); nothing needs the rest.
const PERMISSIONS_POLICY = 'camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=(), usb=()';

/**
 * The headers helmet sets for `options`, read off once: with these options none depends on the request, so
 * they need not be worked out again (a dozen middleware calls) for every answer.
 */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  let done = false;
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => (done = true));
  if (!done) throw new Error('helmet did not finish synchronously: its headers cannot be computed once');
  return headers;
}

/**
 * Security headers on every HTTP answer, the api's and the web app's alike (helmet's): the policy above, no
 * MIME sniffing, no framing, no referrer (addresses may carry a calendar secret or a dashboard token),
 * same-origin opener and resources, and HSTS when the public address is https.
 */
export function registerSecurityHeaders(app: NestFastifyApplication, config: AppConfig): void {
  const https = config.publicUrl.startsWith('https:');
  const headers = {
    ...helmetHeaders({
      // One string of our own (below), which the queue dashboard widens for its web font.
      contentSecurityPolicy: false,
      crossOriginEmbedderPolicy: false,
      crossOriginOpenerPolicy: { policy: 'same-origin' },
      crossOriginResourcePolicy: { policy: 'same-origin' },
      referrerPolicy: { policy: 'no-referrer' },
      xFrameOptions: { action: 'deny' },
      strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    }),
    'content-security-policy': contentSecurityPolicy(config),
    'permissions-policy': PERMISSIONS_POLICY,
  };
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (_request, reply, done) => {
      void reply.headers(headers);
      done();
    });
}
