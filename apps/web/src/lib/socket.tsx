import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Socket } from 'socket.io-client';
import type { ServerToClientEvents } from '@pendamping/realtime-wire';
import type { Notification } from '@/api/types';
import { meKey } from './auth';
import { useToken } from './session';

export interface Ack<T> {
  ok: boolean;
  data?: T;
  error?: { code: string; message: string };
}

export class SocketError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

const SocketContext = createContext<{ socket: Socket | null; connected: boolean }>({ socket: null, connected: false });

/**
 * One socket per logged-in device (namespace /realtime). socket.io-client loads only after login, so the
 * first screen does not pay for it; it reconnects by itself after a network change.
 */
export function SocketProvider({ children }: { children: ReactNode }) {
  const token = useToken();
  const client = useQueryClient();
  const [socket, setSocket] = useState<Socket | null>(null);
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (!token) return;
    let s: Socket | undefined;
    let cancelled = false;
    let check: ReturnType<typeof setTimeout> | undefined;
    void import('socket.io-client').then(({ io }) => {
      if (cancelled) return;
      s = io('/realtime', { auth: { token }, transports: ['websocket'], reconnectionDelayMax: 10_000 });
      s.on('connect', () => setConnected(true));
      s.on('disconnect', (reason) => {
        setConnected(false);
        // The server ends a socket whose token expired or was revoked (password changed, account disabled).
        // A password change on this device brings a new token in a moment (this effect then starts over);
        // otherwise /api/me answers 401 and the app asks the person to sign in.
        if (reason === 'io server disconnect') check = setTimeout(() => void client.invalidateQueries({ queryKey: meKey }), 5_000);
      });
      setSocket(s);
    });
    return () => {
      cancelled = true;
      clearTimeout(check);
      s?.close();
      setSocket(null);
      setConnected(false);
    };
  }, [token, client]);

  return <SocketContext.Provider value={{ socket, connected }}>{children}</SocketContext.Provider>;
}

export const useSocket = () => useContext(SocketContext);

/**
 * The server's events as the server types them (libs/realtime/src/realtime.wire.ts, type-only): a payload
 * changed there fails this app's typecheck. A pushed notification is the inbox's entry (the OpenAPI view).
 */
export type ServerEvents = Omit<ServerToClientEvents, 'notification'> & { notification: (notification: Omit<Notification, 'readAt'>) => void };

/** Subscribes to a server event for as long as the component is on screen. */
export function useSocketEvent<E extends keyof ServerEvents>(event: E, handler: ServerEvents[E]) {
  const { socket } = useSocket();
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!socket) return;
    // Each event has one payload; its type is the map's, checked at the call.
    const listener = (payload: unknown) => (ref.current as (payload: unknown) => void)(payload);
    const name: string = event;
    socket.on(name, listener);
    return () => {
      socket.off(name, listener);
    };
  }, [socket, event]);
}

/** Emits with an ack (every client event has one) and resolves the data or throws SocketError. */
export function emitAck<T>(socket: Socket, event: string, payload: unknown, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    socket.timeout(timeoutMs).emit(event, payload, (err: Error | null, ack: Ack<T>) => {
      if (err) return reject(new SocketError('TIMEOUT', err.message));
      if (ack?.ok) return resolve(ack.data as T);
      reject(new SocketError(ack?.error?.code ?? 'UNKNOWN', ack?.error?.message ?? ''));
    });
  });
}
