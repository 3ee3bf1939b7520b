import { useEffect, useRef } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, unwrap } from '@/api/client';
import type { MyRegistration, RegistrationResult } from '@/api/types';
import { useSocket, useSocketEvent } from '@/lib/socket';
import { useT } from '@/i18n';
import { workshopKeys } from './keys';

/** Every workshop query but the live rooms' (refetching those would join the room again). */
export const invalidateWorkshops = (client: QueryClient) => client.invalidateQueries({ queryKey: workshopKeys.all, predicate: (q) => q.queryKey[1] !== 'live' });

export function useWorkshop(id: string) {
  return useQuery({ queryKey: workshopKeys.detail(id), queryFn: () => unwrap(api.GET('/api/workshops/{id}', { params: { path: { id } } })) });
}

/** My registration, or null when I never registered (the api answers `status: null`). */
export function useMyRegistration(id: string, enabled: boolean) {
  return useQuery({
    queryKey: workshopKeys.registration(id),
    enabled,
    queryFn: async (): Promise<MyRegistration | null> => {
      const mine = await unwrap(api.GET('/api/workshops/{id}/registrations/me', { params: { path: { id } } }));
      return mine.status ? { ...mine, status: mine.status } : null;
    },
  });
}

export function useRegister(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap<RegistrationResult>(api.POST('/api/workshops/{id}/registrations', { params: { path: { id } }, headers: { 'Idempotency-Key': idempotencyKey() } })),
    onSuccess: (result) => {
      client.setQueryData(workshopKeys.registration(id), result);
      void invalidateWorkshops(client);
    },
  });
}

export function useLeave(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/workshops/{id}/registrations/me', { params: { path: { id } } })),
    onSuccess: () => {
      const cancelled: MyRegistration = { status: 'cancelled' };
      client.setQueryData(workshopKeys.registration(id), cancelled);
      void invalidateWorkshops(client);
    },
  });
}

const LIVE_TYPES = /^(workshop\.|certificate\.ready$)/;

/**
 * Keeps workshop screens current without a reload: a `workshop.*` or `certificate.ready` notification on
 * my sockets (promoted from the waitlist, a change, a cancellation) refreshes every workshop query, and so
 * does a socket that comes back after a drop (what it missed is in the api). Focus refetches by default.
 */
export function useWorkshopLiveUpdates() {
  const client = useQueryClient();
  const { connected } = useSocket();
  const connectedBefore = useRef(false);
  useSocketEvent('notification', (n) => {
    if (LIVE_TYPES.test(n.type)) void invalidateWorkshops(client);
  });
  useEffect(() => {
    if (!connected) return;
    if (connectedBefore.current) void invalidateWorkshops(client);
    connectedBefore.current = true;
  }, [connected, client]);
}

/** The sentences for this feature's error codes (ErrorState falls back to the common ones). */
export function useWorkshopErrors(): Record<string, string> {
  const { t } = useT();
  return t('workshops.errors', { returnObjects: true }) as Record<string, string>;
}
