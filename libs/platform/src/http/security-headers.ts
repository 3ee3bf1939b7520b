import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
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
 * Security headers on every HTTP answer, the api's and the web app's alike (helmet): the policy above, no
 * MIME sniffing, no framing, no referrer (addresses may carry a calendar secret or a dashboard token),
 * same-origin opener and resources, and HSTS when the public address is https.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const https = config.publicUrl.startsWith('https:');
  await app.register(helmet, {
    global: true,
    // One string of our own (below), which the queue dashboard widens for its web font.
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
  const policy = contentSecurityPolicy(config);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (_request, reply) => {
      reply.header('content-security-policy', policy);
      reply.header('permissions-policy', PERMISSIONS_POLICY);
    });
}
