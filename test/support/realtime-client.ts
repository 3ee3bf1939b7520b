import { io, type Socket } from 'socket.io-client';
import { isErrorCode } from '@pendamping/platform';
import type { TestApp } from './test-app';

export type Ack<T = any> = { ok: true; data: T } | { ok: false; error: { code: string; message: string | string[] } };

/** A real socket.io client on the api's /realtime namespace, as a browser or the mobile app connects. */
export function connect(app: TestApp | string, token: string | undefined, options: { origin?: string } = {}): Promise<Socket> {
  const base = typeof app === 'string' ? app : app.baseUrl;
  // A browser sends its page's Origin with the handshake; node's client sends none unless told.
  const extraHeaders = options.origin === undefined ? undefined : { origin: options.origin };
  const socket = io(`${base}/realtime`, { transports: ['websocket'], auth: token === undefined ? {} : { token }, reconnection: false, forceNew: true, extraHeaders });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Emits and waits for the ack; an error ack must carry a code of the catalogue (the HTTP codes). */
export async function send<T = any>(socket: Socket, event: string, payload: unknown): Promise<Ack<T>> {
  const ack: Ack<T> = await socket.timeout(5_000).emitWithAck(event, payload);
  if (!ack.ok && !isErrorCode(ack.error.code)) throw new Error(`${event} answered a code not in ERROR_CODES: ${JSON.stringify(ack.error)}`);
  return ack;
}

/** The socket's "500": a crash or an outage, never a fair answer to a client while MySQL and Redis are up. */
export const SERVER_FAULT_CODES: readonly string[] = ['INTERNAL_ERROR', 'SERVICE_UNAVAILABLE'];

/** Like `send`, where MySQL and Redis are up: an INTERNAL_ERROR or SERVICE_UNAVAILABLE ack fails the test. */
export async function sendNoFault<T = any>(socket: Socket, event: string, payload: unknown): Promise<Ack<T>> {
  const ack = await send<T>(socket, event, payload);
  if (!ack.ok && SERVER_FAULT_CODES.includes(ack.error.code)) throw new Error(`${event} answered ${ack.error.code}, the socket's 500: ${JSON.stringify(ack.error.message)}`);
  return ack;
}

/** Like `send`, for a step that must succeed: returns the ack data, or fails the test with the error. */
export async function ok<T = any>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const ack = await send<T>(socket, event, payload);
  if (!ack.ok) throw new Error(`${event} answered ${JSON.stringify(ack.error)}`);
  return ack.data;
}

/** Records every `event` the socket receives, from now on. */
export function record<T = any>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}

/** Resolves with the next `event` the socket receives; rejects after `ms`. */
export function next<T = any>(socket: Socket, event: string, ms = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    const handler = (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    };
    socket.once(event, handler);
  });
}

/** Waits until `check` holds (events travel asynchronously, through Redis when nodes differ). */
export async function eventually(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Lets in-flight events arrive, for asserting that something did not. */
export const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));
