import type { ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router';
import { api, unwrap } from '@/api/client';
import type { AuthResult, Me, Role } from '@/api/types';
import { setLang } from '@/i18n';
import { Loading } from '@/ui/states';
import { deviceZone } from './datetime';
import { session, useToken } from './session';

export const meKey = ['me'] as const;

/** The person logged in on this device, or null. */
export function useMe() {
  const token = useToken();
  const query = useQuery({
    queryKey: meKey,
    enabled: !!token,
    queryFn: () => unwrap<Me>(api.GET('/api/me')),
    staleTime: 5 * 60_000,
  });
  return { token, me: token ? query.data : undefined, isPending: !!token && query.isPending, error: query.error };
}

export const hasRole = (me: Me | undefined, role: Role) => !!me?.roles.includes(role);

/** After login or registration: keep the token, seed the cache, speak the person's language. */
export function useSignIn() {
  const client = useQueryClient();
  return async (result: AuthResult) => {
    session.set(result.accessToken);
    client.setQueryData(meKey, result.user);
    if (result.user.locale) await setLang(result.user.locale);
  };
}

export function useSignOut() {
  const client = useQueryClient();
  return () => {
    session.clear();
    client.clear();
  };
}

/** Pages behind a login: someone arriving from a reminder's link logs in and lands on that page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { token, me, isPending } = useMe();
  const location = useLocation();
  if (!token) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (isPending || !me) return <Loading />;
  return <>{children}</>;
}

/** The zone and language every date on screen is rendered in. */
export function useZone(): string {
  const { me } = useMe();
  return me?.timezone ?? deviceZone();
}
