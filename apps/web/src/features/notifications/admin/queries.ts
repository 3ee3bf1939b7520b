import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { deliveryKeys } from './keys';

export type Delivery = Schemas['DeliveryView'];
type DeliveryPage = Schemas['DeliveryPage'];

/** Failed deliveries, most recent failure first, a page at a time. */
export function useFailedDeliveries() {
  return useInfiniteQuery({
    queryKey: deliveryKeys.failed,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/admin/notification-deliveries', { params: { query: { status: 'failed', limit: 20, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Sends one again; it is pending from then on, so it leaves the failed list at once (and for good once read again). */
export function useRetryDelivery() {
  const client = useQueryClient();
  const drop = (id: string) =>
    client.setQueryData<InfiniteData<DeliveryPage>>(deliveryKeys.failed, (data) => data && { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.filter((d) => d.id !== id) })) });
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/admin/notification-deliveries/{id}/retry', { params: { path: { id } } })),
    onSuccess: (_sent, id) => drop(id),
    // NOT_FAILED: someone else retried it meanwhile; the list is stale.
    onError: () => void client.invalidateQueries({ queryKey: deliveryKeys.failed }),
  });
}
