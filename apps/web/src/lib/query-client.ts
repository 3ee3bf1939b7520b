import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/api/client';

/**
 * Server state for the whole app. Weak connections are the normal case: network errors and 5xx are
 * retried with backoff, a 4xx is an answer; queries refetch when the connection comes back.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      gcTime: 10 * 60_000,
      retry: (failures, error) => failures < 4 && (!(error instanceof ApiError) || error.isNetwork || error.status >= 500 || error.status === 429),
      retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 15_000),
      refetchOnReconnect: true,
      refetchOnWindowFocus: true,
      networkMode: 'online',
    },
    mutations: { retry: false, networkMode: 'online' },
  },
});
