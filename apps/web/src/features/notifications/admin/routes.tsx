import type { RouteObject } from 'react-router';

/** The admin's notification pages; each loads its own chunk. */
export const routes: RouteObject[] = [{ path: 'admin/notifications', lazy: () => import('./deliveries-page').then((m) => ({ Component: m.DeliveriesPage })) }];
