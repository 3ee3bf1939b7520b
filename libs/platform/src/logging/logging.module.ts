import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import { AppConfig } from '../config/app-config';

/**
 * Where log records go instead of stdout, when a module provides it (the tests read what the app logs).
 * Unset in production: records go to stdout.
 */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');

/** Paths whose last segment is a secret: a calendar feed's address is its only key. */
const SECRET_PATHS = [/^(\/api\/calendar\/)[^/]+$/];

/** The path as logged: no query string (it may carry emails or tokens), no secret segment. */
export function loggedPath(url: string): string {
  const path = url.split('?')[0];
  return SECRET_PATHS.reduce((p, pattern) => p.replace(pattern, '$1[secret]'), path);
}

/** pino-pretty is a dev dependency: an image built without it (docker compose) logs JSON. */
function prettyAvailable(): boolean {
  try {
    createRequire(`${process.cwd()}/`).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/**
 * Structured JSON logs with a request id; bodies, tokens and personal data are never logged. In
 * development (`npm start`) the same records print as readable lines (pino-pretty, a dev dependency).
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig, { token: LOG_DESTINATION, optional: true }],
      useFactory: (config: AppConfig, destination?: DestinationStream) => {
        const options: Options = {
          level: config.logLevel,
          ...(config.env === 'development' && !destination && prettyAvailable() && {
            transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,req,res,responseTime,context', messageFormat: '{if context}[{context}] {end}{msg}{if req.path} {req.method} {req.path} {res.statusCode}{end}' } },
          }),
          // The HTTP adapter assigns the request id (see createHttpApp); pino-http logs it as req.id.
          genReqId: (req: IncomingMessage) => req.id ?? 'unknown',
          redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], remove: true },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: loggedPath(req.url) }),
            // The status only: response headers are the same security headers on every line, or a cookie.
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
            error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
          autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
        };
        return { pinoHttp: destination ? [options, destination] : options };
      },
    }),
  ],
})
export class LoggingModule {}
