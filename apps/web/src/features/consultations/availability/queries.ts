import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { Availability, AvailabilityInput, ClockRange } from '@/api/types';
import { availabilityKeys, mentorKeys } from '../keys';

/** My rules and upcoming overrides; null while I never set any. */
export function useMyAvailability() {
  return useQuery({ queryKey: availabilityKeys.mine, queryFn: async () => (await unwrap(api.GET('/api/mentors/me/availability'))) ?? null });
}

/** Every change answers the stored rules: keep them, and read my slots (the preview, the booking page) again. */
function stored(client: QueryClient, mentorId: string, view: Availability | null) {
  if (view) client.setQueryData(availabilityKeys.mine, view);
  else void client.invalidateQueries({ queryKey: availabilityKeys.mine });
  void client.invalidateQueries({ queryKey: mentorKeys.slots(mentorId) });
}

export function useSaveAvailability(mentorId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AvailabilityInput) => unwrap(api.PUT('/api/mentors/me/availability', { body })),
    onSuccess: (view) => stored(client, mentorId, view),
  });
}

/** A date's own hours (empty: a day off), or back to the weekly hours (`ranges` null). */
export function useSetOverride(mentorId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ date, ranges }: { date: string; ranges: ClockRange[] | null }) => {
      if (ranges) return unwrap(api.PUT('/api/mentors/me/availability/overrides/{date}', { params: { path: { date } }, body: { ranges } }));
      await unwrap(api.DELETE('/api/mentors/me/availability/overrides/{date}', { params: { path: { date } } }));
      return null;
    },
    onSuccess: (view) => stored(client, mentorId, view),
  });
}
