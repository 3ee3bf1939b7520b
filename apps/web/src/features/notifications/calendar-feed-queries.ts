import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, unwrap } from '@/api/client';
import { feedOrNull, type FeedAddress } from '@/api/types';

/** My calendar subscription (the settings card, and "add to calendar" on a consultation). */
export const calendarFeedKey = ['calendar-feed'] as const;

/** The address, or null while there is none. */
export function useCalendarFeed(enabled = true) {
  return useQuery({ queryKey: calendarFeedKey, enabled, queryFn: async () => feedOrNull(await unwrap(api.GET('/api/me/calendar-feed'))) });
}

/** Makes an address (a new one replaces, and so cuts off, the old one). */
export function useMakeCalendarFeed(onDone?: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap<FeedAddress>(api.POST('/api/me/calendar-feed', { headers: { 'Idempotency-Key': idempotencyKey() } })),
    onSuccess: (address) => {
      client.setQueryData(calendarFeedKey, address);
      onDone?.();
    },
  });
}

export function useStopCalendarFeed(onDone?: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/me/calendar-feed')),
    onSuccess: () => {
      client.setQueryData(calendarFeedKey, null);
      onDone?.();
    },
  });
}
