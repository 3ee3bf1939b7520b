import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';

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
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          ...(config.env === 'development' && prettyAvailable() && {
            transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,req,res,responseTime,context', messageFormat: '{if context}[{context}] {end}{msg}{if req.path} {req.method} {req.path} {res.statusCode}{end}' } },
          }),
          // The HTTP adapter assigns the request id (see createHttpApp); pino-http logs it as req.id.
          genReqId: (req: IncomingMessage & { id?: string }) => req.id ?? 'unknown',
          redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], remove: true },
          serializers: {
            // The query string may carry emails or tokens: log the path only.
            req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
          },
          customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
            error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
          autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
