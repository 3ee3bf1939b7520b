import { Injectable, Logger, type Type } from '@nestjs/common';
import { createValidationPipe, DependencyOutages, toErrorResponse, validationFailed, type Caller } from '@pendamping/platform';
import { RealtimeErrors } from '../realtime.errors';
import type { Ack, RealtimeSocket } from '../realtime.events';

/**
 * Every socket event goes through `run`: the connection's rate limit, the same DTO validation as HTTP, and
 * any error (domain or not) turned into an `{ok: false}` ack. A handler never throws into socket.io, so a
 * bad event never costs the connection.
 */
@Injectable()
export class SocketHandler {
  private readonly logger = new Logger('Realtime');
  private readonly pipe = createValidationPipe();

  constructor(private readonly outages: DependencyOutages) {}

  async run<D extends object, T>(socket: RealtimeSocket, payload: unknown, dto: Type<D>, action: (caller: Caller, input: D) => Promise<T>): Promise<Ack<T>> {
    try {
      const wait = socket.data.bucket.take();
      if (wait > 0) throw RealtimeErrors.rateLimited(wait);
      if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw validationFailed('payload must be an object');
      const input = (await this.pipe.transform(payload, { type: 'body', metatype: dto })) as D;
      return { ok: true, data: await action(socket.data.caller, input) };
    } catch (error) {
      const { body, internal, unavailable } = toErrorResponse(error);
      // MySQL or Redis away: SERVICE_UNAVAILABLE, logged once per outage as for HTTP.
      if (unavailable) this.outages.report(unavailable, error);
      else if (internal) this.logger.error(internal instanceof Error ? internal.stack : String(internal));
      return { ok: false, error: { code: body.code, message: body.message } };
    }
  }
}
